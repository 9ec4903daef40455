"""Saving answers through the API: validation, problems, optimistic locking."""

import pytest
from sqlalchemy import select

from assessor.assessments.rules import EVIDENCE_NEEDED, RATIONALE_NEEDED
from assessor.audit import AuditEvent
from tests.api.assessment_helpers import EVIDENCE, answer, start
from tests.factories import stored_process, stored_rubric

KEY = "openness.open_participation"


@pytest.fixture
def draft(session, callers) -> int:
    stored_rubric(session)
    process = stored_process(session)
    session.commit()
    return start(callers["owner"], process.id)["id"]


def test_first_save_stores_the_answer_at_version_1(callers, draft):
    response = answer(callers["owner"], draft, KEY, {"level": 1})
    assert response.status_code == 200
    body = response.get_json()
    assert (body["question_key"], body["level"], body["version"]) == (KEY, 1, 1)
    assert body["updated_by"]["id"] == callers["owner"].user_id
    assert body["problems"] == {}


def test_saved_answer_is_returned_with_the_assessment(callers, draft):
    answer(callers["owner"], draft, KEY, {"level": 3, "rationale": "Open.", "evidence": EVIDENCE})
    stored = callers["owner"].get(f"/api/v1/assessments/{draft}").get_json()["answers"]
    assert stored[0]["level"] == 3 and stored[0]["evidence"][0]["url"] == EVIDENCE[0]["url"]
    assert stored[0]["evidence"][0]["accessed_on"] == "2026-11-01"


def test_an_answer_lacking_rationale_and_evidence_is_saved_with_its_problems(callers, draft):
    body = answer(callers["owner"], draft, KEY, {"level": 3}).get_json()
    assert body["level"] == 3
    assert body["problems"] == {"rationale": [RATIONALE_NEEDED], "evidence": [EVIDENCE_NEEDED]}


def test_saving_again_with_the_stored_version_moves_the_version_on(callers, draft):
    answer(callers["owner"], draft, KEY, {"level": 1})
    body = answer(callers["owner"], draft, KEY, {"level": 2, "version": 1}).get_json()
    assert (body["level"], body["version"]) == (2, 2)


def test_changing_only_the_evidence_moves_the_version_on(callers, draft):
    answer(callers["owner"], draft, KEY, {"level": 1, "rationale": "r"})
    body = answer(
        callers["owner"],
        draft,
        KEY,
        {"level": 1, "rationale": "r", "evidence": EVIDENCE, "version": 1},
    )
    assert body.get_json()["version"] == 2


def test_a_stale_version_is_409_with_the_stored_answer_and_overwrites_nothing(callers, draft):
    answer(callers["owner"], draft, KEY, {"level": 1})
    answer(callers["owner"], draft, KEY, {"level": 2, "version": 1})
    response = answer(callers["owner"], draft, KEY, {"level": 4, "version": 1})
    assert response.status_code == 409
    assert response.get_json()["current"]["level"] == 2
    assert response.get_json()["current"]["version"] == 2
    stored = callers["owner"].get(f"/api/v1/assessments/{draft}").get_json()["answers"][0]
    assert stored["level"] == 2


def test_a_first_save_over_an_existing_answer_is_409(callers, draft):
    answer(callers["owner"], draft, KEY, {"level": 1})
    response = answer(callers["owner"], draft, KEY, {"level": 3})
    assert response.status_code == 409
    assert response.get_json()["current"]["level"] == 1


def test_two_clients_editing_the_same_answer_one_wins_the_other_gets_409(callers, draft, app):
    answer(callers["owner"], draft, KEY, {"level": 1})
    first, second = app.test_client(), app.test_client()
    headers = callers["owner"].headers()
    url = f"/api/v1/assessments/{draft}/answers/{KEY}"
    won = first.put(url, json={"level": 2, "version": 1}, headers=headers)
    lost = second.put(url, json={"level": 4, "version": 1}, headers=headers)
    assert (won.status_code, lost.status_code) == (200, 409)
    assert lost.get_json()["current"]["level"] == 2


def test_every_save_is_an_audit_event_with_before_and_after(callers, draft, session):
    answer(callers["owner"], draft, KEY, {"level": 1})
    answer(callers["owner"], draft, KEY, {"level": 2, "version": 1})
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "answer.saved").order_by(AuditEvent.id)
    ).all()
    assert [e.before and e.before["level"] for e in events] == [None, 1]
    assert [e.after["level"] for e in events] == [1, 2]


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"level": 5}, {"level": ["must be a level from 0 to 4"]}),
        ({"level": "3"}, {"level": ["Not a valid integer"]}),
        (
            {},
            {
                "_": [
                    "Choose exactly one of: a level (0-4), not_applicable, insufficient_information"
                ]
            },
        ),
        (
            {"level": 2, "insufficient_information": True},
            {
                "_": [
                    "Choose exactly one of: a level (0-4), not_applicable, insufficient_information"
                ]
            },
        ),
        (
            {"level": 2, "evidence": [{"url": "https://e.org/" + "a" * 2000, "title": "x"}]},
            {"evidence[0].url": ["must be at most 2000 characters"]},
        ),
        (
            {"level": 2, "evidence": [{"url": "https://e.org", "title": "x" * 501}]},
            {"evidence[0].title": ["must be at most 500 characters"]},
        ),
        (
            {"level": 2, "evidence": [{"url": "https://e.org", "title": "x", "page": 3}]},
            {"evidence[0].page": ["Unknown field"]},
        ),
        (
            {"level": 2, "rationale": "x" * 10001},
            {"rationale": ["must be at most 10000 characters"]},
        ),
        ({"level": 2, "mood": "good"}, {"mood": ["Unknown field"]}),
        (
            {"not_applicable": True, "rationale": "n/a"},
            {"not_applicable": ["This question always applies."]},
        ),
        (
            {"level": 2, "change_reason": "improvement"},
            {
                "change_reason": [
                    "Only a revision of a published assessment records why an answer changed."
                ]
            },
        ),
    ],
)
def test_invalid_answers_are_422_with_field_messages(callers, draft, body, errors):
    response = answer(callers["owner"], draft, KEY, body)
    assert response.status_code == 422
    assert response.get_json() == {"errors": errors}


@pytest.mark.parametrize("sent", [1, "true", "yes"])
def test_a_choice_other_than_json_true_or_false_is_422(callers, draft, sent):
    response = answer(callers["owner"], draft, KEY, {"insufficient_information": sent})
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"insufficient_information": ["Not a valid boolean"]}}


def test_an_untitled_evidence_row_is_kept_unfinished_and_named_in_the_problems(callers, draft):
    sent = {"level": 3, "rationale": "Open.", "evidence": [{"url": "https://e.org/register"}]}
    response = answer(callers["owner"], draft, KEY, sent)
    assert response.status_code == 200
    body = response.get_json()
    assert body["evidence"] == []
    assert body["unfinished_evidence"] == [
        {"position": 0, "url": "https://e.org/register", "title": "", "accessed_on": "", "note": ""}
    ]
    assert body["problems"] == {"evidence[0].title": ["a title is required"]}
    stored = callers["owner"].get(f"/api/v1/assessments/{draft}").get_json()["answers"][0]
    assert (stored["rationale"], stored["unfinished_evidence"][0]["url"]) == (
        "Open.",
        "https://e.org/register",
    )


def test_finished_and_unfinished_rows_keep_the_order_they_were_sent_in(callers, draft):
    rows = [
        {"url": "ftp://e.org/a", "title": "Not a web address"},
        {"url": "https://e.org/b", "title": "B", "accessed_on": "2026-11-02"},
        {"title": "No address yet", "note": "from the chair"},
    ]
    body = answer(callers["owner"], draft, KEY, {"level": 3, "evidence": rows}).get_json()
    assert [(row["position"], row["title"]) for row in body["unfinished_evidence"]] == [
        (0, "Not a web address"),
        (2, "No address yet"),
    ]
    assert [(row["url"], row["accessed_on"]) for row in body["evidence"]] == [
        ("https://e.org/b", "2026-11-02")
    ]
    assert body["problems"]["evidence[0].url"] == ["must be an http or https address"]
    assert body["problems"]["evidence[2].url"] == [
        "an address is required, such as https://example.org/report"
    ]


def test_a_row_with_a_date_that_is_not_one_is_kept_unfinished(callers, draft):
    row = {"url": "https://e.org/a", "title": "A", "accessed_on": "2026-13-45"}
    body = answer(callers["owner"], draft, KEY, {"level": 1, "evidence": [row]}).get_json()
    assert body["unfinished_evidence"][0]["accessed_on"] == "2026-13-45"
    assert body["problems"] == {"evidence[0].accessed_on": ["must be a date, such as 2026-11-23"]}


def test_finishing_a_row_makes_it_evidence(callers, draft):
    answer(callers["owner"], draft, KEY, {"level": 3, "evidence": [{"url": "https://e.org/a"}]})
    finished = [{"url": "https://e.org/a", "title": "A"}]
    sent = {"level": 3, "rationale": "Open.", "evidence": finished, "version": 1}
    body = answer(callers["owner"], draft, KEY, sent).get_json()
    assert (body["unfinished_evidence"], body["problems"]) == ([], {})
    assert [row["title"] for row in body["evidence"]] == ["A"]


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("example.org/report", "https://example.org/report"),
        ("www.example.org", "https://www.example.org"),
        ("HTTPS://Example.org/A", "https://Example.org/A"),
        ("Http://example.org", "http://example.org"),
    ],
)
def test_an_address_is_stored_with_a_lower_case_web_scheme(callers, draft, sent, stored):
    row = {"url": sent, "title": "Report"}
    body = answer(callers["owner"], draft, KEY, {"level": 1, "evidence": [row]}).get_json()
    assert [item["url"] for item in body["evidence"]] == [stored]


def test_not_applicable_is_accepted_where_the_question_allows_it(callers, draft):
    response = answer(
        callers["owner"], draft, "openness.remote_participation", {"not_applicable": True}
    )
    assert response.status_code == 200
    assert response.get_json()["problems"] == {"rationale": [RATIONALE_NEEDED]}


def test_a_question_not_in_the_rubric_is_404(callers, draft):
    assert answer(callers["owner"], draft, "openness.nothing", {"level": 1}).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("other_assessor", 404), ("reviewer", 403), ("admin", 403)],
)
def test_only_the_assessor_edits_a_draft(callers, draft, role, status):
    assert answer(callers[role], draft, KEY, {"level": 1}).status_code == status


def test_clearing_an_answer_needs_its_version(callers, draft):
    answer(callers["owner"], draft, KEY, {"level": 1})
    url = f"/api/v1/assessments/{draft}/answers/{KEY}"
    assert callers["owner"].delete(url).status_code == 422
    assert callers["owner"].delete(f"{url}?version=7").status_code == 409
    assert callers["owner"].delete(f"{url}?version=1").status_code == 204
    assert callers["owner"].get(f"/api/v1/assessments/{draft}").get_json()["answers"] == []
