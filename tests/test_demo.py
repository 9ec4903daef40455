"""``flask demo seed``: demo accounts and processes, idempotent."""

from collections import Counter

from sqlalchemy import func, select

from assessor.assessments.models import Assessment
from assessor.audit import AuditEvent
from assessor.demo import DEMO_ASSESSED_PROCESS, DEMO_PASSWORD, DEMO_REDESCRIBED
from assessor.processes.models import Process, ProcessVersion
from assessor.users.models import User
from assessor.users.service import find_user_by_email, password_matches
from tests.factories import shipped_rubric


def test_seed_adds_three_accounts_one_per_role(runner, session):
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    roles = {user.email: user.roles for user in session.scalars(select(User))}
    assert roles == {
        "admin@example.org": {"admin"},
        "assessor@example.org": {"assessor"},
        "reviewer@example.org": {"reviewer"},
    }
    assert password_matches(find_user_by_email(session, "assessor@example.org"), DEMO_PASSWORD)


def test_seed_adds_processes_drawn_from_the_sources(runner, session):
    runner.invoke(args=["demo", "seed"])
    names = session.scalars(select(Process.name)).all()
    assert any("WTPF-13" in name for name in names)
    assert any("World Café" in name for name in names)
    assert any("Town Hall" in name for name in names)
    assert any("crowdsourcing" in name for name in names)
    assert any("Workshop #41" in name for name in names)


def test_seed_prints_the_demo_sign_in(runner):
    result = runner.invoke(args=["demo", "seed"])
    assert f"assessor@example.org / {DEMO_PASSWORD}" in result.output


def test_seeding_again_keeps_existing_data_and_adds_nothing(runner, session):
    runner.invoke(args=["demo", "seed"])
    process = session.scalars(select(Process)).first()
    process.description = "Edited by a user."
    session.commit()
    result = runner.invoke(args=["demo", "seed"])
    assert "0 accounts, 0 processes and 0 published scorecard added" in result.output
    assert session.scalar(select(func.count()).select_from(Process)) == 5
    session.expire_all()
    assert session.get(Process, process.id).description == "Edited by a user."


def test_seed_publishes_a_demo_scorecard_when_a_rubric_is_loaded(runner, session):
    shipped_rubric(session)
    session.commit()
    result = runner.invoke(args=["demo", "seed"])
    assert "1 published scorecard added" in result.output
    assessment = session.scalars(select(Assessment)).one()
    assert assessment.status == "published"
    assert len(assessment.answers) == sum(len(p.questions) for p in assessment.rubric.pillars)


def test_seed_without_a_rubric_adds_no_scorecard(runner, session):
    result = runner.invoke(args=["demo", "seed"])
    assert "0 published scorecard added" in result.output


def test_the_demo_scorecard_says_its_process_was_described_anew_since(runner, session, client):
    shipped_rubric(session)
    session.commit()
    runner.invoke(args=["demo", "seed"])
    assessment = session.scalars(select(Assessment)).one()
    assert assessment.process.name == DEMO_REDESCRIBED["name"]
    page = client.get(f"/assessments/{assessment.id}/scorecard").get_data(as_text=True)
    assert DEMO_ASSESSED_PROCESS in page
    assert "The process record has changed since this scorecard was published" in page
    assert "name and public web address" in page


def test_seeding_again_after_the_process_was_described_anew_adds_nothing(runner, session):
    shipped_rubric(session)
    session.commit()
    runner.invoke(args=["demo", "seed"])
    counted = (Process, ProcessVersion, Assessment)
    before = [session.scalar(select(func.count()).select_from(model)) for model in counted]
    result = runner.invoke(args=["demo", "seed"])
    assert "0 accounts, 0 processes and 0 published scorecard added" in result.output
    assert [session.scalar(select(func.count()).select_from(model)) for model in counted] == before


def test_seed_leaves_real_events_in_the_audit_trail(runner, session):
    shipped_rubric(session)
    session.commit()
    runner.invoke(args=["demo", "seed"])
    actions = Counter(session.scalars(select(AuditEvent.action)))
    assert actions["user.created"] == 3
    assert actions["process.created"] == 5
    assert actions["assessment.published"] == 1
    assessor = find_user_by_email(session, "assessor@example.org")
    # The demo assessor described the demo processes, so may edit them.
    assert {p.created_by_id for p in session.scalars(select(Process))} == {assessor.id}
