"""GET and POST /api/v1/processes; GET and PATCH /api/v1/processes/<id>."""

from flask import Blueprint

from assessor.api.auth import signed_in_caller
from assessor.api.requests import json_body, paginate, query_args
from assessor.db import db
from assessor.exceptions import Conflict
from assessor.processes.access import require_may_edit, require_process_editor
from assessor.processes.schemas import (
    ProcessCreateSchema,
    ProcessDetailOutSchema,
    ProcessPageOutSchema,
    ProcessSearchArgsSchema,
    ProcessUpdateSchema,
)
from assessor.processes.service import (
    RecordChanged,
    create_process,
    get_process,
    search_processes,
    update_process,
)

blueprint = Blueprint("processes", __name__)


@blueprint.get("/processes")
def index():
    filters = query_args(ProcessSearchArgsSchema())
    page, per_page = filters.pop("page"), filters.pop("per_page")
    found = paginate(db.session, search_processes(**filters), page, per_page)
    return ProcessPageOutSchema().dump(found)


@blueprint.post("/processes")
def create():
    user = signed_in_caller()
    require_process_editor(user)
    values = json_body(ProcessCreateSchema())
    confirmed = values.pop("confirm_duplicate")
    process = create_process(db.session, user, values, confirm_duplicate=confirmed)
    db.session.commit()
    body = ProcessDetailOutSchema().dump(process)
    return body, 201, {"Location": body["url"]}


@blueprint.get("/processes/<int:process_id>")
def detail(process_id: int):
    return ProcessDetailOutSchema().dump(get_process(db.session, process_id))


@blueprint.patch("/processes/<int:process_id>")
def update(process_id: int):
    user = signed_in_caller()
    process = get_process(db.session, process_id)
    require_may_edit(db.session, user, process)
    changes = json_body(ProcessUpdateSchema(), partial=True)
    based_on = changes.pop("version", None)
    try:
        update_process(db.session, user, process, changes, based_on=based_on)
    except RecordChanged as changed:
        db.session.rollback()
        current = ProcessDetailOutSchema().dump(get_process(db.session, process_id))
        raise Conflict(changed.message, current=current) from None
    db.session.commit()
    return ProcessDetailOutSchema().dump(process)
