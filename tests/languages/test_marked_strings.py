"""Every piece of interface text in the templates is marked for translation.

Each template is read with Jinja's own lexer: whatever sits in a ``{{ }}``, ``{% %}`` or a
``{% trans %}`` block is set aside, and the HTML left over is parsed. Any word still there, in
text or in an attribute a person reads (aria-label, title, placeholder, alt, a button's value),
is interface text that would stay English for every reader.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parents[2] / "assessor" / "templates"
# Stands in for template code, so that text around it still parses as HTML.
CODE = "\x00"
WORD = re.compile(r"[^\W\d_]{2,}")
READ_ATTRIBUTES = {"aria-label", "aria-description", "title", "placeholder", "alt"}
# Elements whose content is code or data, never prose.
VERBATIM = {"code", "pre", "kbd", "samp", "script", "style"}
# Names that are the same in every language.
PROPER_NAMES = {"assessor", "API", "CSV", "JSON", "PDF", "ZIP", "SVG", "WSIS", "OpenAPI"}


def template_html(source: str, environment: Environment) -> str:
    """The template's HTML with its code and its trans blocks each replaced by CODE."""
    parts, depth, in_trans = [], 0, False
    tokens = list(environment.lex(source))
    for index, (_, kind, value) in enumerate(tokens):
        if kind == "block_begin":
            name = next((v for _, k, v in tokens[index + 1 :] if k == "name"), "")
            if name == "trans":
                in_trans = True
            elif name == "endtrans":
                in_trans = False
        if kind in {"variable_begin", "block_begin"}:
            depth += 1
            parts.append(CODE)
        elif kind in {"variable_end", "block_end"}:
            depth -= 1
        elif kind == "data" and depth == 0 and not in_trans:
            parts.append(value)
    return "".join(parts)


class UnmarkedText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.verbatim = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in VERBATIM:
            self.verbatim += 1
        for name, value in attrs:
            # An input button shows its value; a <button> shows its content, never its value.
            readable = name in READ_ATTRIBUTES or (
                tag == "input"
                and name == "value"
                and dict(attrs).get("type") in {"submit", "button"}
            )
            if readable and value and self.words(value):
                self.found.append(f'<{tag} {name}="{value}">')

    def handle_endtag(self, tag) -> None:
        if tag in VERBATIM and self.verbatim:
            self.verbatim -= 1

    def handle_data(self, data) -> None:
        if not self.verbatim and self.words(data):
            self.found.append(" ".join(data.replace(CODE, " ").split()))

    @staticmethod
    def words(text: str) -> list[str]:
        return [word for word in WORD.findall(text) if word not in PROPER_NAMES]


def unmarked_text(path: Path) -> list[str]:
    environment = Environment(extensions=["jinja2.ext.i18n"])
    parser = UnmarkedText()
    parser.feed(template_html(path.read_text(encoding="utf-8"), environment))
    parser.close()
    return parser.found


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_template_has_no_unmarked_interface_text(template):
    assert unmarked_text(template) == []


def test_the_check_finds_unmarked_text_in_text_and_attributes(tmp_path):
    template = tmp_path / "sample.html"
    template.write_text(
        '<p>{{ _("Marked") }} Unmarked words</p>'
        '<nav aria-label="Main"></nav><a title="{{ _(\'Marked\') }}">{{ name }}</a>'
        "<p>{% trans %}A marked sentence{% endtrans %}</p><code>flask run</code>"
        '<input type="submit" value="Send">'
    )
    assert unmarked_text(template) == [
        "Unmarked words",
        '<nav aria-label="Main">',
        '<input value="Send">',
    ]
