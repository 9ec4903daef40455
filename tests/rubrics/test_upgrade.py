"""A database that loaded the shipped rubric before translations existed, then upgraded."""

import flask_migrate
import pytest
import yaml
from sqlalchemy import select

from assessor import create_app
from assessor.db import db
from assessor.rubrics.models import Question, RubricVersion
from config import TestConfig
from tests.factories import SHIPPED_RUBRIC
from tests.rubrics.test_shipped_rubric import SHIPPED_CONTENT_HASH
from tests.rubrics.test_translations import EMPTY_TRANSLATIONS_HASH

BEFORE_LANGUAGES = "b4e74331847d"


def without_translations(value):
    if isinstance(value, list):
        return [without_translations(item) for item in value]
    if isinstance(value, dict):
        return {k: without_translations(v) for k, v in value.items() if k != "translations"}
    return value


@pytest.fixture
def english_only_file(tmp_path):
    """The shipped rubric as it was first released: English only."""
    document = yaml.safe_load(SHIPPED_RUBRIC.read_text(encoding="utf-8"))
    document.pop("languages", None)
    path = tmp_path / "wsis10-multistakeholder.yaml"
    path.write_text(yaml.safe_dump(without_translations(document), allow_unicode=True))
    return path


@pytest.fixture
def app_before_languages(tmp_path, english_only_file):
    """A database at the schema before languages, holding the English-only 1.0.0."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    app = create_app(TestConfig({"DATABASE_URL": url, "INSTANCE_DIR": str(tmp_path)}))
    with app.app_context():
        flask_migrate.upgrade()
        result = app.test_cli_runner().invoke(args=["rubrics", "load", str(english_only_file)])
        assert result.exit_code == 0, result.output
        flask_migrate.downgrade(revision=BEFORE_LANGUAGES)
        yield app
        db.session.remove()
        db.engine.dispose()


def test_upgrade_then_load_adds_french_to_the_loaded_version(app_before_languages):
    flask_migrate.upgrade()
    rubric = db.session.scalar(select(RubricVersion))
    assert (rubric.content_hash, rubric.languages) == (SHIPPED_CONTENT_HASH, ["en"])
    assert rubric.translations_hash == EMPTY_TRANSLATIONS_HASH
    db.session.remove()

    runner = app_before_languages.test_cli_runner()
    result = runner.invoke(args=["rubrics", "load", str(SHIPPED_RUBRIC)])

    assert result.exit_code == 0, result.output
    assert "wsis10-multistakeholder@1.0.0: translations updated, now in en, fr" in result.output
    rubric = db.session.scalar(select(RubricVersion))
    assert (rubric.content_hash, rubric.languages) == (SHIPPED_CONTENT_HASH, ["en", "fr"])
    question = db.session.scalar(
        select(Question).where(Question.key == "openness.open_participation")
    )
    assert question.translations["fr"]["prompt"].startswith("Toute partie prenante")
    again = runner.invoke(args=["rubrics", "load", str(SHIPPED_RUBRIC)])
    assert "wsis10-multistakeholder@1.0.0: already loaded, unchanged" in again.output
