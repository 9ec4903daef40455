"""A process's participation profile, stage by stage, and its funnels."""

from fractions import Fraction

import pytest

from assessor.participation.categories import STAKEHOLDER_GROUP
from assessor.participation.indices import normalised_entropy
from assessor.participation.profiles import participation_profile

COUNTS = {
    "decision_making": {
        "stakeholder_group": {"government": 9, "civil_society": 1},
        "gender": {"female": 2, "male": 8},
    },
    "agenda_setting": {
        "stakeholder_group": {"government": 40, "civil_society": 40, "unknown": 5},
        "gender": {"female": 45, "male": 40, "unknown": 0},
        "country_category": {"developing": 30, "least_developed": 10, "developed": 40},
        "regional_group": {"african": 0, "unknown": 0},
    },
}


def test_stages_come_in_the_order_a_process_runs_them_with_what_each_counted():
    profile = participation_profile(COUNTS)
    agenda, decision = profile.stages
    assert (agenda.stage, decision.stage) == ("agenda_setting", "decision_making")
    assert set(agenda.shares) == {"stakeholder_group", "gender", "country_category"}
    assert agenda.shares["stakeholder_group"].unknown == Fraction(5, 85)
    assert agenda.stakeholder_balance == pytest.approx(
        normalised_entropy(STAKEHOLDER_GROUP, {"government": 1, "civil_society": 1})
    )
    assert agenda.gender_parity == Fraction(45, 40)
    assert (agenda.developing, agenda.least_developed) == (Fraction(1, 2), Fraction(1, 8))
    # Counted as nobody: no balance, rather than a balance of 0.
    assert agenda.regional_balance is None
    assert decision.developing is None and decision.gender_parity == Fraction(1, 4)


def test_the_funnel_shows_who_was_left_at_decision_making():
    profile = participation_profile(COUNTS)
    assert set(profile.funnels) == {"stakeholder_group"}
    rows = {row.category: row for row in profile.funnels["stakeholder_group"]}
    assert rows["civil_society"].change == Fraction(1, 10) - Fraction(1, 2)
    assert rows["government"].by_stage["policy_formulation"] is None


def test_no_counts_is_an_empty_profile():
    profile = participation_profile({})
    assert profile.stages == [] and profile.funnels == {}


def test_a_stage_that_is_not_one_is_refused():
    with pytest.raises(ValueError, match="no such stage: drafting"):
        participation_profile({"drafting": {"gender": {"male": 1}}})
