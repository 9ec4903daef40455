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
from assessor.comparisons.participation import participation_blocks
from assessor.comparisons.questions import questions_side_by_side
from assessor.comparisons.stages import stage_blocks
from assessor.exceptions import InvalidInput
from assessor.processes.versions import shown_record
from assessor.rubrics.models import Pillar, Question, RubricVersion
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
    """What versions of one rubric share: pillars and questions by key, in the newest's order,
    and per version what the others lack; their text is to be shown in ``language``."""

    reference: RubricVersion
    language: str
    pillars: list[Pillar]
    questions: list[tuple[str, Question]]
    not_comparable: list[dict[str, Any]]


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
    versions: list[RubricVersion], pillar_keys: set[str], question_keys: set[str], language: str
) -> list[dict[str, Any]]:
    """Per version (oldest first), its pillars and questions that another version lacks, with
    their text as that version words them; versions with none are left out."""
    lists = []
    for rubric in versions:
        pillars = [
            {"key": pillar.key, "title": rubric_text(pillar, "title", language)}
            for pillar in rubric.pillars
            if pillar.key not in pillar_keys
        ]
        questions = [
            {"key": question.key, "prompt": rubric_text(question, "prompt", language)}
            for question in _questions_of(rubric)
            if question.key not in question_keys
        ]
        if pillars or questions:
            lists.append({"version": rubric.version, "pillars": pillars, "questions": questions})
    return lists


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
    numbers = reference.question_numbers()
    questions = [
        (numbers[question.key], question)
        for question in _questions_of(reference)
        if question.key in question_keys
    ]
    return Alignment(
        reference=reference,
        language=shown,
        pillars=[pillar for pillar in reference.pillars if pillar.key in pillar_keys],
        questions=questions,
        not_comparable=_only_in_some(versions, pillar_keys, question_keys, shown),
    )


# The table: one row per measure, one cell per scorecard


def _rounded(value: float, kind: str) -> float:
    """The value as the API gives it: equal there means equal, so both are best."""
    return api_fraction(value) if kind == "share" else api_score(value)


def _best(values: list[float | None], kind: str) -> float | None:
    """The highest rounded value, unless nothing differs (then none is best)."""
    scored = {_rounded(value, kind) for value in values if value is not None}
    return max(scored) if len(scored) > 1 else None


@dataclass(frozen=True)
class Figure:
    """One scorecard's value in a row; a score's range and information coverage beside it
    (None for shares, which have no range)."""

    assessment_id: int
    value: float | None
    band: str | None = None
    high: float | None = None
    information_coverage: float | None = None


def _score_range(figure: Figure, kind: str) -> dict[str, float | None] | None:
    """A score's range, its low end the score itself; shares have none."""
    return None if kind == "share" else {"low": figure.value, "high": figure.high}


def _row(
    measure: str, key: str, label: str, figures: list[Figure], baseline_id: int | None
) -> dict[str, Any]:
    """A row of cells, the best marked, deltas to the baseline (both on the score, the low end)."""
    kind = "share" if measure in SHARE_MEASURES else "score"
    best = _best([figure.value for figure in figures], kind)
    base = next((f.value for f in figures if f.assessment_id == baseline_id), None)
    cells = [
        {
            "assessment_id": figure.assessment_id,
            "value": figure.value,
            "score_range": _score_range(figure, kind),
            "information_coverage": figure.information_coverage,
            "band": figure.band,
            "best": figure.value is not None and _rounded(figure.value, kind) == best,
            "delta": None
            if figure.value is None or base is None or figure.assessment_id == baseline_id
            # Between the figures as the API gives them, so that it is their difference there.
            else _rounded(figure.value, kind) - _rounded(base, kind),
        }
        for figure in figures
    ]
    return {"measure": measure, "key": key, "label": label, "kind": kind, "cells": cells}


def _score_figure(assessment_id: int, result) -> Figure:
    """An overall or pillar result (AssessmentScore or PillarScore) as a row's figure."""
    return Figure(
        assessment_id, result.score, result.band, result.high, result.information_coverage
    )


def _overall_figures(scorecards, results) -> list[Figure]:
    return [_score_figure(a.id, results[a.id]) for a in scorecards]


def _share_figures(scorecards, results, measure: str) -> list[Figure]:
    return [Figure(a.id, getattr(results[a.id], measure)) for a in scorecards]


def _pillar_figures(scorecards, results, key: str) -> list[Figure]:
    return [
        _score_figure(a.id, next(p for p in results[a.id].pillars if p.key == key))
        for a in scorecards
    ]


def _rows(
    scorecards: Sequence[Assessment],
    results: dict[int, scoring.AssessmentScore],
    alignment: Alignment,
    baseline_id: int | None,
) -> list[dict[str, Any]]:
    """Overall, each shared pillar, completeness and evidence coverage."""
    overall = _overall_figures(scorecards, results)
    rows = [_row("overall", "overall", MEASURE_LABELS["overall"], overall, baseline_id)]
    for pillar in alignment.pillars:
        figures = _pillar_figures(scorecards, results, pillar.key)
        title = rubric_text(pillar, "title", alignment.language)
        rows.append(_row("pillar", pillar.key, title, figures, baseline_id))
    for measure in SHARE_MEASURES:
        figures = _share_figures(scorecards, results, measure)
        rows.append(_row(measure, measure, MEASURE_LABELS[measure], figures, baseline_id))
    return rows


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
        "questions": questions_side_by_side(
            scorecards, results, alignment.questions, alignment.language
        ),
        "stages": stage_blocks(scorecards, results, [p.key for p in alignment.pillars]),
        "participation": participation_blocks(session, scorecards),
        "not_comparable": alignment.not_comparable,
    }
