"""The audit page: the audit trail for admins, filtered by who, what, when and which record."""

from flask import Blueprint, render_template, request
from flask_login import current_user, login_required

from assessor.audit import ACTIONS
from assessor.audit_trail.forms import QUERY_LABELS, list_link_args, load_list_args
from assessor.audit_trail.presentation import ACTION_LABELS, RECORD_KINDS, event_rows
from assessor.audit_trail.search import require_audit_reader, search_events
from assessor.db import db
from assessor.pagination import list_page

blueprint = Blueprint("audit_trail", __name__, url_prefix="/admin/audit")


@blueprint.before_request
@login_required
def require_admin():
    """Admins only: others are refused, anonymous visitors sent to sign in."""
    require_audit_reader(current_user)


@blueprint.get("")
def index():
    filters, ignored = load_list_args(request.args.to_dict())
    requested = filters.pop("page")
    page = list_page(search_events(**filters), requested)
    return render_template(
        "audit_trail/index.html",
        page=page,
        rows=event_rows(db.session, page.items),
        link_args=list_link_args(filters),
        ignored=ignored,
        query_labels=QUERY_LABELS,
        actions={action: ACTION_LABELS[action] for action in ACTIONS},
        record_kinds=RECORD_KINDS,
    )
