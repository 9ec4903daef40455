"""Rubric files in several languages: complete translations only, into languages listed."""

import copy

import pytest

from assessor.rubrics.loader import RubricFileError, content_hash, parse_rubric
from tests.factories import rubric_document, rubric_yaml, translated_text

FILE = "rubrics/x.yaml"
# The hash the languages migration gave rubrics loaded before translations existed.
EMPTY_TRANSLATIONS_HASH = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"


def problems_of_document(document: dict) -> list[str]:
    with pytest.raises(RubricFileError) as caught:
        parse_rubric(rubric_yaml(document), FILE)
    return [str(problem) for problem in caught.value.problems]


def changed_french(change) -> list[str]:
    document = copy.deepcopy(rubric_document(translated_into=("fr",)))
    change(document)
    return problems_of_document(document)


def test_a_translated_file_loads_with_its_languages_and_text():
    data = parse_rubric(rubric_yaml(rubric_document(translated_into=("fr",))), FILE).data
    assert data["languages"] == ["en", "fr"]
    assert data["translations"] == {
        "fr": {"title": "Sample rubric [fr]", "summary": "A rubric for tests. [fr]"}
    }
    level = data["pillars"][1]["questions"][0]["levels"][3]
    assert level["translations"] == {"fr": {"descriptor": "public_documents is substantial. [fr]"}}


def test_languages_default_to_the_rubric_language():
    assert parse_rubric(rubric_yaml(), FILE).data["languages"] == ["en"]


def test_the_rubric_language_is_listed_first():
    document = rubric_document(translated_into=("fr",))
    document["languages"] = ["fr", "en"]
    assert parse_rubric(rubric_yaml(document), FILE).data["languages"] == ["en", "fr"]


def test_every_missing_text_is_listed_with_its_path():
    def remove_some(document):
        del document["translations"]["fr"]["summary"]
        del document["pillars"][0]["translations"]["fr"]["title"]
        del document["pillars"][1]["questions"][0]["translations"]["fr"]["guidance"]
        del document["pillars"][1]["questions"][0]["levels"][3]["translations"]
        document["pillars"][0]["questions"][1]["levels"][0]["translations"] = {}

    assert changed_french(remove_some) == [
        f"{FILE}: translations.fr.summary: missing the fr text",
        f"{FILE}: pillars[0].translations.fr.title: missing the fr text",
        f"{FILE}: pillars[0].questions[1].levels[0].translations.fr.descriptor: "
        "missing the fr text",
        f"{FILE}: pillars[1].questions[0].translations.fr.guidance: missing the fr text",
        f"{FILE}: pillars[1].questions[0].levels[3].translations.fr.descriptor: "
        "missing the fr text",
    ]


def test_a_language_listed_without_any_text_lacks_every_string():
    document = rubric_document(languages=["en", "fr"])
    problems = problems_of_document(document)
    # Title and summary of the rubric and both pillars; prompt, guidance, 5 levels of 4 questions.
    assert len(problems) == 2 + 2 * 2 + 4 * (2 + 5)
    assert all(problem.endswith(": missing the fr text") for problem in problems)
    assert f"{FILE}: pillars[1].questions[1].levels[4].translations.fr.descriptor" in problems[-1]


def test_each_language_is_checked_for_completeness():
    def add_german_partly(document):
        document["languages"].append("de")
        document["pillars"][0]["translations"]["de"] = {"title": "Offenheit"}

    problems = changed_french(add_german_partly)
    assert f"{FILE}: pillars[0].translations.de.summary: missing the de text" in problems
    assert f"{FILE}: pillars[0].translations.de.title: missing the de text" not in problems
    assert f"{FILE}: translations.de.title: missing the de text" in problems
    assert not [problem for problem in problems if ".fr." in problem]


def test_an_empty_summary_needs_no_translation():
    document = rubric_document(translated_into=("fr",))
    document["pillars"][1]["summary"] = ""
    del document["pillars"][1]["translations"]["fr"]["summary"]
    parse_rubric(rubric_yaml(document), FILE)


def test_translating_an_empty_summary_is_refused():
    def empty_source(document):
        document["pillars"][1]["summary"] = ""

    assert changed_french(empty_source) == [
        f"{FILE}: pillars[1].translations.fr.summary: the en summary is empty: "
        "there is nothing to translate"
    ]


def test_a_translation_into_a_language_not_listed_is_refused():
    def add_german(document):
        document["pillars"][0]["questions"][0]["translations"]["de"] = {"prompt": "Offen?"}

    assert changed_french(add_german) == [
        f"{FILE}: pillars[0].questions[0].translations.de: de is not listed in languages"
    ]


def test_a_translation_without_any_other_language_is_refused():
    document = rubric_document()
    document["pillars"][0]["translations"] = {"fr": {"title": "Ouverture"}}
    assert problems_of_document(document) == [
        f"{FILE}: pillars[0].translations.fr: fr is not listed in languages"
    ]


def test_a_translation_into_the_rubric_language_is_refused():
    def translate_into_english(document):
        document["translations"]["en"] = {"title": "Another title"}

    assert changed_french(translate_into_english) == [
        f"{FILE}: translations.en: en is the rubric's own language: no translation needed"
    ]


def test_an_unknown_field_under_a_translation_is_refused():
    def add_colour(document):
        document["pillars"][0]["translations"]["fr"]["colour"] = "bleu"

    assert changed_french(add_colour) == [
        f"{FILE}: pillars[0].translations.fr.colour: Unknown field"
    ]


@pytest.mark.parametrize(
    ("where", "field", "value"),
    [
        (lambda d: d["pillars"][0], "key", "ouverture"),
        (lambda d: d["pillars"][0], "weight", 3),
        (lambda d: d["pillars"][0]["questions"][0], "evidence_threshold", 1),
        (lambda d: d["pillars"][0]["questions"][0]["levels"][2], "level", 3),
    ],
)
def test_keys_weights_levels_and_thresholds_are_not_translated(where, field, value):
    def translate_it(document):
        where(document)["translations"]["fr"][field] = value

    (problem,) = changed_french(translate_it)
    assert problem.endswith(
        f".translations.fr.{field}: is the same in every language: give it once, "
        "outside translations"
    )


def test_blank_and_over_long_translations_are_refused():
    def break_texts(document):
        document["translations"]["fr"]["title"] = "  "
        document["pillars"][1]["questions"][1]["levels"][0]["translations"]["fr"]["descriptor"] = (
            "x" * 2001
        )

    assert changed_french(break_texts) == [
        f"{FILE}: translations.fr.title: must not be blank",
        f"{FILE}: pillars[1].questions[1].levels[0].translations.fr.descriptor: "
        "must be at most 2000 characters",
    ]


def test_translations_must_be_a_mapping_by_language():
    def break_shapes(document):
        document["pillars"][0]["translations"] = ["Ouverture"]
        document["pillars"][1]["translations"] = {"French": {"title": "Transparence"}}

    problems = changed_french(break_shapes)
    assert (
        f"{FILE}: pillars[0].translations: must map each language tag to its text, "
        "such as fr: {...}"
    ) in problems
    assert f"{FILE}: pillars[1].translations.French: must be a language tag such as fr" in problems


def test_languages_must_include_the_rubric_language_once_each():
    def break_languages(document):
        document["languages"] = ["fr", "fr", "Deutsch"]

    problems = changed_french(break_languages)
    assert problems[:3] == [
        f"{FILE}: languages[2]: must be a language tag such as en",
        f"{FILE}: languages[1]: duplicate language 'fr' (first at languages[0])",
        f"{FILE}: languages: must include the rubric's own language 'en'",
    ]


def test_no_stays_a_language_tag_in_yaml():
    document = rubric_document(translated_into=("no",))
    data = parse_rubric(rubric_yaml(document).replace("'no'", "no"), FILE).data
    assert data["languages"] == ["en", "no"]


def test_translations_leave_the_content_hash_as_it_was():
    plain = parse_rubric(rubric_yaml(), FILE)
    translated = parse_rubric(rubric_yaml(rubric_document(translated_into=("fr",))), FILE)
    assert translated.content_hash == plain.content_hash
    assert translated.translations_hash != plain.translations_hash


def test_a_rubric_in_one_language_has_the_hash_of_no_translations():
    assert content_hash({}) == EMPTY_TRANSLATIONS_HASH
    explicit = rubric_document(languages=["en"])
    assert parse_rubric(rubric_yaml(explicit), FILE).translations_hash == EMPTY_TRANSLATIONS_HASH
    assert parse_rubric(rubric_yaml(), FILE).translations_hash == EMPTY_TRANSLATIONS_HASH


def test_a_corrected_translation_changes_only_the_translations_hash():
    document = rubric_document(translated_into=("fr",))
    before = parse_rubric(rubric_yaml(document), FILE)
    document["pillars"][0]["questions"][0]["levels"][1]["translations"]["fr"]["descriptor"] = (
        translated_text("Corrected", "fr")
    )
    after = parse_rubric(rubric_yaml(document), FILE)
    assert after.content_hash == before.content_hash
    assert after.translations_hash != before.translations_hash
