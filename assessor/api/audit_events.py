"""GET /api/v1/audit-events: the audit trail, for admins."""

from flask import Blueprint

from assessor.api.auth import signed_in_caller
from assessor.api.requests import paginate, query_args
from assessor.audit_trail.schemas import AuditEventArgsSchema, AuditEventPageOutSchema
from assessor.audit_trail.search import require_audit_reader, search_events
from assessor.db import db

blueprint = Blueprint("audit_events", __name__)


@blueprint.get("/audit-events")
def index():
    require_audit_reader(signed_in_caller())
    filters = query_args(AuditEventArgsSchema())
    page, per_page = filters.pop("page"), filters.pop("per_page")
    found = paginate(db.session, search_events(**filters), page, per_page)
    return AuditEventPageOutSchema().dump(found)
