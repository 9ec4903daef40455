"""Assessment pages: starting one, its overview with the workflow actions, its history."""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from marshmallow import ValidationError

from assessor.assessments.forms import StartFormSchema
from assessor.assessments.history import assessment_history
from assessor.assessments.labels import status_label, status_word
from assessor.assessments.overview import render_overview
from assessor.assessments.rubric_reading import question_titles, rubric_reading
from assessor.assessments.service import assessments_query, get_assessment, start_assessment
from assessor.db import db
from assessor.exceptions import InvalidInput
from assessor.languages.messages import translated_fields
from assessor.processes.service import get_process
from assessor.rubrics.service import list_rubric_versions
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.current import signed_in_user
from assessor.validation import error_paths

blueprint = Blueprint("assessments", __name__)
blueprint.add_app_template_filter(status_label)
blueprint.add_app_template_filter(status_word)


def _start_choices(process) -> dict:
    """Rubric versions (newest first), groups, and earlier assessments one may copy from."""
    statement = assessments_query(signed_in_user(), {"process_id": process.id})
    return {
        "rubrics": [
            (rubric, rubric_reading(rubric)) for rubric in list_rubric_versions(db.session)
        ],
        "groups": STAKEHOLDER_GROUPS,
        "earlier": list(db.session.scalars(statement)),
    }


@blueprint.route("/processes/<int:process_id>/assess", methods=["GET", "POST"])
@login_required
def start(process_id: int):
    process = get_process(db.session, process_id)
    choices = _start_choices(process)
    values = {
        "rubric": choices["rubrics"][0][0].label if choices["rubrics"] else "",
        "perspective": current_user.stakeholder_group or "",
        "copy_from": "",
    }
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        values = request.form.to_dict()
        try:
            data = StartFormSchema().load(values)
            assessment = start_assessment(
                db.session, current_user, {**data, "process_id": process.id}
            )
        except ValidationError as error:
            errors = error_paths(error.messages)
        except InvalidInput as error:
            errors = translated_fields(error.fields)
        else:
            db.session.commit()
            first = assessment.rubric.pillars[0].key
            return redirect(
                url_for("questionnaire.pillar", assessment_id=assessment.id, pillar_key=first)
            )
    status = 422 if errors else 200
    return render_template(
        "assessments/start.html", process=process, values=values, errors=errors, **choices
    ), status


@blueprint.get("/assessments/<int:assessment_id>")
def show(assessment_id: int):
    return render_overview(get_assessment(db.session, signed_in_user(), assessment_id))


@blueprint.get("/assessments/<int:assessment_id>/history")
def history(assessment_id: int):
    assessment = get_assessment(db.session, signed_in_user(), assessment_id)
    events = assessment_history(db.session, assessment)
    return render_template(
        "assessments/history.html",
        assessment=assessment,
        events=events,
        reading=rubric_reading(assessment.rubric),
        question_titles=question_titles(assessment),
    )
