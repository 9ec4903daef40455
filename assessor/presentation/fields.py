"""Figures as the API and exports send them: scores to 2 decimals, shares to 4."""

from marshmallow import fields

from assessor.scoring import api_fraction, api_score


def score_field(name: str) -> fields.Function:
    return fields.Function(
        lambda data: api_score(data[name] if isinstance(data, dict) else getattr(data, name))
    )


def fraction_field(name: str) -> fields.Function:
    return fields.Function(
        lambda data: api_fraction(data[name] if isinstance(data, dict) else getattr(data, name))
    )
