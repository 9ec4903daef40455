"""The consolidation of a process's current published assessments, computed once per state."""

from typing import NamedTuple

import pytest

from assessor import scoring
from assessor.assessments import consolidations
from assessor.assessments.results import published_rows, rated_assessments, rubric_shape
from assessor.assessments.workflow import withdraw
from assessor.processes.models import Process
from tests.factories import published_assessment, stored_process, stored_rubric, stored_user


@pytest.fixture
def people(session):
    return (
        stored_user(session, "ana@example.org", ["assessor"]),
        stored_user(session, "rui@example.org", ["reviewer"], "academia"),
    )


class Published(NamedTuple):
    id: int
    rubric: object
    assessments: list


@pytest.fixture
def process(session, people) -> Published:
    """A process with two published assessments of the sample rubric that disagree."""
    rubric = stored_rubric(session)
    process = stored_process(session, name="IGF 2013 Workshop #41: Principles")
    assessments = [
        published_assessment(
            session, rubric, process, *people, level_of=lambda i, shift=shift: (i + shift) % 5
        )
        for shift in (0, 3)
    ]
    session.commit()
    return Published(process.id, rubric, assessments)


@pytest.fixture
def reads(monkeypatch) -> list[int]:
    """The process ids whose answers consolidation read, in order, from nothing kept."""
    consolidations.forget_consolidations()
    read = []
    original = consolidations.published_rows

    def counted(session, process_id, rubric):
        read.append(process_id)
        return original(session, process_id, rubric)

    monkeypatch.setattr(consolidations, "published_rows", counted)
    return read


def consolidated_afresh(session, process: Published) -> scoring.Consolidation:
    rows = published_rows(session, process.id, process.rubric)
    return scoring.consolidate(rubric_shape(process.rubric), rated_assessments(rows))


def test_a_second_reader_of_the_same_state_reads_no_answer(session, process, reads):
    rubric = process.rubric
    first = consolidations.current_consolidation(session, process.id, rubric)
    second = consolidations.current_consolidation(session, process.id, rubric)
    assert reads == [process.id]
    assert second is first
    assert first.result == consolidated_afresh(session, process)
    assert first.assessments == 2


def test_a_publication_in_the_process_is_consolidated_anew(session, process, people, reads):
    rubric = process.rubric
    before = consolidations.current_consolidation(session, process.id, rubric)
    published_assessment(
        session, rubric, session.get(Process, process.id), *people, level_of=lambda i: 4
    )
    session.commit()
    after = consolidations.current_consolidation(session, process.id, rubric)
    assert reads == [process.id, process.id]
    assert after.assessments == before.assessments + 1
    assert after.result == consolidated_afresh(session, process)
    assert after.result.score != before.result.score


def test_a_withdrawal_is_consolidated_anew(session, process, people, reads):
    rubric = process.rubric
    consolidations.current_consolidation(session, process.id, rubric)
    admin = stored_user(session, "ada@example.org", ["admin"])
    withdraw(session, admin, process.assessments[0], "Published against the wrong record.")
    session.commit()
    after = consolidations.current_consolidation(session, process.id, rubric)
    assert len(reads) == 2
    assert after.result.assessment_ids == (process.assessments[1].id,)


def test_the_same_ids_published_at_another_moment_are_not_taken_for_the_kept(
    session, process, people, reads
):
    """As in a database emptied and filled again, whose ids start over."""
    rubric = process.rubric
    consolidations.current_consolidation(session, process.id, rubric)
    for assessment in process.assessments:
        assessment.published_at = assessment.published_at.replace(year=2025)
    session.commit()
    consolidations.current_consolidation(session, process.id, rubric)
    assert len(reads) == 2


def test_nothing_published_is_none_and_keeps_nothing(session, people, reads):
    rubric = stored_rubric(session)
    process = stored_process(session, name="NETmundial 2014 Outcome Drafting")
    session.commit()
    assert consolidations.current_consolidation(session, process.id, rubric) is None
    assert reads == []


def test_only_the_newest_states_are_kept(session, process, people, reads, monkeypatch):
    monkeypatch.setattr(consolidations._kept, "capacity", 1)
    rubric = process.rubric
    other = stored_process(session, name="NETmundial 2014 Outcome Drafting")
    published_assessment(session, rubric, other, *people)
    session.commit()
    for process_id in (process.id, other.id, process.id):
        consolidations.current_consolidation(session, process_id, rubric)
    assert reads == [process.id, other.id, process.id]
