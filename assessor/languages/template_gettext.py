"""The templates' ``_``, ``gettext`` and ``ngettext``, with one context lookup a call.

A scorecard page translates some six hundred phrases. Through Flask-Babel and Jinja's i18n
extension each costs three template calls and about ten context lookups (the domain, the
translations, the locale, each from ``g``), about a fifth of the page's rendering. These
behave as the extension's own (new style: the phrase is a format string, its variables escaped
where the template autoescapes) and take the translations Flask-Babel gives, remembered on the
app context's Flask-Babel state for the locale in force, which ``force_locale`` changes.
"""

from flask import Flask, g
from flask_babel import get_translations
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

# Where Flask-Babel keeps its per-context state, the locale in force among it.
BABEL_STATE = "_flask_babel"


def _translations():
    """Flask-Babel's translations for the locale in force, looked up once per locale and
    app context."""
    state = g.get(BABEL_STATE)
    locale = getattr(state, "babel_locale", None)
    if locale is None:
        return get_translations()
    remembered = getattr(state, "template_translations", None)
    if remembered is not None and remembered[0] is locale:
        return remembered[1]
    translations = get_translations()
    state.template_translations = (locale, translations)
    return translations


def _formatted(context: Context, text: str, variables: dict) -> str:
    if context.eval_ctx.autoescape:
        text = Markup(text)
    # Always a format string, as the extension's new style has it: "%%" is "%" everywhere.
    return text % variables


@pass_context
def template_gettext(context: Context, text: str, /, **variables) -> str:
    return _formatted(context, _translations().ugettext(text), variables)


@pass_context
def template_ngettext(
    context: Context, singular: str, plural: str, num: int, /, **variables
) -> str:
    variables.setdefault("num", num)
    return _formatted(context, _translations().ungettext(singular, plural, num), variables)


def install_template_gettext(app: Flask) -> None:
    """Put these in place of the i18n extension's callables (after Flask-Babel's set-up)."""
    app.jinja_env.globals.update(
        _=template_gettext, gettext=template_gettext, ngettext=template_ngettext
    )
