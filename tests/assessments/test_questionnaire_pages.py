"""The questionnaire pages without scripts: starting, saving a pillar, conflicts, workflow."""

import pytest
from sqlalchemy import select

from assessor.assessments.models import Answer, Assessment, EvidenceItem
from tests.assessments.pages import csrf_token, sign_in
from tests.factories import rubric_document, stored_process, stored_rubric, stored_user, tagged


@pytest.fixture
def people(session):
    users = {
        "owner": stored_user(session, "owner@example.org", ["assessor"]),
        "other": stored_user(session, "other@example.org", ["assessor"], "government"),
        "reviewer": stored_user(session, "reviewer@example.org", ["reviewer"], "academia"),
        "admin": stored_user(session, "admin@example.org", ["admin"], None),
    }
    stored_rubric(session)
    users["process"] = stored_process(session)
    session.commit()
    return {name: value.id for name, value in users.items()}


def start(client, people) -> int:
    sign_in(client, "owner@example.org")
    path = f"/processes/{people['process']}/assess"
    token = csrf_token(client, path)
    response = client.post(
        path,
        data={"csrf_token": token, "rubric": "sample-rubric@1.0.0", "perspective": "civil_society"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].split("/")[2])


def test_starting_leads_to_the_first_pillar(client, people):
    sign_in(client, "owner@example.org")
    path = f"/processes/{people['process']}/assess"
    token = csrf_token(client, path)
    response = client.post(
        path,
        data={"csrf_token": token, "rubric": "sample-rubric@1.0.0", "perspective": "civil_society"},
    )
    assert response.headers["Location"].endswith("/pillars/openness")


def test_the_start_form_preselects_the_latest_rubric_and_the_users_group(client, people):
    sign_in(client, "owner@example.org")
    page = client.get(f"/processes/{people['process']}/assess").get_data(as_text=True)
    assert '<option value="sample-rubric@1.0.0" selected' in page
    assert '<option value="civil_society" selected>' in page


def test_starting_without_a_perspective_explains_and_keeps_the_choice(client, people):
    sign_in(client, "owner@example.org")
    path = f"/processes/{people['process']}/assess"
    token = csrf_token(client, path)
    response = client.post(
        path, data={"csrf_token": token, "rubric": "sample-rubric@1.0.0", "perspective": ""}
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "choose the stakeholder group you assess for" in page
    assert '<option value="sample-rubric@1.0.0" selected' in page


def test_a_form_post_without_csrf_token_is_refused(client, people):
    sign_in(client, "owner@example.org")
    response = client.post(
        f"/processes/{people['process']}/assess",
        data={"rubric": "sample-rubric@1.0.0", "perspective": "civil_society"},
    )
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)


def test_a_pillar_page_shows_descriptors_as_choices(client, people):
    assessment_id = start(client, people)
    page = client.get(f"/assessments/{assessment_id}/pillars/openness").get_data(as_text=True)
    assert 'name="q-openness.open_participation-choice" value="3"' in page
    assert "open_participation is substantial." in page
    assert 'value="na"' in page  # remote_participation allows it


def test_a_question_names_the_stages_it_concerns_where_the_rubric_tags_them(
    client, people, session
):
    stages = (["agenda_setting"], ["policy_formulation", "decision_making"], ["whole_process"])
    stored_rubric(session, tagged(rubric_document(version="1.1.0"), *stages, ["decision_making"]))
    session.commit()
    untagged_id = start(client, people)
    untagged = client.get(f"/assessments/{untagged_id}/pillars/openness").get_data(as_text=True)
    assert "stages:" not in untagged
    path = f"/processes/{people['process']}/assess"
    response = client.post(
        path,
        data={
            "csrf_token": csrf_token(client, path),
            "rubric": "sample-rubric@1.1.0",
            "perspective": "government",
        },
    )
    tagged_id = int(response.headers["Location"].split("/")[2])
    page = client.get(f"/assessments/{tagged_id}/pillars/openness").get_data(as_text=True)
    assert "stages: Agenda-setting<" in page
    assert "stages: Policy formulation, Decision-making<" in page


def pillar_post(client, assessment_id, pillar, fields, go=""):
    path = f"/assessments/{assessment_id}/pillars/{pillar}"
    token = csrf_token(client, path)
    return client.post(path, data={"csrf_token": token, "go": go, **fields})


def test_saving_a_pillar_without_scripts_stores_every_answer(client, people, session):
    assessment_id = start(client, people)
    response = pillar_post(
        client,
        assessment_id,
        "openness",
        {
            "q-openness.open_participation-choice": "3",
            "q-openness.open_participation-rationale": "Open registration.\r\nNo fee.",
            "q-openness.open_participation-evidence-0-url": "https://example.org/register",
            "q-openness.open_participation-evidence-0-title": "Registration page",
            "q-openness.remote_participation-choice": "na",
            "q-openness.remote_participation-rationale": "Held online.",
        },
    )
    assert response.status_code == 200
    answers = {a.question_key: a for a in session.scalars(select(Answer))}
    assert answers["openness.open_participation"].level == 3
    assert answers["openness.open_participation"].rationale == "Open registration.\nNo fee."
    assert answers["openness.open_participation"].evidence[0].title == "Registration page"
    assert answers["openness.remote_participation"].not_applicable


def test_reloading_shows_exactly_what_was_saved(client, people):
    assessment_id = start(client, people)
    pillar_post(
        client,
        assessment_id,
        "openness",
        {
            "q-openness.open_participation-choice": "2",
            "q-openness.open_participation-rationale": "Partly open.",
        },
    )
    page = client.get(f"/assessments/{assessment_id}/pillars/openness").get_data(as_text=True)
    assert 'value="2" checked' in page and "Partly open.</textarea>" in page


def test_an_unchanged_post_does_not_create_new_versions(client, people, session):
    assessment_id = start(client, people)
    fields = {"q-openness.open_participation-choice": "1"}
    pillar_post(client, assessment_id, "openness", fields)
    pillar_post(
        client, assessment_id, "openness", {**fields, "q-openness.open_participation-version": "1"}
    )
    assert session.scalars(select(Answer.row_version)).one() == 1


def test_an_unfinished_evidence_row_is_saved_as_typed_with_its_problem_beside_it(
    client, people, session
):
    assessment_id = start(client, people)
    response = pillar_post(
        client,
        assessment_id,
        "openness",
        {
            "q-openness.open_participation-choice": "3",
            "q-openness.open_participation-rationale": "Open to anyone.",
            "q-openness.open_participation-evidence-0-url": "javascript:alert(1)",
            "q-openness.open_participation-evidence-0-title": "Bad",
            "q-openness.remote_participation-choice": "ii",
            "q-openness.remote_participation-rationale": "No record found.",
        },
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'data-row-message="url">must be an http or https address</p>' in page
    assert 'value="javascript:alert(1)"' in page  # kept for correction, never a link
    assert 'href="javascript' not in page
    answers = {a.question_key: a for a in session.scalars(select(Answer))}
    assert answers["openness.open_participation"].rationale == "Open to anyone."
    assert answers["openness.open_participation"].evidence == []
    assert answers["openness.open_participation"].unfinished_evidence[0]["url"] == (
        "javascript:alert(1)"
    )


def test_the_banner_says_saved_only_when_everything_typed_was_saved(client, people):
    assessment_id = start(client, people)
    done = {
        "q-openness.open_participation-choice": "1",
        "q-openness.remote_participation-choice": "ii",
        "q-openness.remote_participation-rationale": "No record.",
    }
    page = pillar_post(client, assessment_id, "openness", done).get_data(as_text=True)
    assert '<p class="notice" role="status">Saved.</p>' in page
    typed_without_a_choice = {**done, "q-openness.open_participation-rationale": "Half done."}
    typed_without_a_choice.pop("q-openness.open_participation-choice")
    assessment_id = start(client, people)
    response = pillar_post(client, assessment_id, "openness", typed_without_a_choice)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Saved." not in page
    assert "1 answer was not saved" in page
    assert "choose a level, not applicable or insufficient information first" in page
    assert "Half done.</textarea>" in page


def test_a_saved_answer_that_cannot_be_submitted_is_said_so_with_a_link_to_its_field(
    client, people
):
    assessment_id = start(client, people)
    fields = {
        "q-openness.open_participation-choice": "3",
        "q-openness.open_participation-evidence-0-url": "https://example.org/register",
    }
    page = pillar_post(client, assessment_id, "openness", fields).get_data(as_text=True)
    assert "Saved." not in page
    assert "Saved, but 1 answer cannot be submitted yet" in page
    assert (
        '<a href="#q-openness.open_participation-evidence-0-title">'
        "Evidence item 1, title: a title is required</a>"
    ) in page
    assert '<a href="#q-openness.open_participation-rationale">' in page


def test_a_pillar_opened_again_says_which_saved_answer_cannot_be_submitted_yet(client, people):
    assessment_id = start(client, people)
    fields = {
        "q-openness.open_participation-choice": "3",
        "q-openness.open_participation-rationale": "Open to anyone.",
        "q-openness.open_participation-evidence-0-url": "https://example.org/register",
        "q-openness.remote_participation-choice": "1",
    }
    pillar_post(client, assessment_id, "openness", fields)
    page = client.get(f"/assessments/{assessment_id}/pillars/openness").get_data(as_text=True)
    assert (
        'id="q-openness.open_participation-status" role="status" aria-live="polite" data-status>'
        "Saved, but it cannot be submitted yet: Evidence item 1, title: a title is required.</p>"
    ) in page
    assert "data-status></p>" in page[page.index('id="q-openness.remote_participation-status"') :]


def test_the_blank_evidence_row_is_required_only_to_add_an_item(client, people):
    assessment_id = start(client, people)
    fields = {
        "q-openness.open_participation-choice": "3",
        "q-openness.open_participation-rationale": "Open to anyone.",
        "q-openness.open_participation-evidence-0-url": "https://example.org/register",
        "q-openness.open_participation-evidence-0-title": "Register",
    }
    pillar_post(client, assessment_id, "openness", fields)
    page = client.get(f"/assessments/{assessment_id}/pillars/openness").get_data(as_text=True)
    stored_row = page[page.index('for="q-openness.open_participation-evidence-0-title"') :]
    stored_label = stored_row.split("</label>")[0]
    assert stored_label.endswith('Title <span class="required">(required)</span>')
    blank_row = page[page.index('for="q-openness.open_participation-evidence-1-title"') :]
    assert blank_row.split("</label>")[0].endswith(
        'Title <span class="required">(required for a new item)</span>'
    )


def test_save_and_continue_stays_to_warn_of_answers_that_cannot_be_submitted(client, people):
    assessment_id = start(client, people)
    fields = {"q-openness.open_participation-choice": "4"}
    response = pillar_post(client, assessment_id, "openness", fields, go="transparency")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "cannot be submitted yet" in page
    assert 'name="leave" value="transparency">Continue to Transparency anyway</button>' in page
    path = f"/assessments/{assessment_id}/pillars/openness"
    token = csrf_token(client, path)
    response = client.post(path, data={"csrf_token": token, "leave": "transparency", **fields})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/pillars/transparency")


def test_save_and_continue_never_leaves_while_something_is_not_saved(client, people):
    assessment_id = start(client, people)
    path = f"/assessments/{assessment_id}/pillars/openness"
    token = csrf_token(client, path)
    typed = {"q-openness.open_participation-rationale": "No choice yet."}
    response = client.post(path, data={"csrf_token": token, "leave": "transparency", **typed})
    assert response.status_code == 422
    assert "No choice yet.</textarea>" in response.get_data(as_text=True)


def test_a_question_counts_as_answered_only_once_it_could_be_submitted(client, people):
    assessment_id = start(client, people)
    pillar_post(client, assessment_id, "openness", {"q-openness.open_participation-choice": "4"})
    page = client.get(f"/assessments/{assessment_id}/pillars/openness").get_data(as_text=True)
    assert 'data-pillar-progress="openness">0 / 2</span>' in page
    pillar_post(
        client,
        assessment_id,
        "openness",
        {
            "q-openness.remote_participation-choice": "na",
            "q-openness.remote_participation-rationale": "Online.",
        },
    )
    page = client.get(f"/assessments/{assessment_id}/pillars/openness").get_data(as_text=True)
    assert 'data-pillar-progress="openness">0 / 1</span>' in page


def test_an_evidence_row_with_only_a_note_is_kept(client, people, session):
    assessment_id = start(client, people)
    fields = {
        "q-openness.open_participation-choice": "1",
        "q-openness.open_participation-evidence-0-note": "Ask the secretariat for the list.",
    }
    pillar_post(client, assessment_id, "openness", fields)
    answer = session.scalars(select(Answer)).one()
    assert answer.unfinished_evidence[0]["note"] == "Ask the secretariat for the list."


def test_an_address_typed_without_its_scheme_is_stored_with_https(client, people, session):
    assessment_id = start(client, people)
    fields = {
        "q-openness.open_participation-choice": "1",
        "q-openness.open_participation-evidence-0-url": "example.org/minutes",
        "q-openness.open_participation-evidence-0-title": "Minutes",
    }
    page = pillar_post(client, assessment_id, "openness", fields).get_data(as_text=True)
    assert session.scalars(select(EvidenceItem.url)).one() == "https://example.org/minutes"
    assert 'value="https://example.org/minutes"' in page


def test_missing_rationale_and_evidence_are_shown_as_problems_after_saving(client, people):
    assessment_id = start(client, people)
    page = pillar_post(
        client, assessment_id, "openness", {"q-openness.open_participation-choice": "4"}
    ).get_data(as_text=True)
    assert "a rationale is required" in page and "this level requires evidence" in page


def test_a_stale_post_shows_both_versions_and_keeps_the_users_text(client, people, session):
    assessment_id = start(client, people)
    pillar_post(client, assessment_id, "openness", {"q-openness.open_participation-choice": "1"})
    pillar_post(
        client,
        assessment_id,
        "openness",
        {"q-openness.open_participation-choice": "2", "q-openness.open_participation-version": "1"},
    )
    response = pillar_post(
        client,
        assessment_id,
        "openness",
        {
            "q-openness.open_participation-choice": "4",
            "q-openness.open_participation-rationale": "My view.",
            "q-openness.open_participation-version": "1",
        },
    )
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Someone saved this answer meanwhile" in page and "Theirs: level 2" in page
    assert "My view.</textarea>" in page
    assert 'name="q-openness.open_participation-version" value="2"' in page
    assert session.scalars(select(Answer.level)).one() == 2


def test_save_and_continue_goes_to_the_next_pillar(client, people):
    assessment_id = start(client, people)
    response = pillar_post(client, assessment_id, "openness", {}, go="transparency")
    assert response.status_code == 302 and response.headers["Location"].endswith(
        "/pillars/transparency"
    )


def test_other_assessors_cannot_see_the_questionnaire_of_a_draft(client, people):
    assessment_id = start(client, people)
    sign_in(client, "other@example.org")
    assert client.get(f"/assessments/{assessment_id}/pillars/openness").status_code == 404


def test_a_reviewer_sees_a_draft_read_only(client, people):
    assessment_id = start(client, people)
    sign_in(client, "reviewer@example.org")
    page = client.get(f"/assessments/{assessment_id}/pillars/openness").get_data(as_text=True)
    assert (
        "answers are shown read-only" in page
        and '<fieldset class="pillar-fieldset" disabled>' in page
    )


def fill_everything(client, assessment_id):
    pillar_post(
        client,
        assessment_id,
        "openness",
        {
            "q-openness.open_participation-choice": "3",
            "q-openness.open_participation-rationale": "Open.",
            "q-openness.open_participation-evidence-0-url": "https://example.org/a",
            "q-openness.open_participation-evidence-0-title": "A",
            "q-openness.remote_participation-choice": "na",
            "q-openness.remote_participation-rationale": "Online only.",
        },
    )
    pillar_post(
        client,
        assessment_id,
        "transparency",
        {
            "q-transparency.public_documents-choice": "1",
            "q-transparency.decision_rationale-choice": "ii",
            "q-transparency.decision_rationale-rationale": "No minutes.",
        },
    )


def post_action(client, assessment_id, action, **fields):
    token = csrf_token(client, f"/assessments/{assessment_id}")
    return client.post(
        f"/assessments/{assessment_id}/{action}", data={"csrf_token": token, **fields}
    )


def test_submitting_an_incomplete_assessment_lists_what_is_missing_with_links(client, people):
    assessment_id = start(client, people)
    pillar_post(client, assessment_id, "openness", {"q-openness.open_participation-choice": "4"})
    response = post_action(client, assessment_id, "submit")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert (
        f'href="/assessments/{assessment_id}/pillars/transparency#q-transparency.public_documents"'
        in page
    )
    assert "Not answered yet." in page


def test_the_whole_review_cycle_from_the_pages(client, people, session):
    assessment_id = start(client, people)
    fill_everything(client, assessment_id)
    assert post_action(client, assessment_id, "submit").status_code == 302
    sign_in(client, "reviewer@example.org")
    token = csrf_token(client, f"/assessments/{assessment_id}/return")
    response = client.post(
        f"/assessments/{assessment_id}/return",
        data={
            "csrf_token": token,
            "comment": "",
            "comment-transparency.public_documents": "Which documents?",
        },
    )
    assert response.status_code == 302
    sign_in(client, "owner@example.org")
    page = client.get(f"/assessments/{assessment_id}/pillars/transparency").get_data(as_text=True)
    assert "Which documents?" in page
    assert post_action(client, assessment_id, "submit").status_code == 302
    sign_in(client, "reviewer@example.org")
    assert post_action(client, assessment_id, "publish", confirm="publish").status_code == 302
    assert session.get(Assessment, assessment_id).status == "published"
    client.get("/")  # forget nothing; then an anonymous visitor reads it
    with client.session_transaction() as s:
        s.clear()
    assert client.get(f"/assessments/{assessment_id}").status_code == 200


def test_returning_without_any_comment_is_refused_with_a_message(client, people):
    assessment_id = start(client, people)
    fill_everything(client, assessment_id)
    post_action(client, assessment_id, "submit")
    sign_in(client, "reviewer@example.org")
    token = csrf_token(client, f"/assessments/{assessment_id}/return")
    response = client.post(
        f"/assessments/{assessment_id}/return", data={"csrf_token": token, "comment": " "}
    )
    assert response.status_code == 422
    assert "say what needs changing" in response.get_data(as_text=True)


def test_the_history_page_lists_answer_changes_and_transitions(client, people):
    assessment_id = start(client, people)
    pillar_post(client, assessment_id, "openness", {"q-openness.open_participation-choice": "1"})
    pillar_post(
        client,
        assessment_id,
        "openness",
        {"q-openness.open_participation-choice": "2", "q-openness.open_participation-version": "1"},
    )
    page = client.get(f"/assessments/{assessment_id}/history").get_data(as_text=True)
    assert "started the assessment" in page
    assert "answer: no answer → level 1" in page and "answer: level 1 → level 2" in page
    assert "Owner" in page
