"""The site's icon and web app manifest: served where browsers look, and linked from every page."""

import json
import re

import pytest

ICO_MAGIC = b"\x00\x00\x01\x00"


def served(client, path: str):
    """The response to ``path``, its file closed once read."""
    response = client.get(path)
    response.get_data()
    response.close()
    return response


def test_favicon_ico_is_an_icon(client):
    response = served(client, "/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/vnd.microsoft.icon"
    assert response.data.startswith(ICO_MAGIC)


def test_the_manifest_names_the_app_and_its_icons(client):
    response = served(client, "/static/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.data)
    assert manifest["name"] and manifest["short_name"] == "assessor"
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes


def test_every_icon_the_manifest_names_is_served_as_its_type(client):
    manifest = json.loads(served(client, "/static/manifest.webmanifest").data)
    for icon in manifest["icons"]:
        response = served(client, icon["src"])
        assert response.status_code == 200, icon["src"]
        assert response.mimetype == icon["type"], icon["src"]


@pytest.mark.parametrize(
    "path",
    ["/", "/rubrics", "/processes", "/scorecards", "/compare", "/data", "/methodology", "/api",
     "/sign-in", "/no-such-page"],
)  # fmt: skip
def test_every_page_links_the_icon_and_the_manifest(client, path):
    body = client.get(path).get_data(as_text=True)
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in body
    svg = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', body)[1]
    manifest = re.search(r'<link rel="manifest" href="([^"]+)">', body)[1]
    assert re.fullmatch(r"/static/icons/assessor\.svg\?v=[0-9a-f]{16}", svg)
    assert re.fullmatch(r"/static/manifest\.webmanifest\?v=[0-9a-f]{16}", manifest)
    assert served(client, svg).mimetype == "image/svg+xml"
    assert served(client, manifest).mimetype == "application/manifest+json"
