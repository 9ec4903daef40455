"""Building assessments through the API, as a script would."""

EVIDENCE = [{"url": "https://example.org/minutes", "title": "Minutes", "accessed_on": "2026-11-01"}]

# A valid answer to every question of tests.factories.rubric_document().
COMPLETE_ANSWERS = {
    "openness.open_participation": {
        "level": 3,
        "rationale": "Open registration.",
        "evidence": EVIDENCE,
    },
    "openness.remote_participation": {"not_applicable": True, "rationale": "Held only online."},
    "transparency.public_documents": {
        "level": 2,
        "rationale": "Some drafts.",
        "evidence": EVIDENCE,
    },
    "transparency.decision_rationale": {
        "insufficient_information": True,
        "rationale": "No record.",
    },
}


def start(caller, process_id: int, **extra) -> dict:
    response = caller.post(
        "/api/v1/assessments",
        json={"process_id": process_id, "rubric": "sample-rubric@1.0.0", **extra},
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def answer(caller, assessment_id: int, key: str, body: dict):
    return caller.put(f"/api/v1/assessments/{assessment_id}/answers/{key}", json=body)


def fill(caller, assessment_id: int, answers: dict | None = None) -> None:
    current = {
        a["question_key"]: a["version"]
        for a in caller.get(f"/api/v1/assessments/{assessment_id}").get_json()["answers"]
    }
    for key, body in (answers or COMPLETE_ANSWERS).items():
        response = answer(caller, assessment_id, key, {**body, "version": current.get(key)})
        assert response.status_code == 200, response.get_json()


def published(callers, process_id: int, answers: dict | None = None, author: str = "owner") -> int:
    """An assessment filled, submitted by ``author`` and published by the reviewer."""
    assessment_id = start(callers[author], process_id)["id"]
    fill(callers[author], assessment_id, answers)
    assert callers[author].post(f"/api/v1/assessments/{assessment_id}/submit").status_code == 200
    assert (
        callers["reviewer"].post(f"/api/v1/assessments/{assessment_id}/publish").status_code == 200
    )
    return assessment_id
