"""The templates' gettext: as Jinja's i18n extension has it, in the locale in force."""

import pytest
from flask_babel import force_locale, get_translations
from jinja2 import Environment

PHRASES = (
    '{{ _("Summary") }}|{{ gettext("Summary") }}|{{ _("%(num)d item", num=2) }}|'
    '{{ ngettext("%(num)d item", "%(num)d items", 2) }}|{{ _("Scope: %(text)s", text="<b>") }}|'
    '{{ _("100%%") }}|{% trans count=1 %}{{ count }} item{% pluralize %}{{ count }} items'
    "{% endtrans %}"
)


def extension_rendering(source: str) -> str:
    """The same template through the i18n extension's own new-style callables, autoescaped,
    with the translations of the request's language."""
    environment = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    translations = get_translations()
    environment.install_gettext_callables(
        translations.ugettext, translations.ungettext, newstyle=True
    )
    return environment.from_string(source).render()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_phrases_come_out_as_through_the_i18n_extension(app, language):
    with app.test_request_context(f"/?lang={language}"):
        ours = app.jinja_env.from_string(PHRASES).render()
        assert ours == extension_rendering(PHRASES)
    assert ("Synthèse" in ours) == (language == "fr")
    assert "&lt;b&gt;" in ours and "100%" in ours and "100%%" not in ours


def test_a_template_without_autoescape_leaves_variables_as_they_are(app):
    with app.test_request_context("/"):
        template = app.jinja_env.from_string(
            '{% autoescape false %}{{ _("A %(x)s", x="<b>") }}{% endautoescape %}'
        )
        assert template.render() == "A <b>"


def test_force_locale_switches_the_language_and_back(app):
    template = app.jinja_env.from_string('{{ _("Summary") }}')
    with app.test_request_context("/?lang=en"):
        assert template.render() == "Summary"
        with force_locale("fr"):
            assert template.render() == "Synthèse"
        assert template.render() == "Summary"
