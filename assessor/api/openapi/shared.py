"""What the document says once for all operations: the API, its tags, how to authenticate,
the path parameters and what each refusal means."""

from assessor.json_bodies import MAX_DEPTH, MAX_DIGITS

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
        "name": "comparisons",
        "description": (
            "Published scorecards of one rubric side by side: scores with their ranges, "
            "answers question by question, stages."
        ),
    },
    {
        "name": "audit",
        "description": (
            "The audit trail: every recorded change to processes, assessments, answers and "
            "accounts, with who made it and the fields before and after. For administrators."
        ),
    },
    {
        "name": "participation",
        "description": (
            "Who took part in a process, counted per stage: the published counts and their "
            "profile for anyone; records, drafts until published, for the process's editors, "
            "saved with optimistic locking (send the record's `row_version`)."
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
    "record_id": "The id of one of the process's participation records.",
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
    415: (
        "UnsupportedMediaType",
        "A body was sent with a Content-Type other than JSON (or, for a CSV import, other "
        "than text/csv).",
    ),
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
