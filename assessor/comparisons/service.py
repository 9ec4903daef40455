"""Comparing published scorecards: loading them at a fixed cost, the rules that make them
comparable, and the comparison itself as plain data.

Scores are always each scorecard's own, computed on its own rubric version, so a column reads
exactly as that scorecard does. Versions of one rubric are compared on the pillars and
questions whose keys they share; different rubrics measure different things and are refused.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from assessor import scoring
from assessor.assessments.kept_scores import scores_of
from assessor.assessments.models import PUBLIC_STATUSES, Assessment
from assessor.exceptions import InvalidInput
from assessor.processes.versions import shown_record
from assessor.rubrics.models import LEVEL_NAMES, Pillar, Question, RubricVersion
from assessor.rubrics.texts import rubric_text
from assessor.scoring import api_fraction, api_score
from assessor.stakeholders import stakeholder_label

MIN_SCORECARDS = 2
MAX_SCORECARDS = 50
# Shares (0..1) rather than scores (0..100): they round and read differently.
SHARE_MEASURES = ("completeness", "evidence_coverage")
MEASURE_LABELS = {
    "overall": _l("Overall score"),
    "completeness": _l("Completeness"),
    "evidence_coverage": _l("Evidence coverage"),
}

# Everything a comparison reads besides the kept scores (see scores): one query per
# relationship level, whatever the number of scorecards or questions.
COMPARISON_DETAILS = (
    selectinload(Assessment.process),
    joinedload(Assessment.process_version),
    selectinload(Assessment.assessor),
    selectinload(Assessment.rubric)
    .selectinload(RubricVersion.pillars)
    .selectinload(Pillar.questions),
)


@dataclass(frozen=True)
class Alignment:
    """What versions of one rubric share: pillars and questions by key, in the newest's order;
    their text is to be shown in ``language``."""

    reference: RubricVersion
    language: str
    pillars: list[Pillar]
    questions: list[tuple[str, Question]]
    not_comparable_pillars: list[dict[str, Any]]
    not_comparable_questions: list[dict[str, Any]]


# Loading and the rules


def public_scorecards(session: Session, ids: Sequence[int]) -> list[Assessment]:
    """The published or withdrawn scorecards among ``ids``, in the order given, fully loaded."""
    statement = (
        select(Assessment)
        .where(Assessment.id.in_(ids), Assessment.status.in_(PUBLIC_STATUSES))
        .options(*COMPARISON_DETAILS)
    )
    found = {assessment.id: assessment for assessment in session.scalars(statement)}
    return [found[assessment_id] for assessment_id in ids if assessment_id in found]


def load_scorecards(session: Session, ids: Sequence[int]) -> list[Assessment]:
    """Exactly the scorecards of ``ids``; drafts and unknown ids are refused alike, by id."""
    if not MIN_SCORECARDS <= len(ids) <= MAX_SCORECARDS:
        message = _(
            "choose from %(min)s to %(max)s scorecards, not %(count)s",
            min=MIN_SCORECARDS,
            max=MAX_SCORECARDS,
            count=len(ids),
        )
        raise InvalidInput({"ids": [message]})
    scorecards = public_scorecards(session, ids)
    found = {assessment.id for assessment in scorecards}
    # The same words for a draft as for an id that names nothing: no draft is revealed.
    refused = [str(assessment_id) for assessment_id in ids if assessment_id not in found]
    if refused:
        message = _("not a published scorecard: %(ids)s", ids=", ".join(refused))
        raise InvalidInput({"ids": [message]})
    return scorecards


def _uses(ids: list[str], name: str) -> str:
    if len(ids) == 1:
        return _("scorecard %(id)s uses %(rubric)s", id=ids[0], rubric=name)
    return _("scorecards %(ids)s use %(rubric)s", ids=", ".join(ids), rubric=name)


def check_one_rubric(scorecards: Sequence[Assessment]) -> None:
    """Refuse scorecards of different rubrics (slugs): their scores measure different things."""
    names: dict[str, str] = {}
    ids: dict[str, list[str]] = {}
    for assessment in scorecards:
        slug = assessment.rubric.slug
        names.setdefault(slug, f"{assessment.rubric.title} ({slug})")
        ids.setdefault(slug, []).append(str(assessment.id))
    if len(names) > 1:
        uses = "; ".join(_uses(ids[slug], name) for slug, name in names.items())
        message = _(
            "scorecards of different rubrics cannot be compared (%(uses)s); "
            "keep the scorecards of one rubric",
            uses=uses,
        )
        raise InvalidInput({"ids": [message]})


def check_baseline(ids: Sequence[int], baseline_id: int | None) -> None:
    """The baseline is one of the columns, or the deltas would measure against nothing shown."""
    if baseline_id is not None and baseline_id not in ids:
        raise InvalidInput({"baseline": [_("must be one of the scorecards compared")]})


def _baseline_first(scorecards: list[Assessment], baseline_id: int | None) -> list[Assessment]:
    """The baseline's column leads, so every delta reads against the column on its left."""
    if baseline_id is None:
        return scorecards
    return sorted(scorecards, key=lambda assessment: assessment.id != baseline_id)


# Versions of one rubric


def _versions(scorecards: Sequence[Assessment]) -> list[RubricVersion]:
    """The rubric versions used, oldest first."""
    versions = {assessment.rubric.id: assessment.rubric for assessment in scorecards}
    return sorted(versions.values(), key=lambda rubric: rubric.version_key)


def _questions_of(rubric: RubricVersion) -> list[Question]:
    return [question for pillar in rubric.pillars for question in pillar.questions]


def _only_in_some(
    versions: list[RubricVersion], items_of, common: set[str], text_of
) -> list[dict[str, Any]]:
    """Items (pillars or questions) missing from some version, with the versions that have them."""
    found: dict[str, dict[str, Any]] = {}
    for rubric in reversed(versions):
        for item in items_of(rubric):
            if item.key in common:
                continue
            entry = found.setdefault(item.key, {"key": item.key, "text": text_of(item)})
            entry.setdefault("versions", []).insert(0, rubric.version)
    return list(found.values())


def _text_language(versions: list[RubricVersion], language: str | None) -> str:
    """``language`` if every version is complete in it, else the newest version's own."""
    if language and all(language in rubric.languages for rubric in versions):
        return language
    return versions[-1].language


def align_versions(scorecards: Sequence[Assessment], language: str | None = None) -> Alignment:
    """The pillars and questions every version used has, numbered as in the newest version,
    with their text in ``language`` if every version has it (else in the rubric's own)."""
    versions = _versions(scorecards)
    reference = versions[-1]
    shown = _text_language(versions, language)
    pillar_keys = set.intersection(*({p.key for p in rubric.pillars} for rubric in versions))
    question_keys = set.intersection(*({q.key for q in _questions_of(r)} for r in versions))
    questions = [
        (f"{p}.{q}", question)
        for p, pillar in enumerate(reference.pillars, 1)
        for q, question in enumerate(pillar.questions, 1)
        if question.key in question_keys
    ]
    return Alignment(
        reference=reference,
        language=shown,
        pillars=[pillar for pillar in reference.pillars if pillar.key in pillar_keys],
        questions=questions,
        not_comparable_pillars=_only_in_some(
            versions, lambda r: r.pillars, pillar_keys, lambda p: rubric_text(p, "title", shown)
        ),
        not_comparable_questions=_only_in_some(
            versions, _questions_of, question_keys, lambda q: rubric_text(q, "prompt", shown)
        ),
    )


# The table: one row per measure, one cell per scorecard


def _rounded(value: float, kind: str) -> float:
    """The value as the API gives it: equal there means equal, so both are best."""
    return api_fraction(value) if kind == "share" else api_score(value)


def _best(values: list[float | None], kind: str) -> float | None:
    """The highest rounded value, unless nothing differs (then none is best)."""
    scored = {_rounded(value, kind) for value in values if value is not None}
    return max(scored) if len(scored) > 1 else None


def _row(
    measure: str,
    key: str,
    label: str,
    values: list[tuple[int, float | None, str | None]],
    baseline_id: int | None,
) -> dict[str, Any]:
    """A row of (assessment id, value, band) cells, the best marked, deltas to the baseline."""
    kind = "share" if measure in SHARE_MEASURES else "score"
    best = _best([value for _, value, _ in values], kind)
    base = next((value for id_, value, _ in values if id_ == baseline_id), None)
    cells = [
        {
            "assessment_id": assessment_id,
            "value": value,
            "band": band,
            "best": value is not None and _rounded(value, kind) == best,
            "delta": None
            if value is None or base is None or assessment_id == baseline_id
            else value - base,
        }
        for assessment_id, value, band in values
    ]
    return {"measure": measure, "key": key, "label": label, "kind": kind, "cells": cells}


def _overall_values(scorecards, results) -> list[tuple[int, float | None, str | None]]:
    return [(a.id, results[a.id].score, results[a.id].band) for a in scorecards]


def _share_values(scorecards, results, measure: str) -> list[tuple[int, float | None, None]]:
    return [(a.id, getattr(results[a.id], measure), None) for a in scorecards]


def _pillar_values(scorecards, results, key: str) -> list[tuple[int, float | None, str | None]]:
    scored = [(a.id, next(p for p in results[a.id].pillars if p.key == key)) for a in scorecards]
    return [(assessment_id, pillar.score, pillar.band) for assessment_id, pillar in scored]


def _rows(
    scorecards: Sequence[Assessment],
    results: dict[int, scoring.AssessmentScore],
    alignment: Alignment,
    baseline_id: int | None,
) -> list[dict[str, Any]]:
    """Overall, each shared pillar, completeness and evidence coverage."""
    overall = _overall_values(scorecards, results)
    rows = [_row("overall", "overall", MEASURE_LABELS["overall"], overall, baseline_id)]
    for pillar in alignment.pillars:
        values = _pillar_values(scorecards, results, pillar.key)
        title = rubric_text(pillar, "title", alignment.language)
        rows.append(_row("pillar", pillar.key, title, values, baseline_id))
    for measure in SHARE_MEASURES:
        values = _share_values(scorecards, results, measure)
        rows.append(_row(measure, measure, MEASURE_LABELS[measure], values, baseline_id))
    return rows


# The questions, side by side


def _question_cell(assessment_id: int, scored: scoring.QuestionScore) -> dict[str, Any]:
    return {
        "assessment_id": assessment_id,
        "status": scored.status,
        "level": scored.level,
        "level_name": LEVEL_NAMES[scored.level] if scored.level is not None else None,
        "score": scored.score,
    }


def span_of(cells: Sequence[dict[str, Any]]) -> int | None:
    """Highest minus lowest level; insufficient information counts as 0, N/A and missing not."""
    levels = [
        0 if cell["status"] == "insufficient_information" else cell["level"]
        for cell in cells
        if cell["status"] in ("level", "insufficient_information")
    ]
    return max(levels) - min(levels) if len(levels) > 1 else None


def _questions(
    scorecards: Sequence[Assessment],
    results: dict[int, scoring.AssessmentScore],
    alignment: Alignment,
) -> list[dict[str, Any]]:
    """Every shared question, those on which the scorecards differ most first."""
    scored = {
        a.id: {q.key: q for p in results[a.id].pillars for q in p.questions} for a in scorecards
    }
    rows = []
    for position, (number, question) in enumerate(alignment.questions):
        cells = [_question_cell(a.id, scored[a.id][question.key]) for a in scorecards]
        rows.append(
            {
                "number": number,
                "key": question.key,
                "prompt": rubric_text(question, "prompt", alignment.language),
                "span": span_of(cells),
                "position": position,
                "cells": cells,
            }
        )
    # Unrated spans last; ties keep the rubric's order.
    return sorted(rows, key=lambda row: (row["span"] is None, -(row["span"] or 0), row["position"]))


# The whole comparison


def scorecard_heading(assessment: Assessment) -> dict[str, Any]:
    """A column's heading: which scorecard, whose view, when, on which rubric version."""
    perspective = stakeholder_label(assessment.perspective)
    process = shown_record(assessment.process, assessment.process_version)
    return {
        "assessment_id": assessment.id,
        "status": assessment.status,
        # As the scorecard shows it: as published.
        "process": {
            "id": process["id"],
            "name": process["name"],
            "organization": process["convening_organization"],
        },
        "perspective": assessment.perspective,
        "perspective_label": perspective,
        "assessor": assessment.assessor.display_name,
        "published_at": assessment.published_at,
        "withdrawn_at": assessment.withdrawn_at,
        "rubric_version": assessment.rubric.version,
        "label": f"#{assessment.id} {process['name']} ({perspective})",
    }


def build_comparison(
    session: Session,
    ids: Sequence[int],
    baseline_id: int | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """The comparison of the scorecards of ``ids`` as plain data, unrounded, for a schema.

    Rubric text is in ``language`` when every rubric version compared has it, else (and
    without ``language``) in the rubric's own; ``text_language`` says which.
    """
    check_baseline(ids, baseline_id)
    scorecards = load_scorecards(session, ids)
    check_one_rubric(scorecards)
    scorecards = _baseline_first(scorecards, baseline_id)
    results = scores_of(session, scorecards)
    alignment = align_versions(scorecards, language)
    shown = alignment.language
    return {
        "rubric": {
            "slug": alignment.reference.slug,
            "title": rubric_text(alignment.reference, "title", shown),
            "language": alignment.reference.language,
            "text_language": shown,
            "versions": [rubric.version for rubric in _versions(scorecards)],
        },
        "method_version": scoring.METHOD_VERSION,
        "baseline_id": baseline_id,
        "scorecards": [scorecard_heading(assessment) for assessment in scorecards],
        "pillars": [
            {"key": p.key, "title": rubric_text(p, "title", shown)} for p in alignment.pillars
        ],
        "rows": _rows(scorecards, results, alignment, baseline_id),
        "questions": _questions(scorecards, results, alignment),
        "not_comparable": {
            "pillars": alignment.not_comparable_pillars,
            "questions": alignment.not_comparable_questions,
        },
    }
