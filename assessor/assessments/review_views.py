"""Workflow actions from the pages: submit, return with comments, publish, revise, withdraw."""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from marshmallow import ValidationError

from assessor.assessments import workflow
from assessor.assessments.forms import ReplyFormSchema, ReturnFormSchema, WithdrawFormSchema
from assessor.assessments.overview import render_overview
from assessor.assessments.participation_check import publication_check
from assessor.assessments.replies import add_reply
from assessor.assessments.rubric_reading import question_titles, rubric_reading
from assessor.assessments.service import get_assessment
from assessor.db import db
from assessor.exceptions import Conflict, InvalidInput
from assessor.languages.messages import translated_fields
from assessor.validation import error_paths

blueprint = Blueprint("review", __name__, url_prefix="/assessments/<int:assessment_id>")


def _overview(assessment_id: int, **arguments):
    return redirect(url_for("assessments.show", assessment_id=assessment_id, **arguments))


@blueprint.post("/submit")
@login_required
def submit(assessment_id: int):
    assessment = get_assessment(db.session, current_user, assessment_id)
    try:
        workflow.submit(db.session, current_user, assessment)
    except Conflict as conflict:
        db.session.rollback()
        if "problems" not in conflict.details:
            raise
        assessment = get_assessment(db.session, current_user, assessment_id)
        return render_overview(assessment, problems=conflict.details["problems"], status=409)
    db.session.commit()
    return _overview(assessment_id)


def _questions(assessment) -> list[tuple[str, str]]:
    return list(question_titles(assessment).items())


@blueprint.route("/return", methods=["GET", "POST"], endpoint="return_form")
@login_required
def return_form(assessment_id: int):
    assessment = get_assessment(db.session, current_user, assessment_id)
    values, errors = {}, {}
    if request.method == "POST":
        values = request.form.to_dict()
        try:
            data = ReturnFormSchema().load(values)
            workflow.return_to_draft(
                db.session, current_user, assessment, data["comment"], data["questions"]
            )
        except ValidationError as error:
            errors = error_paths(error.messages)
        except InvalidInput as error:
            errors = translated_fields(error.fields)
        else:
            db.session.commit()
            return _overview(assessment_id)
    workflow.require_may_return(current_user, assessment)
    return render_template(
        "assessments/return.html",
        assessment=assessment,
        reading=rubric_reading(assessment.rubric),
        questions=_questions(assessment),
        values=values,
        errors=errors,
    ), 422 if errors else 200


@blueprint.route("/publish", methods=["GET", "POST"])
@login_required
def publish(assessment_id: int):
    """Publishing is public and final, so it is confirmed on a page of its own first; a post
    without that confirmation shows the page again and publishes nothing."""
    assessment = get_assessment(db.session, current_user, assessment_id)
    workflow.require_may_publish(current_user, assessment)
    if request.method == "POST" and request.form.get("confirm") == "publish":
        workflow.publish(db.session, current_user, assessment)
        db.session.commit()
        return _overview(assessment_id, done="published")
    return render_template(
        "assessments/publish.html",
        assessment=assessment,
        reading=rubric_reading(assessment.rubric),
        participation=publication_check(db.session, assessment),
        questions={q.key: q for pillar in assessment.rubric.pillars for q in pillar.questions},
    )


@blueprint.post("/revise")
@login_required
def revise(assessment_id: int):
    revision = workflow.revise(
        db.session, current_user, get_assessment(db.session, current_user, assessment_id)
    )
    db.session.commit()
    return _overview(revision.id)


@blueprint.route("/withdraw", methods=["GET", "POST"], endpoint="withdraw_form")
@login_required
def withdraw_form(assessment_id: int):
    assessment = get_assessment(db.session, current_user, assessment_id)
    values, errors = {}, {}
    if request.method == "POST":
        values = request.form.to_dict()
        try:
            data = WithdrawFormSchema().load(values)
            workflow.withdraw(db.session, current_user, assessment, data["reason"])
        except ValidationError as error:
            errors = error_paths(error.messages)
        else:
            db.session.commit()
            return _overview(assessment_id, done="withdrawn")
    workflow.require_may_withdraw(current_user, assessment)
    return render_template(
        "assessments/withdraw.html", assessment=assessment, values=values, errors=errors
    ), 422 if errors else 200


@blueprint.post("/replies")
@login_required
def reply(assessment_id: int):
    assessment = get_assessment(db.session, current_user, assessment_id)
    try:
        data = ReplyFormSchema().load(request.form.to_dict())
    except ValidationError as error:
        return render_overview(
            assessment,
            reply_errors=error_paths(error.messages),
            reply_text=request.form.get("body", ""),
            status=422,
        )
    add_reply(db.session, current_user, assessment, data["body"])
    db.session.commit()
    return _overview(assessment_id, _anchor="replies")
