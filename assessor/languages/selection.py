"""Which language a request is answered in, and what the templates need to know about it.

The order of precedence: ``?lang=`` on the URL (a scorecard or comparison shared in a given
language), the signed-in user's profile (for an API call with a token, its holder's), the
language switch's cookie, the browser's Accept-Language, English. Only languages with a
catalogue under ``assessor/translations`` are offered, so adding a language needs a catalogue
and no code.
"""

from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from flask import Flask, current_app, g, has_request_context, request
from flask_babel import Babel, get_locale, refresh
from flask_login import current_user
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from assessor.languages.cookie import LANGUAGE_COOKIE
from assessor.languages.messages import translated
from assessor.languages.template_gettext import BABEL_STATE, install_template_gettext
from assessor.sessions import may_be_signed_in

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
# The language the interface is written in: it needs no catalogue.
SOURCE_LANGUAGE = "en"

babel = Babel()


def catalogue_languages(directory: Path = TRANSLATIONS_DIR) -> tuple[str, ...]:
    """English first, then every language that has a catalogue, in alphabetical order."""
    found = sorted(path.parent.parent.name for path in directory.glob("*/LC_MESSAGES/messages.po"))
    return (SOURCE_LANGUAGE, *(language for language in found if language != SOURCE_LANGUAGE))


def supported_languages() -> tuple[str, ...]:
    return current_app.config["LANGUAGES"]


def supported(language: str | None) -> bool:
    return language is not None and language in supported_languages()


def select_language() -> str:
    """The language of this request (see the module's docstring for the order).

    Outside a request (a command, a background job) it is English unless ``force_locale``
    says otherwise.
    """
    if not has_request_context():
        return SOURCE_LANGUAGE
    if requested := _requested_language():
        return requested
    user = g.get("user") or signed_in_reader()
    if user is not None and supported(user.language):
        return user.language
    return _chosen_in_browser()


def anonymous_language() -> str:
    """The language of a request by a reader known to be signed out: asked for on the URL,
    chosen with the language switch, or the browser's."""
    return _requested_language() or _chosen_in_browser()


def _requested_language() -> str | None:
    """A supported language asked for with ``?lang=``; the query is parsed only if sent."""
    if not request.environ.get("QUERY_STRING"):
        return None
    requested = request.args.get("lang")
    return requested if supported(requested) else None


def _chosen_in_browser() -> str:
    """The language switch's cookie, else the best of the browser's Accept-Language."""
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if supported(chosen):
        return chosen
    return browser_language(request.environ.get("HTTP_ACCEPT_LANGUAGE", ""), supported_languages())


def signed_in_reader():
    """The user signed in in this browser, if any.

    An API call acts for its caller, a token's holder perhaps (see api.auth), kept on ``g``.
    Languages sit below users, so the user is read from Flask-Login rather than users.current,
    and only where a session or a "keep me signed in" cookie could name one: an anonymous
    reader costs no loading.
    """
    if not may_be_signed_in():
        return None
    return current_user if current_user.is_authenticated else None


@lru_cache(maxsize=1024)
def browser_language(accept_language: str, languages: tuple[str, ...]) -> str:
    """The best of ``languages`` for a browser's Accept-Language: browsers send few distinct
    headers, so each is parsed once."""
    accepted = parse_accept_header(accept_language, LanguageAccept)
    return accepted.best_match(languages) or SOURCE_LANGUAGE


def current_language() -> str:
    """The language being rendered: the request's, or the one ``force_locale`` set."""
    locale = get_locale()
    return str(locale) if locale is not None else SOURCE_LANGUAGE


@cache
def text_direction(language: str) -> str:
    """ "rtl" for scripts written right to left (Arabic, Hebrew...), else "ltr"."""
    return Locale.parse(language.replace("-", "_")).text_direction


@cache
def language_name(language: str) -> str:
    """A language's name in that language, as a reader of it looks for it: "Français"."""
    name = Locale.parse(language.replace("-", "_")).get_display_name(language.replace("-", "_"))
    return name[:1].upper() + name[1:]


def language_choices() -> tuple[tuple[str, str], ...]:
    return _named(supported_languages())


@cache
def _named(languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each language with its own name: Babel's locale data read once per process."""
    return tuple((language, language_name(language)) for language in languages)


def language_context() -> dict:
    """What every template gets: the page's language and direction, and the choices."""
    language = current_language()
    return {
        "page_language": language,
        "page_direction": text_direction(language),
        "language_choices": language_choices(),
    }


def forget_earlier_language() -> None:
    if g.get(BABEL_STATE) is not None:
        refresh()


def register_languages(app: Flask) -> None:
    app.config.setdefault("LANGUAGES", catalogue_languages())
    babel.init_app(
        app,
        locale_selector=select_language,
        default_translation_directories=str(TRANSLATIONS_DIR),
    )
    # Flask-Babel keeps the language on ``g``: an app context that outlives one request (a
    # test's, a command's) must not hand the first request's language to the next. A request
    # in an app context of its own, as served, has nothing to forget.
    app.before_request(forget_earlier_language)
    app.context_processor(language_context)
    app.jinja_env.filters.update(translated=translated)
    install_template_gettext(app)
