"""Starting, finding and listing assessments."""

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload, selectinload

from assessor import audit
from assessor.assessments.access import can_view, require_role, require_visible, visible_to
from assessor.assessments.models import (
    Answer,
    Assessment,
    AssessmentStatus,
    EvidenceItem,
    ProcessReply,
)
from assessor.exceptions import InvalidInput, NotVisible
from assessor.languages.messages import N_
from assessor.processes.models import Process
from assessor.rubrics.models import Pillar, Question, RubricVersion
from assessor.rubrics.service import find_rubric
from assessor.users.models import User


def split_rubric_label(label: str) -> tuple[str, str]:
    slug, _, version = label.partition("@")
    return slug, version


def _rubric_for(session: Session, label: str) -> RubricVersion:
    rubric = find_rubric(session, *split_rubric_label(label))
    if rubric is None:
        raise InvalidInput({"rubric": [N_("no rubric %(label)s is loaded", label=label)]})
    return rubric


def _copied_answers(
    session: Session, user: User, source_id: int, process: Process, rubric: RubricVersion
) -> list[Answer]:
    """Answers of an earlier assessment of the same process that fit ``rubric``."""
    source = session.scalars(
        select(Assessment).where(Assessment.id == source_id).options(*_with_details())
    ).one_or_none()
    if source is None or not can_view(user, source) or source.process_id != process.id:
        raise InvalidInput(
            {"copy_from": [N_("choose an assessment of this process that you can see")]}
        )
    questions = {q.key: q for pillar in rubric.pillars for q in pillar.questions}
    return [
        copy_answer(answer, user)
        for answer in source.answers
        if answer.question_key in questions
        and (not answer.not_applicable or questions[answer.question_key].not_applicable_allowed)
    ]


def copy_answer(answer: Answer, user: User) -> Answer:
    """A new answer with the same choice, rationale (and its language) and evidence, by ``user``."""
    return Answer(
        question_key=answer.question_key,
        level=answer.level,
        not_applicable=answer.not_applicable,
        insufficient_information=answer.insufficient_information,
        rationale=answer.rationale,
        rationale_language=answer.rationale_language,
        updated_by=user,
        evidence=[
            EvidenceItem(
                url=e.url,
                title=e.title,
                accessed_on=e.accessed_on,
                note=e.note,
                position=e.position,
            )
            for e in answer.evidence
        ],
        unfinished_evidence=[dict(row) for row in answer.unfinished_evidence or ()],
    )


def start_assessment(session: Session, user: User, data: dict[str, Any]) -> Assessment:
    """A new draft by ``user``, speaking for their stakeholder group unless told otherwise.

    With ``copy_from``, the answers and evidence of an earlier assessment of the same
    process are copied, so a reassessment starts from what is known.
    """
    require_role(user, "assessor")
    process = session.get(Process, data["process_id"])
    if process is None:
        raise InvalidInput({"process_id": [N_("no process has id %(id)s", id=data["process_id"])]})
    rubric = _rubric_for(session, data["rubric"])
    perspective = data.get("perspective") or user.stakeholder_group
    if perspective is None:
        raise InvalidInput({"perspective": [N_("say which stakeholder group you assess for")]})
    copied = []
    if data.get("copy_from") is not None:
        copied = _copied_answers(session, user, data["copy_from"], process, rubric)
    assessment = Assessment(
        process=process,
        rubric=rubric,
        assessor=user,
        perspective=perspective,
        status=AssessmentStatus.DRAFT,
        answers=copied,
    )
    session.add(assessment)
    session.flush()
    audit.record(
        session,
        actor_id=user.id,
        action="assessment.started",
        subject_type="assessment",
        subject_id=assessment.id,
        after={
            "process_id": process.id,
            "rubric": rubric.label,
            "perspective": perspective,
            "copied_from": data.get("copy_from"),
            "answers_copied": len(copied),
        },
    )
    return assessment


def _with_details() -> tuple:
    """Everything the assessment's pages read, the rubric's questions and levels included:
    loaded lazily, they cost a query per question."""
    return (
        selectinload(Assessment.process),
        # One version or none: joined, rather than a statement of its own.
        joinedload(Assessment.process_version),
        selectinload(Assessment.rubric)
        .selectinload(RubricVersion.pillars)
        .selectinload(Pillar.questions)
        .selectinload(Question.levels),
        selectinload(Assessment.assessor),
        selectinload(Assessment.answers).selectinload(Answer.evidence),
        selectinload(Assessment.answers).selectinload(Answer.updated_by),
        selectinload(Assessment.comments),
        selectinload(Assessment.replies).selectinload(ProcessReply.author),
    )


def get_assessment(session: Session, user: User | None, assessment_id: int) -> Assessment:
    """The assessment with its answers, if ``user`` may see it (404 otherwise)."""
    assessment = session.scalars(
        select(Assessment).where(Assessment.id == assessment_id).options(*_with_details())
    ).one_or_none()
    return require_visible(user, assessment)


def assessments_query(user: User | None, filters: dict[str, Any]) -> Select:
    """The assessments ``user`` may see matching ``filters``, newest first."""
    statement = (
        select(Assessment)
        .where(visible_to(user))
        .options(
            selectinload(Assessment.process),
            selectinload(Assessment.rubric),
            selectinload(Assessment.assessor),
        )
        .order_by(Assessment.created_at.desc(), Assessment.id.desc())
    )
    for name in ("process_id", "status", "perspective", "assessor_id"):
        if filters.get(name) is not None:
            statement = statement.where(getattr(Assessment, name) == filters[name])
    if filters.get("rubric"):
        slug, version = split_rubric_label(filters["rubric"])
        statement = statement.join(Assessment.rubric).where(
            RubricVersion.slug == slug, RubricVersion.version == version
        )
    return statement


def answer_for(assessment: Assessment, question_key: str) -> Answer | None:
    return next((a for a in assessment.answers if a.question_key == question_key), None)


def require_question(assessment: Assessment, question_key: str):
    """The rubric question with this key; a key not in the rubric is a 404."""
    for pillar in assessment.rubric.pillars:
        for question in pillar.questions:
            if question.key == question_key:
                return question
    raise NotVisible(
        N_(
            "The rubric %(rubric)s has no question %(question)s.",
            rubric=assessment.rubric.label,
            question=question_key,
        )
    )
