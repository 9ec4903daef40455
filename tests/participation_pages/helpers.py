"""What the participation page tests share: the people, a process, a stored record, forms."""

from html.parser import HTMLParser

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


class FormReader(HTMLParser):
    """The fields of a page's post form as a browser would send them (no button)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self.select: str | None = None
        self.textarea: str | None = None
        self.ended = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        name = found.get("name")
        if self.ended:
            return
        if tag == "input" and name and found.get("type") != "file":
            self.values[name] = found.get("value") or ""
        elif tag == "select":
            self.select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in found:
            self.values[self.select] = found.get("value") or ""
        elif tag == "textarea":
            self.textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.ended = True
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea and not self.ended:
            self.values[self.textarea] += data


def form_fields(page: str) -> dict[str, str]:
    """The values a browser would post from ``page``'s form, hidden fields included."""
    reader = FormReader()
    reader.feed(page[page.index('<form method="post" class="stacked"') :])
    return reader.values
