"""The words pages use for roles: a name, what the role does, and the role in a sentence."""

from flask_babel import lazy_gettext as _l

from assessor.languages.messages import N_
from assessor.users.models import ROLES

ROLE_LABELS = {
    "admin": _l("Admin"),
    "assessor": _l("Assessor"),
    "reviewer": _l("Reviewer"),
}

ROLE_DUTIES = {
    "admin": _l("manages users and their roles"),
    "assessor": _l("assesses processes against a rubric"),
    "reviewer": _l("reviews, returns and publishes assessments"),
}

# A role inside a refusal: "This needs the role reviewer."
ROLE_WORDS = {
    "admin": N_("admin"),
    "assessor": N_("assessor"),
    "reviewer": N_("reviewer"),
}


def role_labels(roles) -> list[str]:
    """The names of ``roles`` in the reader's language, in the order given."""
    return [str(ROLE_LABELS.get(role, role)) for role in roles]


def role_choices() -> list[tuple[str, str, str]]:
    """Each role as a form offers it: its key, its name and what it does."""
    return [(role, str(ROLE_LABELS[role]), str(ROLE_DUTIES[role])) for role in ROLES]
