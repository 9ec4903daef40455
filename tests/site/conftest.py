"""Site fixtures: published scorecards that the public pages show."""

import pytest

from tests.factories import published_assessment, stored_process, stored_rubric, stored_user


@pytest.fixture
def published(session) -> dict[str, int]:
    """Two published assessments of one process: the ids the paths below are built from."""
    rubric = stored_rubric(session)
    process = stored_process(session, name="IGF 2013 Workshop #41: Principles")
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    first, second = (
        published_assessment(session, rubric, process, assessor, reviewer) for _ in "ab"
    )
    session.commit()
    return {
        "process": process.id,
        "first": first.id,
        "second": second.id,
        "rubric": rubric.label.replace("@", "/"),
    }
