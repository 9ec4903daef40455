"""Scorecard fixtures: a published assessment of the sample rubric, with evidence."""

import pytest

from tests.api.assessment_helpers import fill, published, start
from tests.factories import (
    published_assessment,
    shipped_rubric,
    stored_process,
    stored_rubric,
    stored_user,
)


@pytest.fixture
def process_id(session, callers) -> int:
    stored_rubric(session)
    process = stored_process(session, name="IGF 2013 Workshop #41: Principles")
    session.commit()
    return process.id


@pytest.fixture
def published_id(callers, process_id) -> int:
    return published(callers, process_id)


@pytest.fixture
def draft_id(callers, process_id) -> int:
    assessment_id = start(callers["owner"], process_id)["id"]
    fill(callers["owner"], assessment_id)
    return assessment_id


@pytest.fixture
def full_published_id(session) -> int:
    """A published assessment of the shipped five-pillar rubric, every question answered."""
    rubric = shipped_rubric(session)
    process = stored_process(
        session, name="Fourth World Telecommunication/ICT Policy Forum (WTPF-13)"
    )
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    assessment = published_assessment(session, rubric, process, assessor, reviewer)
    session.commit()
    return assessment.id
