"""Everything saving an answer can say, for the questionnaire page to show translated.

The page saves each answer through the API, which answers in English for programs. The page
carries this table (English -> the page's language), and its script shows every message
through it; the page without script translates what it shows the same way.
"""

from assessor.assessments.access import NOT_THE_ASSESSOR
from assessor.assessments.answers import (
    ALWAYS_APPLIES,
    REASON_ONLY_IN_REVISIONS,
    STALE_ANSWER,
    not_editable,
)
from assessor.assessments.models import AssessmentStatus
from assessor.assessments.rules import RULE_MESSAGES
from assessor.assessments.schemas import ANSWER_SCHEMA_MESSAGES
from assessor.errors import CONCURRENT_CHANGE, EXPIRED_FORM, MESSAGES
from assessor.languages.messages import translated
from assessor.validation import NUL_REFUSED, SURROGATE_REFUSED


def answer_messages() -> list[str]:
    """The English messages a save can bring back, in the API's words."""
    return [
        *RULE_MESSAGES,
        *ANSWER_SCHEMA_MESSAGES,
        STALE_ANSWER,
        ALWAYS_APPLIES,
        REASON_ONLY_IN_REVISIONS,
        NOT_THE_ASSESSOR,
        *(not_editable(status) for status in AssessmentStatus if status != AssessmentStatus.DRAFT),
        NUL_REFUSED,
        SURROGATE_REFUSED,
        CONCURRENT_CHANGE,
        EXPIRED_FORM,
        *MESSAGES.values(),
    ]


def answer_message_translations() -> dict[str, str]:
    """English message -> the same in the page's language, with and without a full stop
    (field messages lose theirs)."""
    table: dict[str, str] = {}
    for message in answer_messages():
        english, shown = str(message), translated(message)
        table[english] = shown
        table.setdefault(english.rstrip("."), shown.rstrip("."))
    return table


def shown_messages(messages: dict[str, list[str]], table: dict[str, str]) -> dict[str, list[str]]:
    """Messages keyed by field, each in the page's language where the table knows it."""
    return {
        path: [table.get(str(message)) or translated(message) for message in found]
        for path, found in messages.items()
    }
