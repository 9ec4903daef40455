"""Who took part, in words: counts, shares, the unknown share, indices and the funnel."""

from fractions import Fraction

from flask_babel import force_locale

from assessor.presentation.funnel_chart import FunnelSeries, funnel_chart
from assessor.presentation.participation import participation_view, points_text

COUNTS = {
    "agenda_setting": {
        "stakeholder_group": {"government": 10, "civil_society": 30, "unknown": 10},
        "gender": {"female": 20, "male": 20},
    },
    "decision_making": {"stakeholder_group": {"government": 9, "civil_society": 1}},
}


def test_each_dimension_gives_counts_shares_of_known_and_the_unknown_share_of_all(app):
    with app.test_request_context():
        view = participation_view(COUNTS)
    assert view.stage_names == ["Agenda-setting", "Decision-making"]
    groups = next(table for table in view.tables if table.key == "stakeholder_group")
    civil = next(row for row in groups.rows if row.label == "Civil society")
    assert [(cell.count, cell.share) for cell in civil.cells] == [(30, "75.0%"), (1, "10.0%")]
    assert [(cell.count, cell.share) for cell in groups.unknown] == [(10, "20.0%"), (0, "0.0%")]
    assert groups.totals == [50, 10]
    # From 75% to 10% of the known participants.
    assert civil.change == "\u221265.0 points"


def test_a_dimension_counted_at_one_stage_shows_no_figure_at_the_others(app):
    with app.test_request_context():
        view = participation_view(COUNTS)
    gender = next(table for table in view.tables if table.key == "gender")
    assert [cell.count for cell in gender.rows[0].cells] == [20, None]
    assert gender.totals == [40, None] and not gender.shows_change


def test_the_indices_read_per_stage_and_only_those_some_stage_has(app):
    with app.test_request_context():
        view = participation_view(COUNTS)
    indices = {row.label: row.values for row in view.indices}
    assert indices["Gender parity index"] == ["1.00", "—"]
    assert set(indices) == {"Balance of stakeholder groups", "Gender parity index"}


def test_the_funnel_is_drawn_for_a_dimension_counted_at_two_stages_with_its_words(app):
    with app.test_request_context():
        view = participation_view(COUNTS)
    [funnel] = view.funnels
    assert funnel.label == "Stakeholder group"
    assert "Civil society" in funnel.chart and 'role="img"' in funnel.chart


def test_nothing_counted_gives_no_view(app):
    with app.test_request_context():
        assert participation_view({}) is None


def test_the_funnel_chart_escapes_its_words_and_draws_a_mark_per_stage_counted(app):
    with app.test_request_context():
        chart = funnel_chart(
            [FunnelSeries("<b>Group</b>", [Fraction(1, 2), None, Fraction(1, 10)])],
            ["One", "Two", "Three"],
            title="Funnel & co",
            description="d",
        )
    assert "<b>" not in chart and "&lt;b&gt;Group&lt;/b&gt;" in chart
    assert "Funnel &amp; co" in chart
    # Three marks in the legend, two on the row: the stage without a share has none.
    assert chart.count("<circle") == 2 and chart.count("<polygon") == 2
    assert chart.count("<rect") == 1


def test_points_read_in_the_reader_language(app):
    with app.test_request_context(), force_locale("fr"):
        assert points_text(Fraction(-13, 20)) == "\u221265,0 points"
        assert points_text(Fraction(1, 8)) == "+12,5 points"


def test_a_stage_whose_dimensions_count_different_totals_says_so(app):
    with app.test_request_context():
        view = participation_view(COUNTS)
    # Agenda-setting: 50 by stakeholder group, 40 by gender; decision-making counts one dimension.
    assert view.uneven == [
        "At Agenda-setting the dimensions count from 40 to 50 participants: some were counted "
        "in one dimension and not in another, so each share is of its own dimension's total."
    ]
