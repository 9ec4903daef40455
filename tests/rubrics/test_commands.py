"""``flask rubrics validate`` and ``flask rubrics load``."""

from pathlib import Path

from sqlalchemy import func, select

from assessor.rubrics.models import LevelDescriptor, Question, RubricVersion
from tests.factories import rubric_document, rubric_yaml


def write(folder: Path, name: str, document: dict) -> Path:
    path = folder / name
    path.write_text(rubric_yaml(document), encoding="utf-8")
    return path


def rubric_count(session) -> int:
    return session.scalar(select(func.count()).select_from(RubricVersion))


def test_validate_accepts_a_good_file(runner, tmp_path):
    path = write(tmp_path, "good.yaml", rubric_document())
    result = runner.invoke(args=["rubrics", "validate", str(path)])
    assert result.exit_code == 0
    assert f"{path}: ok (sample-rubric@1.0.0)" in result.output


def test_validate_lists_problems_and_exits_1(runner, tmp_path):
    document = rubric_document()
    document["pillars"][0]["questions"][0]["levels"].pop()
    path = write(tmp_path, "bad.yaml", document)
    result = runner.invoke(args=["rubrics", "validate", str(path)])
    assert result.exit_code == 1
    assert (
        f"{path}: pillars[0].questions[0].levels: expected 5 levels (0-4), got 4" in result.output
    )


def test_validate_reads_every_yaml_file_of_a_folder(runner, tmp_path):
    write(tmp_path, "a.yaml", rubric_document())
    write(tmp_path, "b.yml", rubric_document(slug="other-rubric"))
    result = runner.invoke(args=["rubrics", "validate", str(tmp_path)])
    assert result.exit_code == 0
    assert "sample-rubric@1.0.0" in result.output and "other-rubric@1.0.0" in result.output


def test_validate_refuses_a_missing_path(runner, tmp_path):
    result = runner.invoke(args=["rubrics", "validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_load_stores_the_rubric_with_all_its_questions(runner, session, tmp_path):
    result = runner.invoke(
        args=["rubrics", "load", str(write(tmp_path, "r.yaml", rubric_document()))]
    )
    assert result.exit_code == 0, result.output
    assert "sample-rubric@1.0.0: loaded" in result.output
    assert session.scalar(select(func.count()).select_from(Question)) == 4


def test_load_twice_changes_nothing(runner, session, tmp_path):
    path = write(tmp_path, "r.yaml", rubric_document())
    runner.invoke(args=["rubrics", "load", str(path)])
    result = runner.invoke(args=["rubrics", "load", str(path)])
    assert result.exit_code == 0
    assert "already loaded, unchanged" in result.output
    assert rubric_count(session) == 1


def test_load_adds_a_new_version_beside_the_old(runner, session, tmp_path):
    runner.invoke(args=["rubrics", "load", str(write(tmp_path, "v1.yaml", rubric_document()))])
    newer = rubric_document(version="1.1.0", title="Sample rubric, revised")
    result = runner.invoke(args=["rubrics", "load", str(write(tmp_path, "v2.yaml", newer))])
    assert result.exit_code == 0
    versions = session.scalars(select(RubricVersion.version).order_by(RubricVersion.version)).all()
    assert versions == ["1.0.0", "1.1.0"]


def test_load_refuses_a_changed_file_that_keeps_a_loaded_version(runner, session, tmp_path):
    runner.invoke(args=["rubrics", "load", str(write(tmp_path, "r.yaml", rubric_document()))])
    changed = write(tmp_path, "r.yaml", rubric_document(title="Quietly changed"))
    result = runner.invoke(args=["rubrics", "load", str(changed)])
    assert result.exit_code == 1
    assert "sample-rubric@1.0.0 is already loaded with different content" in result.output
    assert session.scalar(select(RubricVersion.title)) == "Sample rubric"


def test_load_stores_nothing_when_any_file_is_bad(runner, session, tmp_path):
    write(tmp_path, "a.yaml", rubric_document())
    bad = rubric_document(slug="broken")
    bad["pillars"][1]["weight"] = 0
    write(tmp_path, "b.yaml", bad)
    result = runner.invoke(args=["rubrics", "load", str(tmp_path)])
    assert result.exit_code == 1
    assert "pillars[1].weight: must be a positive number" in result.output
    assert rubric_count(session) == 0


def test_load_defaults_to_the_rubrics_dir(runner, session, app):
    write(Path(app.config["RUBRICS_DIR"]), "default.yaml", rubric_document(slug="from-dir"))
    try:
        result = runner.invoke(args=["rubrics", "load"])
    finally:
        (Path(app.config["RUBRICS_DIR"]) / "default.yaml").unlink()
    assert "from-dir@1.0.0: loaded" in result.output


def test_validate_lists_every_missing_translation(runner, tmp_path):
    document = rubric_document(translated_into=("fr",))
    del document["pillars"][0]["questions"][1]["translations"]["fr"]["prompt"]
    del document["pillars"][1]["questions"][0]["levels"][3]["translations"]
    path = write(tmp_path, "partly-french.yaml", document)
    result = runner.invoke(args=["rubrics", "validate", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: pillars[0].questions[1].translations.fr.prompt: missing the fr text",
        f"{path}: pillars[1].questions[0].levels[3].translations.fr.descriptor: "
        "missing the fr text",
    ]


def test_load_refuses_a_file_with_a_missing_translation(runner, session, tmp_path):
    document = rubric_document(translated_into=("fr",))
    del document["pillars"][1]["translations"]["fr"]["summary"]
    result = runner.invoke(args=["rubrics", "load", str(write(tmp_path, "r.yaml", document))])
    assert result.exit_code == 1
    assert "pillars[1].translations.fr.summary: missing the fr text" in result.output
    assert rubric_count(session) == 0


def test_load_stores_the_translations_of_every_item(runner, session, tmp_path):
    document = rubric_document(translated_into=("fr",))
    result = runner.invoke(args=["rubrics", "load", str(write(tmp_path, "r.yaml", document))])
    assert "sample-rubric@1.0.0: loaded, in en, fr" in result.output
    rubric = session.scalar(select(RubricVersion))
    assert rubric.languages == ["en", "fr"]
    assert rubric.translations["fr"]["title"] == "Sample rubric [fr]"
    question = rubric.pillars[1].questions[1]
    assert question.translations["fr"]["prompt"] == "Is decision rationale realised? [fr]"
    assert question.levels[2].translations == {
        "fr": {"descriptor": "decision_rationale is partial. [fr]"}
    }


def test_load_twice_with_the_same_translations_changes_nothing(runner, session, tmp_path):
    path = write(tmp_path, "r.yaml", rubric_document(translated_into=("fr",)))
    runner.invoke(args=["rubrics", "load", str(path)])
    result = runner.invoke(args=["rubrics", "load", str(path)])
    assert result.exit_code == 0
    assert "sample-rubric@1.0.0: already loaded, unchanged" in result.output


def test_load_adds_translations_to_a_loaded_version(runner, session, tmp_path):
    runner.invoke(args=["rubrics", "load", str(write(tmp_path, "r.yaml", rubric_document()))])
    hash_before = session.scalar(select(RubricVersion.content_hash))
    translated = write(tmp_path, "r.yaml", rubric_document(translated_into=("fr",)))
    result = runner.invoke(args=["rubrics", "load", str(translated)])
    assert result.exit_code == 0, result.output
    assert "sample-rubric@1.0.0: translations updated, now in en, fr" in result.output
    session.expire_all()
    rubric = session.scalar(select(RubricVersion))
    assert (rubric.content_hash, rubric.languages) == (hash_before, ["en", "fr"])
    assert rubric.pillars[0].translations == {
        "fr": {"title": "Openness [fr]", "summary": "Who may take part. [fr]"}
    }
    assert rubric_count(session) == 1


def test_load_corrects_the_translations_of_a_loaded_version(runner, session, tmp_path):
    document = rubric_document(translated_into=("fr",))
    runner.invoke(args=["rubrics", "load", str(write(tmp_path, "r.yaml", document))])
    level = document["pillars"][0]["questions"][0]["levels"][4]
    level["translations"]["fr"]["descriptor"] = "La participation ouverte est pleinement réalisée."
    result = runner.invoke(args=["rubrics", "load", str(write(tmp_path, "r.yaml", document))])
    assert "sample-rubric@1.0.0: translations updated, now in en, fr" in result.output
    session.expire_all()
    stored = session.scalar(
        select(LevelDescriptor)
        .join(Question)
        .where(Question.key == "openness.open_participation", LevelDescriptor.level == 4)
    )
    assert stored.translations["fr"]["descriptor"] == (
        "La participation ouverte est pleinement réalisée."
    )


def test_load_refuses_changed_content_even_with_new_translations(runner, session, tmp_path):
    runner.invoke(args=["rubrics", "load", str(write(tmp_path, "r.yaml", rubric_document()))])
    changed = rubric_document(translated_into=("fr",))
    changed["pillars"][0]["questions"][0]["weight"] = 3
    result = runner.invoke(args=["rubrics", "load", str(write(tmp_path, "r.yaml", changed))])
    assert result.exit_code == 1
    assert "sample-rubric@1.0.0 is already loaded with different content" in result.output
    session.expire_all()
    assert session.scalar(select(RubricVersion.languages)) == ["en"]
