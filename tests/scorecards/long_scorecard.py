"""A long scorecard, as a busy process with much evidence makes: the PDF layout's worst case.

Every question of the newest shipped rubric is answered with a long rationale and many evidence
items, each with a note; other assessors' views of the same process add the consolidated part.
"""

from datetime import date

from assessor.assessments.answers import save_answer
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import publish, submit
from tests.factories import every_shipped_rubric, stored_process, stored_user

EVIDENCE_PER_ANSWER = 6
RATIONALE = (
    "The public record shows how this was done at each meeting: the secretariat published the "
    "call, the list of contributions and a summary of how each was taken into account, but the "
    "summaries were short and some arrived weeks after the meeting. Participants from several "
    "regions said in the open consultation that the notice was too short for them to take part, "
    "and the secretariat answered that it would publish its calendar earlier next year. "
)
NOTE = (
    "Read in full; the relevant passage is in the second section, where the secretariat "
    "explains how contributions were grouped and answered."
)
OTHER_VIEWS = (
    ("long-government@example.org", "government"),
    ("long-technical@example.org", "technical_community"),
    ("long-private@example.org", "private_sector"),
)


def _evidence(key: str) -> list[dict]:
    return [
        {
            "url": f"https://records.example.org/consultation/{key}/document-{n}",
            "title": f"Meeting record {n} on {key.replace('_', ' ')}: minutes and contributions",
            "accessed_on": date(2026, 11, 1),
            "note": NOTE,
        }
        for n in range(1, EVIDENCE_PER_ANSWER + 1)
    ]


def _published(session, rubric, process, assessor, reviewer, level_of, *, evidence: bool):
    assessment = start_assessment(
        session, assessor, {"process_id": process.id, "rubric": rubric.label}
    )
    questions = [q for pillar in rubric.pillars for q in pillar.questions]
    for index, question in enumerate(questions):
        level = level_of(index)
        data = {
            "level": level,
            "not_applicable": False,
            "insufficient_information": level is None,
            "rationale": RATIONALE * 2 if evidence else RATIONALE,
            "change_reason": None,
            "version": None,
            "evidence": _evidence(question.key) if level is not None else [],
        }
        save_answer(session, assessor, assessment, question.key, data)
    submit(session, assessor, assessment)
    publish(session, reviewer, assessment)
    session.flush()
    return assessment


def long_scorecard(session) -> int:
    """The id of a published assessment whose scorecard runs long; the caller commits."""
    rubric = every_shipped_rubric(session)[-1]
    process = stored_process(
        session, name="Informal consultations on international Internet-related public policy"
    )
    reviewer = stored_user(session, "long-reviewer@example.org", ["reviewer"], "academia")
    for offset, (email, group) in enumerate(OTHER_VIEWS, start=1):
        other = stored_user(session, email, ["assessor"], group)
        _published(
            session,
            rubric,
            process,
            other,
            reviewer,
            lambda i, o=offset: (i + o) % 5,
            evidence=False,
        )
    assessor = stored_user(session, "long-civil@example.org", ["assessor"], "civil_society")

    def level_of(index: int) -> int | None:
        return None if index % 7 == 3 else index % 5

    return _published(session, rubric, process, assessor, reviewer, level_of, evidence=True).id
