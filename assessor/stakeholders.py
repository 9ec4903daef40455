"""Stakeholder groups: the roles of Tunis Agenda para 35 plus those the sources add."""

STAKEHOLDER_GROUPS: dict[str, str] = {
    "government": "Government",
    "private_sector": "Private sector",
    "civil_society": "Civil society",
    "technical_community": "Technical community",
    "academia": "Academia",
    "intergovernmental": "Intergovernmental or international organization",
}


def stakeholder_label(group: str | None) -> str:
    """The readable name of a stakeholder group key ("not stated" when empty)."""
    if group is None:
        return "not stated"
    return STAKEHOLDER_GROUPS.get(group, group)
