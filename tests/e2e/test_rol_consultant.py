"""In Chromium, the consultant's main path, clicked as a consultant would: the province overview,
a network whose pages show no edit buttons, the review of one condition with a verdict and a
remark; the coordinator (at another desk: a second browser context) answers; the consultant sees
the answer.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.rol_helpers import (aanmelden, bewerk_knoppen, label, netwerk_nav,
                                   open_netwerk_vanaf_start, tweede_pagina)

pytestmark = pytest.mark.e2e

X = "Huis van het Kind X"
OPMERKING = "Er is geen consultatiebureau bij de partners; welke partner biedt het aan?"
ANTWOORD = "Kind en Gezin Waasland treedt toe op 1 maart; hun consultatiebureau volgt dan."
LEESPAGINAS = ["Overzicht", "Partners", "Aanbod", "Erkenning", "Engagementen", "Samenwerking",
               "Lacunes en overlap", "Verwijzingen", "Export", "Wijzigingen"]


def _naar_review_e4(page) -> None:
    netwerk_nav(page, X).get_by_role("link", name="Erkenning", exact=True).click()
    expect(page.get_by_role("heading", name=f"Erkenning en subsidie: {X}")).to_be_visible()
    page.locator("#voorwaarde-E4").get_by_role("cell").last.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Review E4: Minimaal aanbod")).to_be_visible()


def test_consultant_reads_reviews_and_sees_the_coordinators_answer(page, browser, live_server,
                                                                   wereld):
    aanmelden(page, "cons-ov@test.be")
    expect(page.get_by_text("Je volgt de netwerken in Oost-Vlaanderen.")).to_be_visible()
    page.get_by_role("link", name="Overzicht netwerken").click()
    expect(page.get_by_role("heading", name="Netwerken in Oost-Vlaanderen")).to_be_visible()
    tabel = page.get_by_role("table")
    expect(tabel.get_by_role("link", name=X, exact=True)).to_be_visible()
    assert tabel.get_by_role("link", name="Huis van het Kind Y").count() == 0  # Antwerpen
    tabel.get_by_role("link", name=X, exact=True).click()
    expect(page.get_by_role("heading", name=X, level=1)).to_be_visible()

    # every page of the network opens, and none offers a button that changes data
    nav = netwerk_nav(page, X)
    assert nav.get_by_role("link").all_inner_texts() == LEESPAGINAS  # no Import
    gezien = {}
    for titel in LEESPAGINAS:
        nav.get_by_role("link", name=titel, exact=True).click()
        expect(nav.locator("[aria-current=page]")).to_have_text(titel)
        assert page.get_by_role("heading", name="Geen toegang").count() == 0, titel
        gezien[titel] = bewerk_knoppen(page)
    nav.get_by_role("link", name="Partners", exact=True).click()
    page.get_by_role("main").get_by_role("link", name="Partner A", exact=True).click()
    expect(page.get_by_role("heading", name="Partner A", level=1)).to_be_visible()
    gezien["Partner A"] = bewerk_knoppen(page)
    page.get_by_role("link", name="Spelotheek A").click()
    expect(page.get_by_role("heading", name="Spelotheek A", level=1)).to_be_visible()
    gezien["Spelotheek A"] = bewerk_knoppen(page)
    assert {p: k for p, k in gezien.items() if k} == {}

    # a verdict with a remark on E4
    _naar_review_e4(page)
    expect(page.get_by_text("Nog geen opmerkingen.")).to_be_visible()
    label(page, "Oordeel").select_option(label="Niet akkoord")
    label(page, "Opmerking").fill(OPMERKING)
    page.get_by_role("button", name="Opmerking bewaren").click()
    expect(page.get_by_text("Opmerking bij E4 bewaard.")).to_be_visible()
    geschiedenis = page.locator("#review-geschiedenis")
    assert "Niet akkoord" in geschiedenis.inner_text() and OPMERKING in geschiedenis.inner_text()
    assert "Antwoorden" not in geschiedenis.inner_text()  # the consultant does not answer

    # the coordinator, at another desk, sees the verdict on the dashboard and answers it
    with tweede_pagina(browser, live_server) as coord:
        aanmelden(coord, "coord-x@test.be")
        open_netwerk_vanaf_start(coord, X)
        netwerk_nav(coord, X).get_by_role("link", name="Erkenning", exact=True).click()
        e4 = coord.locator("#voorwaarde-E4")
        expect(e4).to_contain_text("Niet akkoord")
        e4.get_by_role("link", name="1 bericht").click()
        expect(coord.get_by_role("heading", name="Review E4: Minimaal aanbod")).to_be_visible()
        assert OPMERKING in coord.locator("#review-geschiedenis").inner_text()
        assert label(coord, "Oordeel").count() == 0  # a coordinator gives no verdict
        coord.locator("#review-geschiedenis summary").first.click()
        label(coord, "Antwoord").fill(ANTWOORD)
        coord.get_by_role("button", name="Antwoord versturen").click()
        expect(coord.get_by_text("Antwoord bij E4 bewaard.")).to_be_visible()
        assert coord.foreign == [] and coord.dialogs == []

    # back at the consultant's desk: the answer follows the remark
    page.get_by_role("link", name="Terug naar de erkenning").click()
    expect(page.get_by_role("heading", name=f"Erkenning en subsidie: {X}")).to_be_visible()
    expect(page.locator("#voorwaarde-E4")).to_contain_text("2 berichten")
    _naar_review_e4(page)
    tekst = geschiedenis.inner_text()
    assert tekst.index(OPMERKING) < tekst.index(ANTWOORD)
    assert "antwoord op opmerking" in tekst
    assert page.foreign == [] and page.dialogs == []
