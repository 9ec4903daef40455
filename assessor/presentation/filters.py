"""The Jinja filters and globals every page and PDF uses to show figures, dates and keys."""

from flask import Flask

from assessor.languages.selection import text_direction
from assessor.presentation import labels, participation
from assessor.presentation.formatting import (
    coefficient_text,
    coverage_text,
    date_text,
    dates_text,
    has_range,
    moment_text,
    percent_text,
    score_text,
    weight_text,
)
from assessor.stakeholders import stakeholder_label


def register_filters(app: Flask) -> None:
    app.jinja_env.filters.update(
        score=score_text,
        percent=percent_text,
        coverage=coverage_text,
        has_range=has_range,
        coefficient=coefficient_text,
        weight=weight_text,
        date_text=date_text,
        moment_text=moment_text,
        process_dates=dates_text,
        scope_name=labels.scope_name,
        layer_name=labels.layer_name,
        process_fields=labels.process_fields,
        band_name=labels.band_name,
        answer_kind=labels.answer_kind,
        stage_name=labels.stage_name,
        change_reason=labels.change_reason_name,
        lang_attribute=labels.lang_attribute,
        direction=text_direction,
        perspective_name=stakeholder_label,
    )
    app.jinja_env.globals.update(
        language_args=labels.language_args,
        page_number_parts=labels.page_number_parts,
        band_names=labels.band_names,
        participation_view=participation.participation_view,
        participation_flag=participation.flag_text,
    )
