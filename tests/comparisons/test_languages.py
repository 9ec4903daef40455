"""Comparisons in the reader's language: page and PDF translated, CSV and JSON the same for all."""

import re

import pytest

from assessor.db import db
from tests.comparisons import ids_text, people, publish_scorecards, score_table, text_of
from tests.factories import stored_rubric
from tests.scorecards.translations import ARABIC, FRENCH, page_html, translate_rubric
from tests.tools import pdf_language, pdf_text


def compared(app, language: str | None = None, texts: dict[str, str] | None = None) -> str:
    """Two published scorecards of the sample rubric (complete in ``language`` too), as ids.

    Made in an app context of their own, so that each request chooses its own language.
    """
    with app.app_context():
        rubric = stored_rubric(db.session)
        ids = publish_scorecards(db.session, rubric, 2, *people(db.session))
        if language:
            translate_rubric(rubric, language, texts)
        db.session.commit()
        return ids_text(ids)


@pytest.fixture
def french(app) -> str:
    return compared(app, "fr", FRENCH)


def test_a_french_reader_sees_the_comparison_in_french(client, french):
    shown = page_html(client, f"/compare?ids={french}&lang=fr")
    assert '<html lang="fr" dir="ltr">' in shown
    assert '<h2 id="facts-title">Ce qui est comparé</h2>' in shown
    table = score_table(shown)
    assert "Pilier Ouverture" in table and "Note globale" in table
    assert all(re.fullmatch(r"\d+,\d.*", text) for text, _ in table["Note globale"])
    assert "Openness" not in text_of(shown)


def test_french_differences_to_the_baseline_are_written_the_french_way(client, french):
    first = french.split(",")[0]
    shown = page_html(client, f"/compare?ids={french}&baseline={first}&lang=fr")
    (_, (delta, _)) = score_table(shown)["Note globale"]
    assert re.search(r"[+\u2212±]\d+,\d", delta) and "par rapport à la référence" in delta


def test_the_download_links_of_a_french_comparison_keep_its_language(client, french):
    shown = page_html(client, f"/compare?ids={french}&lang=fr")
    assert f'href="/compare.pdf?ids={french}&amp;lang=fr"' in shown
    assert f'href="/compare.csv?ids={french}"' in shown
    assert f"http://localhost/compare?ids={french}&amp;lang=fr" in shown


def test_the_french_pdf_is_in_french(client, french, tmp_path):
    response = client.get(f"/compare.pdf?ids={french}&lang=fr")
    assert response.status_code == 200
    text = pdf_text(response.data, tmp_path)
    assert "Ouverture" in text and "Ce qui est comparé" in text and "Page 1 sur" in text
    assert re.search(r"\d+,\d", text) and "Openness" not in text
    assert pdf_language(response.data) == "fr"


def test_rubric_text_the_rubric_lacks_in_french_is_marked_english(app, client):
    ids = compared(app)
    shown = page_html(client, f"/compare?ids={ids}&lang=fr")
    assert '<span lang="en" dir="ltr">Openness</span>' in shown
    assert '<h2 id="facts-title">Ce qui est comparé</h2>' in shown


@pytest.mark.parametrize("export", ["csv", "json"])
def test_the_data_exports_are_the_same_in_every_language(client, french, export):
    english = client.get(f"/compare.{export}?ids={french}")
    in_french = client.get(f"/compare.{export}?ids={french}&lang=fr")
    assert english.status_code == in_french.status_code == 200
    assert english.data == in_french.data and b"Ouverture" not in in_french.data


def test_a_refusal_is_explained_in_french_on_the_page_and_in_english_in_json(client, french):
    unknown = f"{french},999999"
    shown = client.get(f"/compare?ids={unknown}&lang=fr").get_data(as_text=True)
    assert "pas une fiche d&#39;évaluation publiée" in shown and "999999" in shown
    body = client.get(f"/compare.json?ids={unknown}&lang=fr").get_json()
    assert body == {"errors": {"ids": ["not a published scorecard: 999999"]}}


def test_a_right_to_left_comparison_renders(app, client, monkeypatch, tmp_path):
    monkeypatch.setitem(app.config, "LANGUAGES", (*app.config["LANGUAGES"], "ar"))
    ids = compared(app, "ar", ARABIC)
    shown = page_html(client, f"/compare?ids={ids}&lang=ar")
    assert '<html lang="ar" dir="rtl">' in shown and "الشفافية" in shown
    response = client.get(f"/compare.pdf?ids={ids}&lang=ar")
    text = re.sub("[\u202a-\u202e]", "", pdf_text(response.data, tmp_path))
    assert "الشفافية" in text and pdf_language(response.data) == "ar"


def test_the_picker_titles_rubrics_in_french(client, french):
    shown = page_html(client, f"/compare?ids={french}&pick=1&lang=fr")
    assert "<td>Grille d&#39;exemple<span" in shown
    assert '<option value="sample-rubric">Grille d&#39;exemple</option>' in shown
