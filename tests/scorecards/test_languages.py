"""Scorecards in the reader's language: interface, rubric text, numbers, dates, direction."""

import re

import pytest
from babel.dates import format_date
from sqlalchemy import func, select

from assessor.assessments.models import Answer, Assessment
from assessor.db import db
from assessor.scorecards.models import ScorecardPdf
from tests.factories import published_assessment, stored_process, stored_rubric, stored_user
from tests.scorecards.test_batches import zip_entries
from tests.scorecards.translations import ARABIC, FRENCH, translate_rubric
from tests.tools import pdf_fonts, pdf_info, pdf_language, pdf_text

NBSP = "\u00a0"


# Each request must choose its own language, as in production: the data is made in an app
# context of its own, so the client's requests do not share one (and its cached locale).


def scorecard(app, language: str | None = None, texts: dict[str, str] | None = None) -> int:
    """A published scorecard of the sample rubric, the rubric complete in ``language`` too."""
    with app.app_context():
        session = db.session
        rubric = stored_rubric(session)
        process = stored_process(session, name="IGF 2013 Workshop #41: Principles")
        assessor = stored_user(session, "ana@example.org", ["assessor"])
        reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
        assessment = published_assessment(session, rubric, process, assessor, reviewer)
        if language:
            translate_rubric(rubric, language, texts)
        session.commit()
        return assessment.id


@pytest.fixture
def english_only(app) -> int:
    return scorecard(app)


@pytest.fixture
def french(app) -> int:
    return scorecard(app, "fr", FRENCH)


@pytest.fixture
def arabic(app, monkeypatch) -> int:
    """The rubric complete in Arabic, a language the site offers without a catalogue."""
    monkeypatch.setitem(app.config, "LANGUAGES", (*app.config["LANGUAGES"], "ar"))
    return scorecard(app, "ar", ARABIC)


def page(client, assessment_id: int, **query) -> str:
    response = client.get(f"/assessments/{assessment_id}/scorecard", query_string=query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def pdf(client, assessment_id: int, **query):
    response = client.get(f"/assessments/{assessment_id}/scorecard.pdf", query_string=query)
    assert response.status_code == 200
    return response


def test_a_french_reader_sees_the_interface_and_the_rubric_in_french(client, french):
    shown = page(client, french, lang="fr")
    assert '<html lang="fr" dir="ltr">' in shown
    assert '<h2 id="summary-title">Synthèse</h2>' in shown
    assert '<caption id="pillar-scores-caption">Notes par pilier</caption>' in shown
    assert '<th scope="row">Ouverture</th>' in shown
    assert "Grille d&#39;exemple, version 1.0.0" in shown
    assert "La participation ouverte est absente." in shown
    assert "Niveau 0 · Absent" in shown
    assert "Openness" not in shown and "open_participation is absent." not in shown


def test_french_numbers_and_dates_are_written_the_french_way(app, client, french):
    shown = page(client, french, lang="fr")
    assert re.search(r'<span class="overall-score">\d+,\d</span>', shown)
    assert f"<strong>100,0{NBSP}%</strong> de réponses" in shown
    with app.app_context():
        published_at = db.session.get(Assessment, french).published_at
    assert f"<dd>{format_date(published_at, 'd MMMM y', locale='fr')}</dd>" in shown
    assert "consulté le 1 novembre 2026" in shown


def test_the_english_page_is_unchanged_by_a_french_translation(client, french):
    shown = page(client, french)
    assert '<html lang="en" dir="ltr">' in shown
    assert '<h2 id="summary-title">Summary</h2>' in shown
    assert '<th scope="row">Openness</th>' in shown
    assert "<strong>100.0%</strong> complete" in shown
    scorecard = shown[shown.index('<article class="scorecard">') :]
    assert "Ouverture" not in scorecard and " lang=" not in scorecard


def test_rubric_text_without_french_stays_english_and_says_so(client, english_only):
    shown = page(client, english_only, lang="fr")
    assert '<h2 id="summary-title">Synthèse</h2>' in shown
    assert '<th scope="row" lang="en" dir="ltr">Openness</th>' in shown
    assert '<span lang="en" dir="ltr">open_participation is absent.</span>' in shown


def test_a_rationale_is_shown_as_written_with_its_own_language(app, client, french):
    with app.app_context():
        answer = db.session.scalars(
            select(Answer).where(
                Answer.assessment_id == french, Answer.question_key == "openness.open_participation"
            )
        ).one()
        answer.rationale, answer.rationale_language = "Registration was open to all.", "en"
        db.session.commit()
    french_page, english_page = page(client, french, lang="fr"), page(client, french)
    assert (
        '<p class="rationale" lang="en" dir="ltr">Registration was open to all.</p>' in french_page
    )
    assert '<p class="rationale">Registration was open to all.</p>' in english_page


def test_the_pdf_links_of_a_french_page_keep_its_language(client, french):
    shown = page(client, french, lang="fr")
    assert f'href="/assessments/{french}/scorecard.pdf?lang=fr"' in shown
    assert f'href="/assessments/{french}/scorecard.pdf?inline=1&amp;lang=fr"' in shown
    assert f"http://localhost/assessments/{french}/scorecard?lang=fr" in shown


def test_the_french_pdf_is_in_french_with_french_metadata(client, french, tmp_path):
    body = pdf(client, french, lang="fr").data
    text = pdf_text(body, tmp_path)
    for expected in [
        "Synthèse",
        "Ouverture",
        "La participation ouverte est absente.",
        "Page 1 sur",
    ]:
        assert expected in text, expected
    assert re.search(r"\d+,\d", text) and "Openness" not in text
    info = pdf_info(body, tmp_path)
    assert re.search(rf"^Title:\s+Fiche d'évaluation{NBSP}: IGF 2013", info, re.M)
    assert re.search(r"^Subject:\s+Fiche d'évaluation multipartite de", info, re.M)
    assert re.search(r"^Keywords:\s+multipartite, SMSI\+10", info, re.M)
    assert pdf_language(body) == "fr"


def test_english_and_french_pdfs_are_kept_apart(app, client, french, tmp_path):
    english = pdf(client, french)
    in_french = pdf(client, french, lang="fr")
    assert english.headers["ETag"] != in_french.headers["ETag"]
    assert (english.headers["Content-Language"], in_french.headers["Content-Language"]) == (
        "en",
        "fr",
    )
    assert "Accept-Language" in in_french.headers["Vary"]
    assert pdf(client, french, lang="fr").data == in_french.data
    assert pdf(client, french).data == english.data
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ScorecardPdf)) == 2
    assert "Openness" in pdf_text(english.data, tmp_path)
    assert pdf_language(english.data) == "en"


def test_a_batch_asked_for_in_french_renders_french_pdfs(client, french, tmp_path):
    response = client.post(
        "/scorecards/batches?lang=fr",
        data={"assessment_id": [french]},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 303
    batch_page = response.headers["Location"]
    assert batch_page.endswith("?lang=fr")
    token = batch_page.removesuffix("?lang=fr").rsplit("/", 1)[-1]
    (body,) = zip_entries(client, token).values()
    text = pdf_text(body, tmp_path)
    assert "Ouverture" in text and "Synthèse" in text


def test_a_right_to_left_page_is_marked_so(client, arabic):
    shown = page(client, arabic, lang="ar")
    assert '<html lang="ar" dir="rtl">' in shown
    assert '<th scope="row">الانفتاح</th>' in shown
    assert "المشاركة المفتوحة غائبة." in shown
    # No Arabic catalogue: the interface falls back to English.
    assert '<h2 id="summary-title">Summary</h2>' in shown


def test_english_rubric_text_keeps_left_to_right_on_a_right_to_left_page(
    app, client, english_only, monkeypatch
):
    monkeypatch.setitem(app.config, "LANGUAGES", (*app.config["LANGUAGES"], "ar"))
    shown = page(client, english_only, lang="ar")
    assert '<html lang="ar" dir="rtl">' in shown
    assert '<th scope="row" lang="en" dir="ltr">Openness</th>' in shown


def test_a_right_to_left_pdf_renders_its_arabic_text(client, arabic, tmp_path):
    body = pdf(client, arabic, lang="ar").data
    # pdftotext marks each run's direction (U+202A-U+202C); the words are in reading order.
    text = re.sub("[\u202a-\u202e]", "", pdf_text(body, tmp_path))
    assert "الشفافية" in text and "المشاركة المفتوحة غائبة" in text
    assert pdf_language(body) == "ar"
    assert "DejaVu-Sans " in pdf_fonts(body, tmp_path)


def test_a_disagreement_quotes_each_rationale_in_its_own_language(app, client):
    with app.app_context():
        session = db.session
        rubric = stored_rubric(session)
        process = stored_process(session)
        reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
        ids = []
        for email, level in (("ana@example.org", 0), ("eva@example.org", 4)):
            assessor = stored_user(session, email, ["assessor"])
            assessment = published_assessment(
                session, rubric, process, assessor, reviewer, level_of=lambda _, level=level: level
            )
            ids.append(assessment.id)
        translate_rubric(rubric, "fr", FRENCH)
        first, second = (
            session.scalars(
                select(Answer).where(
                    Answer.assessment_id == assessment_id,
                    Answer.question_key == "openness.open_participation",
                )
            ).one()
            for assessment_id in ids
        )
        first.rationale_language, second.rationale_language = None, "en"
        session.commit()
    shown = page(client, ids[0], lang="fr")
    assert "Points de désaccord entre évaluateurs" in shown
    assert '<q lang="en" dir="ltr">Rationale for openness.open_participation.</q>' in shown
    assert "<q>Rationale for openness.open_participation.</q>" in shown
