"""When an answer is complete enough to submit: rationale and evidence requirements.

Answers are saved whatever their state, so that no work is lost; these rules say what is
still needed, next to the field, and they gate submission.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assessor.languages.messages import N_

RATIONALE_NEEDED = N_("Explain the answer: a rationale is required for this choice.")
EVIDENCE_NEEDED = N_("Add at least one evidence item: this level requires evidence.")
UNANSWERED = N_("Not answered yet.")
REASON_OF_CHANGE_NEEDED = N_(
    "This answer differs from the published version: say why it changed "
    "(improvement, decline, correction or new evidence)."
)
RULE_MESSAGES = (RATIONALE_NEEDED, EVIDENCE_NEEDED, UNANSWERED, REASON_OF_CHANGE_NEEDED)
EVIDENCE_FIELD_NAMES = {
    "url": N_("address"),
    "title": N_("title"),
    "accessed_on": N_("accessed on"),
    "note": N_("note"),
}
EVIDENCE_ROW_PATH = re.compile(r"^evidence\[(\d+)\]\.(\w+)$")


@dataclass(frozen=True, slots=True)
class AnswerState:
    """What the rules look at in an answer, whether stored or about to be."""

    level: int | None
    not_applicable: bool
    insufficient_information: bool
    rationale: str
    evidence_count: int
    # What each unfinished evidence row lacks, keyed ``evidence[<position>].<field>``.
    unfinished_evidence: Mapping[str, list[str]] = field(default_factory=dict)


def answer_problems(state: AnswerState, evidence_threshold: int) -> dict[str, list[str]]:
    """What an answer still lacks, keyed by field (empty when it may be submitted)."""
    problems: dict[str, list[str]] = {}
    needs_evidence = state.level is not None and state.level >= evidence_threshold
    needs_rationale = state.not_applicable or state.insufficient_information or needs_evidence
    if needs_rationale and not state.rationale.strip():
        problems["rationale"] = [RATIONALE_NEEDED]
    # An unfinished row is evidence on its way: what it lacks is said of it instead.
    if needs_evidence and state.evidence_count == 0 and not state.unfinished_evidence:
        problems["evidence"] = [EVIDENCE_NEEDED]
    problems.update(state.unfinished_evidence)
    return problems


def described(path: str, message: str) -> str:
    """A field's message said on its own, naming the evidence row it is about."""
    row = EVIDENCE_ROW_PATH.match(path)
    if row is None:
        return message
    return N_(
        "Evidence item %(number)s, %(field)s: %(message)s",
        number=int(row[1]) + 1,
        field=EVIDENCE_FIELD_NAMES.get(row[2], row[2]),
        message=message,
    )


@dataclass(frozen=True, slots=True)
class QuestionRule:
    key: str
    evidence_threshold: int


def submission_problems(
    questions: Sequence[QuestionRule], answers: Mapping[str, AnswerState]
) -> dict[str, list[str]]:
    """Every problem that blocks submission, keyed by question key, in rubric order."""
    problems: dict[str, list[str]] = {}
    for question in questions:
        state = answers.get(question.key)
        if state is None:
            problems[question.key] = [UNANSWERED]
            continue
        found = answer_problems(state, question.evidence_threshold)
        if found:
            problems[question.key] = [
                described(path, message) for path, messages in found.items() for message in messages
            ]
    return problems
