"""``flask demo generate``: many valid published assessments, fast, the same for one seed."""

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from assessor.assessments.models import Answer, Assessment, EvidenceItem
from assessor.assessments.workflow import submit
from assessor.processes.models import Process
from assessor.rubrics.models import Question
from assessor.users.models import User
from tests.factories import shipped_rubric

QUESTIONS = 26


@pytest.fixture
def rubric(session):
    rubric = shipped_rubric(session)
    session.commit()
    return rubric


def generate(runner, *options: str):
    result = runner.invoke(args=["demo", "generate", *options])
    assert result.exit_code == 0, result.output
    return result.output


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def stored_assessments(session) -> list[Assessment]:
    statement = (
        select(Assessment)
        .options(selectinload(Assessment.answers).selectinload(Answer.evidence))
        .order_by(Assessment.id)
    )
    return list(session.scalars(statement))


def signature(session) -> list[tuple]:
    """What was generated, without the ids, which differ from one run to the next."""
    assessments = stored_assessments(session)
    position = {assessment.id: index for index, assessment in enumerate(assessments)}
    return [
        (
            assessment.process.name,
            assessment.perspective,
            assessment.assessor.email,
            assessment.published_at,
            position.get(assessment.revises_id),
            sorted(
                (a.question_key, a.level, a.rationale, a.change_reason, [e.url for e in a.evidence])
                for a in assessment.answers
            ),
        )
        for assessment in assessments
    ]


def test_generate_adds_the_processes_assessments_and_answers_asked_for(runner, session, rubric):
    output = generate(runner, "--processes", "3", "--assessments", "20")
    assert count(session, Process) == 3
    assert count(session, Assessment) == 20
    assert count(session, Answer) == 20 * QUESTIONS
    assert count(session, Answer) <= count(session, EvidenceItem) <= 2 * count(session, Answer)
    assert "20 published assessments (2 of them revisions)" in output


def test_generate_creates_a_handful_of_accounts_once(runner, session, rubric):
    generate(runner, "--processes", "2", "--assessments", "5")
    generate(runner, "--processes", "2", "--assessments", "5")
    roles = [user.roles for user in session.scalars(select(User))]
    assert len(roles) == 9
    assert roles.count({"reviewer"}) == 3


def test_generate_prints_progress_every_thousand_assessments(runner, rubric):
    output = generate(runner, "--processes", "5", "--assessments", "1500")
    assert "1,000 of 1,500 assessments" in output
    assert "1,500 of 1,500 assessments" in output


def test_every_generated_assessment_is_published_by_someone_else(runner, session, rubric):
    generate(runner, "--processes", "4", "--assessments", "30")
    for assessment in stored_assessments(session):
        assert assessment.status == "published"
        assert assessment.submitted_at < assessment.published_at
        assert assessment.published_by_id not in (None, assessment.assessor_id)


def test_every_generated_assessment_could_have_been_submitted(runner, session, rubric):
    """Submission's own checks pass: every question answered, rationale, evidence, reasons."""
    generate(runner, "--processes", "4", "--assessments", "30")
    for assessment in stored_assessments(session):
        assessment.status = "draft"
        submit(session, assessment.assessor, assessment)
    session.rollback()


def test_not_applicable_only_where_the_rubric_allows_it(runner, session, rubric):
    generate(runner, "--processes", "4", "--assessments", "40")
    allowed = set(session.scalars(select(Question.key).where(Question.not_applicable_allowed)))
    not_applicable = set(session.scalars(select(Answer.question_key).where(Answer.not_applicable)))
    assert not_applicable and not_applicable <= allowed
    assert session.scalar(select(func.count()).where(Answer.insufficient_information)) > 0


def test_revisions_are_published_with_a_reason_for_each_changed_answer(runner, session, rubric):
    generate(runner, "--processes", "4", "--assessments", "40")
    assessments = {a.id: a for a in stored_assessments(session)}
    revisions = [a for a in assessments.values() if a.revises_id is not None]
    assert len(revisions) == 4
    for revision in revisions:
        original = assessments[revision.revises_id]
        assert (original.process_id, original.perspective) == (
            revision.process_id,
            revision.perspective,
        )
        assert original.published_at < revision.published_at
        before = {a.question_key: a.level for a in original.answers}
        changed = [a for a in revision.answers if a.level != before[a.question_key]]
        assert changed and all(a.change_reason for a in changed)


def test_each_process_is_assessed_from_several_perspectives(runner, session, rubric):
    generate(runner, "--processes", "3", "--assessments", "60")
    perspectives = session.execute(
        select(Assessment.process_id, func.count(Assessment.perspective.distinct())).group_by(
            Assessment.process_id
        )
    ).all()
    assert max(found for _, found in perspectives) >= 2


def test_the_same_seed_generates_the_same_data(runner, session, rubric):
    generate(runner, "--processes", "3", "--assessments", "12", "--seed", "7")
    first = signature(session)
    session.execute(delete(Assessment).where(Assessment.revises_id.is_not(None)))
    session.execute(delete(Assessment))
    session.execute(delete(Process))
    session.commit()
    generate(runner, "--processes", "3", "--assessments", "12", "--seed", "7")
    assert signature(session) == first


def test_another_seed_generates_other_data(runner, session, rubric):
    generate(runner, "--processes", "3", "--assessments", "12", "--seed", "7")
    first = signature(session)
    generate(runner, "--processes", "3", "--assessments", "12", "--seed", "8")
    assert signature(session)[12:] != first


def test_generate_without_a_rubric_says_to_load_one(runner, session):
    result = runner.invoke(args=["demo", "generate", "--processes", "1", "--assessments", "1"])
    assert result.exit_code == 1
    assert "flask rubrics load" in result.output
    assert count(session, Process) == 0
