"""The site's main pages with something on each, for tests that look at every one of them."""

from dataclasses import dataclass

from assessor.assessments.service import start_assessment
from assessor.participation.records import create_record, publish_record
from assessor.scorecards.models import BatchDownload
from tests.factories import (
    TEST_PASSWORD,
    published_assessment,
    stored_process,
    stored_rubric,
    stored_user,
)

ASSESSOR = "ana@example.org"
DISPUTED_QUESTION = "openness.open_participation"


@dataclass(frozen=True)
class SitePage:
    """A page by name (the screenshot's file name), its address, and whether it needs an account."""

    name: str
    path: str
    signed_in: bool = False


# Who took part at two stages: the process page, the scorecards and the comparison show the
# indices, a table per dimension and the funnel.
PARTICIPATION = {
    "agenda_setting": {
        "stakeholder_group": {"government": 12, "civil_society": 30, "academia": 9, "unknown": 4},
        "regional_group": {"african": 14, "asia_pacific": 12, "western_european_others": 25},
        "gender": {"female": 26, "male": 27, "another_or_undisclosed": 2},
    },
    "decision_making": {
        "stakeholder_group": {"government": 6, "civil_society": 1},
        "regional_group": {"western_european_others": 5, "african": 2},
    },
}


def publish_counts(session, editor, process) -> None:
    for stage, counts in PARTICIPATION.items():
        record = create_record(
            session,
            editor,
            process,
            {
                "stage": stage,
                "counts": counts,
                "source_url": "https://example.org/attendance",
                "source_title": "Attendance <list> & seats",
            },
        )
        publish_record(session, editor, record, based_on=record.row_version)


def seed_site(session, base_url: str) -> list[SitePage]:
    """Two published scorecards of one process that disagree on a question, a draft of another,
    and a batch waiting for its worker; the main pages showing them."""
    rubric = stored_rubric(session)
    assessor = stored_user(session, ASSESSOR, ["assessor"])
    other = stored_user(session, "ola@example.org", ["assessor"], "government")
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    process = stored_process(
        session,
        name="IGF 2013 Workshop #41: Principles of multistakeholder/enhanced cooperation",
        created_by_id=assessor.id,
    )
    publish_counts(session, assessor, process)
    first = published_assessment(
        session, rubric, process, assessor, reviewer, level_of=lambda index: index % 5
    )
    second = published_assessment(
        session, rubric, process, other, reviewer, level_of=lambda index: 4
    )
    draft_process = stored_process(session, name="National IGF consultation 2026")
    draft = start_assessment(
        session, assessor, {"process_id": draft_process.id, "rubric": rubric.label}
    )
    batch = BatchDownload(
        assessment_ids=[first.id, second.id], total=2, done=0, base_url=f"{base_url}/"
    )
    session.add(batch)
    session.commit()
    return [
        SitePage("home", "/"),
        SitePage("rubrics", "/rubrics"),
        SitePage("rubric", f"/rubrics/{rubric.slug}/{rubric.version}"),
        SitePage("processes", "/processes"),
        SitePage("process", f"/processes/{process.id}"),
        SitePage("scorecards", "/scorecards"),
        SitePage("scorecard", f"/assessments/{first.id}/scorecard"),
        SitePage("ratings", f"/assessments/{first.id}/scorecard/ratings/{DISPUTED_QUESTION}"),
        SitePage("comparison", f"/compare?ids={first.id},{second.id}"),
        SitePage("data", "/data"),
        SitePage("methodology", "/methodology"),
        SitePage("api", "/api"),
        SitePage("sign-in", "/sign-in"),
        SitePage("assessment", f"/assessments/{first.id}"),
        SitePage("batch", f"/scorecards/batches/{batch.id}"),
        SitePage("questionnaire", f"/assessments/{draft.id}/pillars/openness", signed_in=True),
        SitePage("profile", "/profile", signed_in=True),
    ]


PAGE_NAMES = [
    "home", "rubrics", "rubric", "processes", "process", "scorecards", "scorecard", "ratings",
    "comparison", "data", "methodology", "api", "sign-in", "assessment", "batch",
    "questionnaire", "profile",
]  # fmt: skip


def open_site_page(page, session, live_server: str, name: str) -> SitePage:
    """Seed the site, sign in if the page needs it, and open the page called ``name``."""
    pages = seed_site(session, live_server)
    wanted = next(site_page for site_page in pages if site_page.name == name)
    if wanted.signed_in:
        sign_in(page, ASSESSOR)
    response = page.goto(wanted.path)
    assert response.status == 200, wanted.path
    return wanted


def sign_in(page, email: str) -> None:
    page.goto("/sign-in")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()
