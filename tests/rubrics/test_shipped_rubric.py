"""The default rubric shipped in rubrics/: valid, complete, and traceable to its sources."""

from pathlib import Path

import pytest

from assessor.rubrics.loader import read_rubric
from config import PROJECT_DIR

SHIPPED = PROJECT_DIR / "rubrics" / "wsis10-multistakeholder-1.0.0.yaml"
# The content hash databases have stored for version 1.0.0 since it was first loaded: adding or
# correcting its translations must leave it as it is.
SHIPPED_CONTENT_HASH = "5d3c45fa4c654c709bc768bb6d9172f90104af0356978e50d17a6a81a6f237a5"
SEED_FILE_NAMES = [path.name for path in (PROJECT_DIR.parent / "shared" / "seeds").glob("*.txt")]


@pytest.fixture(scope="module")
def rubric() -> dict:
    return read_rubric(SHIPPED).data


def questions(rubric: dict) -> list[dict]:
    return [question for pillar in rubric["pillars"] for question in pillar["questions"]]


def test_every_shipped_rubric_file_validates():
    for path in sorted(Path(PROJECT_DIR / "rubrics").glob("*.yaml")):
        read_rubric(path)


def test_default_rubric_is_version_1_0_0(rubric):
    assert (rubric["slug"], rubric["version"]) == ("wsis10-multistakeholder", "1.0.0")


def test_default_rubric_keeps_the_content_hash_of_its_first_release():
    assert read_rubric(SHIPPED).content_hash == SHIPPED_CONTENT_HASH


def test_default_rubric_has_the_five_named_pillars(rubric):
    titles = [pillar["title"] for pillar in rubric["pillars"]]
    assert titles == [
        "Openness",
        "Equal footing",
        "Transparency",
        "Bottom-up agenda-setting",
        "Due process",
    ]


def test_each_pillar_has_4_to_6_questions_and_20_to_30_in_all(rubric):
    assert all(4 <= len(pillar["questions"]) <= 6 for pillar in rubric["pillars"])
    assert 20 <= len(questions(rubric)) <= 30


def test_every_question_has_five_descriptors_guidance_and_a_source(rubric):
    for question in questions(rubric):
        assert [level["level"] for level in question["levels"]] == [0, 1, 2, 3, 4], question["key"]
        assert question["guidance"].strip() and question["sources"], question["key"]


def test_every_source_is_cited_with_title_issuer_and_date(rubric):
    cited = {
        citation["source"] for question in questions(rubric) for citation in question["sources"]
    }
    assert cited == {source["id"] for source in rubric["sources"]}
    for source in rubric["sources"]:
        assert source["title"] and source["issuer"] and source["date"]


def test_no_source_is_named_by_a_file_name():
    text = SHIPPED.read_text(encoding="utf-8")
    assert ".txt" not in text
    assert not [name for name in SEED_FILE_NAMES if name.split(".")[0] in text]


NEWEST = PROJECT_DIR / "rubrics" / "wsis10-multistakeholder-1.1.0.yaml"
# The 1.0.0 questions that tested several things at once, and the questions 1.1.0 asks instead.
SPLIT = {
    "openness.remote_participation": {
        "openness.remote_interventions",
        "openness.anonymous_contribution",
    },
    "openness.accessible_participation": {
        "openness.developing_country_access",
        "openness.youth_access",
        "openness.disability_access",
    },
    "equal_footing.advisory_group_formation": {
        "equal_footing.advisory_group_selection",
        "equal_footing.advisory_group_balance",
        "equal_footing.advisory_group_mandate",
    },
    "equal_footing.geographic_balance": {
        "equal_footing.regional_participation",
        "equal_footing.leadership_balance",
    },
    "equal_footing.representation_mandates": {
        "equal_footing.representative_accountability",
        "equal_footing.representativeness_review",
    },
}


@pytest.fixture(scope="module")
def newest() -> dict:
    return read_rubric(NEWEST).data


def by_key(rubric: dict) -> dict[str, dict]:
    return {question["key"]: question for question in questions(rubric)}


def test_version_1_1_0_is_complete_in_english_and_french(newest):
    assert (newest["slug"], newest["version"]) == ("wsis10-multistakeholder", "1.1.0")
    assert newest["languages"] == ["en", "fr"]


def test_version_1_1_0_asks_the_split_questions_instead_of_the_bundled_ones(rubric, newest):
    old, new = set(by_key(rubric)), set(by_key(newest))
    assert old - new == set(SPLIT)
    assert new - old == set().union(*SPLIT.values())


def test_version_1_1_0_keeps_every_unsplit_question_word_for_word(rubric, newest):
    old, new = by_key(rubric), by_key(newest)
    for key in set(old) - set(SPLIT):
        kept = {name: value for name, value in new[key].items() if name != "stages"}
        assert kept == old[key], key


def test_version_1_1_0_tags_every_question_with_its_stages(newest):
    untagged = [question["key"] for question in questions(newest) if not question.get("stages")]
    assert untagged == []
    tagged = {stage for question in questions(newest) for stage in question["stages"]}
    assert tagged == {"agenda_setting", "policy_formulation", "decision_making", "whole_process"}


def test_representatives_may_be_not_applicable_where_people_take_part_as_individuals(newest):
    question = by_key(newest)["equal_footing.representative_accountability"]
    assert question["not_applicable_allowed"] is True
    english, french = question["guidance"], question["translations"]["fr"]["guidance"]
    assert "Mark not applicable where every participant takes part as an individual" in english
    assert "« sans objet » lorsque chaque participant prend part à titre individuel" in french


def test_each_split_question_cites_a_source_the_bundled_one_rested_on(rubric, newest):
    old, new = by_key(rubric), by_key(newest)
    for bundled, parts in SPLIT.items():
        sources = {citation["source"] for citation in old[bundled]["sources"]}
        for part in parts:
            assert {citation["source"] for citation in new[part]["sources"]} & sources, part
