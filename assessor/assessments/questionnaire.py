"""The questionnaire: one page per pillar, saved by the script per question or posted whole."""

from dataclasses import dataclass, field

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from marshmallow import ValidationError

from assessor.assessments.answer_messages import answer_message_translations, shown_messages
from assessor.assessments.answers import StaleAnswer, answer_problems_of, save_answer
from assessor.assessments.labels import CHANGE_REASON_LABELS
from assessor.assessments.progress import overall_completeness, pillar_progress
from assessor.assessments.questionnaire_form import (
    answer_input,
    entry_from_answer,
    entry_from_form,
    same_answer,
)
from assessor.assessments.rubric_reading import rubric_reading
from assessor.assessments.schemas import AnswerInSchema
from assessor.assessments.script_texts import questionnaire_script_texts
from assessor.assessments.service import answer_for, get_assessment
from assessor.assessments.views import signed_in_user
from assessor.db import db
from assessor.exceptions import InvalidInput
from assessor.rubrics.models import LEVEL_LABELS
from assessor.validation import error_paths

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


def _pillar(assessment, pillar_key: str):
    for index, pillar in enumerate(assessment.rubric.pillars):
        if pillar.key == pillar_key:
            return index, pillar
    abort(404)


def _editable(assessment) -> bool:
    user = signed_in_user()
    return user is not None and assessment.status == "draft" and assessment.assessor_id == user.id


def _open_comments(assessment, key: str) -> list:
    return [c for c in assessment.comments if c.question_key == key and c.resolved_at is None]


def _render(
    assessment, pillar_key: str, views: list[QuestionView], status: int = 200, saved: int = 0
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
        saved=saved,
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
    if not entry.choice or same_answer(entry, stored):
        view.entry = entry if entry.choice else entry_from_answer(stored) if stored else entry
        view.problems = answer_problems_of(stored, question) if stored is not None else {}
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


@blueprint.post("/pillars/<pillar_key>")
@login_required
def save_pillar(assessment_id: int, pillar_key: str):
    """Save a whole pillar at once (the page without scripts); nothing typed is lost."""
    assessment = get_assessment(db.session, current_user, assessment_id)
    _, current = _pillar(assessment, pillar_key)
    views = [_save_posted(assessment, question) for question in current.questions]
    failed = any(view.errors for view in views)
    if not failed and request.form.get("go"):
        target = request.form["go"]
        if target in {p.key for p in assessment.rubric.pillars}:
            return redirect(url_for(".pillar", assessment_id=assessment_id, pillar_key=target))
        if target == "overview":
            return redirect(url_for("assessments.show", assessment_id=assessment_id))
    assessment = get_assessment(db.session, current_user, assessment_id)
    saved = sum(1 for view in views if not view.errors)
    status = 409 if any(view.conflict for view in views) else 422 if failed else 200
    return _render(assessment, pillar_key, views, status=status, saved=saved)
