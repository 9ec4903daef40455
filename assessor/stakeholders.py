"""Stakeholder groups: the roles of Tunis Agenda para 35 plus those the sources add."""

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

# Keys are stored and sent by the API; labels are read in the reader's language.
STAKEHOLDER_GROUPS: dict[str, LazyString] = {
    "government": _l("Government"),
    "private_sector": _l("Private sector"),
    "civil_society": _l("Civil society"),
    "technical_community": _l("Technical community"),
    "academia": _l("Academia"),
    "intergovernmental": _l("Intergovernmental or international organization"),
}


def stakeholder_label(group: str | None) -> str:
    """The readable name of a stakeholder group key, in the language being rendered."""
    if group is None:
        return gettext("not stated")
    label = STAKEHOLDER_GROUPS.get(group)
    return str(label) if label is not None else group
