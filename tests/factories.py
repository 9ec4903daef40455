"""Builders of test data: rubric documents and stored rows with sensible defaults."""

import copy
from datetime import date, datetime

import yaml

from assessor.assessments.answers import save_answer
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import publish, submit
from assessor.audit import AuditEvent
from assessor.processes.models import Process
from assessor.rubrics.loader import parse_rubric, read_rubric
from assessor.rubrics.service import store_rubric
from assessor.users.service import create_user
from config import PROJECT_DIR

SHIPPED_RUBRIC = PROJECT_DIR / "rubrics" / "wsis10-multistakeholder-1.0.0.yaml"


def _levels(topic: str) -> list[dict]:
    names = ["absent", "minimal", "partial", "substantial", "full"]
    return [{"level": n, "descriptor": f"{topic} is {name}."} for n, name in enumerate(names)]


def _question(pillar: str, name: str, **overrides) -> dict:
    question = {
        "key": f"{pillar}.{name}",
        "prompt": f"Is {name.replace('_', ' ')} realised?",
        "guidance": f"Look for public records of {name.replace('_', ' ')}.",
        "weight": 1,
        "evidence_threshold": 2,
        "not_applicable_allowed": False,
        "levels": _levels(name),
        "sources": [{"source": "ws41", "locator": "Agenda, recommendation 1"}],
    }
    question.update(overrides)
    return question


def translated_text(text: str, language: str) -> str:
    """The stand-in for ``text`` in another language that ``rubric_document`` gives."""
    return f"{text} [{language}]"


def _translate(item: dict, fields: tuple[str, ...], languages: tuple[str, ...]) -> None:
    item["translations"] = {
        language: {
            field: translated_text(item[field], language) for field in fields if item.get(field)
        }
        for language in languages
    }


def _translate_document(document: dict, languages: tuple[str, ...]) -> None:
    """Make ``document`` complete in ``languages`` too, every text marked with its language."""
    document["languages"] = [document["language"], *languages]
    _translate(document, ("title", "summary"), languages)
    for pillar in document["pillars"]:
        _translate(pillar, ("title", "summary"), languages)
        for question in pillar["questions"]:
            _translate(question, ("prompt", "guidance"), languages)
            for level in question["levels"]:
                _translate(level, ("descriptor",), languages)


def rubric_document(*, translated_into: tuple[str, ...] = (), **overrides) -> dict:
    """A small valid rubric: two pillars of two questions each.

    ``translated_into`` adds those languages, every text in them given by ``translated_text``.
    """
    document = {
        "slug": "sample-rubric",
        "version": "1.0.0",
        "title": "Sample rubric",
        "language": "en",
        "summary": "A rubric for tests.",
        "sources": [
            {
                "id": "ws41",
                "title": "Developing and effectively using Multistakeholder Principles",
                "issuer": "Internet Governance Forum",
                "date": "24 October 2013",
            }
        ],
        "pillars": [
            {
                "key": "openness",
                "title": "Openness",
                "summary": "Who may take part.",
                "weight": 1,
                "questions": [
                    _question("openness", "open_participation"),
                    _question("openness", "remote_participation", not_applicable_allowed=True),
                ],
            },
            {
                "key": "transparency",
                "title": "Transparency",
                "summary": "What is published.",
                "weight": 2,
                "questions": [
                    _question("transparency", "public_documents", weight=2),
                    _question("transparency", "decision_rationale"),
                ],
            },
        ],
    }
    document.update(copy.deepcopy(overrides))
    if translated_into:
        _translate_document(document, translated_into)
    return document


def tagged(document: dict, *stages_of_each: list[str]) -> dict:
    """The document with its questions, in order, tagged with the stages given."""
    questions = [q for pillar in document["pillars"] for q in pillar["questions"]]
    for question, stages in zip(questions, stages_of_each, strict=False):
        question["stages"] = stages
    return document


def rubric_yaml(document: dict | None = None) -> str:
    return yaml.safe_dump(document or rubric_document(), sort_keys=False, allow_unicode=True)


def stored_rubric(session, document: dict | None = None):
    """Validate and store a rubric version, as `flask rubrics load` would."""
    rubric_file = parse_rubric(rubric_yaml(document), "sample.yaml")
    return store_rubric(session, rubric_file).rubric


def stored_process(session, **overrides) -> Process:
    values = {
        "name": "IGF 2013 Workshop #41",
        "convening_organization": "APC, Government of Brazil, ICC BASIS and ISOC",
        "description": "A roundtable in Bali.",
        "scope": "global",
        "layer": "of_the_internet",
        "starts_on": date(2013, 10, 24),
        "ends_on": date(2013, 10, 24),
    }
    values.update(overrides)
    process = Process(**values)
    session.add(process)
    session.flush()
    return process


def stored_user(session, email: str, roles: list[str], group: str | None = "civil_society"):
    """A user with the given roles and the password ``correct horse battery``."""
    return create_user(
        session,
        email=email,
        password=TEST_PASSWORD,
        roles=roles,
        display_name=email.split("@")[0].title(),
        stakeholder_group=group,
    )


TEST_PASSWORD = "correct horse battery"


def shipped_rubric(session):
    """The first version of the rubric shipped in rubrics/, stored as `flask rubrics load` would."""
    return store_rubric(session, read_rubric(SHIPPED_RUBRIC)).rubric


def every_shipped_rubric(session) -> list:
    """Every rubric version in rubrics/, oldest first, stored as `flask rubrics load` does."""
    paths = sorted(SHIPPED_RUBRIC.parent.glob("*.yaml"))
    return [store_rubric(session, read_rubric(path)).rubric for path in paths]


def answered_assessment(session, rubric, process, assessor, *, level_of=None, perspective=None):
    """A draft answering every question validly: levels from ``level_of(index)``, with evidence
    (None there answers "insufficient information", without evidence)."""
    assessment = start_assessment(
        session,
        assessor,
        {"process_id": process.id, "rubric": rubric.label, "perspective": perspective},
    )
    questions = [q for pillar in rubric.pillars for q in pillar.questions]
    for index, question in enumerate(questions):
        level = (level_of or (lambda i: i % 5))(index)
        data = {
            "level": level,
            "not_applicable": False,
            "insufficient_information": level is None,
            "rationale": f"Rationale for {question.key}.",
            "change_reason": None,
            "version": None,
            "evidence": [
                {
                    "url": f"https://example.org/{question.key}",
                    "title": f"Record of {question.key}",
                    "accessed_on": date(2026, 11, 1),
                    "note": "",
                }
            ]
            if level is not None
            else [],
        }
        save_answer(session, assessor, assessment, question.key, data)
    session.flush()
    return assessment


def published_assessment(session, rubric, process, assessor, reviewer, **options):
    """An assessment answered, submitted and published through the services."""
    assessment = answered_assessment(session, rubric, process, assessor, **options)
    submit(session, assessor, assessment)
    publish(session, reviewer, assessment)
    session.flush()
    return assessment


def stored_event(
    session, action: str, subject, *, at: datetime, actor=None, before=None, after=None
):
    """An audit event about ``subject`` (a process, assessment or user) at a given moment."""
    event = AuditEvent(
        action=action,
        subject_type=action.split(".")[0] if action.split(".")[0] != "answer" else "assessment",
        subject_id=subject.id,
        occurred_at=at,
        actor_id=actor.id if actor is not None else None,
        before=before,
        after=after,
    )
    session.add(event)
    session.flush()
    return event
