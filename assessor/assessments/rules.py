"""When an answer is complete enough to submit: rationale and evidence requirements.

Answers are saved whatever their state, so that no work is lost; these rules say what is
still needed, next to the field, and they gate submission.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessor.languages.messages import N_

RATIONALE_NEEDED = N_("Explain the answer: a rationale is required for this choice.")
EVIDENCE_NEEDED = N_("Add at least one evidence item: this level requires evidence.")
UNANSWERED = N_("Not answered yet.")
REASON_OF_CHANGE_NEEDED = N_(
    "This answer differs from the published version: say why it changed "
    "(improvement, decline, correction or new evidence)."
)
RULE_MESSAGES = (RATIONALE_NEEDED, EVIDENCE_NEEDED, UNANSWERED, REASON_OF_CHANGE_NEEDED)


@dataclass(frozen=True, slots=True)
class AnswerState:
    """What the rules look at in an answer, whether stored or about to be."""

    level: int | None
    not_applicable: bool
    insufficient_information: bool
    rationale: str
    evidence_count: int


def answer_problems(state: AnswerState, evidence_threshold: int) -> dict[str, list[str]]:
    """What an answer still lacks, keyed by field (empty when it may be submitted)."""
    problems: dict[str, list[str]] = {}
    needs_evidence = state.level is not None and state.level >= evidence_threshold
    needs_rationale = state.not_applicable or state.insufficient_information or needs_evidence
    if needs_rationale and not state.rationale.strip():
        problems["rationale"] = [RATIONALE_NEEDED]
    if needs_evidence and state.evidence_count == 0:
        problems["evidence"] = [EVIDENCE_NEEDED]
    return problems


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
                message for messages in found.values() for message in messages
            ]
    return problems
