"""Saving and clearing answers, with optimistic locking so no save overwrites another."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assessor import audit
from assessor.assessments.access import require_assessor_of
from assessor.assessments.labels import STATUS_WORDS
from assessor.assessments.models import Answer, Assessment, EvidenceItem
from assessor.assessments.rules import AnswerState, answer_problems
from assessor.assessments.schemas import EVIDENCE_ROW_FIELDS, evidence_row_problems
from assessor.assessments.service import answer_for, require_question
from assessor.db import utcnow
from assessor.exceptions import Conflict, InvalidInput
from assessor.languages.messages import N_, Message
from assessor.languages.selection import current_language
from assessor.users.models import User

STALE_ANSWER = N_(
    "Someone saved this answer meanwhile. Compare with the stored answer, then save again."
)
ALWAYS_APPLIES = N_("This question always applies.")
REASON_ONLY_IN_REVISIONS = N_(
    "Only a revision of a published assessment records why an answer changed."
)


class StaleAnswer(Conflict):
    """A save based on an old version; ``stored`` is the answer as it is now (or None)."""

    def __init__(self, stored: Answer | None) -> None:
        super().__init__(STALE_ANSWER)
        self.stored = stored


def answer_snapshot(answer: Answer | None) -> dict[str, Any] | None:
    """The answer as plain data, for audit events and change comparison."""
    if answer is None:
        return None
    return {
        "level": answer.level,
        "not_applicable": answer.not_applicable,
        "insufficient_information": answer.insufficient_information,
        "rationale": answer.rationale,
        "rationale_language": answer.rationale_language,
        "change_reason": answer.change_reason,
        "evidence": [item.url for item in answer.evidence],
        "unfinished_evidence": answer.unfinished_evidence,
        "version": answer.row_version,
    }


def unfinished_evidence_problems(answer: Answer) -> dict[str, list[str]]:
    """What each unfinished evidence row lacks, keyed ``evidence[<position>].<field>``."""
    problems = {}
    for row in answer.unfinished_evidence or ():
        typed = {name: row.get(name) or "" for name in EVIDENCE_ROW_FIELDS}
        for field, messages in evidence_row_problems(typed).items():
            problems[f"evidence[{row['position']}].{field}"] = messages
    return problems


def answer_state(answer: Answer) -> AnswerState:
    return AnswerState(
        level=answer.level,
        not_applicable=answer.not_applicable,
        insufficient_information=answer.insufficient_information,
        rationale=answer.rationale,
        evidence_count=len(answer.evidence),
        unfinished_evidence=unfinished_evidence_problems(answer),
    )


def _stored_answer(session: Session, assessment_id: int, question_key: str) -> Answer | None:
    statement = select(Answer).where(
        Answer.assessment_id == assessment_id, Answer.question_key == question_key
    )
    return session.scalars(statement).one_or_none()


def not_editable(status: str) -> Message:
    """Why an assessment in ``status`` (not a draft) refuses changes to its answers."""
    return N_(
        "Only a draft can be edited; this assessment is %(status)s.", status=STATUS_WORDS[status]
    )


def _require_editable(user: User, assessment: Assessment) -> None:
    require_assessor_of(user, assessment)
    if assessment.status != "draft":
        raise Conflict(not_editable(assessment.status))


def _check_version(stored: Answer | None, version: int | None) -> None:
    stored_version = stored.row_version if stored is not None else None
    if version != stored_version:
        raise StaleAnswer(stored)


def rationale_language(stored: Answer | None, data: dict[str, Any]) -> str | None:
    """The language the rationale being saved is written in.

    As given; else unchanged with an unchanged rationale; else the language of the request
    that changes it. An empty rationale has no language.
    """
    if not data["rationale"].strip():
        return None
    if data.get("rationale_language"):
        return data["rationale_language"]
    if stored is not None and stored.rationale == data["rationale"] and stored.rationale_language:
        return stored.rationale_language
    return current_language()


def _apply(answer: Answer, data: dict[str, Any], user: User) -> None:
    answer.rationale_language = rationale_language(answer, data)
    answer.level = data["level"]
    answer.not_applicable = data["not_applicable"]
    answer.insufficient_information = data["insufficient_information"]
    answer.rationale = data["rationale"]
    answer.change_reason = data["change_reason"]
    # Rows carry the position they were typed at, among the unfinished ones; without
    # unfinished rows, their order is their position.
    answer.evidence = [
        EvidenceItem(**{"position": index, **item}) for index, item in enumerate(data["evidence"])
    ]
    answer.unfinished_evidence = data.get("unfinished_evidence", [])
    answer.updated_by = user
    # Set on every save so the row itself changes and its version moves on, even when only
    # the evidence (another table) changed.
    answer.updated_at = utcnow()


def _stored_with_event(
    session: Session,
    user: User,
    assessment: Assessment,
    question_key: str,
    stored: Answer | None,
    data: dict[str, Any],
) -> Answer:
    """The answer stored as given, flushed, and its audit event."""
    before = answer_snapshot(stored)
    answer = stored or Answer(assessment=assessment, question_key=question_key)
    _apply(answer, data, user)
    session.add(answer)
    session.flush()
    audit.record(
        session,
        actor_id=user.id,
        action="answer.saved",
        subject_type="assessment",
        subject_id=assessment.id,
        before=before,
        after={"question_key": question_key, **answer_snapshot(answer)},
    )
    return answer


def save_answer(
    session: Session, user: User, assessment: Assessment, question_key: str, data: dict[str, Any]
) -> tuple[Answer, dict[str, list[str]]]:
    """Store an answer as given and say what it still lacks for submission.

    ``data["version"]`` must be the stored answer's version (None for a first save); a stale
    version is refused with the stored answer, never overwritten.
    """
    _require_editable(user, assessment)
    question = require_question(assessment, question_key)
    if data["not_applicable"] and not question.not_applicable_allowed:
        raise InvalidInput({"not_applicable": [ALWAYS_APPLIES]})
    if data["change_reason"] and assessment.revises_id is None:
        raise InvalidInput({"change_reason": [REASON_ONLY_IN_REVISIONS]})
    stored = answer_for(assessment, question_key)
    _check_version(stored, data["version"])
    try:
        # In a savepoint, so that losing a race undoes this save alone, not the caller's work;
        # the answer and its audit event go together.
        with session.begin_nested():
            answer = _stored_with_event(session, user, assessment, question_key, stored, data)
    except IntegrityError:
        # Another first save of the same question won the race: show the winner.
        raise StaleAnswer(_stored_answer(session, assessment.id, question_key)) from None
    return answer, answer_problems(answer_state(answer), question.evidence_threshold)


def clear_answer(
    session: Session, user: User, assessment: Assessment, question_key: str, version: int | None
) -> None:
    """Remove an answer (it becomes missing again), if ``version`` is still the stored one."""
    _require_editable(user, assessment)
    require_question(assessment, question_key)
    stored = answer_for(assessment, question_key)
    if stored is None:
        return
    _check_version(stored, version)
    audit.record(
        session,
        actor_id=user.id,
        action="answer.cleared",
        subject_type="assessment",
        subject_id=assessment.id,
        before={"question_key": question_key, **answer_snapshot(stored)},
    )
    assessment.answers.remove(stored)
    session.flush()


def answer_problems_of(answer: Answer, question) -> dict[str, list[str]]:
    """What a stored answer still lacks for submission."""
    return answer_problems(answer_state(answer), question.evidence_threshold)
