"""A published assessment on a rubric whose questions are tagged with stages, answered so that
method 2 shows everything it adds: a wide range, unknowns beside a real level-1 failure, and a
process open at agenda-setting but closed at decision-making.

Openness (weight 1): open_participation (agenda-setting) at level 4, remote_participation
(decision-making) at level 0. Transparency (weight 2): public_documents (policy formulation,
weight 2), and three more policy-formulation questions, all insufficient information;
decision_rationale (whole process) at level 1.

    Openness       low 50, high 50, information 100
    Transparency   low 25/6 = 4.17, high 525/6 = 87.5, information 100/6 = 16.67
    Overall        low 19.44, high 75, information 44.44
"""

import copy
from datetime import date

from assessor.assessments.answers import save_answer
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import publish, submit
from tests.factories import rubric_document, stored_process, stored_rubric, stored_user, tagged

UNKNOWN_TRANSPARENCY = ("meeting_minutes", "funding_sources", "membership_lists")
EVIDENCE = {
    "url": "https://example.org/registration",
    "title": "Registration page",
    "accessed_on": date(2026, 11, 1),
    "note": "",
}


def _question_like(question: dict, pillar: str, name: str) -> dict:
    """A copy of ``question`` about ``name``: its own key, prompt, guidance and levels."""
    words = name.replace("_", " ")
    copied = copy.deepcopy(question)
    copied.update(
        key=f"{pillar}.{name}",
        prompt=f"Is {words} realised?",
        guidance=f"Look for public records of {words}.",
    )
    for level in copied["levels"]:
        level["descriptor"] = level["descriptor"].replace(question["key"].split(".")[1], name)
    return copied


def staged_rubric_document() -> dict:
    document = rubric_document()
    transparency = document["pillars"][1]["questions"]
    transparency += [
        _question_like(transparency[1], "transparency", name) for name in UNKNOWN_TRANSPARENCY
    ]
    return tagged(
        document,
        ["agenda_setting"],
        ["decision_making"],
        ["policy_formulation"],
        ["whole_process"],
        *[["policy_formulation"]] * len(UNKNOWN_TRANSPARENCY),
    )


def _answer(level=None, insufficient=False, rationale="", evidence=()) -> dict:
    return {
        "level": level,
        "not_applicable": False,
        "insufficient_information": insufficient,
        "rationale": rationale,
        "change_reason": None,
        "version": None,
        "evidence": list(evidence),
    }


ANSWERS = {
    "openness.open_participation": _answer(4, rationale="Open to all.", evidence=[EVIDENCE]),
    "openness.remote_participation": _answer(0, rationale="Decided behind closed doors."),
    "transparency.public_documents": _answer(insufficient=True, rationale="No archive found."),
    "transparency.decision_rationale": _answer(1, rationale="One decision explained."),
    **{
        f"transparency.{name}": _answer(insufficient=True, rationale="Nothing published.")
        for name in UNKNOWN_TRANSPARENCY
    },
}


def staged_assessment_id(session) -> int:
    """The assessment described above, published; the rubric is sample-rubric@1.0.0."""
    rubric = stored_rubric(session, staged_rubric_document())
    process = stored_process(session, name="Open agenda, closed decisions")
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    assessment = start_assessment(
        session, assessor, {"process_id": process.id, "rubric": rubric.label, "perspective": None}
    )
    for key, data in ANSWERS.items():
        save_answer(session, assessor, assessment, key, data)
    submit(session, assessor, assessment)
    publish(session, reviewer, assessment)
    session.commit()
    return assessment.id
