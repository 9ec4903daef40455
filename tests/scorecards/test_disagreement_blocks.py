"""Disagreement blocks: rendered once for every scorecard of a process that shows them."""

import pytest

from assessor.scorecards import disagreement_blocks
from tests.factories import published_assessment, stored_process, stored_rubric, stored_user


@pytest.fixture
def scorecards(session) -> list[int]:
    """Two published scorecards of one process whose assessors disagree on every question."""
    rubric = stored_rubric(session)
    process = stored_process(session, name="IGF 2013 Workshop #41: Principles")
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    ids = [
        published_assessment(
            session, rubric, process, assessor, reviewer, level_of=lambda i, s=shift: (i + s) % 5
        ).id
        for shift in (0, 3)
    ]
    session.commit()
    return ids


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The language of each block rendered, from none kept."""
    monkeypatch.setattr(
        disagreement_blocks,
        "_kept",
        type(disagreement_blocks._kept)(disagreement_blocks.KEPT_BLOCKS),
    )
    languages = []
    original = disagreement_blocks.render_template

    def counting(name, **context):
        languages.append(disagreement_blocks.current_language())
        return original(name, **context)

    monkeypatch.setattr(disagreement_blocks, "render_template", counting)
    return languages


def blocks(page: str) -> list[str]:
    """The disagreement blocks of a page: from each counts table to the end of its quotes."""
    parts = page.split('<div class="disagreement"')[1:]
    return [part[part.index('<div class="table-scroll"') : part.index("</ul>\n")] for part in parts]


def test_the_second_scorecard_of_a_process_renders_no_block_and_shows_the_same(
    client, scorecards, rendered
):
    first, second = (
        client.get(f"/assessments/{assessment_id}/scorecard").get_data(as_text=True)
        for assessment_id in scorecards
    )
    shown = blocks(first)
    assert shown and len(rendered) == len(shown)
    assert blocks(second) == shown
    assert "ratings of 1.1, from level" in shown[0]
    # Each scorecard still links to its own ratings pages.
    assert f"/assessments/{scorecards[1]}/scorecard/ratings/" in second


def test_each_language_and_the_pdf_layout_have_blocks_of_their_own(client, scorecards, rendered):
    page = client.get(f"/assessments/{scorecards[0]}/scorecard").get_data(as_text=True)
    per_page = len(rendered)
    french = client.get(f"/assessments/{scorecards[1]}/scorecard?lang=fr").get_data(as_text=True)
    assert rendered[per_page:] == ["fr"] * per_page
    assert blocks(french) != blocks(page)
    client.get(f"/assessments/{scorecards[1]}/scorecard.pdf")
    assert rendered[2 * per_page :] == ["en"] * per_page


def test_only_the_newest_blocks_are_kept(client, scorecards, rendered, monkeypatch):
    monkeypatch.setattr(disagreement_blocks._kept, "capacity", 1)
    for assessment_id in scorecards:
        client.get(f"/assessments/{assessment_id}/scorecard")
    assert len(disagreement_blocks._kept) == 1
    assert len(rendered) == 2 * len(
        blocks(client.get(f"/assessments/{scorecards[0]}/scorecard").get_data(as_text=True))
    )
