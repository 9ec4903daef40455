"""The questionnaire's form fields: reading a pillar's posted answers, and filling them back.

Every question's fields are prefixed ``q-<question key>-``: ``choice`` (a level 0-4, ``na`` or
``ii``), ``rationale``, ``change_reason``, ``version`` and evidence rows
``evidence-<n>-url|title|accessed_on|note|remove``. The page's script sends the same data to
the API one question at a time; without scripts, the whole pillar is posted at once.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import MultiDict

from assessor.assessments.models import Answer
from assessor.assessments.results import answer_data
from assessor.assessments.schemas import EVIDENCE_ROW_FIELDS, with_scheme


@dataclass
class QuestionEntry:
    """One question's values as the form shows them: posted, or from the stored answer."""

    choice: str = ""
    rationale: str = ""
    # The stored rationale's language, for the page to mark it; a posted one has none yet.
    rationale_language: str = ""
    change_reason: str = ""
    version: str = ""
    evidence: list[dict[str, str]] = field(default_factory=list)


def entry_from_answer(answer: Answer | None) -> QuestionEntry:
    if answer is None:
        return QuestionEntry()
    data = answer_data(answer)
    if data["level"] is not None:
        choice = str(data["level"])
    else:
        choice = "na" if data["not_applicable"] else "ii"
    return QuestionEntry(
        choice=choice,
        rationale=data["rationale"],
        rationale_language=data["rationale_language"] or "",
        change_reason=data["change_reason"] or "",
        version=str(data["version"]),
        evidence=evidence_rows(data),
    )


def evidence_rows(data: dict[str, Any]) -> list[dict[str, str]]:
    """An answer's evidence (as answer_data gives it), finished and unfinished, as typed and in
    the order typed."""
    finished = [
        {**item, "accessed_on": item["accessed_on"].isoformat() if item["accessed_on"] else ""}
        for item in data["evidence"]
    ]
    unfinished = data["unfinished_evidence"] or ()
    rows = sorted([*finished, *unfinished], key=lambda row: row["position"])
    return [{name: row.get(name) or "" for name in EVIDENCE_ROW_FIELDS} for row in rows]


def _posted_evidence(form: MultiDict, prefix: str) -> list[dict[str, str]]:
    """Evidence rows in the order of their numbers, tidied as the answer schema tidies them;
    removed rows and rows with nothing typed are left out."""
    fields = "|".join(EVIDENCE_ROW_FIELDS)
    pattern = re.compile(rf"^{re.escape(prefix)}evidence-(\d+)-(?:{fields})$")
    numbers = sorted({int(match[1]) for name in form if (match := pattern.match(name))})
    rows = []
    for number in numbers:
        row_prefix = f"{prefix}evidence-{number}-"
        row = {name: form.get(row_prefix + name, "").strip() for name in EVIDENCE_ROW_FIELDS}
        if not form.get(row_prefix + "remove") and any(row.values()):
            rows.append({**row, "url": with_scheme(row["url"])})
    return rows


def entry_from_form(form: MultiDict, key: str) -> QuestionEntry:
    prefix = f"q-{key}-"
    return QuestionEntry(
        choice=form.get(f"{prefix}choice", ""),
        # Browsers post text areas with CRLF line ends; stored text uses LF.
        rationale=form.get(f"{prefix}rationale", "").replace("\r\n", "\n"),
        change_reason=form.get(f"{prefix}change_reason", ""),
        version=form.get(f"{prefix}version", ""),
        evidence=_posted_evidence(form, prefix),
    )


def answer_input(entry: QuestionEntry) -> dict[str, Any]:
    """The entry as the API's answer body, for the same schema to validate."""
    body: dict[str, Any] = {
        "rationale": entry.rationale,
        "evidence": entry.evidence,
        "version": int(entry.version) if entry.version.isdigit() else None,
        "change_reason": entry.change_reason or None,
    }
    if entry.choice in {"0", "1", "2", "3", "4"}:
        body["level"] = int(entry.choice)
    elif entry.choice == "na":
        body["not_applicable"] = True
    elif entry.choice == "ii":
        body["insufficient_information"] = True
    return body


def same_answer(entry: QuestionEntry, stored: Answer | None) -> bool:
    """True when the posted entry would store exactly what is stored already."""
    current = entry_from_answer(stored)
    return (entry.choice, entry.rationale, entry.change_reason, entry.evidence) == (
        current.choice,
        current.rationale,
        current.change_reason,
        current.evidence,
    )
