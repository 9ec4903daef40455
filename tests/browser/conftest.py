"""A live server and headless Chromium for tests that drive the app as a person would."""

import os
import threading
from contextlib import suppress
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.databases import running_in_ci

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(migrated_app):
    """The app served on a free local port in a background thread."""
    server = make_server("127.0.0.1", 0, migrated_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from Debian; missing, it skips here and fails in CI."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not installed at {CHROMIUM} (Debian package chromium)"
        if running_in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app, live_server):
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    yield page
    # Closed while the browser still fetches a page's icons, the dropped connection leaves the
    # test server's file open, and its warning fails whichever test runs next.
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # A page that keeps polling (a batch in progress) is closed as it is.
    with suppress(PlaywrightTimeout):
        page.wait_for_load_state("networkidle", timeout=5_000)
    context.close()
