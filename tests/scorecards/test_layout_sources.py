"""The key of a kept page or PDF covers every file the render reads, found by following the
code: editing any of them makes a new key, so nothing stale is served."""

import inspect
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assessor.presentation.pdf import STATIC_SCHEME
from assessor.rubrics.texts import rubric_text
from assessor.scorecards.fingerprint import ScorecardState
from assessor.scorecards.pages import PAGE_LAYOUT, page_key
from assessor.scorecards.pdfs import PDF_LAYOUT, PDF_STYLESHEETS, pdf_key
from assessor.scorecards.sources import layout_files, layout_version, module_file

STATE = ScorecardState(1, "published", 1, "A process", datetime(2024, 5, 1, tzinfo=UTC), ("1",))
KEYS = {"pdf": (PDF_LAYOUT, pdf_key), "page": (PAGE_LAYOUT, page_key)}
READ_BYTES = Path.read_bytes


@pytest.fixture
def fresh_versions():
    """Versions hashed anew for each key, and the files' own again after the test."""
    layout_version.cache_clear()
    yield
    layout_version.cache_clear()


def reading_edited(edited: Path):
    """Path.read_bytes as if ``edited`` ended with one more byte."""

    def read_bytes(path: Path) -> bytes:
        return READ_BYTES(path) + (b"\n" if path == edited else b"")

    return read_bytes


def template_file(app, name: str) -> Path:
    return Path(app.jinja_env.loader.get_source(app.jinja_env, name)[1]).resolve()


@pytest.mark.parametrize("kind", KEYS)
@pytest.mark.usefixtures("fresh_versions")
def test_editing_any_file_the_render_reads_changes_the_key(app, monkeypatch, kind):
    layout, key_of = KEYS[kind]
    with app.test_request_context("/?lang=fr"):
        files = sorted(layout_files(layout))
        unedited = key_of(STATE)
        keys = set()
        for edited in files:
            layout_version.cache_clear()
            monkeypatch.setattr(Path, "read_bytes", reading_edited(edited))
            keys.add(key_of(STATE))
    assert len(keys) == len(files) and unedited not in keys


@pytest.mark.parametrize("layout", [PDF_LAYOUT, PAGE_LAYOUT])
def test_the_files_a_listed_key_forgot_are_found(app, layout):
    labels = inspect.getsourcefile(app.jinja_env.globals["page_number_parts"])
    texts = inspect.getsourcefile(rubric_text)
    level_counts_head = template_file(app, "scorecards/_level_counts_head.html")
    # Rendered by a template global (scorecards.disagreement_blocks), not by a template.
    disagreement = template_file(app, "scorecards/_disagreement.html")
    with app.app_context():
        files = layout_files(layout)
    expected = {Path(labels).resolve(), Path(texts).resolve(), level_counts_head, disagreement}
    assert expected <= files


# The modules the hand-kept list named, where they now sit: found through the imports.
FORMERLY_LISTED = (
    "assessor.presentation.charts",
    "assessor.assessments.results",
    "assessor.scorecards.disagreements",
    "assessor.scorecards.document",
    "assessor.presentation.filters",
    "assessor.presentation.formatting",
    "assessor.scorecards.schemas",
    "assessor.stakeholders",
)


@pytest.mark.parametrize("layout", [PDF_LAYOUT, PAGE_LAYOUT])
def test_the_modules_a_listed_key_named_are_found_where_they_moved(app, layout):
    with app.app_context():
        files = layout_files(layout)
    assert {module_file(module) for module in FORMERLY_LISTED} <= files


@pytest.mark.parametrize(
    "module", ["assessor.users.sign_ins", "assessor.cli", "assessor.scorecards.batch_views"]
)
def test_a_module_the_render_does_not_import_is_not_in_its_files(app, module):
    path = module_file(module)
    assert path is not None and path.is_file()
    with app.app_context():
        assert path not in layout_files(PDF_LAYOUT) | layout_files(PAGE_LAYOUT)


def test_the_stylesheets_a_pdf_loads_are_its_files_and_not_the_page_parts(app):
    stylesheet = (Path(app.static_folder) / "css" / "scorecard.css").resolve()
    assert f"{STATIC_SCHEME}css/scorecard.css" in PDF_STYLESHEETS
    with app.app_context():
        assert stylesheet in layout_files(PDF_LAYOUT)
        assert stylesheet not in layout_files(PAGE_LAYOUT)
