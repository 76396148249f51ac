"""Shared steps of the per-role browser journeys (tests/e2e/test_rol_*.py)."""
from __future__ import annotations

from contextlib import contextmanager

from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.factories import WACHTWOORD

# Words on links and buttons that change data; a reader (consultant) must never see them.
BEWERK_WOORDEN = ("bewerken", "toevoegen", "verwijderen", "nagekeken", "importeren",
                  "beëindigen", "bevestigen", "aanmaken", "bewaren", "opslaan", "import")


@contextmanager
def tweede_pagina(browser, base_url: str):
    """A second, independent browser context (another user at another desk), recorded like the
    `page` fixture: foreign requests in .foreign, JavaScript dialogs in .dialogs."""
    context = browser.new_context(locale="nl-BE", base_url=base_url,
                                  viewport={"width": 1440, "height": 900})  # as the page fixture
    pg = context.new_page()
    pg.foreign, pg.dialogs = [], []
    pg.on("request", lambda req: None if req.url.startswith((base_url, "data:"))
          else pg.foreign.append(req.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    try:
        yield pg
    finally:
        context.close()


def aanmelden(page, email: str) -> None:
    """Log in as a `wereld` user and check the start page greets them."""
    page.set_default_timeout(10_000)  # fail fast: every step here takes well under a second
    login(page, email, WACHTWOORD)
    expect(page.get_by_role("heading", name="Welkom").first, page.url).to_be_visible()


def netwerk_nav(page, naam: str):
    """The network-level navigation bar shown under the main navigation."""
    return page.get_by_role("navigation", name=f"Netwerk {naam}")


def open_netwerk_vanaf_start(page, naam: str) -> None:
    """From the start page's table of networks to the network's overview page."""
    page.get_by_role("main").get_by_role("link", name=naam, exact=True).click()
    expect(page.get_by_role("heading", name=naam, level=1)).to_be_visible()


def label(page, text: str):
    return page.get_by_label(text, exact=True)


def bewerk_knoppen(page) -> list[str]:
    """Names of the links and buttons in <main> that would change data."""
    namen = page.get_by_role("main").locator("a, button, input[type=submit]").evaluate_all(
        "els => els.map(e => (e.innerText || e.value || '').trim())")
    return [n for n in namen if any(w in n.lower() for w in BEWERK_WOORDEN)]
