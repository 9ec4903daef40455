"""Assessments, their answers, workflow transitions and scorecards under /api/v1."""

from flask import Blueprint, url_for

from assessor.api.auth import caller, signed_in_caller
from assessor.api.openapi import Operation
from assessor.api.requests import json_body, paginate, query_args
from assessor.api.schemas import (
    AnswerSavedSchema,
    AssessmentPageSchema,
    ProcessConsolidationSchema,
)
from assessor.assessments import workflow
from assessor.assessments.access import sees_all_assessments
from assessor.assessments.answers import StaleAnswer, clear_answer, save_answer
from assessor.assessments.consolidations import current_consolidation
from assessor.assessments.replies import add_reply
from assessor.assessments.schemas import (
    AnswerInSchema,
    AnswerOutSchema,
    AnswerVersionArgsSchema,
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
TRANSITION = "The assessment in its new state."
STALE_ANSWER = (
    "The version sent is not the stored one (`current` holds the stored answer), or the "
    "assessment is no longer a draft."
)
RUBRIC_LOADED = "`rubric` must name a loaded rubric version (see `GET /api/v1/rubrics`)."


def _dump(assessment) -> dict:
    """The assessment; review comments only for those who take part in the review."""
    user = caller()
    private = sees_all_assessments(user) or (user is not None and user.id == assessment.assessor_id)
    return AssessmentOutSchema(exclude=() if private else ("comments",)).dump(assessment)


@blueprint.get("/assessments")
@Operation(
    tag="assessments",
    returns="One page of assessments.",
    response=AssessmentPageSchema,
    query=AssessmentListArgsSchema,
)
def index():
    """List assessments.

    The assessments you may see, newest first, filtered by the parameters given. Anonymous
    callers see published and withdrawn assessments.
    """
    args = query_args()
    page = paginate(db.session, assessments_query(caller(), args), args["page"], args["per_page"])
    page["items"] = AssessmentSummarySchema(many=True).dump(page["items"])
    return page


@blueprint.post("/assessments")
@Operation(
    tag="assessments",
    returns="The new draft.",
    response=AssessmentOutSchema,
    status=201,
    body=AssessmentCreateSchema,
    auth="required",
    refusals=(403,),
    location="The new assessment's address.",
    rules=(
        "`process_id` must name a described process.",
        RUBRIC_LOADED,
        "Without `perspective`, your account must have a stakeholder group.",
    ),
)
def create():
    """Start an assessment.

    Start a draft assessment of a process on a loaded rubric version. Needs the assessor
    role. The perspective defaults to your own stakeholder group.
    """
    user = signed_in_caller()
    assessment = start_assessment(db.session, user, json_body())
    db.session.commit()
    location = url_for(".show", assessment_id=assessment.id)
    return _dump(get_assessment(db.session, user, assessment.id)), 201, {"Location": location}


@blueprint.get("/assessments/<int:assessment_id>")
@Operation(tag="assessments", returns="The assessment.", response=AssessmentOutSchema)
def show(assessment_id: int):
    """Read an assessment.

    The assessment with its answers. Review comments are included only for its assessor,
    reviewers and administrators.
    """
    return _dump(get_assessment(db.session, caller(), assessment_id))


@blueprint.put("/assessments/<int:assessment_id>/answers/<question_key>")
@Operation(
    tag="answers",
    returns="The answer as stored, with what it still lacks for submission.",
    response=AnswerSavedSchema,
    body=AnswerInSchema,
    auth="required",
    refusals=(403,),
    conflict=STALE_ANSWER,
    rules=(
        "`not_applicable` only where the question allows it.",
        "`change_reason` only in a revision of a published assessment.",
        "`rationale_language` must name a known language.",
    ),
)
def put_answer(assessment_id: int, question_key: str):
    """Save an answer.

    Save the answer to one question of your own draft: exactly one of a `level` (0-4),
    `not_applicable` (where the question allows it) or `insufficient_information`, with a
    rationale and evidence. Send the stored answer's `version`, or none for a first save.
    `change_reason` is given only in a revision of a published assessment.
    `rationale_language` says which language the rationale is written in; left out, a
    changed rationale takes the request's language (the caller's profile language, else
    Accept-Language).
    """
    user = signed_in_caller()
    assessment = get_assessment(db.session, user, assessment_id)
    data = json_body()
    try:
        answer, problems = save_answer(db.session, user, assessment, question_key, data)
    except StaleAnswer as stale:
        current = AnswerOutSchema().dump(stale.stored) if stale.stored is not None else None
        raise Conflict(stale.message, current=current) from None
    db.session.commit()
    return {**AnswerOutSchema().dump(answer), "problems": problems}


@blueprint.delete("/assessments/<int:assessment_id>/answers/<question_key>")
@Operation(
    tag="answers",
    returns="Cleared.",
    response=None,
    status=204,
    query=AnswerVersionArgsSchema,
    auth="required",
    refusals=(403,),
    conflict=STALE_ANSWER,
)
def delete_answer(assessment_id: int, question_key: str):
    """Clear an answer.

    Remove the answer to one question of your own draft, so it is missing again. Clearing a
    question with no answer succeeds.
    """
    user = signed_in_caller()
    assessment = get_assessment(db.session, user, assessment_id)
    version = query_args()["version"]
    try:
        clear_answer(db.session, user, assessment, question_key, version)
    except StaleAnswer as stale:
        current = AnswerOutSchema().dump(stale.stored) if stale.stored is not None else None
        raise Conflict(stale.message, current=current) from None
    db.session.commit()
    return "", 204


def _transition(assessment_id: int, action) -> dict:
    """Load the assessment, parse the body, make the transition, answer with the new state."""
    user = signed_in_caller()
    assessment = get_assessment(db.session, user, assessment_id)
    data = json_body()
    result = action(user, assessment, data) or assessment
    db.session.commit()
    return _dump(get_assessment(db.session, user, result.id))


@blueprint.post("/assessments/<int:assessment_id>/submit")
@Operation(
    tag="assessments",
    returns=TRANSITION,
    response=AssessmentOutSchema,
    body=EmptySchema,
    auth="required",
    refusals=(403,),
    conflict=(
        "The assessment is not a draft, or is not ready: `problems` says what each question "
        "still lacks."
    ),
)
def submit(assessment_id: int):
    """Submit for review.

    The assessment's own assessor sends a complete draft for review. Review comments are
    marked resolved.
    """
    return _transition(assessment_id, lambda u, a, d: workflow.submit(db.session, u, a))


@blueprint.post("/assessments/<int:assessment_id>/return")
@Operation(
    tag="assessments",
    returns=TRANSITION,
    response=AssessmentOutSchema,
    body=ReturnSchema,
    auth="required",
    refusals=(403,),
    conflict="The assessment is not submitted.",
    rules=("Each key of `questions` must be a question of the assessment's rubric.",),
)
def return_to_draft(assessment_id: int):
    """Return to the assessor.

    A reviewer or administrator sends a submitted assessment back to draft, saying what
    needs changing: an overall comment, comments per question key, or both.
    """
    return _transition(
        assessment_id,
        lambda u, a, d: workflow.return_to_draft(db.session, u, a, d["comment"], d["questions"]),
    )


@blueprint.post("/assessments/<int:assessment_id>/publish")
@Operation(
    tag="assessments",
    returns=TRANSITION,
    response=AssessmentOutSchema,
    body=EmptySchema,
    auth="required",
    refusals=(403,),
    conflict="The assessment is not submitted.",
)
def publish(assessment_id: int):
    """Publish.

    A reviewer or administrator publishes a submitted assessment; never their own
    (separation of duties). Published answers never change again.
    """
    return _transition(assessment_id, lambda u, a, d: workflow.publish(db.session, u, a))


@blueprint.post("/assessments/<int:assessment_id>/revise")
@Operation(
    tag="assessments",
    returns="The new draft revision.",
    response=AssessmentOutSchema,
    status=201,
    body=EmptySchema,
    auth="required",
    refusals=(403,),
    conflict="The assessment is not published, or already has an open revision (`revision_id`).",
    location="The revision's address.",
)
def revise(assessment_id: int):
    """Start a revision.

    The assessment's own assessor starts a new draft from a published assessment, its
    answers copied; the original stays published until the revision is. Each changed answer
    in the revision needs a `change_reason`.
    """
    body = _transition(assessment_id, lambda u, a, d: workflow.revise(db.session, u, a))
    return body, 201, {"Location": url_for(".show", assessment_id=body["id"])}


@blueprint.post("/assessments/<int:assessment_id>/withdraw")
@Operation(
    tag="assessments",
    returns=TRANSITION,
    response=AssessmentOutSchema,
    body=WithdrawSchema,
    auth="required",
    refusals=(403,),
    conflict="The assessment is not published.",
)
def withdraw(assessment_id: int):
    """Withdraw.

    An administrator withdraws a published assessment with a public reason. It stays
    readable, marked withdrawn, and no longer counts in consolidations.
    """
    return _transition(
        assessment_id, lambda u, a, d: workflow.withdraw(db.session, u, a, d["reason"])
    )


@blueprint.post("/assessments/<int:assessment_id>/replies")
@Operation(
    tag="assessments",
    returns="The reply.",
    response=ReplyOutSchema,
    status=201,
    body=ReplyInSchema,
    auth="required",
    refusals=(403,),
    conflict="The assessment is not published.",
)
def reply(assessment_id: int):
    """Reply for the process.

    A representative of the assessed process, granted by an administrator, adds the
    process's own response to a published assessment (right of reply). It is shown with the
    assessment as the process's words.
    """
    user = signed_in_caller()
    assessment = get_assessment(db.session, user, assessment_id)
    created = add_reply(db.session, user, assessment, json_body()["body"])
    db.session.commit()
    return ReplyOutSchema().dump(created), 201


@blueprint.get("/assessments/<int:assessment_id>/scorecard")
@Operation(tag="scorecards", returns="The scorecard.", response=ScorecardSchema)
def scorecard(assessment_id: int):
    """Scorecard of an assessment.

    Scores per pillar and overall (0-100, 2 decimals; null where nothing is scored), with
    completeness and evidence coverage (0-1). Method 2 adds, overall and per pillar, the range
    that insufficient information allows (the score is its low end, insufficient information
    counting 0; the high end counts every unknown as met) and the information coverage (0-100,
    the share of the judged weight answered at a level); and the stage x pillar matrix, a row
    per stage of the process with a cell per pillar, flagging a phase that falls a level below
    an earlier one.
    """
    assessment = get_assessment(db.session, caller(), assessment_id)
    # The API's scorecard is not translated: rubric text in the rubric's own language.
    document = scorecard_document(
        db.session, assessment, assessment.rubric.language, consolidated=False
    )
    return ScorecardSchema().dump(document)


@blueprint.get("/processes/<int:process_id>/consolidated")
@Operation(
    tag="scorecards",
    returns="The consolidation.",
    response=ProcessConsolidationSchema,
    query=ConsolidationArgsSchema,
    rules=(RUBRIC_LOADED,),
)
def consolidated(process_id: int):
    """Consolidation of a process.

    Combines the latest published assessment of each chain of revisions of a process on one
    rubric version: scores, agreement between assessors (Krippendorff's alpha, exact
    agreement), perspectives and the questions they disagree on; overall, per pillar and per
    perspective, the range of the score that insufficient information allows and the
    information coverage (method 2). Empty figures when nothing is published yet.
    """
    args = query_args()
    process = db.session.get(Process, process_id)
    if process is None:
        raise NotVisible()
    rubric = find_rubric(db.session, *split_rubric_label(args["rubric"]))
    if rubric is None:
        raise InvalidInput({"rubric": [f"no rubric {args['rubric']} is loaded"]})
    consolidation = current_consolidation(db.session, process.id, rubric)
    body = (
        EMPTY_CONSOLIDATION
        if consolidation is None
        else ConsolidationSchema().dump(consolidation.result)
    )
    return {
        "process_id": process.id,
        "rubric": rubric.label,
        "method_version": METHOD_VERSION,
        **body,
    }
