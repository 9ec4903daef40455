"""GET /api/v1/audit-events: the audit trail, for admins."""

from flask import Blueprint

from assessor.api.auth import signed_in_caller
from assessor.api.openapi import Operation
from assessor.api.requests import paginate, query_args
from assessor.audit_trail.schemas import (
    MAX_EMAIL_LENGTH,
    AuditEventArgsSchema,
    AuditEventPageOutSchema,
)
from assessor.audit_trail.search import require_audit_reader, search_events
from assessor.db import db
from assessor.validation import MAX_ID

blueprint = Blueprint("audit_events", __name__)


@blueprint.get("/audit-events")
@Operation(
    tag="audit",
    returns="One page of audit events.",
    response=AuditEventPageOutSchema,
    query=AuditEventArgsSchema,
    auth="required",
    refusals=(403,),
    rules=(
        f"An `actor` is at most {MAX_EMAIL_LENGTH} characters, spaces around it aside; one "
        f"of digits is an account number, from 1 to {MAX_ID}.",
        "`to` must not be before `from`.",
        "`subject_id` needs `subject_type`.",
    ),
)
def index():
    """List audit events.

    Recorded changes, newest first, filtered by the parameters given: `actor` (an account's
    email or number), `action` (one of the actions the service records), `from` and `to`
    (whole days in UTC, both included), `subject_type` with `subject_id` (one record).
    Administrators only.
    """
    require_audit_reader(signed_in_caller())
    filters = query_args()
    page, per_page = filters.pop("page"), filters.pop("per_page")
    found = paginate(db.session, search_events(**filters), page, per_page)
    return AuditEventPageOutSchema().dump(found)
