"""What the document says about each operation beyond its route: purpose, input, output, rules.

Written for a user of the API; the schemas named here are the ones the views load and dump.
"""

from dataclasses import dataclass
from typing import Any

from marshmallow import Schema

from assessor.api.openapi.schemas import (
    AnswerSavedSchema,
    AssessmentPageSchema,
    ProcessConsolidationSchema,
    RubricListSchema,
)
from assessor.assessments.schemas import (
    AnswerInSchema,
    AssessmentCreateSchema,
    AssessmentListArgsSchema,
    AssessmentOutSchema,
    EmptySchema,
    ReplyInSchema,
    ReplyOutSchema,
    ReturnSchema,
    WithdrawSchema,
)
from assessor.audit_trail.schemas import AuditEventArgsSchema, AuditEventPageOutSchema
from assessor.json_bodies import MAX_DEPTH, MAX_DIGITS
from assessor.processes.schemas import (
    ProcessCreateSchema,
    ProcessDetailOutSchema,
    ProcessPageOutSchema,
    ProcessSearchArgsSchema,
    ProcessUpdateSchema,
)
from assessor.rubrics.schemas import RubricOutSchema, RubricTextArgsSchema
from assessor.scorecards.schemas import ConsolidationArgsSchema, ScorecardSchema
from assessor.users.schemas import TokenCreatedSchema, TokenRequestSchema

TITLE = "assessor API"
VERSION = "1.0.0"
OVERVIEW = (
    "Score Internet-governance processes against rubrics of the WSIS+10 multistakeholder "
    "principles: describe processes, answer a rubric's questions with evidence, move "
    "assessments through review and publication, and read scorecards and consolidations. "
    "Authenticate with `Authorization: Bearer <token>`; a token comes from "
    '`POST /api/v1/tokens`. Errors are JSON: `{"errors": {"<field path>": ["message"]}}`, '
    "where `_` names the request as a whole."
)

TAGS = [
    {"name": "tokens", "description": "Bearer tokens for scripts: create one, revoke one."},
    {"name": "processes", "description": "The governance processes being assessed."},
    {"name": "rubrics", "description": "Loaded rubric versions: pillars, questions, levels."},
    {
        "name": "assessments",
        "description": (
            "An assessor's scoring of one process on one rubric version, from one stakeholder "
            "perspective, and its life: draft, submitted, published, revised, withdrawn. "
            "Drafts and submitted assessments are visible only to their assessor, reviewers and "
            "administrators; published and withdrawn ones to everyone."
        ),
    },
    {
        "name": "answers",
        "description": (
            "One answer per question of a draft, saved with optimistic locking: send the stored "
            "answer's `version` (leave it out, or null, for a first save). A stale version is "
            "refused with 409 and the stored answer as `current`, never overwritten."
        ),
    },
    {"name": "scorecards", "description": "Scores of one assessment, and of a process overall."},
    {
        "name": "audit",
        "description": (
            "The audit trail: every recorded change to processes, assessments, answers and "
            "accounts, with who made it and the fields before and after. For administrators."
        ),
    },
    {"name": "documentation", "description": "This document."},
]

BEARER_AUTH = {
    "type": "http",
    "scheme": "bearer",
    "description": (
        "A token from POST /api/v1/tokens or the profile page, sent as "
        "`Authorization: Bearer <token>`. An unknown or revoked token is refused with 401 on "
        "every operation, even those open to anonymous callers."
    ),
}

PATH_PARAMETERS = {
    "assessment_id": "The assessment's id.",
    "question_key": "A question of the assessment's rubric, such as openness.open_participation.",
    "process_id": "The process's id.",
    "token_id": "The id of one of your own tokens, as returned when it was created.",
    "slug": "The rubric's slug, such as wsis10-multistakeholder.",
    "version": "The rubric's version, such as 1.0.0.",
}

# Refusals, by status: (component name, when it happens). ``{limit}``: the largest body.
REFUSALS = {
    400: (
        "BadRequest",
        "The body is not JSON the API reads (not valid JSON, nested more than "
        f"{MAX_DEPTH} levels deep, a name twice in one object, NaN or Infinity, a number beyond "
        f"a double's range such as 1e999, or one of more than {MAX_DIGITS} digits), or a call "
        "with a browser session (not a token) lacks its CSRF token in the `X-CSRFToken` header.",
    ),
    401: (
        "Unauthenticated",
        "No token was sent where one is needed, or the token sent is unknown or revoked.",
    ),
    403: ("Forbidden", "You are known, but your role does not allow this."),
    404: (
        "NotFound",
        "There is no such object, or you may not see it: both look the same from outside.",
    ),
    409: (
        "Conflict",
        "The current state does not allow this; the body says why, and may carry `current`, "
        "`problems` or `revision_id` to resolve it.",
    ),
    413: ("TooLarge", "The body is larger than {limit} bytes."),
    415: ("UnsupportedMediaType", "A body was sent with a Content-Type other than JSON."),
    422: (
        "InvalidInput",
        "Some input is not valid. `errors` maps each field path (such as `evidence[0].url`, or "
        "a query parameter's name) to what is expected there. No text may hold NUL (`\\u0000`) "
        "or a lone surrogate (`\\ud800` to `\\udfff`).",
    ),
    429: (
        "TooManyRequests",
        "Too many attempts from this address or for this account: wait a minute.",
    ),
}


@dataclass(frozen=True)
class Operation:
    """What the document says about one view beyond its route: purpose, input, output, rules.

    400, 413, 415 and 422 follow from a body; 400 from any method that changes data; 401
    from the token check every call passes; 404 from an id in the path. ``refusals`` are the
    other statuses the view's service can answer with.
    """

    tag: str
    summary: str
    description: str
    returns: str
    response: type[Schema] | dict[str, Any] | None  # None: no body (204)
    status: int = 200
    body: type[Schema] | Schema | None = None
    query: type[Schema] | None = None
    parameters: tuple[dict[str, Any], ...] = ()
    auth: str = "optional"
    refusals: tuple[int, ...] = ()
    conflict: str | None = None
    location: str | None = None


TRANSITION = "The assessment in its new state."

OPERATIONS = {
    "tokens.create": Operation(
        tag="tokens",
        summary="Create a token",
        description=(
            "Sign in with email and password and name the token (for example after the "
            "script that uses it). The token is shown only in this response: keep it. Attempts "
            "are limited per address and per account (10 a minute by default)."
        ),
        returns="The new token.",
        response=TokenCreatedSchema,
        status=201,
        body=TokenRequestSchema,
        auth="none",
        refusals=(429,),
    ),
    "tokens.delete": Operation(
        tag="tokens",
        summary="Revoke a token",
        description="Revoke one of your own tokens; it is refused from then on.",
        returns="Revoked.",
        response=None,
        status=204,
        auth="required",
    ),
    "assessments.index": Operation(
        tag="assessments",
        summary="List assessments",
        description=(
            "The assessments you may see, newest first, filtered by the parameters given. "
            "Anonymous callers see published and withdrawn assessments."
        ),
        returns="One page of assessments.",
        response=AssessmentPageSchema,
        query=AssessmentListArgsSchema,
    ),
    "assessments.create": Operation(
        tag="assessments",
        summary="Start an assessment",
        description=(
            "Start a draft assessment of a process on a loaded rubric version. Needs the "
            "assessor role. The perspective defaults to your own stakeholder group."
        ),
        returns="The new draft.",
        response=AssessmentOutSchema,
        status=201,
        body=AssessmentCreateSchema,
        auth="required",
        refusals=(403,),
        location="The new assessment's address.",
    ),
    "assessments.show": Operation(
        tag="assessments",
        summary="Read an assessment",
        description=(
            "The assessment with its answers. Review comments are included only for its "
            "assessor, reviewers and administrators."
        ),
        returns="The assessment.",
        response=AssessmentOutSchema,
    ),
    "assessments.put_answer": Operation(
        tag="answers",
        summary="Save an answer",
        description=(
            "Save the answer to one question of your own draft: exactly one of a `level` "
            "(0-4), `not_applicable` (where the question allows it) or "
            "`insufficient_information`, with a rationale and evidence. Send the stored "
            "answer's `version`, or none for a first save. `change_reason` is given only in "
            "a revision of a published assessment. `rationale_language` says which language "
            "the rationale is written in; left out, a changed rationale takes the request's "
            "language (the caller's profile language, else Accept-Language)."
        ),
        returns="The answer as stored, with what it still lacks for submission.",
        response=AnswerSavedSchema,
        body=AnswerInSchema,
        auth="required",
        refusals=(403,),
        conflict=(
            "The version sent is not the stored one (`current` holds the stored answer), or "
            "the assessment is no longer a draft."
        ),
    ),
    "assessments.delete_answer": Operation(
        tag="answers",
        summary="Clear an answer",
        description=(
            "Remove the answer to one question of your own draft, so it is missing again. "
            "Clearing a question with no answer succeeds."
        ),
        returns="Cleared.",
        response=None,
        status=204,
        parameters=(
            {
                "name": "version",
                "in": "query",
                "required": True,
                "description": "The stored answer's version.",
                "schema": {"type": "integer"},
            },
        ),
        auth="required",
        refusals=(403, 422),
        conflict=(
            "The version sent is not the stored one (`current` holds the stored answer), or "
            "the assessment is no longer a draft."
        ),
    ),
    "assessments.submit": Operation(
        tag="assessments",
        summary="Submit for review",
        description=(
            "The assessment's own assessor sends a complete draft for review. Review comments "
            "are marked resolved."
        ),
        returns=TRANSITION,
        response=AssessmentOutSchema,
        body=EmptySchema,
        auth="required",
        refusals=(403,),
        conflict=(
            "The assessment is not a draft, or is not ready: `problems` says what each "
            "question still lacks."
        ),
    ),
    "assessments.return_to_draft": Operation(
        tag="assessments",
        summary="Return to the assessor",
        description=(
            "A reviewer or administrator sends a submitted assessment back to draft, saying "
            "what needs changing: an overall comment, comments per question key, or both."
        ),
        returns=TRANSITION,
        response=AssessmentOutSchema,
        body=ReturnSchema,
        auth="required",
        refusals=(403,),
        conflict="The assessment is not submitted.",
    ),
    "assessments.publish": Operation(
        tag="assessments",
        summary="Publish",
        description=(
            "A reviewer or administrator publishes a submitted assessment; never their own "
            "(separation of duties). Published answers never change again."
        ),
        returns=TRANSITION,
        response=AssessmentOutSchema,
        body=EmptySchema,
        auth="required",
        refusals=(403,),
        conflict="The assessment is not submitted.",
    ),
    "assessments.revise": Operation(
        tag="assessments",
        summary="Start a revision",
        description=(
            "The assessment's own assessor starts a new draft from a published assessment, "
            "its answers copied; the original stays published until the revision is. Each "
            "changed answer in the revision needs a `change_reason`."
        ),
        returns="The new draft revision.",
        response=AssessmentOutSchema,
        status=201,
        body=EmptySchema,
        auth="required",
        refusals=(403,),
        conflict=(
            "The assessment is not published, or already has an open revision (`revision_id`)."
        ),
        location="The revision's address.",
    ),
    "assessments.withdraw": Operation(
        tag="assessments",
        summary="Withdraw",
        description=(
            "An administrator withdraws a published assessment with a public reason. It "
            "stays readable, marked withdrawn, and no longer counts in consolidations."
        ),
        returns=TRANSITION,
        response=AssessmentOutSchema,
        body=WithdrawSchema,
        auth="required",
        refusals=(403,),
        conflict="The assessment is not published.",
    ),
    "assessments.reply": Operation(
        tag="assessments",
        summary="Reply for the process",
        description=(
            "A representative of the assessed process, granted by an administrator, adds the "
            "process's own response to a published assessment (right of reply). It is shown "
            "with the assessment as the process's words."
        ),
        returns="The reply.",
        response=ReplyOutSchema,
        status=201,
        body=ReplyInSchema,
        auth="required",
        refusals=(403,),
        conflict="The assessment is not published.",
    ),
    "assessments.scorecard": Operation(
        tag="scorecards",
        summary="Scorecard of an assessment",
        description=(
            "Scores per pillar and overall (0-100, 2 decimals; null where nothing is scored), "
            "with completeness and evidence coverage (0-1)."
        ),
        returns="The scorecard.",
        response=ScorecardSchema,
    ),
    "assessments.consolidated": Operation(
        tag="scorecards",
        summary="Consolidation of a process",
        description=(
            "Combines the latest published assessment of each chain of revisions of a process "
            "on one rubric version: scores, agreement between assessors (Krippendorff's alpha, "
            "exact agreement), perspectives and the questions they disagree on. Empty figures "
            "when nothing is published yet."
        ),
        returns="The consolidation.",
        response=ProcessConsolidationSchema,
        query=ConsolidationArgsSchema,
    ),
    "rubrics.index": Operation(
        tag="rubrics",
        summary="List rubric versions",
        description=(
            "Every loaded rubric version, with the address of its full content. Titles and "
            "summaries are in the language asked for with `lang` where a rubric has it."
        ),
        returns="The rubric versions.",
        response=RubricListSchema,
        query=RubricTextArgsSchema,
    ),
    "rubrics.detail": Operation(
        tag="rubrics",
        summary="Read a rubric version",
        description=(
            "Its sources, pillars, questions and level descriptors. The text is in the "
            "language asked for with `lang` when the rubric is complete in it (`languages`), "
            "else in its own; `language` says which. Keys, weights, level names and sources "
            "are the same in every language."
        ),
        returns="The rubric version.",
        response=RubricOutSchema,
        query=RubricTextArgsSchema,
    ),
    "processes.index": Operation(
        tag="processes",
        summary="Search processes",
        description=(
            "Processes matching all filters given: `q` searches names, descriptions and "
            "organizations."
        ),
        returns="One page of processes.",
        response=ProcessPageOutSchema,
        query=ProcessSearchArgsSchema,
    ),
    "processes.create": Operation(
        tag="processes",
        summary="Describe a process",
        description=(
            "Assessors and administrators describe a new process. A process whose name and "
            "convening organization match one already described (ignoring letter case and "
            "spaces) is refused with 409 naming the existing ones in `duplicates`, unless "
            "`confirm_duplicate` is true."
        ),
        returns="The new process.",
        response=ProcessDetailOutSchema,
        status=201,
        body=ProcessCreateSchema,
        auth="required",
        refusals=(403,),
        conflict=(
            "A process with the same name and convening organization is already described: "
            "`duplicates` lists them with their addresses. Send `confirm_duplicate: true` to "
            "describe another."
        ),
        location="The new process's address.",
    ),
    "processes.detail": Operation(
        tag="processes",
        summary="Read a process",
        description="Processes are public.",
        returns="The process.",
        response=ProcessDetailOutSchema,
    ),
    "processes.update": Operation(
        tag="processes",
        summary="Change a process",
        description=(
            "The assessor who described the process, its representatives and administrators "
            "change the fields sent; the others stay. Every change is recorded in the audit "
            "trail."
        ),
        returns="The process as changed.",
        response=ProcessDetailOutSchema,
        body=ProcessUpdateSchema(partial=True),
        auth="required",
        refusals=(403,),
        conflict=(
            "The record was changed since the `version` sent: nothing is changed, and "
            "`current` holds the process as it is now."
        ),
    ),
    "audit_events.index": Operation(
        tag="audit",
        summary="List audit events",
        description=(
            "Recorded changes, newest first, filtered by the parameters given: `actor` (an "
            "account's email or number), `action` (one of the actions the service records), "
            "`from` and `to` (whole days in UTC, both included), `subject_type` with "
            "`subject_id` (one record). Administrators only."
        ),
        returns="One page of audit events.",
        response=AuditEventPageOutSchema,
        query=AuditEventArgsSchema,
        auth="required",
        refusals=(403,),
    ),
    "docs.openapi": Operation(
        tag="documentation",
        summary="This document",
        description="The OpenAPI 3.1 description of every operation, as JSON.",
        returns="The OpenAPI document.",
        response={"type": "object"},
    ),
}
