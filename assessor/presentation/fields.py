"""Figures as the API and exports send them: scores to 2 decimals, shares to 4."""

from typing import Any

from marshmallow import fields

from assessor.scoring import api_fraction, api_score

# Method 1 results (kept before method 2) have neither a high end nor an information coverage.
WITHOUT_RANGE = "Null where nothing is scored, and for a result of method 1, which has no range."


def _figure(data: Any, name: str) -> Any:
    return data[name] if isinstance(data, dict) else getattr(data, name)


def _range_figure(data: Any, name: str) -> Any:
    """A figure of method 2's range, None where the result (of method 1) has none."""
    return data.get(name) if isinstance(data, dict) else getattr(data, name, None)


def score_field(name: str) -> fields.Function:
    """A score (0-100) to two decimals; null where there is none."""
    return fields.Function(
        lambda data: api_score(_figure(data, name)), metadata={"type": ["number", "null"]}
    )


def fraction_field(name: str) -> fields.Function:
    """A share (0-1) to four decimals; null where there is none."""
    return fields.Function(
        lambda data: api_fraction(_figure(data, name)), metadata={"type": ["number", "null"]}
    )


def _score_range(data: Any) -> dict[str, float | None] | None:
    low, high = _figure(data, "score"), _range_figure(data, "high")
    if low is None or high is None:
        return None
    return {"low": api_score(low), "high": api_score(high)}


def score_range_field() -> fields.Function:
    """``{"low", "high"}`` from a result's ``score`` and ``high``, to two decimals."""
    return fields.Function(
        _score_range,
        metadata={
            "type": ["object", "null"],
            "properties": {"low": {"type": "number"}, "high": {"type": "number"}},
            "required": ["low", "high"],
            "additionalProperties": False,
            "description": "The range that insufficient information allows (method 2): low is "
            "the score, insufficient information counting 0; high the same with every unknown "
            f"met (100). {WITHOUT_RANGE}",
        },
    )


def information_coverage_field() -> fields.Function:
    """A result's information coverage (0-100) to two decimals, as scores are sent."""
    return fields.Function(
        lambda data: api_score(_range_figure(data, "information_coverage")),
        metadata={
            "type": ["number", "null"],
            "description": "0-100, two decimals: the share of the judged weight answered at a "
            f"level rather than as insufficient information (method 2). {WITHOUT_RANGE}",
        },
    )
