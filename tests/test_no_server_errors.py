"""No request is answered with a server error: every route, fuzzed as every kind of caller.

The routes come from the app's url_map, so a new endpoint is fuzzed without being listed
here. Each example sends one request to the route under test, as an anonymous caller or as
one of the roles (by token on the API, or by the browser's session with its CSRF token):

- path values naming seeded rows, or arbitrary numbers and text (sent as UTF-8 bytes, lone
  surrogates included);
- a query string of the names the site's search forms and the OpenAPI document use, and
  arbitrary ones, with arbitrary Unicode values;
- for a method that changes data, a body: JSON (shaped by the OpenAPI document where it
  describes the operation, or arbitrary; lone surrogates, NUL, nesting past any bound,
  numbers past a double, a name twice) or a form (the fields of the site's own forms that
  post there, with arbitrary Unicode values).

Examples are derandomized, so that a run is repeatable and its time bounded.
"""

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import product
from urllib.parse import urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from assessor import create_app
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import submit
from assessor.db import db
from assessor.extensions import limiter
from assessor.participation.records import create_record
from assessor.rubrics.loader import parse_rubric
from assessor.rubrics.service import store_rubric
from assessor.users.models import ApiToken
from assessor.users.tokens import create_token
from config import TestConfig
from tests.assessments.pages import csrf_token, sign_in
from tests.callers import ROLES
from tests.conftest import empty_all_tables
from tests.factories import (
    TEST_PASSWORD,
    answered_assessment,
    published_assessment,
    rubric_yaml,
    stored_process,
    stored_user,
)
from tests.users.helpers import FROM_THE_SITE

# The routes are read from an app built for the purpose: the document and the url_map need
# no database, and the suite's app exists only once tests run.
SITE = create_app(TestConfig({"DATABASE_URL": "sqlite://"}))
OPENAPI = SITE.test_client().get("/api/v1/openapi.json").get_json()
ARGUMENT = re.compile(r"<(?:(?P<converter>[^:<>(]+)(?:\([^)]*\))?:)?(?P<name>[^<>]+)>")
EMAILS = {
    "owner": "owner@example.org",
    "other_assessor": "other@example.org",
    "reviewer": "reviewer@example.org",
    "admin": "admin@example.org",
}
ACCOUNT_ROLES = {"owner": ["assessor"], "other_assessor": ["assessor"]}
# Read once: storing it is what each test repeats.
SAMPLE_RUBRIC = parse_rubric(rubric_yaml(), "sample.yaml")
# Examples per route: the JSON endpoints, where most input is read, get the most.
EXAMPLES = {"json": 50, "form": 12, "read": 6}


@dataclass(frozen=True, order=True)
class Route:
    """One method of one rule of the url_map."""

    rule: str
    method: str
    endpoint: str

    @property
    def api(self) -> bool:
        return self.rule.startswith("/api/")

    @property
    def reads_only(self) -> bool:
        return self.method == "GET"

    @property
    def examples(self) -> int:
        if self.reads_only:
            return EXAMPLES["read"]
        return EXAMPLES["json"] if self.api else EXAMPLES["form"]

    @property
    def openapi(self) -> dict:
        """What the OpenAPI document says of this operation ({} where it says nothing)."""
        template = ARGUMENT.sub(lambda found: "{" + found["name"] + "}", self.rule)
        return OPENAPI["paths"].get(template, {}).get(self.method.lower(), {})


ROUTES = sorted(
    Route(rule.rule, method, rule.endpoint)
    for rule in SITE.url_map.iter_rules()
    for method in rule.methods - {"HEAD", "OPTIONS"}
)


# Text and JSON

CHARACTERS = st.one_of(
    st.characters(),
    st.characters(categories=["Cs"]),  # lone surrogates
    st.sampled_from("\x00=+-@\t\r\n'\"<>&%/\\.\ufffd\U0001f600"),
)
TEXT = st.text(CHARACTERS, max_size=24)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
# JSON text no encoder writes from a Python value.
HOSTILE_JSON = [
    "[" * 50_000,
    '{"a":' * 20_000 + "1" + "}" * 20_000,
    "[" * 33 + "]" * 33,
    "1e999999",
    '{"level": -1e999999}',
    '{"level": 1' + "0" * 100_000 + "}",
    "[NaN, Infinity, -Infinity]",
    '{"name": "a", "name": "b"}',
    '"\\ud800"',
    '{"\\udfff": "\\ud800\\u0000"}',
    "{",
    "",
    "null",
]
# A leaf of a shaped body that the encoded text replaces by a number past what is read.
NUMBER_MARK = "\ue000number\ue000"
NUMBERS = ["1e999999", "-1e999999", "1" + "0" * 100_000, "NaN", "Infinity", "1e308", "-0"]


def encoded(value, ascii_only: bool) -> bytes:
    """JSON bytes as a client could send them: lone surrogates as escapes or as raw bytes."""
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def schema_values(schema: dict, seeded: dict, depth: int = 0) -> st.SearchStrategy:
    """Values that the OpenAPI schema describes, with strings that may hold anything."""
    if "$ref" in schema:
        named = OPENAPI["components"]["schemas"][schema["$ref"].split("/")[-1]]
        return schema_values(named, seeded, depth)
    choices = schema.get("oneOf") or schema.get("anyOf") or schema.get("allOf")
    # Beside a type, the choices are rules across its properties, which the type describes.
    if choices and "type" not in schema:
        return st.one_of([schema_values(choice, seeded, depth) for choice in choices])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = schema.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if not kinds or depth > 3:
        return JSON_VALUES
    return st.one_of([_typed_values(kind, schema, seeded, depth) for kind in kinds])


def _typed_values(kind: str, schema: dict, seeded: dict, depth: int) -> st.SearchStrategy:
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        bounded = st.integers(schema.get("minimum"), schema.get("maximum"))
        return bounded | st.sampled_from(seeded["integers"])
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "array":
        return st.lists(schema_values(schema.get("items", {}), seeded, depth + 1), max_size=3)
    if kind == "object":
        properties = {
            name: schema_values(value, seeded, depth + 1)
            for name, value in schema.get("properties", {}).items()
        }
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries(
            {name: value for name, value in properties.items() if name in required},
            optional={name: value for name, value in properties.items() if name not in required},
        )
    formats = {
        "date": st.dates().map(str),
        "date-time": st.datetimes().map(lambda moment: moment.isoformat() + "Z"),
        "url": st.sampled_from(["https://example.org/minutes", "http://example.org"]),
        "uri": st.sampled_from(["https://example.org/minutes", "http://example.org"]),
    }
    return formats.get(schema.get("format"), TEXT | st.sampled_from(seeded["texts"]))


# How a JSON body is made: half are shaped by the document, so that they reach what the
# endpoint does with them.
KINDS = ["shaped", "shaped", "hostile text", "hostile text", "arbitrary", "nested", "number", "raw"]
# Text no field may hold, placed in an otherwise plausible body.
HOSTILE_TEXT = st.builds(
    lambda before, hostile, after: before + hostile + after,
    TEXT,
    st.sampled_from(["\ud800", "\udfff", "\udbff\ud7ff", "\x00"]),
    TEXT,
)


@st.composite
def json_bodies(draw, route: Route, seeded: dict) -> bytes:
    """A JSON body for the route: shaped by its OpenAPI body then made hostile, or arbitrary."""
    schema = route.openapi.get("requestBody", {}).get("content", {}).get("application/json")
    shaped = schema_values(schema["schema"], seeded) if schema else JSON_VALUES
    ascii_only = draw(st.booleans())
    kind = draw(st.sampled_from(KINDS))
    if kind == "raw":
        return draw(st.sampled_from(HOSTILE_JSON)).encode()
    value = draw(JSON_VALUES if kind == "arbitrary" else shaped)
    if kind == "hostile text":  # one text of the body replaced, or the body itself
        texts = (
            sorted(name for name, item in value.items() if isinstance(item, str))
            if isinstance(value, dict)
            else []
        )
        if texts:
            value[draw(st.sampled_from(texts))] = draw(HOSTILE_TEXT)
        else:
            value = draw(HOSTILE_TEXT)
    if kind == "number":  # one value replaced, or one added
        if isinstance(value, dict):
            value[draw(st.sampled_from(sorted(value)) if value else TEXT)] = NUMBER_MARK
        else:
            value = [value, NUMBER_MARK]
        mark = json.dumps(NUMBER_MARK, ensure_ascii=ascii_only).encode()
        return encoded(value, ascii_only).replace(mark, draw(st.sampled_from(NUMBERS)).encode())
    body = encoded(value, ascii_only)
    if kind == "nested":
        depth = draw(st.sampled_from([33, 1_000, 50_000]))
        return b"[" * depth + body + b"]" * depth
    return body


def form_body(pairs: list[tuple[str, str]]) -> bytes:
    """A form post as a browser encodes it, lone surrogates as the bytes they would be."""
    return urlencode(pairs, encoding="utf-8", errors="surrogatepass").encode()


# The site: seeded rows, its forms, its callers


def seed(session) -> dict:
    """Users of every role with tokens, and a draft, a submitted and a published assessment."""
    users = {
        role: stored_user(session, email, ACCOUNT_ROLES.get(role, [role]))
        for role, email in EMAILS.items()
    }
    tokens = {role: create_token(session, user, "fuzz")[1] for role, user in users.items()}
    rubric = store_rubric(session, SAMPLE_RUBRIC).rubric
    process = stored_process(session)
    owner, reviewer = users["owner"], users["reviewer"]
    draft = start_assessment(session, owner, {"process_id": process.id, "rubric": rubric.label})
    submitted = answered_assessment(session, rubric, process, owner)
    submit(session, owner, submitted)
    published = published_assessment(session, rubric, process, owner, reviewer)
    participation = create_record(
        session,
        users["admin"],
        process,
        {
            "stage": "agenda_setting",
            "source_url": "https://example.org/",
            "source_title": "Report",
            "counts": {"gender": {"female": 3, "male": 4}},
        },
    )
    session.commit()
    questions = [question.key for pillar in rubric.pillars for question in pillar.questions]
    path = {
        "assessment_id": [draft.id, submitted.id, published.id],
        "process_id": [process.id],
        "record_id": [participation.id],
        "user_id": [user.id for user in users.values()],
        "token_id": list(session.scalars(select(ApiToken.id))),
        "question_key": questions,
        "pillar_key": [pillar.key for pillar in rubric.pillars],
        "slug": [rubric.slug],
        "version": [rubric.version],
        "filename": ["css/site.css", "js/questionnaire.js"],
    }
    texts = [rubric.label, *questions, *EMAILS.values(), TEST_PASSWORD, "fr", "en"]
    integers = [value for values in path.values() for value in values if isinstance(value, int)]
    return {"tokens": tokens, "path": path, "texts": texts, "integers": integers}


class FormReader(HTMLParser):
    """The forms of a page: where each is sent, how, and the names of its fields."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.page, self.forms, self.open = page, [], None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "form":
            action = urlsplit(values.get("action") or self.page).path
            self.open = (action, (values.get("method") or "get").upper(), set())
            self.forms.append(self.open)
        elif tag in {"input", "select", "textarea", "button"} and self.open and values.get("name"):
            self.open[2].add(values["name"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.open = None


def page_paths(seeded: dict) -> list[str]:
    """A page of every rule the seeded rows can fill, and one of each assessment (whose forms
    follow its state); downloads aside, which hold no form."""
    paths = []
    for route in ROUTES:
        if (
            route.api
            or not route.reads_only
            or re.search(r"\.(pdf|csv|json)$|download", route.rule)
        ):
            continue
        names = [found["name"] for found in ARGUMENT.finditer(route.rule)]
        if any(name not in seeded["path"] for name in names):
            continue
        choices = [
            seeded["path"][name] if name == "assessment_id" else seeded["path"][name][:1]
            for name in names
        ]
        for values in product(*choices):
            chosen = iter(values)
            paths.append(ARGUMENT.sub(lambda found, chosen=chosen: str(next(chosen)), route.rule))
    return paths


def read_forms(app, seeded: dict) -> dict[tuple[str, str], set[str]]:
    """The field names of every form the site shows, by the endpoint and method it goes to."""
    adapter = app.url_map.bind("localhost")
    found: dict[tuple[str, str], set[str]] = {}
    for role in ("owner", "admin"):
        client = app.test_client()
        sign_in(client, EMAILS[role])
        for path in page_paths(seeded):
            with client.get(path) as response:
                if response.mimetype != "text/html":
                    continue
                reader = FormReader(path)
                reader.feed(response.get_data(as_text=True))
            for action, method, names in reader.forms:
                try:
                    endpoint = adapter.match(action, method=method)[0]
                except HTTPException:  # sent elsewhere than to this site
                    continue
                found.setdefault((endpoint, method), set()).update(names - {"csrf_token"})
    return found


@pytest.fixture(scope="module")
def site_forms(migrated_app) -> dict[tuple[str, str], set[str]]:
    """The site's forms, read once from its pages over seeded rows, which go after."""
    with migrated_app.app_context():
        seeded = seed(db.session)
    try:
        # Outside the app context: each request has its own, so each client its own user.
        return read_forms(migrated_app, seeded)
    finally:
        with migrated_app.app_context():
            empty_all_tables()
        limiter.reset()


class Callers:
    """Test clients made as examples need them: anonymous, by token, by session."""

    def __init__(self, app, seeded: dict) -> None:
        self.app, self.seeded, self.made = app, seeded, {}

    def get(self, role: str, by_token: bool) -> tuple:
        """(client, headers, CSRF token or None) of ``role``."""
        key = (role, by_token)
        if key not in self.made:
            client = self.app.test_client()
            if by_token:
                token = self.seeded["tokens"][role]
                self.made[key] = (client, {"Authorization": f"Bearer {token}"}, None)
            else:
                if role != "anonymous":
                    # An earlier example may have disabled the account: then it stays anonymous.
                    form = {"email": EMAILS[role], "password": TEST_PASSWORD}
                    client.post("/sign-in", data=form, headers=FROM_THE_SITE)
                # A browser's posts come from the site's pages, with the session's token if any.
                self.made[key] = (client, FROM_THE_SITE, csrf_token(client, "/sign-in"))
        return self.made[key]


@pytest.fixture
def seeded(app) -> dict:
    """The seeded rows; requests are then sent outside any app context, so that each has its
    own (the signed-in user is kept on it) and each client is its own user."""
    with app.app_context():
        return seed(db.session)


# Requests


@dataclass
class Request:
    """One request of an example, as the failure report shows it."""

    role: str
    by_token: bool
    path: bytes
    query: str
    body: bytes | list[tuple[str, str]] | None  # JSON, or a form's fields
    content_type: str | None

    def __str__(self) -> str:
        body = (self.body or b"")[:300]
        return (
            f"{self.role} (token: {self.by_token}) {self.path[:300]!r}?{self.query[:300]} {body!r}"
        )


@st.composite
def path_value(draw, converter: str | None, name: str, seeded: dict) -> str:
    """A value for one argument of the rule: mostly a seeded row's, so that the request
    reaches what the view does with it; else an arbitrary number or text."""
    known = [str(value) for value in seeded["path"].get(name, ())]
    source = draw(st.sampled_from(["known"] * 6 + ["arbitrary", "text"] if known else ["text"]))
    if source == "known":
        return draw(st.sampled_from(known))
    if source == "arbitrary" and converter == "int":
        return str(draw(st.integers(-1, 2**40)))
    return draw(TEXT)


@st.composite
def paths(draw, route: Route, seeded: dict) -> bytes:
    """The rule with a value for each argument, as the bytes of a URL's path."""
    pieces, position = [], 0
    for found in ARGUMENT.finditer(route.rule):
        pieces.append(route.rule[position : found.start()].encode())
        value = draw(path_value(found["converter"], found["name"], seeded))
        pieces.append(value.encode("utf-8", "surrogatepass"))
        position = found.end()
    return b"".join([*pieces, route.rule[position:].encode()])


def query_strings(route: Route, forms: dict) -> st.SearchStrategy:
    """Parameters named as the site's search forms and the OpenAPI document name them, or
    arbitrarily, with arbitrary values."""
    documented = [p["name"] for p in route.openapi.get("parameters", ()) if p["in"] == "query"]
    names = sorted(forms.get((route.endpoint, "GET"), set())) + documented
    pairs = st.lists(st.tuples(st.sampled_from(names) | TEXT if names else TEXT, TEXT), max_size=4)
    return pairs.map(lambda pairs: urlencode(pairs, errors="surrogatepass"))


@st.composite
def bodies(draw, route: Route, seeded: dict, forms: dict) -> tuple:
    """(body, content type): JSON, or for a page mostly a form of its own forms' fields."""
    if route.reads_only:
        return None, None
    if route.api or draw(st.integers(0, 3)) == 0:
        return draw(json_bodies(route, seeded)), "application/json"
    fields = sorted(forms.get((route.endpoint, route.method), set()))
    names = st.sampled_from(fields) | TEXT if fields else TEXT
    return draw(st.lists(st.tuples(names, TEXT), max_size=6)), "application/x-www-form-urlencoded"


@st.composite
def requests(draw, route: Route, seeded: dict, forms: dict) -> Request:
    role = draw(st.sampled_from(ROLES))
    by_token = route.api and role != "anonymous" and draw(st.booleans())
    path, query = draw(paths(route, seeded)), draw(query_strings(route, forms))
    return Request(role, by_token, path, query, *draw(bodies(route, seeded, forms)))


def send(callers: Callers, route: Route, request: Request):
    client, headers, token = callers.get(request.role, request.by_token)
    headers = dict(headers)
    body = request.body
    if isinstance(body, list):  # a form: the session's CSRF token first, as a page sends it
        body = form_body([("csrf_token", token or ""), *body])
    elif body is not None and token:
        headers["X-CSRFToken"] = token
    if request.content_type:
        headers["Content-Type"] = request.content_type
    environ = {"PATH_INFO": request.path.decode("latin-1"), "QUERY_STRING": request.query}
    response = client.open(
        "/", method=route.method, data=body, headers=headers, environ_overrides=environ
    )
    response.get_data()  # a streamed body is made, and may fail, only as it is read
    response.close()
    return response


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: f"{route.method} {route.rule}")
def test_no_request_is_answered_with_a_server_error(app, seeded, site_forms, route):
    callers = Callers(app, seeded)

    @settings(
        max_examples=route.examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=st.data())
    def requests_to_the_route(data):
        request = data.draw(requests(route, seeded, site_forms), label="request")
        limiter.reset()
        response = send(callers, route, request)
        assert response.status_code < 500, f"{route.method} {request}"

    requests_to_the_route()
