"""The words pages use for an assessment's statuses and for why an answer changed.

Labels are lazy: read in the language of the page that shows them. Status words are
``N_`` messages, for refusals that name a status: English in the API, translated on pages.
"""

from flask_babel import lazy_gettext as _l

from assessor.assessments.models import AssessmentStatus
from assessor.languages.messages import N_, translated

STATUS_LABELS = {
    AssessmentStatus.DRAFT: _l("Draft"),
    AssessmentStatus.SUBMITTED: _l("Submitted"),
    AssessmentStatus.PUBLISHED: _l("Published"),
    AssessmentStatus.WITHDRAWN: _l("Withdrawn"),
}

# A status inside a sentence: "this one is draft".
STATUS_WORDS = {
    AssessmentStatus.DRAFT: N_("draft"),
    AssessmentStatus.SUBMITTED: N_("submitted"),
    AssessmentStatus.PUBLISHED: N_("published"),
    AssessmentStatus.WITHDRAWN: N_("withdrawn"),
}

CHANGE_REASON_LABELS = {
    "improvement": _l("Improvement"),
    "decline": _l("Decline"),
    "correction": _l("Correction"),
    "new_evidence": _l("New evidence"),
}


def status_label(status: str) -> str:
    """An assessment's status as a page names it: "Draft", "Brouillon"."""
    label = STATUS_LABELS.get(status)
    return str(label) if label is not None else status


def status_word(status: str) -> str:
    """An assessment's status inside a sentence: "draft", "brouillon"."""
    word = STATUS_WORDS.get(status)
    return translated(word) if word is not None else status
