"""Rubric files: each kind of problem is reported as ``file: path: message``."""

import copy

import pytest

from assessor.rubrics.loader import RubricFileError, parse_rubric
from tests.factories import rubric_document, rubric_yaml, tagged

FILE = "rubrics/x.yaml"


def problems_of(text: str) -> list[str]:
    with pytest.raises(RubricFileError) as caught:
        parse_rubric(text, FILE)
    return [str(problem) for problem in caught.value.problems]


def problems_of_document(change) -> list[str]:
    document = copy.deepcopy(rubric_document())
    change(document)
    return problems_of(rubric_yaml(document))


def test_a_valid_file_loads_with_its_content_hash():
    rubric = parse_rubric(rubric_yaml(), FILE)
    assert rubric.data["slug"] == "sample-rubric"
    assert len(rubric.content_hash) == 64


def test_layout_and_comments_do_not_change_the_content_hash():
    plain = parse_rubric(rubric_yaml(), FILE)
    commented = parse_rubric("# a comment\n\n" + rubric_yaml(), FILE)
    assert plain.content_hash == commented.content_hash


def test_a_changed_text_changes_the_content_hash():
    changed = rubric_document(title="Another title")
    assert (
        parse_rubric(rubric_yaml(changed), FILE).content_hash
        != parse_rubric(rubric_yaml(), FILE).content_hash
    )


def test_bad_yaml_syntax_names_line_and_column():
    assert problems_of("slug: x\ntitle: [unclosed\n") == [
        f"{FILE}: line 3, column 1: expected ',' or ']', but got '<stream end>'"
    ]


def test_a_top_level_that_is_not_a_mapping_is_refused():
    assert problems_of("- just\n- a list\n") == [f"{FILE}: expected a mapping at the top level"]


def test_duplicate_yaml_key_is_refused():
    text = rubric_yaml().replace(
        "title: Sample rubric\n", "title: Sample rubric\ntitle: Again\n", 1
    )
    assert problems_of(text) == [
        f"{FILE}: line 4, column 1: duplicate key 'title' (first at line 3)"
    ]


def test_unknown_field_is_refused():
    problems = problems_of_document(lambda d: d["pillars"][0].update(colour="blue"))
    assert problems == [f"{FILE}: pillars[0].colour: Unknown field"]


def test_missing_field_is_named():
    problems = problems_of_document(lambda d: d["pillars"][1]["questions"][0].pop("guidance"))
    assert problems == [
        f"{FILE}: pillars[1].questions[0].guidance: Missing data for required field"
    ]


@pytest.mark.parametrize("weight", [0, -1])
def test_non_positive_question_weight_is_refused(weight):
    problems = problems_of_document(lambda d: d["pillars"][1]["questions"][0].update(weight=weight))
    assert problems == [f"{FILE}: pillars[1].questions[0].weight: must be a positive number"]


def test_non_positive_pillar_weight_is_refused():
    problems = problems_of_document(lambda d: d["pillars"][0].update(weight=0))
    assert problems == [f"{FILE}: pillars[0].weight: must be a positive number"]


def test_missing_level_is_counted():
    problems = problems_of_document(lambda d: d["pillars"][1]["questions"][0]["levels"].pop())
    assert problems == [f"{FILE}: pillars[1].questions[0].levels: expected 5 levels (0-4), got 4"]


def test_levels_out_of_order_are_refused():
    def swap(document):
        levels = document["pillars"][0]["questions"][1]["levels"]
        levels[1], levels[2] = levels[2], levels[1]

    assert problems_of_document(swap) == [
        f"{FILE}: pillars[0].questions[1].levels: levels must be listed in order 0, 1, 2, 3, 4; "
        "got 0, 2, 1, 3, 4"
    ]


def test_citing_an_undefined_source_is_refused():
    def cite(document):
        document["pillars"][0]["questions"][0]["sources"][0]["source"] = "netmundial"

    assert problems_of_document(cite) == [
        f"{FILE}: pillars[0].questions[0].sources[0].source: cites source 'netmundial', "
        "which the file does not define under sources"
    ]


@pytest.mark.parametrize("threshold", [0, 5])
def test_evidence_threshold_out_of_range_is_refused(threshold):
    change = lambda d: d["pillars"][0]["questions"][0].update(evidence_threshold=threshold)  # noqa: E731
    assert problems_of_document(change) == [
        f"{FILE}: pillars[0].questions[0].evidence_threshold: must be a level from 1 to 4"
    ]


def test_duplicate_question_key_is_refused():
    def duplicate(document):
        document["pillars"][0]["questions"][1]["key"] = "openness.open_participation"

    assert problems_of_document(duplicate) == [
        f"{FILE}: pillars[0].questions[1].key: duplicate question key "
        "'openness.open_participation' (first at pillars[0].questions[0].key)"
    ]


def test_duplicate_pillar_key_is_refused():
    def duplicate(document):
        document["pillars"][1]["key"] = "openness"
        for question in document["pillars"][1]["questions"]:
            question["key"] = question["key"].replace("transparency.", "openness.x_")

    assert problems_of_document(duplicate) == [
        f"{FILE}: pillars[1].key: duplicate pillar key 'openness' (first at pillars[0].key)"
    ]


def test_question_key_must_start_with_its_pillar_key():
    problems = problems_of_document(
        lambda d: d["pillars"][0]["questions"][0].update(key="transparency.open_participation")
    )
    assert problems == [
        f"{FILE}: pillars[0].questions[0].key: must start with its pillar key 'openness.'"
    ]


def test_bad_version_and_slug_are_explained():
    problems = problems_of_document(lambda d: d.update(version="1.0", slug="Sample Rubric"))
    assert problems == [
        f"{FILE}: slug: must be lowercase letters, digits and hyphens",
        f"{FILE}: version: must be a semantic version such as 1.0.0",
    ]


def test_every_problem_in_a_file_is_listed_at_once():
    def break_many(document):
        document["pillars"][0]["weight"] = -2
        document["pillars"][1]["questions"][1]["levels"].pop(0)
        document["pillars"][1]["questions"][0]["sources"][0]["source"] = "unknown"
        document["sources"][0]["publisher"] = "ITU"

    assert problems_of_document(break_many) == [
        f"{FILE}: sources[0].publisher: Unknown field",
        f"{FILE}: pillars[0].weight: must be a positive number",
        f"{FILE}: pillars[1].questions[1].levels: expected 5 levels (0-4), got 4",
        f"{FILE}: pillars[1].questions[0].sources[0].source: cites source 'unknown', "
        "which the file does not define under sources",
    ]


def test_source_dates_stay_text():
    rubric = parse_rubric(
        rubric_yaml(rubric_document()).replace("24 October 2013", "2013-10-24"), FILE
    )
    assert rubric.data["sources"][0]["date"] == "2013-10-24"


EVERY_QUESTION_TAGGED = (
    ["agenda_setting"],
    ["agenda_setting", "decision_making"],
    ["whole_process"],
    ["policy_formulation"],
)


def test_stage_tags_load_in_process_order():
    document = copy.deepcopy(rubric_document())
    tagged(document, *EVERY_QUESTION_TAGGED)
    rubric = parse_rubric(rubric_yaml(document), FILE)
    loaded = [q["stages"] for pillar in rubric.data["pillars"] for q in pillar["questions"]]
    assert loaded == list(EVERY_QUESTION_TAGGED)


def test_a_file_without_stage_tags_keeps_the_hash_it_had_before_they_existed():
    document = copy.deepcopy(rubric_document())
    tagged(document, *EVERY_QUESTION_TAGGED)
    untagged = parse_rubric(rubric_yaml(), FILE)
    assert "stages" not in untagged.data["pillars"][0]["questions"][0]
    assert parse_rubric(rubric_yaml(document), FILE).content_hash != untagged.content_hash


@pytest.mark.parametrize(
    ("stages", "problem"),
    [
        (
            ["drafting"],
            "stages[0]: must be one of: agenda_setting, policy_formulation, decision_making, "
            "whole_process",
        ),
        ([], "stages: name at least one stage, or leave stages out"),
        (["agenda_setting", "agenda_setting"], "stages: names a stage twice"),
        (
            ["whole_process", "decision_making"],
            "stages: whole_process spans every stage: give it alone, or name the stages instead",
        ),
        (
            ["decision_making", "agenda_setting"],
            "stages: list the stages in the order a process runs them",
        ),
    ],
)
def test_bad_stage_tags_are_refused_with_the_reason(stages, problem):
    change = lambda d: tagged(d, stages, *EVERY_QUESTION_TAGGED[1:])  # noqa: E731
    assert problems_of_document(change) == [f"{FILE}: pillars[0].questions[0].{problem}"]


def test_a_version_that_tags_some_questions_must_tag_every_one():
    assert problems_of_document(lambda d: tagged(d, *EVERY_QUESTION_TAGGED[:3])) == [
        f"{FILE}: pillars[1].questions[1].stages: other questions are tagged with stages: "
        "tag this one too"
    ]
