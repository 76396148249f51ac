"""A live server in a thread and Debian's Chromium driven by Playwright (never a downloaded browser)."""
from __future__ import annotations

import os
import threading

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from werkzeug.serving import make_server

from huisvanhetkind import create_app
from tests.conftest import test_config

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                 "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic"]


@pytest.fixture
def live_server(app, database_url):
    """Serve the test database over HTTP with CSRF on, as a browser meets it."""
    served = create_app(test_config(database_url, WTF_CSRF_ENABLED=True))
    server = make_server("127.0.0.1", 0, served, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context; every request outside the app is recorded in page.foreign."""
    # a desktop wide enough for every role's unfolded menu (base.html folds the beheerder's and
    # consultant's below 1,400 px; test_smal_scherm checks 390, 1,024 and 1,280 px)
    context = browser.new_context(locale="nl-BE", base_url=live_server,
                                  viewport={"width": 1440, "height": 900})
    pg = context.new_page()
    pg.foreign = []
    pg.dialogs = []
    pg.on("request", lambda req: None if req.url.startswith((live_server, "data:"))
          else pg.foreign.append(req.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def login(page, email: str, password: str) -> None:
    page.goto("/aanmelden")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()


def afmelden(page) -> None:
    """Sign out through the account menu (a dropdown in the header). A click before Bootstrap's
    script listens opens nothing (seen on a loaded machine): then the menu is clicked again."""
    page.wait_for_load_state("load")
    knop = page.get_by_role("button", name="Afmelden")
    page.locator("#account-menu").click()
    try:
        knop.wait_for(state="visible", timeout=5000)
    except PlaywrightTimeoutError:
        page.locator("#account-menu").click()
    knop.click()
