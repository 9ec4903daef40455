"""Process pages: the list with search, filters and pages; the forms; one process."""

import re
from contextlib import contextmanager
from datetime import date

import pytest
from marshmallow import ValidationError
from sqlalchemy import event, func, select

from assessor.assessments.answers import save_answer
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import publish, submit, withdraw
from assessor.audit import AuditEvent
from assessor.db import db
from assessor.pagination import ListPage
from assessor.processes.forms import ProcessFormSchema
from assessor.processes.models import Process
from assessor.processes.schemas import ProcessInSchema
from assessor.processes.service import update_process
from tests.factories import TEST_PASSWORD, stored_process, stored_rubric, stored_user
from tests.users.helpers import FROM_THE_SITE

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')
EVIDENCE = [{"url": "https://example.org/minutes", "title": "Minutes", "accessed_on": None}]
NO_ANSWER = {
    "level": None,
    "not_applicable": False,
    "insufficient_information": False,
    "rationale": "",
    "change_reason": None,
    "evidence": [],
    "version": None,
}
# Every question of tests.factories.rubric_document() answered; the overall score is 50.0.
ANSWERS = {
    "openness.open_participation": {"level": 3, "rationale": "Open.", "evidence": EVIDENCE},
    "openness.remote_participation": {"level": 1, "rationale": "Some."},
    "transparency.public_documents": {"level": 2, "rationale": "Some.", "evidence": EVIDENCE},
    "transparency.decision_rationale": {"level": 2, "rationale": "Some.", "evidence": EVIDENCE},
}
VALID_FORM = {
    "name": "ICANN GNSO policy development process",
    "convening_organization": "ICANN",
    "description": "How generic names policy is made.",
    "public_url": "https://gnso.icann.org/",
    "scope": "global",
    "layer": "of_the_internet",
    "starts_on": "2019-01-15",
    "ends_on": "",
}


@pytest.fixture
def users(session):
    """One user per kind of visitor that the pages treat differently."""
    made = {
        "assessor": stored_user(session, "assessor@example.org", ["assessor"]),
        "other_assessor": stored_user(session, "other@example.org", ["assessor"], "government"),
        "reviewer": stored_user(session, "reviewer@example.org", ["reviewer"], "academia"),
        "admin": stored_user(session, "admin@example.org", ["admin"], None),
        "no_role": stored_user(session, "reader@example.org", []),
    }
    session.commit()
    return made


def csrf_token(client, path: str) -> str | None:
    """The token of the client's session on the page at ``path``; None without a session."""
    match = CSRF_INPUT.search(client.get(path).get_data(as_text=True))
    return match[1] if match else None


def sign_in(client, user) -> None:
    """Sign in through the real form, as session protection expects."""
    token = csrf_token(client, "/sign-in")
    form = {
        "email": user.email,
        "password": TEST_PASSWORD,
        **({"csrf_token": token} if token else {}),
    }
    response = client.post("/sign-in", data=form, headers=FROM_THE_SITE)
    assert response.status_code == 302


def post_form(client, path: str, values: dict):
    return client.post(path, data={**values, "csrf_token": csrf_token(client, path)})


def text_of(response) -> str:
    return response.get_data(as_text=True)


def published_assessment(session, process, assessor, reviewer):
    """An assessment of ``process`` answered in full, submitted and published."""
    assessment = start_assessment(
        session, assessor, {"process_id": process.id, "rubric": "sample-rubric@1.0.0"}
    )
    for key, answer in ANSWERS.items():
        save_answer(session, assessor, assessment, key, {**NO_ANSWER, **answer})
    submit(session, assessor, assessment)
    publish(session, reviewer, assessment)
    session.commit()
    return assessment


def draft_assessment(session, process, assessor):
    assessment = start_assessment(
        session, assessor, {"process_id": process.id, "rubric": "sample-rubric@1.0.0"}
    )
    session.commit()
    return assessment


@contextmanager
def counted_statements():
    """Count the SQL statements sent while the block runs."""
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


# The list: search, filters, pages, empty states, bad query values


def test_list_shows_every_process_with_its_labels(client, session):
    stored_process(session, name="IGF 2013", scope="global", layer="of_the_internet")
    stored_process(session, name="Brazil Marco Civil", scope="national", layer="on_the_internet")
    session.commit()
    page = text_of(client.get("/processes"))
    assert "IGF 2013" in page and "Brazil Marco Civil" in page
    assert "Governance on the Internet" in page and "National" in page
    assert "2 processes" in page


def test_search_matches_names_and_descriptions(client, session):
    stored_process(session, name="IGF 2013", description="A roundtable in Bali.")
    stored_process(session, name="NETmundial", description="São Paulo meeting.")
    session.commit()
    page = text_of(client.get("/processes?q=bali"))
    assert "IGF 2013" in page and "NETmundial" not in page
    assert 'value="bali"' in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("scope=national", "Marco Civil", "IGF 2013"),
        ("layer=on_the_internet", "Marco Civil", "IGF 2013"),
        ("organization=cgi.br", "Marco Civil", "IGF 2013"),
    ],
)
def test_filters_narrow_the_list(client, session, query, shown, hidden):
    stored_process(session, name="IGF 2013", convening_organization="UN DESA")
    stored_process(
        session,
        name="Marco Civil",
        convening_organization="CGI.br",
        scope="national",
        layer="on_the_internet",
    )
    session.commit()
    page = text_of(client.get(f"/processes?{query}"))
    assert shown in page and hidden not in page


def test_filter_selects_offer_each_organization_once_and_keep_the_choice(client, session):
    stored_process(session, name="A", convening_organization="ISOC")
    stored_process(session, name="B", convening_organization="ISOC")
    stored_process(session, name="C", convening_organization="ITU")
    session.commit()
    page = text_of(client.get("/processes?organization=ITU&scope=regional"))
    assert page.count('<option value="ISOC">') == 1
    assert '<option value="ITU" selected>' in page
    assert '<option value="regional" selected>' in page


def test_blank_filters_from_the_form_are_ignored(client, session):
    stored_process(session, name="IGF 2013")
    session.commit()
    page = text_of(client.get("/processes?q=&organization=&scope=&layer="))
    assert "IGF 2013" in page
    assert "ignored" not in page
    assert "Clear the filters" not in page


def test_list_pages_by_twenty_with_links_that_keep_the_filters(client, session):
    for number in range(45):
        stored_process(session, name=f"Process {number:02d}", scope="regional")
    session.commit()
    page = text_of(client.get("/processes?scope=regional&page=2"))
    assert "Page 2 of 3" in page
    assert "45 processes" in page
    assert "Process 20" in page and "Process 39" in page
    assert "Process 19" not in page and "Process 40" not in page
    assert 'href="/processes?page=2&amp;scope=regional" aria-current="page"' in page
    assert 'href="/processes?page=3&amp;scope=regional" rel="next"' in page
    assert 'href="/processes?page=1&amp;scope=regional" rel="prev"' in page


@pytest.mark.parametrize(
    ("number", "last", "links"),
    [
        (1, 1, [1]),
        (1, 4, [1, 2, 3, 4]),
        (5, 10, [1, None, 3, 4, 5, 6, 7, None, 10]),
        (10, 10, [1, None, 8, 9, 10]),
    ],
)
def test_page_links_show_the_ends_and_the_neighbours(number, last, links):
    assert ListPage([], number, last, last * 20, number).links == links


def test_a_page_beyond_the_last_shows_the_last(client, session):
    for number in range(21):
        stored_process(session, name=f"Process {number:02d}")
    session.commit()
    page = text_of(client.get("/processes?page=7"))
    assert "There is no page 7" in page
    assert "Page 2 of 2" in page and "Process 20" in page


def test_no_process_at_all_says_so_and_offers_to_describe_one(client, users):
    sign_in(client, users["assessor"])
    page = text_of(client.get("/processes"))
    assert "No process has been described yet." in page
    assert 'href="/processes/new"' in page


def test_visitors_are_not_offered_to_describe_a_process(client, users):
    sign_in(client, users["reviewer"])
    page = text_of(client.get("/processes"))
    assert "No process has been described yet." in page
    assert 'href="/processes/new"' not in page


def test_no_match_says_so_and_offers_to_clear_the_filters(client, session):
    stored_process(session, name="IGF 2013")
    session.commit()
    page = text_of(client.get("/processes?q=nothing+like+this"))
    assert "No process matches this search." in page
    assert "Clear the filters" in page


@pytest.mark.parametrize(
    ("query", "ignored"),
    [
        ("page=abc", "Page: Not a valid integer"),
        ("page=0", "Page: must be 1 or more"),
        ("scope=planetary", "Scope: must be one of"),
        ("layer=under_the_internet", "Layer: must be one of"),
        ("q=" + "x" * 201, "Search: must be at most 200 characters"),
    ],
)
def test_bad_query_values_are_ignored_with_a_notice(client, session, query, ignored):
    stored_process(session, name="IGF 2013")
    session.commit()
    response = client.get(f"/processes?{query}")
    assert response.status_code == 200
    assert "Part of the search was ignored" in text_of(response)
    assert ignored in text_of(response)
    assert "IGF 2013" in text_of(response)


@pytest.mark.parametrize(
    "query", ["page=99999999999999999999999", "per_page=1000", "utm_source=x", "page=-1&page=2"]
)
def test_odd_query_strings_still_show_the_list(client, session, query):
    stored_process(session, name="IGF 2013")
    session.commit()
    response = client.get(f"/processes?{query}")
    assert response.status_code == 200
    assert "IGF 2013" in text_of(response)


def test_valid_filters_stay_when_another_is_ignored(client, session):
    stored_process(session, name="IGF 2013")
    stored_process(session, name="Marco Civil", scope="national")
    session.commit()
    page = text_of(client.get("/processes?scope=national&page=x"))
    assert "Marco Civil" in page and "IGF 2013" not in page


# The forms: access, creating, editing, validation


@pytest.fixture
def process(session, users):
    """A process the assessor described (who else may edit it: tests/test_page_access.py)."""
    made = stored_process(session, created_by_id=users["assessor"].id)
    session.commit()
    return made


@pytest.mark.parametrize("route", ["new", "edit"])
def test_anonymous_visitors_are_sent_to_sign_in(client, process, route):
    path = "/processes/new" if route == "new" else f"/processes/{process.id}/edit"
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


def test_a_reviewer_cannot_post_a_process(client, users):
    sign_in(client, users["reviewer"])
    token = csrf_token(client, "/processes")
    response = client.post("/processes/new", data={**VALID_FORM, "csrf_token": token})
    assert response.status_code == 403
    assert db.session.scalar(select(Process)) is None


def test_a_post_without_its_security_token_is_refused(client, users):
    sign_in(client, users["assessor"])
    assert client.post("/processes/new", data=VALID_FORM).status_code == 400


def test_every_form_carries_the_security_token(client, users, process):
    sign_in(client, users["admin"])
    for path in ("/processes/new", f"/processes/{process.id}/edit"):
        assert '<input type="hidden" name="csrf_token"' in text_of(client.get(path))


def test_creating_a_process_shows_it_with_a_confirmation(client, users):
    sign_in(client, users["assessor"])
    response = post_form(client, "/processes/new", VALID_FORM)
    stored = db.session.scalars(select(Process)).one()
    assert response.status_code == 302
    assert response.headers["Location"] == f"/processes/{stored.id}?saved=1"
    assert stored.created_by_id == users["assessor"].id
    assert stored.ends_on is None and stored.starts_on == date(2019, 1, 15)
    page = text_of(client.get(response.headers["Location"]))
    assert '<p class="confirmation" role="status">The process has been saved.</p>' in page


def test_editing_a_process_saves_the_changes_and_audits_them(client, users, process):
    sign_in(client, users["admin"])
    values = {**VALID_FORM, "name": "IGF 2013 Workshop #41, Bali"}
    response = post_form(client, f"/processes/{process.id}/edit", values)
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Process, process.id).name == "IGF 2013 Workshop #41, Bali"
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "process.updated"))
    assert "name" in event.one().after


def test_emptying_an_optional_field_clears_it(client, users, session):
    process = stored_process(
        session,
        public_url="https://example.org/",
        description="Old.",
        created_by_id=users["assessor"].id,
    )
    session.commit()
    sign_in(client, users["assessor"])
    values = {**VALID_FORM, "public_url": "", "description": "", "starts_on": ""}
    assert post_form(client, f"/processes/{process.id}/edit", values).status_code == 302
    db.session.expire_all()
    stored = db.session.get(Process, process.id)
    assert (stored.public_url, stored.description, stored.starts_on) == (None, "", None)


def test_an_edit_based_on_an_older_record_is_refused_with_what_was_typed_kept(
    client, users, session
):
    sign_in(client, users["assessor"])
    post_form(client, "/processes/new", VALID_FORM)
    process = session.scalars(select(Process)).one()
    path = f"/processes/{process.id}/edit"
    assert 'name="version" value="1"' in text_of(client.get(path))
    update_process(session, users["admin"], process, {"name": "Renamed meanwhile"})
    session.commit()
    mine = {**VALID_FORM, "description": "Described my way.", "version": "1"}
    response = client.post(path, data={**mine, "csrf_token": csrf_token(client, path)})
    assert response.status_code == 409
    page = text_of(response)
    assert "Someone changed this process" in page
    assert '<a href="#field-name">Name</a>: “Renamed meanwhile”' in page
    assert "Described my way.</textarea>" in page
    assert 'name="version" value="2"' in page
    session.expire_all()
    assert session.get(Process, process.id).name == "Renamed meanwhile"
    again = client.post(path, data={**mine, "version": "2", "csrf_token": csrf_token(client, path)})
    assert again.status_code == 302
    session.expire_all()
    assert session.get(Process, process.id).description == "Described my way."


def test_a_refused_edit_takes_the_other_change_where_the_editor_left_a_field_alone(
    client, users, session
):
    sign_in(client, users["assessor"])
    post_form(client, "/processes/new", VALID_FORM)
    process = session.scalars(select(Process)).one()
    path = f"/processes/{process.id}/edit"
    changes = {"name": "Renamed meanwhile", "description": "Theirs."}
    update_process(session, users["admin"], process, changes)
    session.commit()
    mine = {**VALID_FORM, "description": "Mine.", "scope": "regional", "version": "1"}
    response = client.post(path, data={**mine, "csrf_token": csrf_token(client, path)})
    assert response.status_code == 409
    page = text_of(response)
    notice = page[page.index('class="meanwhile-taken"') : page.index('<form method="post"')]
    taken, clashing = notice.split('class="meanwhile-clashing"')
    assert "“Renamed meanwhile”" in taken and "Description" not in taken
    assert '<a href="#field-description">Description</a>: “Theirs.”' in clashing
    assert "Scope" not in notice
    # Saving the form as shown keeps both changes: the other name, my description and scope.
    assert 'value="Renamed meanwhile"' in page
    assert "Mine.</textarea>" in page
    shown = {**mine, "name": "Renamed meanwhile", "version": "2"}
    again = client.post(path, data={**shown, "csrf_token": csrf_token(client, path)})
    assert again.status_code == 302
    session.expire_all()
    stored = session.get(Process, process.id)
    stored_values = (stored.name, stored.description, stored.scope)
    assert stored_values == ("Renamed meanwhile", "Mine.", "regional")


@pytest.mark.parametrize("version", ["²", "9" * 40, "-1", "one"])
def test_a_strange_version_is_treated_as_none_given(client, users, process, version):
    sign_in(client, users["admin"])
    values = {**VALID_FORM, "description": "Described anew.", "version": version}
    assert post_form(client, f"/processes/{process.id}/edit", values).status_code == 302


def test_the_edit_form_starts_with_the_stored_values(client, users, process):
    sign_in(client, users["assessor"])
    page = text_of(client.get(f"/processes/{process.id}/edit"))
    assert 'value="IGF 2013 Workshop #41"' in page
    assert 'value="2013-10-24"' in page
    assert '<option value="global" selected>' in page


def test_invalid_fields_are_listed_and_marked_with_the_values_kept(client, users):
    sign_in(client, users["assessor"])
    values = {**VALID_FORM, "name": "  ", "public_url": "gnso.icann.org", "scope": "planetary"}
    response = post_form(client, "/processes/new", values)
    page = text_of(response)
    assert response.status_code == 422
    assert "Please correct 3 problems" in page
    assert '<a href="#field-name">Name: must not be blank</a>' in page
    assert '<a href="#field-public_url">Public web address: must be an http or https URL' in page
    assert 'aria-invalid="true" aria-describedby="field-scope-error"' in page
    assert 'id="field-scope-error">must be one of' in page
    assert 'value="gnso.icann.org"' in page
    assert 'value="ICANN"' in page
    assert db.session.scalar(select(Process)) is None


def test_missing_choices_are_named(client, users):
    sign_in(client, users["assessor"])
    values = {**VALID_FORM, "scope": "", "layer": ""}
    page = text_of(post_form(client, "/processes/new", values))
    assert "Scope: choose a scope" in page
    assert "Layer: choose a layer" in page


def test_an_end_before_the_start_is_refused_beside_the_end_date(client, users, process):
    sign_in(client, users["assessor"])
    values = {**VALID_FORM, "starts_on": "2020-05-02", "ends_on": "2020-05-01"}
    response = post_form(client, f"/processes/{process.id}/edit", values)
    assert response.status_code == 422
    assert 'id="field-ends_on-error">must be on or after starts_on (2020-05-02)' in text_of(
        response
    )
    db.session.expire_all()
    assert db.session.get(Process, process.id).starts_on == date(2013, 10, 24)


def test_empty_required_fields_say_what_to_do(client, users):
    sign_in(client, users["assessor"])
    page = text_of(post_form(client, "/processes/new", {**VALID_FORM, "name": ""}))
    assert '<a href="#field-name">Name: must not be blank</a>' in page


def test_form_messages_leave_the_api_messages_alone():
    with pytest.raises(ValidationError) as form_error:
        ProcessFormSchema().load({})
    with pytest.raises(ValidationError) as api_error:
        ProcessInSchema().load({})
    assert form_error.value.messages["scope"] == ["choose a scope"]
    assert api_error.value.messages["scope"] == ["Missing data for required field."]


def test_a_date_not_in_iso_form_is_refused(client, users):
    sign_in(client, users["assessor"])
    page = text_of(post_form(client, "/processes/new", {**VALID_FORM, "starts_on": "15/01/2019"}))
    assert "Start date: must be a date such as 2013-10-24" in page
    assert 'value="15/01/2019"' in page


def test_text_with_a_nul_character_is_refused(client, users):
    sign_in(client, users["assessor"])
    response = post_form(client, "/processes/new", {**VALID_FORM, "name": "IGF\x00"})
    assert response.status_code == 422
    assert "name: Text may not contain the NUL character" in text_of(response)


@pytest.mark.parametrize("query", ["q=bali%00", "organization=%00"])
def test_a_nul_character_in_the_search_is_refused_not_a_server_error(client, session, query):
    response = client.get(f"/processes?{query}")
    assert response.status_code == 422
    assert "Text may not contain the NUL character" in text_of(response)


def test_editing_an_unknown_process_is_not_found(client, users):
    sign_in(client, users["assessor"])
    assert client.get("/processes/999/edit").status_code == 404


# One process with its assessments


@pytest.fixture
def assessed(session, users, process):
    """The process with one published, one withdrawn and one draft assessment."""
    stored_rubric(session)
    shown = published_assessment(session, process, users["assessor"], users["reviewer"])
    withdrawn = published_assessment(session, process, users["assessor"], users["reviewer"])
    withdraw(session, users["admin"], withdrawn, "The evidence was not public.")
    draft = draft_assessment(session, process, users["assessor"])
    session.commit()
    return {"published": shown.id, "withdrawn": withdrawn.id, "draft": draft.id}


def test_process_page_shows_every_field(client, session):
    process = stored_process(session, public_url="https://www.intgovforum.org/")
    session.commit()
    page = text_of(client.get(f"/processes/{process.id}"))
    assert "<h1>IGF 2013 Workshop #41</h1>" in page
    assert "APC, Government of Brazil, ICC BASIS and ISOC" in page
    assert "A roundtable in Bali." in page
    assert "Governance of the Internet" in page and "Global" in page
    assert '<time datetime="2013-10-24">24 October 2013</time>' in page
    assert 'href="https://www.intgovforum.org/" rel="nofollow noopener"' in page


def test_unknown_process_is_not_found(client):
    assert client.get("/processes/999").status_code == 404


def test_published_assessments_show_their_score_band_and_perspective(client, assessed):
    page = text_of(client.get("/processes/1"))
    row = page.split(f'/assessments/{assessed["published"]}/scorecard"', 1)[1].split("</tr>")[0]
    assert "Assessor" in row and "Civil society" in row and "sample-rubric@1.0.0" in row
    assert '<td class="score">50.0 <span class="band">Partial</span></td>' in row


def test_withdrawn_assessments_are_marked_with_the_reason(client, assessed):
    page = text_of(client.get("/processes/1"))
    row = page.split(f'/assessments/{assessed["withdrawn"]}/scorecard"', 1)[1].split("</tr>")[0]
    assert "Withdrawn</span>" in row
    assert "The evidence was not public." in row


def test_anonymous_visitors_see_no_drafts(client, assessed):
    page = text_of(client.get("/processes/1"))
    assert f'/assessments/{assessed["draft"]}"' not in page
    assert "Assessments in progress" not in page


def test_other_assessors_see_no_drafts_but_may_start_one(client, users, assessed):
    sign_in(client, users["other_assessor"])
    page = text_of(client.get("/processes/1"))
    assert f'/assessments/{assessed["draft"]}"' not in page
    assert 'href="/processes/1/assess"' in page


def test_the_assessor_sees_their_own_draft(client, users, assessed):
    sign_in(client, users["assessor"])
    page = text_of(client.get("/processes/1"))
    assert "Assessments in progress" in page
    assert f'href="/assessments/{assessed["draft"]}"' in page


def test_reviewers_see_drafts_but_are_offered_neither_start_nor_edit(client, users, assessed):
    sign_in(client, users["reviewer"])
    page = text_of(client.get("/processes/1"))
    assert f'href="/assessments/{assessed["draft"]}"' in page
    assert 'href="/processes/1/assess"' not in page
    assert 'href="/processes/1/edit"' not in page


def test_editors_are_offered_the_edit_form(client, users, process):
    sign_in(client, users["admin"])
    page = text_of(client.get(f"/processes/{process.id}"))
    assert f'href="/processes/{process.id}/edit"' in page
    assert f'href="/processes/{process.id}/assess"' not in page


def test_a_process_without_assessments_says_so(client, process):
    assert "No assessment of this process has been published yet." in text_of(
        client.get(f"/processes/{process.id}")
    )


# Statements per page do not grow with the rows shown


def statements_for(app, client, path: str) -> int:
    """Statements a request sends in its own app context, so with its own empty session.

    Without it the request would share the test's session and find rows already loaded.
    """
    with app.app_context(), counted_statements() as statements:
        assert client.get(path).status_code == 200
    return len(statements)


def test_list_page_statements_do_not_grow_with_processes(app, client, session, users):
    sign_in(client, users["assessor"])
    for number in range(2):
        stored_process(session, name=f"Few {number}", convening_organization=f"Org {number}")
    session.commit()
    few = statements_for(app, client, "/processes")
    for number in range(18):
        stored_process(session, name=f"Many {number}", convening_organization=f"Org {number}")
    session.commit()
    assert statements_for(app, client, "/processes") == few


def test_process_page_statements_do_not_grow_with_assessments(app, client, session, users, process):
    stored_rubric(session)
    published_assessment(session, process, users["assessor"], users["reviewer"])
    sign_in(client, users["other_assessor"])
    one = statements_for(app, client, f"/processes/{process.id}")
    for _ in range(5):
        published_assessment(session, process, users["other_assessor"], users["reviewer"])
    assert statements_for(app, client, f"/processes/{process.id}") == one


# Describing a process already described


def test_a_process_described_again_comes_back_with_the_existing_one_linked(client, users, session):
    existing = stored_process(session, name="ICANN GNSO Policy Development Process")
    existing.convening_organization = "ICANN"
    session.commit()
    sign_in(client, users["assessor"])
    values = {**VALID_FORM, "name": "icann  gnso policy development process"}
    response = post_form(client, "/processes/new", values)
    page = text_of(response)
    assert response.status_code == 409
    assert db.session.scalar(select(func.count()).select_from(Process)) == 1
    assert "This process may already be described" in page
    assert f'<a href="/processes/{existing.id}">ICANN GNSO Policy Development Process</a>' in page
    assert 'value="icann  gnso policy development process"' in page
    assert 'value="2019-01-15"' in page
    assert "How generic names policy is made.</textarea>" in page
    assert '<button type="submit" name="confirm_duplicate" value="1"' in page
    assert "Create it anyway" in page


def test_creating_it_anyway_describes_the_process(client, users, session):
    stored_process(session, name=VALID_FORM["name"], convening_organization="ICANN")
    session.commit()
    sign_in(client, users["assessor"])
    response = post_form(client, "/processes/new", {**VALID_FORM, "confirm_duplicate": "1"})
    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Process)) == 2
