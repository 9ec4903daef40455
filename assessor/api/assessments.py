"""Assessments, their answers, workflow transitions and scorecards under /api/v1."""

from flask import Blueprint, request, url_for

from assessor.api.auth import caller, signed_in_caller
from assessor.api.requests import json_body, paginate, query_args
from assessor.assessments import workflow
from assessor.assessments.access import sees_all_assessments
from assessor.assessments.answers import StaleAnswer, clear_answer, save_answer
from assessor.assessments.replies import add_reply
from assessor.assessments.results import consolidation_of, latest_published
from assessor.assessments.schemas import (
    AnswerInSchema,
    AnswerOutSchema,
    AssessmentCreateSchema,
    AssessmentListArgsSchema,
    AssessmentOutSchema,
    AssessmentSummarySchema,
    EmptySchema,
    ReplyInSchema,
    ReplyOutSchema,
    ReturnSchema,
    WithdrawSchema,
)
from assessor.assessments.service import (
    assessments_query,
    get_assessment,
    split_rubric_label,
    start_assessment,
)
from assessor.db import db
from assessor.exceptions import Conflict, InvalidInput, NotVisible
from assessor.processes.models import Process
from assessor.rubrics.service import find_rubric
from assessor.scorecards.document import scorecard_document
from assessor.scorecards.schemas import (
    EMPTY_CONSOLIDATION,
    ConsolidationArgsSchema,
    ConsolidationSchema,
    ScorecardSchema,
)
from assessor.scoring import METHOD_VERSION

blueprint = Blueprint("assessments", __name__)


def _dump(assessment) -> dict:
    """The assessment; review comments only for those who take part in the review."""
    user = caller()
    private = sees_all_assessments(user) or (user is not None and user.id == assessment.assessor_id)
    return AssessmentOutSchema(exclude=() if private else ("comments",)).dump(assessment)


@blueprint.get("/assessments")
def index():
    args = query_args(AssessmentListArgsSchema())
    page = paginate(db.session, assessments_query(caller(), args), args["page"], args["per_page"])
    page["items"] = AssessmentSummarySchema(many=True).dump(page["items"])
    return page


@blueprint.post("/assessments")
def create():
    user = signed_in_caller()
    assessment = start_assessment(db.session, user, json_body(AssessmentCreateSchema()))
    db.session.commit()
    location = url_for(".show", assessment_id=assessment.id)
    return _dump(get_assessment(db.session, user, assessment.id)), 201, {"Location": location}


@blueprint.get("/assessments/<int:assessment_id>")
def show(assessment_id: int):
    return _dump(get_assessment(db.session, caller(), assessment_id))


@blueprint.put("/assessments/<int:assessment_id>/answers/<question_key>")
def put_answer(assessment_id: int, question_key: str):
    user = signed_in_caller()
    assessment = get_assessment(db.session, user, assessment_id)
    data = json_body(AnswerInSchema())
    try:
        answer, problems = save_answer(db.session, user, assessment, question_key, data)
    except StaleAnswer as stale:
        current = AnswerOutSchema().dump(stale.stored) if stale.stored is not None else None
        raise Conflict(stale.message, current=current) from None
    db.session.commit()
    return {**AnswerOutSchema().dump(answer), "problems": problems}


@blueprint.delete("/assessments/<int:assessment_id>/answers/<question_key>")
def delete_answer(assessment_id: int, question_key: str):
    user = signed_in_caller()
    assessment = get_assessment(db.session, user, assessment_id)
    version = request.args.get("version", type=int)
    if version is None:
        raise InvalidInput({"version": ["give the stored answer's version: ?version=N"]})
    try:
        clear_answer(db.session, user, assessment, question_key, version)
    except StaleAnswer as stale:
        current = AnswerOutSchema().dump(stale.stored) if stale.stored is not None else None
        raise Conflict(stale.message, current=current) from None
    db.session.commit()
    return "", 204


def _transition(assessment_id: int, schema, action) -> dict:
    """Load the assessment, parse the body, make the transition, answer with the new state."""
    user = signed_in_caller()
    assessment = get_assessment(db.session, user, assessment_id)
    data = json_body(schema)
    result = action(user, assessment, data) or assessment
    db.session.commit()
    return _dump(get_assessment(db.session, user, result.id))


@blueprint.post("/assessments/<int:assessment_id>/submit")
def submit(assessment_id: int):
    return _transition(
        assessment_id, EmptySchema(), lambda u, a, d: workflow.submit(db.session, u, a)
    )


@blueprint.post("/assessments/<int:assessment_id>/return")
def return_to_draft(assessment_id: int):
    return _transition(
        assessment_id,
        ReturnSchema(),
        lambda u, a, d: workflow.return_to_draft(db.session, u, a, d["comment"], d["questions"]),
    )


@blueprint.post("/assessments/<int:assessment_id>/publish")
def publish(assessment_id: int):
    return _transition(
        assessment_id, EmptySchema(), lambda u, a, d: workflow.publish(db.session, u, a)
    )


@blueprint.post("/assessments/<int:assessment_id>/revise")
def revise(assessment_id: int):
    body = _transition(
        assessment_id, EmptySchema(), lambda u, a, d: workflow.revise(db.session, u, a)
    )
    return body, 201, {"Location": url_for(".show", assessment_id=body["id"])}


@blueprint.post("/assessments/<int:assessment_id>/withdraw")
def withdraw(assessment_id: int):
    return _transition(
        assessment_id,
        WithdrawSchema(),
        lambda u, a, d: workflow.withdraw(db.session, u, a, d["reason"]),
    )


@blueprint.post("/assessments/<int:assessment_id>/replies")
def reply(assessment_id: int):
    """The process's own response to its published assessment (right of reply)."""
    user = signed_in_caller()
    assessment = get_assessment(db.session, user, assessment_id)
    created = add_reply(db.session, user, assessment, json_body(ReplyInSchema())["body"])
    db.session.commit()
    return ReplyOutSchema().dump(created), 201


@blueprint.get("/assessments/<int:assessment_id>/scorecard")
def scorecard(assessment_id: int):
    assessment = get_assessment(db.session, caller(), assessment_id)
    # The API's scorecard is not translated: rubric text in the rubric's own language.
    document = scorecard_document(
        db.session, assessment, assessment.rubric.language, consolidated=False
    )
    return ScorecardSchema().dump(document)


@blueprint.get("/processes/<int:process_id>/consolidated")
def consolidated(process_id: int):
    args = query_args(ConsolidationArgsSchema())
    process = db.session.get(Process, process_id)
    if process is None:
        raise NotVisible()
    rubric = find_rubric(db.session, *split_rubric_label(args["rubric"]))
    if rubric is None:
        raise InvalidInput({"rubric": [f"no rubric {args['rubric']} is loaded"]})
    published = latest_published(db.session, process.id, rubric)
    body = (
        ConsolidationSchema().dump(consolidation_of(rubric, published))
        if published
        else EMPTY_CONSOLIDATION
    )
    return {
        "process_id": process.id,
        "rubric": rubric.label,
        "method_version": METHOD_VERSION,
        **body,
    }
