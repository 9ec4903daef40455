"""GET and POST /api/v1/processes; GET and PATCH /api/v1/processes/<id>."""

from flask import Blueprint

from assessor.api.auth import signed_in_caller
from assessor.api.openapi import Operation
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
DATES_IN_ORDER = "`ends_on` must not be before `starts_on`."


@blueprint.get("/processes")
@Operation(
    tag="processes",
    returns="One page of processes.",
    response=ProcessPageOutSchema,
    query=ProcessSearchArgsSchema,
)
def index():
    """Search processes.

    Processes matching all filters given: `q` searches names, descriptions and organizations.
    """
    filters = query_args()
    page, per_page = filters.pop("page"), filters.pop("per_page")
    found = paginate(db.session, search_processes(**filters), page, per_page)
    return ProcessPageOutSchema().dump(found)


@blueprint.post("/processes")
@Operation(
    tag="processes",
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
    rules=(DATES_IN_ORDER,),
)
def create():
    """Describe a process.

    Assessors and administrators describe a new process. A process whose name and convening
    organization match one already described (ignoring letter case and spaces) is refused
    with 409 naming the existing ones in `duplicates`, unless `confirm_duplicate` is true.
    """
    user = signed_in_caller()
    require_process_editor(user)
    values = json_body()
    confirmed = values.pop("confirm_duplicate")
    process = create_process(db.session, user, values, confirm_duplicate=confirmed)
    db.session.commit()
    body = ProcessDetailOutSchema().dump(process)
    return body, 201, {"Location": body["url"]}


@blueprint.get("/processes/<int:process_id>")
@Operation(tag="processes", returns="The process.", response=ProcessDetailOutSchema)
def detail(process_id: int):
    """Read a process.

    Processes are public.
    """
    return ProcessDetailOutSchema().dump(get_process(db.session, process_id))


@blueprint.patch("/processes/<int:process_id>")
@Operation(
    tag="processes",
    returns="The process as changed.",
    response=ProcessDetailOutSchema,
    body=ProcessUpdateSchema(partial=True),
    auth="required",
    refusals=(403,),
    conflict=(
        "The record was changed since the `version` sent: nothing is changed, and `current` "
        "holds the process as it is now."
    ),
    rules=(f"{DATES_IN_ORDER} A date left out is the stored one.",),
)
def update(process_id: int):
    """Change a process.

    The assessor who described the process, its representatives and administrators change
    the fields sent; the others stay. Every change is recorded in the audit trail.
    """
    user = signed_in_caller()
    process = get_process(db.session, process_id)
    require_may_edit(db.session, user, process)
    changes = json_body()
    based_on = changes.pop("version", None)
    try:
        update_process(db.session, user, process, changes, based_on=based_on)
    except RecordChanged as changed:
        db.session.rollback()
        current = ProcessDetailOutSchema().dump(get_process(db.session, process_id))
        raise Conflict(changed.message, current=current) from None
    db.session.commit()
    return ProcessDetailOutSchema().dump(process)
