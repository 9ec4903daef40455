"""Process pages in the reader's language: interface, rubric text, numbers, dates, messages."""

import re

import pytest

from assessor.db import db
from tests.assessments.pages import sign_in
from tests.factories import stored_process, stored_rubric, stored_user
from tests.processes.test_history import revised
from tests.processes.test_pages import published_assessment
from tests.scorecards.translations import FRENCH, page_html, translate_rubric

NBSP = "\u00a0"


# Data is made in an app context of its own, so that each request chooses its own language.


@pytest.fixture
def process_id(app) -> int:
    """A process with two published assessments, one of them revised, on a French rubric."""
    with app.app_context():
        session = db.session
        rubric = stored_rubric(session)
        process = stored_process(session)
        people = {
            "ana": stored_user(session, "ana@example.org", ["assessor"]),
            "rui": stored_user(session, "rui@example.org", ["reviewer"], "academia"),
            "eva": stored_user(session, "eva@example.org", ["assessor"], "government"),
        }
        first = published_assessment(session, process, people["ana"], people["rui"])
        revised(session, people, first)
        published_assessment(session, process, people["eva"], people["rui"])
        translate_rubric(rubric, "fr", FRENCH)
        session.commit()
        return process.id


def test_a_process_page_in_french(client, process_id):
    shown = page_html(client, f"/processes/{process_id}?lang=fr")
    assert '<html lang="fr" dir="ltr">' in shown
    assert '<h2 id="published-title">Évaluations publiées</h2>' in shown
    assert "<dd>Mondiale</dd>" in shown
    assert '<time datetime="2013-10-24">24 octobre 2013</time>' in shown
    assert re.search(r'<td class="score">\d+,\d <span class="band">', shown)
    assert 'action="/scorecards/batches?lang=fr"' in shown


def test_the_perspective_table_has_the_pillars_in_french(client, process_id):
    shown = page_html(client, f"/processes/{process_id}?lang=fr")
    table = shown[shown.index('<table class="perspective-table">') :]
    assert '<th scope="col">Ouverture</th>' in table
    assert "Toutes les perspectives" in table
    assert re.search(rf"<td>\d+,\d{NBSP}%</td>", table)


def test_the_history_of_revisions_in_french(client, process_id):
    shown = page_html(client, f"/processes/{process_id}/history?lang=fr")
    assert "Historique des révisions" in shown
    assert '<th scope="row">Transparence</th>' in shown
    assert "+33,3" in shown
    assert "Amélioration" in shown
    # The rationale is shown as written, marked with its own language when it has one.
    assert "Minutes are now published within a week." in shown


def test_the_process_list_in_french(client, process_id):
    shown = page_html(client, "/processes?lang=fr")
    assert "1 processus" in shown and "<td>Mondiale</td>" in shown
    assert "<td>Gouvernance de l'Internet</td>" in shown


def test_the_process_form_refuses_in_french(app, client):
    with app.app_context():
        stored_user(db.session, "ana@example.org", ["assessor"])
        db.session.commit()
    sign_in(client, "ana@example.org")
    page = client.get("/processes/new?lang=fr").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    response = client.post(
        "/processes/new?lang=fr",
        data={"csrf_token": token, "name": "", "starts_on": "2019-02-01", "ends_on": "2019-01-01"},
    )
    shown = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f"Nom{NBSP}: ne doit pas être vide" in shown
    assert "choisissez une portée" in shown


def test_the_english_process_page_is_unchanged(client, process_id):
    shown = page_html(client, f"/processes/{process_id}")
    assert '<h2 id="published-title">Published assessments</h2>' in shown
    assert '<time datetime="2013-10-24">24 October 2013</time>' in shown
    assert '<th scope="col">Openness</th>' in shown
