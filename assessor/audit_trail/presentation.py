"""Audit events in words: what was done, by whom, to which record (with its page), and the
fields it changed, before and after.

The names of the records events refer to are read for a whole page at once.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.assessments.labels import CHANGE_REASON_LABELS, status_label
from assessor.assessments.models import Assessment
from assessor.audit import SUBJECT_TYPES, AuditEvent
from assessor.participation.labels import counts_summary
from assessor.presentation.labels import stage_name
from assessor.processes.forms import FIELD_LABELS as PROCESS_FIELD_LABELS
from assessor.processes.models import LAYER_LABELS, SCOPE_LABELS, Process
from assessor.stakeholders import stakeholder_label
from assessor.users.labels import role_labels
from assessor.users.models import User

ACTION_LABELS = {
    "process.created": _l("Process described"),
    "process.updated": _l("Process edited"),
    "process.representative_granted": _l("Representative added"),
    "process.representative_revoked": _l("Representative removed"),
    "participation.created": _l("Participation counts recorded"),
    "participation.updated": _l("Participation counts edited"),
    "participation.published": _l("Participation counts published"),
    "participation.withdrawn": _l("Participation counts withdrawn"),
    "participation.deleted": _l("Participation draft deleted"),
    "assessment.started": _l("Assessment started"),
    "assessment.submitted": _l("Assessment submitted for review"),
    "assessment.returned": _l("Assessment returned to its assessor"),
    "assessment.published": _l("Assessment published"),
    "assessment.revision_started": _l("Revision started"),
    "assessment.withdrawn": _l("Assessment withdrawn"),
    "assessment.replied": _l("Reply from the process"),
    "answer.saved": _l("Answer saved"),
    "answer.cleared": _l("Answer cleared"),
    "user.created": _l("Account created"),
    "user.updated": _l("Account's name or group changed"),
    "user.roles_changed": _l("Roles changed"),
    "user.deactivated": _l("Account deactivated"),
    "user.reactivated": _l("Account reactivated"),
}
RECORD_KINDS = {"process": _l("Process"), "assessment": _l("Assessment"), "user": _l("Account")}
FIELD_LABELS = {
    **PROCESS_FIELD_LABELS,
    "status": _l("Status"),
    "reason": _l("Reason"),
    "comments": _l("Comments"),
    "revises_id": _l("Revises assessment"),
    "process_version": _l("Version of the process record"),
    "question_key": _l("Question"),
    "level": _l("Level"),
    "not_applicable": _l("Not applicable"),
    "insufficient_information": _l("Insufficient information"),
    "rationale": _l("Rationale"),
    "rationale_language": _l("Language of the rationale"),
    "change_reason": _l("Reason of change"),
    "evidence": _l("Evidence"),
    "unfinished_evidence": _l("Unfinished evidence"),
    "user_id": _l("Account"),
    "email": _l("Email"),
    "display_name": _l("Name"),
    "stakeholder_group": _l("Stakeholder group"),
    "roles": _l("Roles"),
    "active": _l("Active"),
    "record_id": _l("Participation record"),
    "body": _l("Meeting or body"),
    "source_url": _l("Source address"),
    "source_title": _l("Source title"),
    "accessed_on": _l("Accessed on"),
    "counts": _l("Counts"),
    "note": _l("Note"),
    "stage": _l("Stage"),
}
# Bookkeeping, not content: a row's own id and version, the id of a reply shown elsewhere.
HIDDEN_FIELDS = frozenset({"id", "version", "reply_id"})
# Longer text (a description, a rationale) is cut: the record's own page shows it in full.
LONGEST_TEXT = 200


@dataclass(frozen=True, slots=True)
class Change:
    """One field: its value before and after, in words; None where the side has none."""

    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class Link:
    """A record or an account as the page names it, with its page where it has one."""

    text: str
    url: str | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    occurred_at: datetime
    actor: Link | None
    action: str
    record: Link
    changes: list[Change]


@dataclass(frozen=True, slots=True)
class Names:
    """The names of the records a page of events refers to, by id."""

    processes: dict[int, str]
    assessments: dict[int, str]  # the name of the process each assessment is of
    users: dict[int, str]


def account_name(display_name: str, email: str) -> str:
    return _("%(name)s (%(email)s)", name=display_name, email=email)


def _referred_ids(events: Iterable[AuditEvent]) -> dict[str, set[int]]:
    ids: dict[str, set[int]] = {kind: set() for kind in SUBJECT_TYPES}
    for event in events:
        ids[event.subject_type].add(event.subject_id)
        for snapshot in (event.before, event.after):
            if isinstance(snapshot, dict) and isinstance(snapshot.get("user_id"), int):
                ids["user"].add(snapshot["user_id"])
    return ids


def load_names(session: Session, events: list[AuditEvent]) -> Names:
    """The names ``events`` refer to, a statement per kind of record that they name."""
    ids = _referred_ids(events)
    statements = {
        "process": select(Process.id, Process.name).where(Process.id.in_(ids["process"])),
        "assessment": select(Assessment.id, Process.name)
        .join(Process, Process.id == Assessment.process_id)
        .where(Assessment.id.in_(ids["assessment"])),
        "user": select(User.id, User.display_name, User.email).where(User.id.in_(ids["user"])),
    }
    found = {kind: session.execute(statements[kind]).all() if ids[kind] else [] for kind in ids}
    return Names(
        processes=dict(found["process"]),
        assessments=dict(found["assessment"]),
        users={user_id: account_name(name, email) for user_id, name, email in found["user"]},
    )


def _record(event: AuditEvent, names: Names) -> Link:
    """The record an event changed, linked to its page while it exists."""
    number = event.subject_id
    if event.subject_type == "process" and number in names.processes:
        return Link(names.processes[number], url_for("processes.show", process_id=number))
    if event.subject_type == "assessment" and number in names.assessments:
        url = url_for("assessments.show", assessment_id=number)
        return Link(_("Assessment %(id)s", id=number), url, names.assessments[number])
    if event.subject_type == "user" and number in names.users:
        return Link(names.users[number], url_for("user_admin.edit", user_id=number))
    kind = str(RECORD_KINDS.get(event.subject_type, event.subject_type))
    return Link(_("%(kind)s %(id)s, no longer kept", kind=kind, id=number))


def _short(text: str) -> str:
    return text if len(text) <= LONGEST_TEXT else text[: LONGEST_TEXT - 1].rstrip() + "…"


def value_text(field: str, value: Any, names: Names) -> str:
    """A stored value in words, as the pages elsewhere name it."""
    if field == "roles":
        return ", ".join(role_labels(value)) or _("none")
    if field == "counts" and isinstance(value, dict):
        return counts_summary(value)
    if field == "stage":
        return stage_name(value)
    if field in ("evidence", "unfinished_evidence"):
        return ngettext("%(num)d item", "%(num)d items", len(value))
    if field == "user_id":
        return names.users.get(value, _("account %(id)s", id=value))
    if field == "stakeholder_group":
        return stakeholder_label(value)
    if field == "status":
        return status_label(value)
    labels = {"scope": SCOPE_LABELS, "layer": LAYER_LABELS, "change_reason": CHANGE_REASON_LABELS}
    if field in labels and value in labels[field]:
        return str(labels[field][value])
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return _short(str(value))


def _blank(value: Any) -> bool:
    return value is None or value is False or value in ("", [])


def _change(field: str, before: dict, after: dict, names: Names) -> Change | None:
    label = str(FIELD_LABELS.get(field, field))
    if field in before and field in after:
        if before[field] == after[field]:
            return None
        old, new = (
            _("none") if value is None else value_text(field, value, names)
            for value in (before[field], after[field])
        )
        return Change(label, old, new)
    # On one side only: a new record, or one removed; shown when it holds something.
    value = before.get(field, after.get(field))
    if _blank(value):
        return None
    shown = value_text(field, value, names)
    return Change(label, shown, None) if field in before else Change(label, None, shown)


def changes(before: Any, after: Any, names: Names) -> list[Change]:
    """The fields that differ between the two snapshots, in the order they were stored."""
    before, after = before or {}, after or {}
    fields = [field for field in dict.fromkeys([*before, *after]) if field not in HIDDEN_FIELDS]
    found = (_change(field, before, after, names) for field in fields)
    return [change for change in found if change is not None]


def _actor(event: AuditEvent) -> Link | None:
    if event.actor is None:
        return None
    name = account_name(event.actor.display_name, event.actor.email)
    return Link(name, url_for("user_admin.edit", user_id=event.actor.id))


def event_rows(session: Session, events: list[AuditEvent]) -> list[EventRow]:
    """A page of events as the audit page lists them."""
    names = load_names(session, events)
    return [
        EventRow(
            id=event.id,
            occurred_at=event.occurred_at,
            actor=_actor(event),
            action=str(ACTION_LABELS.get(event.action, event.action)),
            record=_record(event, names),
            changes=changes(event.before, event.after, names),
        )
        for event in events
    ]
