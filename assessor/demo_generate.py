"""Synthetic processes and published assessments for benchmarks, inserted in bulk.

``flask demo generate`` fills a database with varied processes and many published
assessments on the newest loaded rubric, drawn from a seeded random generator, so that one
seed always gives the same data. Rows go in through Core executemany inserts, a batch of
assessments at a time, rather than through the services: no audit events are written, since
no one drafted, reviewed or published these assessments, and their results are kept once all
are in (as publishing keeps each one's). The rows
still keep every rule that submission checks: each question answered, N/A only where the
rubric allows it, a rationale and evidence wherever a level needs them, and a reason for
each answer that a revision changes.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from typing import Any

from sqlalchemy import Connection, Table, insert, select, text
from sqlalchemy.orm import Session

from assessor.assessments.kept_scores import keep_missing_scores
from assessor.assessments.models import Answer, Assessment, AssessmentStatus, EvidenceItem
from assessor.demo import DEMO_PASSWORD
from assessor.edition import raise_edition_now
from assessor.processes.models import DESCRIBED_FIELDS, Process, ProcessVersion
from assessor.rubrics.models import RubricVersion
from assessor.rubrics.service import find_rubric
from assessor.users.service import create_user, find_user_by_email

BATCH_SIZE = 1000
# One assessment in ten is a published revision of an earlier one of the same batch.
REVISION_EVERY = 10
FIRST_PUBLISHED = datetime(2014, 1, 1, tzinfo=UTC)
LAST_PUBLISHED = datetime(2024, 12, 31, tzinfo=UTC)
NOT_APPLICABLE_SHARE = 0.2
INSUFFICIENT_SHARE = 0.04
NOT_APPLICABLE = {
    "level": None,
    "not_applicable": True,
    "insufficient_information": False,
    "rationale": "Not applicable: the process has no such body or decision stage.",
}
INSUFFICIENT_INFORMATION = {
    "level": None,
    "not_applicable": False,
    "insufficient_information": True,
    "rationale": "The public record says too little to judge this: no minutes were published.",
}

ASSESSORS = (
    ("lucia.fernandez@generated.example.org", "Lucía Fernández", "government"),
    ("kenji.watanabe@generated.example.org", "Kenji Watanabe", "private_sector"),
    ("amina.diallo@generated.example.org", "Amina Diallo", "civil_society"),
    ("olaf.lindqvist@generated.example.org", "Olaf Lindqvist", "technical_community"),
    ("priya.raman@generated.example.org", "Priya Raman", "academia"),
    ("tomas.novak@generated.example.org", "Tomáš Novák", "intergovernmental"),
)
REVIEWERS = (
    ("grace.mwangi@generated.example.org", "Grace Mwangi", "academia"),
    ("henrik.sorensen@generated.example.org", "Henrik Sørensen", "technical_community"),
    ("mei.chen@generated.example.org", "Mei Chen", "civil_society"),
)
# How generously each perspective tends to rate, in levels: views differ by stakeholder group.
LEANINGS = {
    "government": 0.4,
    "intergovernmental": 0.3,
    "private_sector": 0.2,
    "technical_community": 0.0,
    "academia": -0.2,
    "civil_society": -0.4,
}

# (organization, short name, scope, web domain)
CONVENERS = (
    ("Internet Governance Forum", "IGF", "global", "intgovforum.org"),
    ("ICANN Generic Names Supporting Organization", "ICANN GNSO", "global", "gnso.icann.org"),
    ("ICANN At-Large Advisory Committee", "ICANN ALAC", "global", "atlarge.icann.org"),
    ("Internet Engineering Task Force", "IETF", "global", "ietf.org"),
    ("International Telecommunication Union (ITU)", "ITU", "global", "itu.int"),
    ("Freedom Online Coalition", "FOC", "global", "freedomonlinecoalition.com"),
    ("European Dialogue on Internet Governance", "EuroDIG", "regional", "eurodig.org"),
    ("Asia Pacific Regional IGF", "APrIGF", "regional", "aprigf.asia"),
    ("African Internet Governance Forum", "AfIGF", "regional", "afigf.africa"),
    ("Latin American and Caribbean IGF", "LACIGF", "regional", "lacigf.org"),
    ("RIPE NCC", "RIPE", "regional", "ripe.net"),
    ("AFRINIC", "AFRINIC", "regional", "afrinic.net"),
    ("Kenya ICT Action Network", "KICTANet", "national", "kictanet.or.ke"),
    ("Brazilian Internet Steering Committee (CGI.br)", "CGI.br", "national", "cgi.br"),
    ("UK Internet Governance Forum", "UK IGF", "national", "ukigf.org.uk"),
    ("India Internet Governance Forum", "IIGF", "national", "indiaigf.in"),
    ("Internet Society Germany Chapter", "ISOC.DE", "national", "isoc.de"),
    ("Bangladesh Internet Governance Forum", "bdIGF", "national", "bdigf.org"),
)
FORMATS = (
    "Workshop",
    "Open Consultation",
    "Policy Development Process",
    "Best Practice Forum",
    "Working Group",
    "Public Comment Period",
    "Dynamic Coalition",
    "Town Hall",
    "Online Crowdsourcing",
)
# (topic, the layer it belongs to)
TOPICS = (
    ("DNS abuse mitigation", "of_the_internet"),
    ("IPv6 deployment", "of_the_internet"),
    ("routing security", "of_the_internet"),
    ("registration data access", "of_the_internet"),
    ("internationalized domain names", "of_the_internet"),
    ("new generic top-level domains", "of_the_internet"),
    ("root zone management", "of_the_internet"),
    ("meaningful connectivity", "on_the_internet"),
    ("content moderation", "on_the_internet"),
    ("data protection", "on_the_internet"),
    ("artificial intelligence", "on_the_internet"),
    ("cybersecurity norms", "on_the_internet"),
    ("online child protection", "on_the_internet"),
    ("digital inclusion of persons with disabilities", "on_the_internet"),
    ("cross-border data flows", "on_the_internet"),
)
EVIDENCE_KINDS = (
    "Meeting transcript",
    "Final report",
    "Call for participation",
    "Summary of public comments",
    "Participant list",
    "Agenda and working documents",
    "Video recording",
    "Charter and working methods",
)
OBSERVATIONS = (
    "The published record of the meetings bears this out.",
    "Participants interviewed afterwards described it the same way.",
    "The final report and its annexes say so.",
    "The archived mailing list shows it across several rounds.",
    "The call for participation and the participant list agree on this.",
    "The recordings of the sessions confirm it.",
)


@dataclass(frozen=True, slots=True)
class RubricQuestion:
    """What generating an answer needs to know about a question."""

    key: str
    evidence_threshold: int
    not_applicable_allowed: bool
    descriptors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GeneratedProcess:
    """A process as generated: its row's id, the version of its record its assessments are
    published against, and how well it does by the rubric (0 to 1)."""

    id: int
    version_id: int
    name: str
    # Where its public records are: evidence items point there.
    records: str
    quality: float
    perspectives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Context:
    """What every assessment is drawn from: the rubric, the processes and the accounts."""

    rubric_id: int
    questions: tuple[RubricQuestion, ...]
    processes: tuple[GeneratedProcess, ...]
    # Some processes draw many assessments and most only a few, as in life.
    cumulative_weights: tuple[float, ...]
    assessors: dict[str, int]
    reviewers: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PlannedAssessment:
    """One assessment's rows before insertion; a revision names its original by position."""

    row: dict[str, Any]
    answers: list[dict[str, Any]]
    evidence: list[list[dict[str, Any]]]
    process: GeneratedProcess
    revises: int | None = None


class NoRubricLoaded(Exception):
    """Assessments need a rubric: load one first."""


def newest_rubric(session: Session) -> RubricVersion | None:
    """The rubric version loaded last, with its questions and level descriptors."""
    latest = session.scalars(
        select(RubricVersion).order_by(RubricVersion.loaded_at.desc(), RubricVersion.id.desc())
    ).first()
    return None if latest is None else find_rubric(session, latest.slug, latest.version)


def rubric_questions(rubric: RubricVersion) -> tuple[RubricQuestion, ...]:
    """Every question of ``rubric`` in rubric order."""
    return tuple(
        RubricQuestion(
            key=question.key,
            evidence_threshold=question.evidence_threshold,
            not_applicable_allowed=question.not_applicable_allowed,
            descriptors=tuple(level.descriptor for level in question.levels),
        )
        for pillar in rubric.pillars
        for question in pillar.questions
    )


def generated_users(session: Session) -> tuple[dict[str, int], tuple[int, ...], int]:
    """The assessors' ids by perspective, the reviewers' ids, and how many accounts were new."""
    ids, created = {}, 0
    for email, name, group in ASSESSORS + REVIEWERS:
        user = find_user_by_email(session, email)
        if user is None:
            user = create_user(
                session,
                email=email,
                password=DEMO_PASSWORD,
                roles=["assessor" if (email, name, group) in ASSESSORS else "reviewer"],
                display_name=name,
                stakeholder_group=group,
            )
            created += 1
        ids[email] = user.id
    assessors = {group: ids[email] for email, _, group in ASSESSORS}
    return assessors, tuple(ids[email] for email, _, _ in REVIEWERS), created


def _insert_returning_ids(connection: Connection, table: Table, rows: list[dict]) -> list[int]:
    """Insert ``rows`` by executemany and give their new ids, in the order of ``rows``."""
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(connection.execute(statement, rows).scalars()) if rows else []


def _process_row(rng: random.Random) -> tuple[dict[str, Any], str]:
    """A process's row and the address of its records."""
    organization, short, scope, domain = rng.choice(CONVENERS)
    meeting_format = rng.choice(FORMATS)
    topic, layer = rng.choice(TOPICS)
    year = rng.randint(2013, 2024)
    number = f" #{rng.randint(1, 250)}" if meeting_format == "Workshop" else ""
    starts_on = date(year, rng.randint(1, 12), rng.randint(1, 28))
    ongoing = meeting_format in ("Working Group", "Dynamic Coalition") and rng.random() < 0.5
    audience = rng.choice(("all stakeholders", "registered participants", "members only"))
    address = f"https://www.{domain}/{year}/{topic.replace(' ', '-')}"
    row = {
        "name": f"{short} {year} {meeting_format}{number} on {topic}",
        "convening_organization": organization,
        "description": f"A {meeting_format.lower()} convened by {organization} on {topic}, "
        f"open to {audience}.",
        "public_url": address if rng.random() < 0.8 else None,
        "scope": scope,
        "layer": layer,
        "starts_on": starts_on,
        "ends_on": None if ongoing else starts_on + timedelta(days=rng.randint(0, 4)),
        "created_at": FIRST_PUBLISHED - timedelta(days=rng.randint(1, 60)),
    }
    return row, f"{address}/records"


def insert_processes(
    connection: Connection, rng: random.Random, count: int
) -> tuple[GeneratedProcess, ...]:
    """``count`` processes, each with its quality and the perspectives that assess it."""
    drawn = [_process_row(rng) for _ in range(count)]
    ids, version_ids = [], []
    for start in range(0, count, BATCH_SIZE):
        rows = [row for row, _ in drawn[start : start + BATCH_SIZE]]
        batch = _insert_returning_ids(connection, Process.__table__, rows)
        ids.extend(batch)
        # Each record as first described: the version its assessments are published against.
        versions = [
            {field: row[field] for field in DESCRIBED_FIELDS}
            | {"process_id": process_id, "number": 1, "recorded_at": row["created_at"]}
            for process_id, row in zip(batch, rows, strict=True)
        ]
        version_ids.extend(_insert_returning_ids(connection, ProcessVersion.__table__, versions))
    return tuple(
        GeneratedProcess(
            id=process_id,
            version_id=version_id,
            name=row["name"],
            records=records,
            quality=rng.betavariate(2, 2),
            perspectives=tuple(rng.sample(sorted(LEANINGS), rng.randint(2, 4))),
        )
        for process_id, version_id, (row, records) in zip(ids, version_ids, drawn, strict=True)
    )


def _evidence(
    rng: random.Random, process: GeneratedProcess, key: str, when: datetime
) -> list[dict[str, Any]]:
    """One or two public documents behind an answer."""
    return [
        {
            "url": f"{process.records}/{key}/{position + 1}",
            "title": f"{rng.choice(EVIDENCE_KINDS)}: {process.name}",
            "accessed_on": (when - timedelta(days=rng.randint(1, 30))).date(),
            "note": rng.choice(("", "", "Section 2 and the annex.", "Pages 4 to 7.")),
            "position": position,
        }
        for position in range(rng.randint(1, 2))
    ]


def _rated(rng: random.Random, question: RubricQuestion, level: int) -> dict[str, Any]:
    """A level, explained by its descriptor and what the record shows."""
    return {
        "level": level,
        "not_applicable": False,
        "insufficient_information": False,
        "rationale": f"{question.descriptors[level]} {rng.choice(OBSERVATIONS)}",
    }


def _choice(
    rng: random.Random, question: RubricQuestion, process: GeneratedProcess, perspective: str
) -> dict[str, Any]:
    """N/A now and then where the question allows it, rarely too little to judge, else a level
    near the process's quality as the perspective sees it."""
    if question.not_applicable_allowed and rng.random() < NOT_APPLICABLE_SHARE:
        return NOT_APPLICABLE
    if rng.random() < INSUFFICIENT_SHARE:
        return INSUFFICIENT_INFORMATION
    leaning = process.quality * 4 + LEANINGS[perspective] + rng.gauss(0, 0.9)
    return _rated(rng, question, max(0, min(4, round(leaning))))


def _answers(
    rng: random.Random, context: Context, process: GeneratedProcess, row: dict[str, Any]
) -> tuple[list[dict], list[list[dict]]]:
    """An answer to every question of the rubric, each with one or two evidence items."""
    answers, evidence = [], []
    for question in context.questions:
        answer = _choice(rng, question, process, row["perspective"]) | {
            "question_key": question.key,
            "change_reason": None,
            "row_version": 1,
            "updated_by_id": row["assessor_id"],
            "updated_at": row["submitted_at"],
        }
        answers.append(answer)
        evidence.append(_evidence(rng, process, question.key, row["submitted_at"]))
    return answers, evidence


def _original(rng: random.Random, context: Context, position: float) -> PlannedAssessment:
    """A published assessment, dated ``position`` (0 to 1) of the way through the period."""
    process = rng.choices(context.processes, cum_weights=context.cumulative_weights)[0]
    perspective = rng.choice(process.perspectives)
    published = FIRST_PUBLISHED + (LAST_PUBLISHED - FIRST_PUBLISHED) * position
    published += timedelta(minutes=rng.randint(0, 600))
    row = {
        "process_id": process.id,
        "process_version_id": process.version_id,
        "rubric_version_id": context.rubric_id,
        "assessor_id": context.assessors[perspective],
        "perspective": perspective,
        "status": AssessmentStatus.PUBLISHED,
        "row_version": 1,
        "created_at": published - timedelta(days=rng.randint(10, 90)),
        "submitted_at": published - timedelta(days=rng.randint(1, 9)),
        "published_at": published,
        "revises_id": None,
        "published_by_id": rng.choice(context.reviewers),
    }
    answers, evidence = _answers(rng, context, process, row)
    return PlannedAssessment(row, answers, evidence, process)


def _change_reason(rng: random.Random, before: int | None, after: int) -> str:
    if before is None:
        return "new_evidence"
    return rng.choice(
        ("improvement", "new_evidence") if after > before else ("decline", "correction")
    )


def _revision(
    rng: random.Random, context: Context, original: PlannedAssessment, position: int
) -> PlannedAssessment:
    """A published revision of ``original`` (at ``position``), a few of its answers changed."""
    published = original.row["published_at"] + timedelta(days=rng.randint(30, 365))
    submitted = published - timedelta(days=rng.randint(1, 9))
    row = original.row | {
        "created_at": published - timedelta(days=rng.randint(10, 29)),
        "submitted_at": submitted,
        "published_at": published,
        "published_by_id": rng.choice(context.reviewers),
    }
    answers = [answer | {"updated_at": submitted} for answer in original.answers]
    evidence = list(original.evidence)
    for index in rng.sample(range(len(answers)), rng.randint(1, 4)):
        question, before = context.questions[index], answers[index]["level"]
        level = rng.choice([level for level in range(5) if level != before])
        answers[index] |= _rated(rng, question, level)
        answers[index]["change_reason"] = _change_reason(rng, before, level)
        evidence[index] = _evidence(rng, original.process, question.key, submitted)
    return PlannedAssessment(row, answers, evidence, original.process, revises=position)


def plan_batch(
    rng: random.Random, context: Context, start: int, size: int, total: int
) -> list[PlannedAssessment]:
    """``size`` assessments from the ``start``-th of ``total``: originals, then revisions."""
    revisions = size // REVISION_EVERY
    originals = size - revisions
    planned = [_original(rng, context, (start + n) / total) for n in range(originals)]
    for position in sorted(rng.sample(range(originals), revisions)):
        planned.append(_revision(rng, context, planned[position], position))
    return planned


def _answer_ids(connection: Connection, assessment_ids: list[int]) -> dict[tuple[int, str], int]:
    """The ids of the answers of ``assessment_ids``, by assessment and question."""
    table = Answer.__table__
    rows = connection.execute(
        select(table.c.assessment_id, table.c.question_key, table.c.id).where(
            table.c.assessment_id.in_(assessment_ids)
        )
    )
    return {(assessment_id, key): answer_id for assessment_id, key, answer_id in rows}


def insert_batch(connection: Connection, planned: list[PlannedAssessment]) -> tuple[int, int]:
    """Insert planned assessments (originals first), their answers and evidence.

    Answers go in without RETURNING, whose ordered form is several times slower on
    PostgreSQL, and their ids are read back at once through the unique (assessment, question).
    """
    table = Assessment.__table__
    originals = [p.row for p in planned if p.revises is None]
    ids = _insert_returning_ids(connection, table, originals)
    revisions = [p.row | {"revises_id": ids[p.revises]} for p in planned if p.revises is not None]
    ids += _insert_returning_ids(connection, table, revisions)
    answers = [
        answer | {"assessment_id": assessment_id}
        for assessment_id, p in zip(ids, planned, strict=True)
        for answer in p.answers
    ]
    connection.execute(insert(Answer.__table__), answers)
    answer_ids = _answer_ids(connection, ids)
    evidence = [
        item | {"answer_id": answer_ids[answer["assessment_id"], answer["question_key"]]}
        for answer, items in zip(answers, (i for p in planned for i in p.evidence), strict=True)
        for item in items
    ]
    connection.execute(insert(EvidenceItem.__table__), evidence)
    return len(answers), len(evidence)


def _context(session: Session, rng: random.Random, rubric: RubricVersion, processes: int):
    """Accounts and processes, committed, and what assessments are drawn from."""
    assessors, reviewers, users = generated_users(session)
    made = insert_processes(session.connection(), rng, processes)
    raise_edition_now(session)
    session.commit()
    weights = accumulate(rng.paretovariate(1.5) for _ in made)
    questions = rubric_questions(rubric)
    return Context(rubric.id, questions, made, tuple(weights), assessors, reviewers), users


def generate(
    session: Session,
    *,
    processes: int,
    assessments: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Add ``processes`` processes and ``assessments`` published assessments; count the rows.

    Each batch is committed on its own, so that memory and transactions stay small however
    much is generated; ``progress(done, total)`` is told after each one.
    """
    rubric = newest_rubric(session)
    if rubric is None:
        raise NoRubricLoaded("no rubric is loaded: run `flask rubrics load` first")
    rng = random.Random(seed)
    context, users = _context(session, rng, rubric, processes)
    totals = dict.fromkeys(("assessments", "revisions", "answers", "evidence"), 0)
    for start in range(0, assessments, BATCH_SIZE):
        planned = plan_batch(rng, context, start, min(BATCH_SIZE, assessments - start), assessments)
        answers, evidence = insert_batch(session.connection(), planned)
        raise_edition_now(session)
        session.commit()
        totals["assessments"] += len(planned)
        totals["revisions"] += sum(1 for p in planned if p.revises is not None)
        totals["answers"] += answers
        totals["evidence"] += evidence
        if progress is not None:
            progress(totals["assessments"], assessments)
    # Like every published assessment, each keeps its result for lists and comparisons.
    for _ in keep_missing_scores(session):
        session.commit()
    # Fresh planner statistics: right after a bulk load, queries would otherwise scan tables
    # that their indexes would answer.
    session.execute(text("ANALYZE"))
    session.commit()
    return {"users": users, "processes": processes, **totals}
