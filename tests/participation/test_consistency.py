"""Consistency flags: an answer claiming balance that a stage's counts contradict."""

from fractions import Fraction

from assessor.participation.consistency import BALANCED_LEVEL, consistency_flags
from assessor.participation.profiles import participation_profile

EUROPE_HOLDS_DECISIONS = {
    "agenda_setting": {
        "regional_group": {"african": 20, "asia_pacific": 20, "western_european_others": 20},
        "country_category": {"developing": 30, "developed": 30},
    },
    "decision_making": {
        "regional_group": {"western_european_others": 7, "african": 2, "unknown": 5},
        "country_category": {"developed": 6, "least_developed": 3},
    },
}


def flags(levels, counts, national=False):
    return consistency_flags(levels, participation_profile(counts), national=national)


def test_a_balanced_leadership_answer_is_flagged_where_one_region_holds_most_decision_seats():
    [flag] = flags({"equal_footing.leadership_balance": 3}, EUROPE_HOLDS_DECISIONS)
    assert flag.question_key == "equal_footing.leadership_balance" and flag.level == 3
    assert (flag.finding.kind, flag.finding.stage) == ("one_region_holds_most", "decision_making")
    # Of the 9 whose region is known: the unknown five do not dilute the majority.
    assert (flag.finding.category, flag.finding.share) == (
        "western_european_others",
        Fraction(7, 9),
    )


def test_an_answer_below_the_balanced_level_or_unanswered_is_never_flagged():
    levels = {"equal_footing.leadership_balance": BALANCED_LEVEL - 1}
    assert flags(levels, EUROPE_HOLDS_DECISIONS) == []
    assert flags({"equal_footing.leadership_balance": None}, EUROPE_HOLDS_DECISIONS) == []


def test_participation_is_read_at_the_stages_its_question_concerns():
    # Regional participation concerns agenda-setting and policy formulation, which are even.
    assert flags({"equal_footing.regional_participation": 4}, EUROPE_HOLDS_DECISIONS) == []


def test_developed_countries_holding_most_seats_contradict_geographic_balance():
    counts = {
        "agenda_setting": {
            "country_category": {
                "developed": 45,
                "developing": 20,
                "least_developed": 5,
                "unknown": 7,
            }
        }
    }
    [flag] = flags({"equal_footing.geographic_balance": 3}, counts)
    assert flag.finding.kind == "developed_hold_most"
    assert flag.finding.share == Fraction(45, 70)


def test_exactly_half_is_not_most():
    counts = {"decision_making": {"regional_group": {"african": 5, "asia_pacific": 5}}}
    assert flags({"equal_footing.leadership_balance": 3}, counts) == []


def test_regions_and_country_categories_say_nothing_within_one_country():
    assert (
        flags({"equal_footing.leadership_balance": 4}, EUROPE_HOLDS_DECISIONS, national=True) == []
    )


def test_youth_access_is_flagged_where_no_known_participant_is_young_even_nationally():
    counts = {"agenda_setting": {"youth": {"not_youth": 40, "unknown": 3}}}
    [flag] = flags({"openness.youth_access": 3}, counts, national=True)
    assert (flag.finding.kind, flag.finding.stage) == ("no_young_participant", "agenda_setting")
    counted_young = {"agenda_setting": {"youth": {"youth": 1, "not_youth": 40}}}
    assert flags({"openness.youth_access": 3}, counted_young) == []


def test_a_dimension_not_counted_contradicts_nothing():
    counts = {"agenda_setting": {"gender": {"female": 3, "male": 4}}}
    levels = {
        "openness.youth_access": 4,
        "openness.developing_country_access": 4,
        "equal_footing.geographic_balance": 4,
    }
    assert flags(levels, counts) == []


def test_no_developing_country_contradicts_developing_country_access():
    counts = {"policy_formulation": {"country_category": {"developed": 12}}}
    [flag] = flags({"openness.developing_country_access": 3}, counts)
    assert (flag.finding.kind, flag.finding.stage) == (
        "no_developing_country",
        "policy_formulation",
    )
