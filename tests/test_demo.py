"""``flask demo seed``: demo data that shows every capability, added once, through the services."""

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assessor.assessments.answers import save_answer
from assessor.assessments.models import Answer, Assessment, EvidenceItem, ProcessReply
from assessor.assessments.results import score_of
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import publish, submit
from assessor.audit import AuditEvent
from assessor.demo import DEMO_ASSESSED_PROCESS, DEMO_PASSWORD, DEMO_REDESCRIBED, compared_ids
from assessor.demo.accounts import GOVERNMENT_ASSESSOR
from assessor.demo.processes import DEMO_PROCESSES, ILLUSTRATIVE, TOWN_HALL, WORKSHOP, WTPF
from assessor.demo.seeding import demo_process
from assessor.demo.stories import REVISION_REASONS
from assessor.participation.models import ParticipationVersion
from assessor.process_pages.perspectives import perspective_sections
from assessor.processes.models import Process, ProcessRepresentative, ProcessVersion
from assessor.processes.service import create_process, update_process
from assessor.users.models import User
from assessor.users.service import (
    create_user,
    find_user_by_email,
    password_matches,
    record_user_created,
)
from tests.factories import every_shipped_rubric
from tests.tools import pdf_text
from tests.users.helpers import sign_in

SEEDED_NOTHING = "demo data: nothing added, all of it is there already"
# Every row the demo adds, by model.
COUNTED = (
    User,
    Process,
    ProcessVersion,
    ProcessRepresentative,
    Assessment,
    Answer,
    EvidenceItem,
    ProcessReply,
    AuditEvent,
)


@pytest.fixture
def rubric(session):
    """Both shipped versions, as `make run` loads them: 1.1.0 is the illustrative story's."""
    first, *_ = every_shipped_rubric(session)
    session.commit()
    return first


@pytest.fixture
def seeded(runner, rubric):
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    return result.output


def counts(session) -> list[int]:
    return [session.scalar(select(func.count()).select_from(model)) for model in COUNTED]


def statuses(session) -> Counter:
    return Counter(session.scalars(select(Assessment.status)))


def by(session, process_name: str, email: str) -> list[Assessment]:
    """The assessments of a demo process by a demo account, oldest first."""
    statement = (
        select(Assessment)
        .join(Assessment.assessor)
        .where(Assessment.process_id == demo_process(session, process_name).id, User.email == email)
        .order_by(Assessment.id)
    )
    return list(session.scalars(statement))


def test_seed_adds_an_account_per_role_assessors_of_three_more_groups_and_a_representative(
    runner, session
):
    result = runner.invoke(args=["demo", "seed"])
    assert result.exit_code == 0, result.output
    accounts = {u.email: (u.roles, u.stakeholder_group) for u in session.scalars(select(User))}
    assert accounts == {
        "admin@example.org": ({"admin"}, None),
        "assessor@example.org": ({"assessor"}, "civil_society"),
        "reviewer@example.org": ({"reviewer"}, "academia"),
        "government@example.org": ({"assessor"}, "government"),
        "technical@example.org": ({"assessor"}, "technical_community"),
        "private-sector@example.org": ({"assessor"}, "private_sector"),
        "representative@example.org": (set(), "intergovernmental"),
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


def test_seed_says_what_it_added_and_how_to_sign_in(seeded):
    assert (
        "demo data added: 7 accounts, 6 processes, 6 participation records, "
        "9 published scorecards, 1 revision, 1 withdrawal, 1 reply, "
        "1 assessment waiting for review and 1 draft" in seeded
    )
    for email in ("admin", "assessor", "reviewer"):
        assert f"sign in as {email}@example.org / {DEMO_PASSWORD} ({email}" in seeded


def test_seed_without_a_rubric_adds_accounts_processes_and_their_participation_only(
    runner, session
):
    result = runner.invoke(args=["demo", "seed"])
    assert (
        "demo data added: 7 accounts, 6 processes, 6 participation records, "
        "0 published scorecards, 0 revisions, 0 withdrawals, 0 replies, "
        "0 assessments waiting for review and 0 drafts" in result.output
    )
    assert statuses(session) == Counter()


def test_seeding_again_adds_nothing_and_keeps_what_users_changed(runner, session, seeded):
    process = session.scalars(select(Process)).first()
    process.description = "Edited by a user."
    session.commit()
    before = counts(session)
    result = runner.invoke(args=["demo", "seed"])
    assert SEEDED_NOTHING in result.output
    assert counts(session) == before
    session.expire_all()
    assert session.get(Process, process.id).description == "Edited by a user."


def test_seed_publishes_scorecards_of_five_processes_and_leaves_work_for_each_role(session, seeded):
    assert statuses(session) == Counter(published=9, withdrawn=1, submitted=1, draft=1)
    published = select(Assessment.process_id).where(Assessment.status == "published")
    assert len(set(session.scalars(published))) == 5
    (waiting,) = session.scalars(select(Assessment).where(Assessment.status == "submitted"))
    assert waiting.process.name == TOWN_HALL
    assert waiting.assessor.email != "reviewer@example.org"


def test_the_workshop_is_seen_from_four_perspectives(session, client, seeded):
    workshop = demo_process(session, WORKSHOP)
    (section,) = perspective_sections(session, workshop.id, "en")
    assert section["all"]["assessments"] == 4
    assert {row["perspective"] for row in section["perspectives"]} == {
        "civil_society",
        "government",
        "technical_community",
        "private_sector",
    }
    assert any(spread for spread in section["spread"])
    page = client.get(f"/processes/{workshop.id}").get_data(as_text=True)
    assert "By stakeholder perspective" in page and "Spread" in page
    revision = by(session, WORKSHOP, "assessor@example.org")[-1]
    scorecard = client.get(f"/assessments/{revision.id}/scorecard").get_data(as_text=True)
    assert "All published assessments of this process" in scorecard
    assert "Where assessors disagree (levels two or more apart)" in scorecard


def test_a_published_assessment_is_revised_with_reasons_and_published_again(
    session, client, seeded
):
    first, revision = by(session, WORKSHOP, "assessor@example.org")
    assert revision.revises_id == first.id and revision.status == "published"
    reasons = {a.question_key: a.change_reason for a in revision.answers if a.change_reason}
    assert reasons == REVISION_REASONS
    history = client.get(f"/processes/{first.process_id}/history").get_data(as_text=True)
    assert f"Assessment {revision.id}</a>, revision 1" in history
    assert "New evidence" in history


def test_a_representative_granted_by_an_admin_replied_to_a_scorecard(session, client, seeded):
    (assessment,) = by(session, WTPF, "assessor@example.org")
    (reply,) = assessment.replies
    assert reply.author.email == "representative@example.org"
    assert reply.body.startswith("Demo reply.")
    grant = session.get(ProcessRepresentative, (assessment.process_id, reply.author.id))
    assert grant.granted_by_id == find_user_by_email(session, "admin@example.org").id
    scorecard = client.get(f"/assessments/{assessment.id}/scorecard").get_data(as_text=True)
    assert "Reply from the process" in scorecard and "Demo reply." in scorecard


def test_a_scorecard_was_withdrawn_with_its_public_reason(session, client, seeded):
    (withdrawn,) = session.scalars(select(Assessment).where(Assessment.status == "withdrawn"))
    assert withdrawn.withdrawal_reason.startswith("Demo withdrawal.")
    page = client.get(f"/processes/{withdrawn.process_id}").get_data(as_text=True)
    assert "Withdrawn" in page and "published against the wrong process" in page


def test_the_demo_assessor_has_a_draft_with_an_unfinished_evidence_row(session, client, seeded):
    (draft,) = by(session, TOWN_HALL, "assessor@example.org")
    assert draft.status == "draft"
    questions = sum(len(pillar.questions) for pillar in draft.rubric.pillars)
    assert 0 < len(draft.answers) < questions
    unfinished = [row for a in draft.answers for row in a.unfinished_evidence]
    assert len(unfinished) == 1 and unfinished[0]["url"] and not unfinished[0]["title"]
    sign_in(client, "assessor@example.org", DEMO_PASSWORD)
    page = client.get(f"/assessments/{draft.id}/pillars/openness").get_data(as_text=True)
    assert "a title is required" in page


def test_every_demo_answer_reply_and_withdrawal_is_marked_as_illustrative(session, seeded):
    assert all(r.startswith("Demo answer.") for r in session.scalars(select(Answer.rationale)))
    assert all(n.startswith("Demo evidence.") for n in session.scalars(select(EvidenceItem.note)))
    assert all(b.startswith("Demo reply.") for b in session.scalars(select(ProcessReply.body)))


def test_demo_participation_is_the_workshop_report_figures_or_marked_illustrative(session, seeded):
    versions = list(session.scalars(select(ParticipationVersion)))
    assert len(versions) == 6
    workshop = demo_process(session, DEMO_ASSESSED_PROCESS)
    for version in versions:
        if version.process_id == workshop.id:
            # The report's workshop statistics: 38 women, 39 men, 77 in all.
            assert version.counts["gender"] == {"female": 38, "male": 39}
            assert sum(version.counts["country_category"].values()) == 77
        else:
            assert version.source_title.startswith("Illustrative counts")
            assert version.note.startswith("Illustrative:")


def test_the_illustrative_scorecard_shows_who_took_part_narrowing_to_one_group(
    session, client, seeded
):
    (assessment,) = by(session, ILLUSTRATIVE, "assessor@example.org")
    page = client.get(f"/assessments/{assessment.id}/scorecard").get_data(as_text=True)
    assert "Who took part" in page and "Ministerial committee" in page
    assert "Inclusion funnel: Stakeholder group" in page
    # Government: 38 of 396 known at agenda-setting, all 7 at decision-making.
    assert "9.6%" in page and "100.0%" in page


def test_the_government_view_of_the_workshop_is_flagged_against_the_report_figures(
    session, client, seeded
):
    # It rates regional balance 3 "even if most participants came from developed countries".
    (assessment,) = by(session, WORKSHOP, GOVERNMENT_ASSESSOR)
    page = client.get(f"/assessments/{assessment.id}/scorecard").get_data(as_text=True)
    assert (
        "Rated at level 3 (Substantial), but at Agenda-setting 64.3% of the known participants "
        "came from "
        "developed countries." in page
    )


def test_the_demo_scorecards_render_as_pages_and_pdfs(session, client, seeded, tmp_path):
    shown = select(Assessment).where(Assessment.status.in_(("published", "withdrawn")))
    assessments = list(session.scalars(shown.order_by(Assessment.id)))
    for assessment in assessments:
        assert client.get(f"/assessments/{assessment.id}/scorecard").status_code == 200
    # A PDF of each process's latest scorecard (the World Café's is the withdrawn one).
    latest = {assessment.process_id: assessment for assessment in assessments}.values()
    for assessment in latest:
        pdf = client.get(f"/assessments/{assessment.id}/scorecard.pdf")
        assert pdf.status_code == 200
        words = " ".join(pdf_text(pdf.data, tmp_path).split())
        # The name the process had when published (WeasyPrint may break a long one).
        assert assessment.process_version.name.split(":")[0] in words


def test_the_printed_comparison_of_the_demo_scorecards_renders(session, client, seeded):
    ids = compared_ids(session)
    assert len(ids) == 5
    address = f"/compare?ids={','.join(map(str, ids))}"
    assert f"compare the demo scorecards at {address}" in seeded
    page = client.get(address)
    assert page.status_code == 200
    shown = page.get_data(as_text=True)
    for name in (WTPF, WORKSHOP, ILLUSTRATIVE):
        assert name.split(":")[0] in shown


def test_the_readme_links_the_comparison_a_fresh_demo_prints(seeded):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    printed = re.search(r"compare the demo scorecards at (\S+)", seeded)[1]
    assert set(re.findall(r"/compare\?ids=[\d,]+", readme)) == {printed}


def test_seed_leaves_real_events_in_the_audit_trail(session, seeded):
    actions = Counter(session.scalars(select(AuditEvent.action)))
    assert actions["user.created"] == 7
    assert actions["process.created"] == 6
    assert actions["process.updated"] == 1
    assert actions["process.representative_granted"] == 1
    assert actions["assessment.started"] == 11
    assert actions["assessment.submitted"] == 11
    assert actions["assessment.published"] == 10
    assert actions["assessment.revision_started"] == 1
    assert actions["assessment.withdrawn"] == 1
    assert actions["assessment.replied"] == 1
    assessor = find_user_by_email(session, "assessor@example.org")
    # The demo assessor described the demo processes, so may edit them.
    assert {p.created_by_id for p in session.scalars(select(Process))} == {assessor.id}


def test_the_first_workshop_scorecard_says_its_process_was_described_anew_since(
    session, client, seeded
):
    first = by(session, WORKSHOP, "assessor@example.org")[0]
    assert first.process.name == DEMO_REDESCRIBED["name"]
    page = client.get(f"/assessments/{first.id}/scorecard").get_data(as_text=True)
    assert DEMO_ASSESSED_PROCESS in page
    assert "The process record has changed since this scorecard was published" in page
    assert "name and public web address" in page


def seed_as_before(session, rubric) -> None:
    """What ``flask demo seed`` added before the demo showed every capability: three accounts,
    the five processes, one published scorecard of the workshop answered with levels in a
    cycle, then the workshop described anew."""
    for email, role, group in (
        ("admin@example.org", "admin", None),
        ("assessor@example.org", "assessor", "civil_society"),
        ("reviewer@example.org", "reviewer", "academia"),
    ):
        user = create_user(
            session, email=email, password=DEMO_PASSWORD, roles=[role], stakeholder_group=group
        )
        record_user_created(session, None, user)
    assessor = find_user_by_email(session, "assessor@example.org")
    for process in DEMO_PROCESSES:
        if process["name"] != ILLUSTRATIVE:
            create_process(session, assessor, dict(process), confirm_duplicate=True)
    workshop = demo_process(session, WORKSHOP)
    assessment = start_assessment(
        session, assessor, {"process_id": workshop.id, "rubric": rubric.label}
    )
    questions = [q for pillar in rubric.pillars for q in pillar.questions]
    for index, question in enumerate(questions):
        save_answer(
            session,
            assessor,
            assessment,
            question.key,
            {
                "level": (3, 2, 4, 1, 2, 3, 0, 2)[index % 8],
                "not_applicable": False,
                "insufficient_information": False,
                "rationale": "Demo answer. The public record of the workshop matches.",
                "change_reason": None,
                "version": None,
                "evidence": [
                    {
                        "url": "https://www.intgovforum.org/",
                        "title": "Internet Governance Forum website",
                        "accessed_on": date(2026, 11, 1),
                        "note": "Demo evidence.",
                    }
                ],
            },
        )
    submit(session, assessor, assessment)
    publish(session, find_user_by_email(session, "reviewer@example.org"), assessment)
    update_process(session, assessor, workshop, DEMO_REDESCRIBED)
    session.commit()


def test_a_database_seeded_by_the_earlier_demo_gets_the_rest_without_duplicates(
    runner, session, rubric
):
    seed_as_before(session, rubric)
    result = runner.invoke(args=["demo", "seed"])
    assert (
        "demo data added: 4 accounts, 1 process, 6 participation records, "
        "8 published scorecards, 1 revision, 1 withdrawal, 1 reply, "
        "1 assessment waiting for review and 1 draft" in result.output
    )
    assert session.scalar(select(func.count()).select_from(User)) == 7
    assert session.scalar(select(func.count()).select_from(Process)) == 6
    assert statuses(session) == Counter(published=9, withdrawn=1, submitted=1, draft=1)
    # The earlier scorecard is revised: every answer that differs says why.
    first, revision = by(session, WORKSHOP, "assessor@example.org")
    assert revision.revises_id == first.id
    changed = [
        a
        for a in revision.answers
        if a.rationale != "Demo answer. The public record of the workshop matches."
    ]
    assert changed and all(answer.change_reason for answer in changed)
    assert SEEDED_NOTHING in runner.invoke(args=["demo", "seed"]).output


def test_comparison_ids_follow_a_scorecard_to_its_latest_published_revision(session, seeded):
    first, revision = by(session, WORKSHOP, "assessor@example.org")
    ids = compared_ids(session)
    assert revision.id in ids and first.id not in ids


def test_the_illustrative_process_is_on_rubric_1_1_0_and_its_decision_making_is_flagged(
    session, seeded
):
    (assessment,) = by(session, ILLUSTRATIVE, "assessor@example.org")
    assert assessment.status == "published" and assessment.rubric.version == "1.1.0"
    assert assessment.process.name.startswith("Illustrative example:")
    assert assessment.process.description.startswith("Illustrative, not a real process:")
    stages = {row.stage: row for row in score_of(assessment).stages}
    assert stages["decision_making"].falls_below_earlier
    assert not stages["agenda_setting"].falls_below_earlier
    assert stages["decision_making"].score_range.high < stages["agenda_setting"].score_range.low


def test_the_demo_has_scorecards_with_many_unknowns_and_with_a_real_level_1_failure(
    session, seeded
):
    (wtpf,) = by(session, WTPF, "assessor@example.org")
    unknown = [answer for answer in wtpf.answers if answer.insufficient_information]
    assert len(unknown) >= 10
    score = score_of(wtpf)
    assert score.score < score.high
    (illustrative,) = by(session, ILLUSTRATIVE, "assessor@example.org")
    assert {a.level for a in illustrative.answers} >= {0, 1}
