"""The questionnaire: one page per pillar, saved by the script per question or posted whole."""

from dataclasses import dataclass, field

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from marshmallow import ValidationError

from assessor.assessments.answer_messages import answer_message_translations, shown_messages
from assessor.assessments.answers import StaleAnswer, answer_problems_of, save_answer
from assessor.assessments.labels import CHANGE_REASON_LABELS
from assessor.assessments.models import AssessmentStatus
from assessor.assessments.progress import overall_completeness, pillar_progress
from assessor.assessments.questionnaire_form import (
    answer_input,
    entry_from_answer,
    entry_from_form,
    same_answer,
)
from assessor.assessments.rubric_reading import rubric_reading
from assessor.assessments.rules import EVIDENCE_ROW_PATH, described
from assessor.assessments.schemas import AnswerInSchema
from assessor.assessments.script_texts import questionnaire_script_texts
from assessor.assessments.service import answer_for, get_assessment
from assessor.db import db
from assessor.exceptions import InvalidInput
from assessor.languages.messages import N_, translated
from assessor.rubrics.models import LEVEL_LABELS
from assessor.users.current import signed_in_user
from assessor.validation import error_paths

CHOOSE_FIRST = N_("Not saved: choose a level, not applicable or insufficient information first.")

blueprint = Blueprint("questionnaire", __name__, url_prefix="/assessments/<int:assessment_id>")


@dataclass
class QuestionView:
    """What the page shows for one question: values, problems, errors and any conflict."""

    question: object
    entry: object
    problems: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    conflict: object = None
    comments: list = field(default_factory=list)

    @property
    def cannot_be_submitted(self) -> bool:
        """Stored as typed, but lacking what submission needs."""
        return not self.errors and bool(self.problems)


@dataclass(frozen=True)
class SaveOutcome:
    """What posting a pillar stored: what was not saved, and what was saved but cannot be
    submitted yet, so that the page never says "Saved" for more than it stored."""

    views: list[QuestionView]
    # The page the assessor asked to go on to, when the page stays to warn them first.
    leaving_for: str | None = None

    @property
    def not_saved(self) -> list[QuestionView]:
        return [view for view in self.views if view.errors]

    @property
    def not_ready(self) -> list[QuestionView]:
        return [view for view in self.views if view.cannot_be_submitted]

    @property
    def all_saved(self) -> bool:
        return not self.not_saved


def _pillar(assessment, pillar_key: str):
    for index, pillar in enumerate(assessment.rubric.pillars):
        if pillar.key == pillar_key:
            return index, pillar
    abort(404)


def _editable(assessment) -> bool:
    user = signed_in_user()
    return (
        user is not None
        and assessment.status == AssessmentStatus.DRAFT
        and assessment.assessor_id == user.id
    )


def _open_comments(assessment, key: str) -> list:
    return [c for c in assessment.comments if c.question_key == key and c.resolved_at is None]


def _anchor(view: QuestionView, path: str) -> str:
    """The id of the field a message is about, for the page's links to it."""
    base = f"q-{view.question.key}"
    row = EVIDENCE_ROW_PATH.match(path)
    if row:
        return f"{base}-evidence-{row[1]}-{row[2]}"
    if path == "evidence":
        return f"{base}-evidence-0-url"
    if path in {"rationale", "change_reason"}:
        return f"{base}-{path}"
    return f"{base}-prompt"


def outcome_notes(view: QuestionView) -> list[tuple[str, str]]:
    """What the outcome of a save says of one question: each message with its field's id."""
    messages = view.errors or view.problems
    return [
        (_anchor(view, path), translated(described(path, message)))
        for path, found in messages.items()
        for message in found
    ]


def _render(
    assessment,
    pillar_key: str,
    views: list[QuestionView],
    status: int = 200,
    outcome: SaveOutcome | None = None,
):
    index, pillar = _pillar(assessment, pillar_key)
    pillars = assessment.rubric.pillars
    reading = rubric_reading(assessment.rubric)
    progress = pillar_progress(assessment, reading.language)
    messages = answer_message_translations()
    for view in views:
        view.problems = shown_messages(view.problems, messages)
        view.errors = shown_messages(view.errors, messages)
    return render_template(
        "assessments/questionnaire.html",
        assessment=assessment,
        pillar=pillar,
        pillar_number=index + 1,
        previous=pillars[index - 1] if index > 0 else None,
        next=pillars[index + 1] if index + 1 < len(pillars) else None,
        progress=progress,
        completeness=overall_completeness(progress),
        questions=views,
        editable=_editable(assessment),
        reading=reading,
        level_names=LEVEL_LABELS,
        change_reasons=CHANGE_REASON_LABELS if assessment.revises_id else {},
        outcome=outcome,
        outcome_notes=outcome_notes,
        leaving_title=_target_title(assessment, reading, outcome),
        script_texts=questionnaire_script_texts(messages),
    ), status


def _stored_views(assessment, pillar) -> list[QuestionView]:
    views = []
    for question in pillar.questions:
        answer = answer_for(assessment, question.key)
        problems = answer_problems_of(answer, question) if answer is not None else {}
        views.append(
            QuestionView(
                question,
                entry_from_answer(answer),
                problems,
                comments=_open_comments(assessment, question.key),
            )
        )
    return views


@blueprint.get("/pillars/<pillar_key>")
def pillar(assessment_id: int, pillar_key: str):
    assessment = get_assessment(db.session, signed_in_user(), assessment_id)
    _, current = _pillar(assessment, pillar_key)
    return _render(assessment, pillar_key, _stored_views(assessment, current))


def _save_posted(assessment, question) -> QuestionView:
    """Save one question's posted values; errors and conflicts come back on its view."""
    entry = entry_from_form(request.form, question.key)
    stored = answer_for(assessment, question.key)
    view = QuestionView(question, entry, comments=_open_comments(assessment, question.key))
    if not entry.choice and stored is None:
        if entry.rationale.strip() or entry.evidence:
            view.errors = {"_": [CHOOSE_FIRST]}
        return view
    if not entry.choice or same_answer(entry, stored):
        view.entry = entry if entry.choice else entry_from_answer(stored)
        view.problems = answer_problems_of(stored, question)
        return view
    try:
        data = AnswerInSchema().load(answer_input(entry))
        answer, view.problems = save_answer(
            db.session, current_user, assessment, question.key, data
        )
        # Each question commits on its own, as through the API: one refusal loses no other.
        db.session.commit()
    except ValidationError as error:
        view.errors = error_paths(error.messages)
    except InvalidInput as error:
        db.session.rollback()
        view.errors = error.fields
    except StaleAnswer as stale:
        view.conflict = entry_from_answer(stale.stored)
        view.errors = {"_": [stale.message]}
        # Keep what the user typed; saving again now replaces the newer stored answer.
        entry.version = str(stale.stored.row_version) if stale.stored is not None else ""
    else:
        view.entry = entry_from_answer(answer)
    return view


def _target(assessment, target: str) -> str | None:
    """Where a pillar's "go" button leads: another pillar or the overview; None stays."""
    if target in {p.key for p in assessment.rubric.pillars}:
        return url_for(".pillar", assessment_id=assessment.id, pillar_key=target)
    if target == "overview":
        return url_for("assessments.show", assessment_id=assessment.id)
    return None


def _target_title(assessment, reading, outcome: SaveOutcome | None) -> str | None:
    """The title of the page the assessor asked to go on to, for the warning's button."""
    if outcome is None or outcome.leaving_for is None:
        return None
    for pillar in assessment.rubric.pillars:
        if pillar.key == outcome.leaving_for:
            return reading.text(pillar, "title")
    return None


@blueprint.post("/pillars/<pillar_key>")
@login_required
def save_pillar(assessment_id: int, pillar_key: str):
    """Save a whole pillar at once (the page without scripts); nothing typed is lost.

    Going on to another page waits while anything is not saved, and warns first when an
    answer saved here cannot be submitted yet ("leave" goes on all the same).
    """
    assessment = get_assessment(db.session, current_user, assessment_id)
    _, current = _pillar(assessment, pillar_key)
    views = [_save_posted(assessment, question) for question in current.questions]
    confirmed = "leave" in request.form
    target = request.form.get("leave") or request.form.get("go") or ""
    outcome = SaveOutcome(views)
    target_url = _target(assessment, target)
    if target_url and outcome.all_saved and (confirmed or not outcome.not_ready):
        return redirect(target_url)
    if target_url and outcome.not_ready:
        outcome = SaveOutcome(views, leaving_for=target)
    assessment = get_assessment(db.session, current_user, assessment_id)
    status = 409 if any(view.conflict for view in views) else 200 if outcome.all_saved else 422
    return _render(assessment, pillar_key, views, status=status, outcome=outcome)
