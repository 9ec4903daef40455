"""One way of writing each kind of date across the pages, in the reader's language: a day as
"24 October 2013" ("24 octobre 2013"), a moment to the minute with its time zone as
"Nov 23, 2026, 6:22 PM UTC" ("23 nov. 2026, 18:22 UTC")."""

import html
import re

import pytest

from tests.factories import published_assessment, stored_process, stored_rubric, stored_user
from tests.users.helpers import sign_in

MONTHS = {
    "en": "January February March April May June July August September October November "
    "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre janv févr avr juil sept oct nov déc",
}
MONTH_NAMES = {
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
    "fr": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
}
SHORT_MONTHS = {
    "en": "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
    "fr": r"janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.",
}
KINDS = {
    "en": {
        "day": rf"\d{{1,2}} (?:{MONTH_NAMES['en']}) \d{{4}}",
        "moment": rf"(?:{SHORT_MONTHS['en']}) \d{{1,2}}, \d{{4}}, \d{{1,2}}:\d{{2}} [AP]M UTC",
    },
    "fr": {
        "day": rf"\d{{1,2}} (?:{MONTH_NAMES['fr']}) \d{{4}}",
        "moment": rf"\d{{1,2}} (?:{SHORT_MONTHS['fr']}) \d{{4}}, \d{{2}}:\d{{2}} UTC",
    },
}


def any_date(language: str) -> re.Pattern:
    """Anything that reads as a date, however it is written: a month's name or abbreviation
    with a year, a day and a time around it; or an ISO date."""
    month = "|".join(sorted(MONTHS[language].split(), key=len, reverse=True))
    time = r"(?:,? (?:à )?\d{1,2}:\d{2}(?: [AP]M)?)?(?: UTC)?"
    month_first = rf"(?:{month})\.? \d{{1,2}}, \d{{4}}{time}"
    day_first = rf"\b\d{{1,2}} (?:{month})\.? \d{{4}}{time}"
    return re.compile(rf"{month_first}|{day_first}|\b\d{{4}}-\d{{2}}-\d{{2}}\b")


def visible_text(body: str) -> str:
    """The page's words as shown: no markup, attributes or scripts; every space a space."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def date_kinds(body: str, language: str) -> dict[str, str]:
    """Each date on the page and the kind it is written as (or "other")."""
    found = {}
    for match in any_date(language).finditer(visible_text(body)):
        kinds = [k for k, pattern in KINDS[language].items() if re.fullmatch(pattern, match[0])]
        found[match[0]] = kinds[0] if kinds else "other"
    return found


@pytest.fixture
def published(session) -> dict[str, str]:
    """The pages of a published assessment, and who may read each."""
    rubric = stored_rubric(session)
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    stored_user(session, "ada@example.org", ["admin"], None)
    process = stored_process(session)
    assessment = published_assessment(session, rubric, process, assessor, reviewer)
    session.commit()
    return {
        "assessment": f"/assessments/{assessment.id}",
        "scorecard": f"/assessments/{assessment.id}/scorecard",
        "process": f"/processes/{process.id}",
        "history": f"/assessments/{assessment.id}/history",
        "audit": "/admin/audit",
    }


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("name", "kind"),
    [("assessment", "day"), ("scorecard", "day"), ("process", "day"), ("history", "moment"),
     ("audit", "moment")],
)  # fmt: skip
def test_every_date_on_a_page_is_written_one_way_for_its_kind(
    client, published, language, name, kind
):
    sign_in(client, "ada@example.org")
    body = client.get(f"{published[name]}?lang={language}").get_data(as_text=True)
    found = date_kinds(body, language)
    assert found, f"no date found on {published[name]}"
    assert set(found.values()) == {kind}, found
