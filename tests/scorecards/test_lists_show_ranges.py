"""Lists of scorecards show, beside each score, how high unknowns could take it (method 2)."""

import pytest

from assessor.scoring import display_score
from tests.factories import published_assessment, stored_process, stored_rubric, stored_user
from tests.site.test_home import text_of


@pytest.mark.parametrize("path", ["/scorecards", "/processes/{process}"])
def test_the_lists_show_how_high_unknowns_could_take_a_score(client, session, path):
    rubric = stored_rubric(session)
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    forum = stored_process(session, name="Forum A")
    unknown_every_other = lambda i: None if i % 2 else 3  # noqa: E731
    card = published_assessment(
        session, rubric, forum, assessor, reviewer, level_of=unknown_every_other
    )
    session.commit()
    high = client.get(f"/api/v1/assessments/{card.id}/scorecard").get_json()["score_range"]["high"]
    assert f"up to {display_score(high)}" in text_of(client.get(path.format(process=forum.id)))
