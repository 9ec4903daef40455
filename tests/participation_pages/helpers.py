"""What the participation page tests share: the people, a process, a stored record, forms."""

from assessor.participation.records import create_record

SOURCE = {
    "body": "Opening plenary",
    "source_url": "https://example.org/report",
    "source_title": "IGF 2013 Workshop #41 report",
    "accessed_on": "2026-11-01",
    "note": "Counted from the session form.",
}
RECORD_FORM = {
    **SOURCE,
    "stage": "agenda_setting",
    "counts.gender.female": "48",
    "counts.gender.male": "52",
    "counts.gender.unknown": "7",
    "counts.stakeholder_group.government": "",
}


def stored_record(session, editor, process, **values):
    """A draft of ``process`` with gender counts, committed."""
    record = create_record(
        session,
        editor,
        process,
        {
            "stage": "agenda_setting",
            "source_url": "https://example.org/report",
            "source_title": "Report",
            "counts": {"gender": {"female": 3, "male": 4}},
            **values,
        },
    )
    session.commit()
    return record
