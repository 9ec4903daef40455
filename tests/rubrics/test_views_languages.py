"""Rubric pages in the reader's language: the rubric's text in it where the rubric has it."""

import html
import re

import flask_migrate
import pytest

from assessor import create_app
from assessor.db import db
from config import TestConfig
from tests.factories import rubric_document, stored_rubric

DETAIL = "/rubrics/sample-rubric/1.0.0"
FRENCH = {"Accept-Language": "fr"}


@pytest.fixture
def french_rubric(session):
    stored_rubric(session, rubric_document(translated_into=("fr",)))
    session.commit()


@pytest.fixture
def english_rubric(session):
    stored_rubric(session)
    session.commit()


def test_french_page_shows_the_french_text(client, french_rubric):
    page = client.get(DETAIL, headers=FRENCH).get_data(as_text=True)
    assert '<html lang="fr" dir="ltr">' in page
    assert "<h1>Sample rubric [fr] <span" in page
    assert '<p class="lead">A rubric for tests. [fr]</p>' in page
    assert '<a href="#pillar-openness">Openness [fr]</a>' in page
    assert "Is public documents realised? [fr]</h3>" in page
    assert "<p>Look for public records of decision rationale. [fr]</p>" in page
    assert "decision_rationale is partial. [fr]</li>" in page
    assert "Is public documents realised?</h3>" not in page


def test_french_text_needs_no_lang_attribute_but_citations_keep_theirs(client, french_rubric):
    page = client.get(DETAIL, headers=FRENCH).get_data(as_text=True)
    assert (
        '<a href="#source-ws41">[1]</a> <span lang="en" dir="ltr">Agenda, recommendation 1</span>'
    ) in page
    assert '<li id="source-ws41" lang="en" dir="ltr">Internet Governance Forum' in page
    # Besides citations and sources, only the language switch's English option is English.
    assert set(re.findall(r'<(\w+)[^>]* lang="en"', page)) == {"span", "li", "option"}
    assert page.count('<span lang="en"') == page.count("Agenda, recommendation 1")


def test_english_page_of_a_translated_rubric_stays_english(client, french_rubric):
    page = client.get(DETAIL).get_data(as_text=True)
    assert '<p class="lead">A rubric for tests.</p>' in page
    assert "[fr]" not in page


def test_rubric_without_french_is_shown_in_english_marked_as_such(client, english_rubric):
    page = client.get(DETAIL, headers=FRENCH).get_data(as_text=True)
    assert '<html lang="fr" dir="ltr">' in page
    assert '<h1><span lang="en" dir="ltr">Sample rubric</span> <span class="version">' in page
    assert '<p class="lead" lang="en" dir="ltr">A rubric for tests.</p>' in page
    assert '<p lang="en" dir="ltr">Look for public records of decision rationale.</p>' in page
    assert '<span lang="en" dir="ltr">decision_rationale is partial.</span></li>' in page
    assert (
        "Cette grille n'a pas de texte en français\u00a0: elle est affichée en anglais."
        in html.unescape(page)
    )


def test_detail_lists_the_languages_of_the_rubric(client, french_rubric):
    page = client.get(DETAIL).get_data(as_text=True)
    assert "<dt>Available in</dt><dd>English, French</dd>" in page


def test_detail_names_the_languages_in_the_reader_language(client, french_rubric):
    page = client.get(DETAIL, headers=FRENCH).get_data(as_text=True)
    assert "<dt>Disponible en</dt><dd>anglais, français</dd>" in page
    assert "<dt>Rédigée en</dt><dd>anglais</dd>" in page


def test_level_names_are_translated_on_the_page(client, french_rubric):
    page = client.get(DETAIL, headers=FRENCH).get_data(as_text=True)
    assert "<strong>4 · Complet.</strong>" in page
    assert "<strong>0 · Absent.</strong>" in page


def test_interface_text_is_french(client, french_rubric):
    page = client.get(DETAIL, headers=FRENCH).get_data(as_text=True)
    for text in [
        "Orientations",
        "Niveaux",
        "Sources",
        "poids 2",
        "preuves exigées à partir du niveau 2",
    ]:
        assert text in page


def test_list_shows_titles_in_the_reader_language(client, french_rubric):
    page = client.get("/rubrics", headers=FRENCH).get_data(as_text=True)
    assert '<h2 id="rubric-sample-rubric">Sample rubric [fr]</h2>' in page
    assert "<td>anglais, français</td>" in page


def test_list_marks_text_in_another_language(client, english_rubric):
    page = client.get("/rubrics", headers=FRENCH).get_data(as_text=True)
    assert '<h2 id="rubric-sample-rubric" lang="en" dir="ltr">Sample rubric</h2>' in page


@pytest.fixture
def arabic_app(tmp_path):
    """An app that also offers Arabic, written right to left, with an English-only rubric."""
    config = TestConfig({"DATABASE_URL": f"sqlite:///{tmp_path / 'ar.sqlite3'}"})
    config.LANGUAGES = ("en", "fr", "ar")
    app = create_app(config)
    with app.app_context():
        flask_migrate.upgrade()
        stored_rubric(db.session)
        db.session.commit()
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


def test_right_to_left_page_keeps_english_text_left_to_right(arabic_app):
    page = arabic_app.test_client().get(DETAIL, headers={"Accept-Language": "ar"})
    text = page.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in text
    assert '<p class="lead" lang="en" dir="ltr">A rubric for tests.</p>' in text
    assert '<span lang="en" dir="ltr">decision_rationale is partial.</span>' in text
