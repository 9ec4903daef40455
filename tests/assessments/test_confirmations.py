"""Publishing and withdrawing from the pages: each asks for confirmation first, and says after
where the public can read what was done."""

import pytest

from assessor.assessments.models import Assessment
from assessor.assessments.workflow import submit
from tests.assessments.pages import csrf_token, sign_in
from tests.factories import (
    answered_assessment,
    published_assessment,
    stored_process,
    stored_rubric,
    stored_user,
)


@pytest.fixture
def work(session) -> dict[str, int]:
    """A submitted and a published assessment of one process, and who reviews them."""
    owner = stored_user(session, "owner@example.org", ["assessor"])
    reviewer = stored_user(session, "reviewer@example.org", ["reviewer"], "academia")
    stored_user(session, "admin@example.org", ["admin"], None)
    rubric = stored_rubric(session)
    process = stored_process(session)
    submitted = answered_assessment(session, rubric, process, owner)
    submit(session, owner, submitted)
    published = published_assessment(session, rubric, process, owner, reviewer)
    session.commit()
    return {"process": process.id, "submitted": submitted.id, "published": published.id}


def page_of(response) -> str:
    return response.get_data(as_text=True)


def status_of(session, assessment_id: int) -> str:
    session.expire_all()
    return session.get(Assessment, assessment_id).status


# Publishing


def test_the_publish_action_leads_to_a_confirmation_step(client, work):
    sign_in(client, "reviewer@example.org")
    page = page_of(client.get(f"/assessments/{work['submitted']}"))
    assert f'<a class="button primary" href="/assessments/{work["submitted"]}/publish">' in page
    assert f'action="/assessments/{work["submitted"]}/publish"' not in page


def test_the_confirmation_says_the_scorecard_becomes_public_and_where(client, work):
    sign_in(client, "reviewer@example.org")
    number = work["submitted"]
    page = page_of(client.get(f"/assessments/{number}/publish"))
    assert f"Publish assessment {number}?" in page
    assert f"http://localhost/assessments/{number}/scorecard" in page
    assert f'href="/processes/{work["process"]}"' in page
    assert "its answers never change again" in page
    assert '<input type="hidden" name="csrf_token"' in page
    assert '<button type="submit" name="confirm" value="publish" class="primary">' in page
    assert f'href="/assessments/{number}">Cancel</a>' in page


def test_a_post_without_the_confirmation_publishes_nothing(client, session, work):
    sign_in(client, "reviewer@example.org")
    number = work["submitted"]
    token = csrf_token(client, f"/assessments/{number}/publish")
    response = client.post(f"/assessments/{number}/publish", data={"csrf_token": token})
    assert response.status_code == 200
    assert f"Publish assessment {number}?" in page_of(response)
    assert status_of(session, number) == "submitted"


def test_a_confirmation_without_its_security_token_is_refused(client, session, work):
    sign_in(client, "reviewer@example.org")
    number = work["submitted"]
    response = client.post(f"/assessments/{number}/publish", data={"confirm": "publish"})
    assert response.status_code == 400
    assert status_of(session, number) == "submitted"


def test_once_published_the_page_says_so_and_where(client, session, work):
    sign_in(client, "reviewer@example.org")
    number = work["submitted"]
    token = csrf_token(client, f"/assessments/{number}/publish")
    response = client.post(
        f"/assessments/{number}/publish", data={"csrf_token": token, "confirm": "publish"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == f"/assessments/{number}?done=published"
    assert status_of(session, number) == "published"
    page = page_of(client.get(response.headers["Location"]))
    assert f"Assessment {number} is published." in page
    scorecard = f"http://localhost/assessments/{number}/scorecard"
    assert f'<a href="{scorecard}">{scorecard}</a>' in page
    assert f'href="/processes/{work["process"]}"' in page


def test_the_notice_is_shown_only_when_it_is_true(client, work):
    sign_in(client, "reviewer@example.org")
    page = page_of(client.get(f"/assessments/{work['submitted']}?done=published"))
    assert "is published." not in page


# Withdrawing


def test_the_withdraw_form_says_where_the_notice_will_be_shown(client, work):
    sign_in(client, "admin@example.org")
    number = work["published"]
    page = page_of(client.get(f"/assessments/{number}/withdraw"))
    assert f'href="/assessments/{number}/scorecard"' in page
    assert f'href="/processes/{work["process"]}"' in page
    assert 'href="/data"' in page
    assert '<input type="checkbox" id="field-confirm" name="confirm" value="yes"' in page


def test_withdrawing_needs_the_confirmation_ticked(client, session, work):
    sign_in(client, "admin@example.org")
    number = work["published"]
    token = csrf_token(client, f"/assessments/{number}/withdraw")
    response = client.post(
        f"/assessments/{number}/withdraw",
        data={"csrf_token": token, "reason": "The evidence was not public."},
    )
    page = page_of(response)
    assert response.status_code == 422
    assert 'id="field-confirm-error"' in page
    assert "tick the box to confirm that the withdrawal is public" in page
    assert "The evidence was not public.</textarea>" in page
    assert status_of(session, number) == "published"


def test_once_withdrawn_the_page_says_where_the_notice_is_shown(client, session, work):
    sign_in(client, "admin@example.org")
    number = work["published"]
    token = csrf_token(client, f"/assessments/{number}/withdraw")
    response = client.post(
        f"/assessments/{number}/withdraw",
        data={"csrf_token": token, "reason": "The evidence was not public.", "confirm": "yes"},
    )
    assert response.headers["Location"] == f"/assessments/{number}?done=withdrawn"
    assert status_of(session, number) == "withdrawn"
    page = page_of(client.get(response.headers["Location"]))
    assert f"Assessment {number} is withdrawn." in page
    assert f'href="/assessments/{number}/scorecard"' in page
    assert f'href="/processes/{work["process"]}"' in page
    assert 'href="/data"' in page
