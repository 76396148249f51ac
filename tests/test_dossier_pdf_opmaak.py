"""How the dossier PDF lays out its long tables (issue 16): fixed columns that hold their text, and
overlaps that name each aanbod name once with a count."""
from __future__ import annotations

from datetime import date

import pytest
from flask import render_template

from huisvanhetkind.erkenning import dossier, pdf
from huisvanhetkind.extensions import db
from huisvanhetkind.models import Netwerk
from tests import factories as f
from tests.erkenning_factories import SINT_NIKLAAS, realistisch_netwerk
from tests.test_erkenning import pdf_tekst

LANG_WOORD = "Opvoedingsondersteuningsverantwoordelijkencentrum"  # wider than any column


@pytest.fixture
def waasland(app):
    """The realistic network, with four partners offering a Speelpleinwerking (an overlap whose
    aanbod share one name), an overlap for parents, and an engagement action with long words in
    every column."""
    from huisvanhetkind.erkenning import operations
    with app.app_context():
        w = realistisch_netwerk()
        netwerk = db.session.get(Netwerk, w.netwerk)
        for i in range(3):
            org = f.organisatie(f"Speelpleinvereniging {i}", sector="middenveld",
                                gemeenten=(SINT_NIKLAAS,))
            f.lid(netwerk, org)
            f.aanbod(org, "Speelpleinwerking", "vrije_tijd", functies=("vrije_tijd",),
                     leeftijdsgroepen=("6-12",))
        trekker = f.organisatie(f"{LANG_WOORD} Waasland", sector="welzijn",
                                gemeenten=(SINT_NIKLAAS,))
        f.lid(netwerk, trekker)
        # an overlap for the longest age group, "Ouders en opvoedingsverantwoordelijken"
        f.aanbod(trekker, "Opvoedingswinkel", "opvoedingsondersteuning", doelgroep="beide",
                 functies=("gezinsondersteuning",), leeftijdsgroepen=("ouders",))
        operations.nieuwe_actie(w.netwerk, "E7", beschrijving=f"{LANG_WOORD}sbijeenkomst",
                                trekker_id=trekker.id, deadline=date(2027, 12, 31),
                                status="lopend", bewijs=LANG_WOORD,
                                bewijs_link="https://hvk-waasland.be/" + "verslag" * 12)
        db.session.commit()
    return w


def _opgemaakt(app, netwerk_id: int):
    with app.test_request_context("/"):
        html = render_template("erkenning/dossier_pdf.html",
                               d=dossier.bouw(netwerk_id, date.today()))
        return pdf.opgemaakt(html)


def _tabellen(document):
    """(table box, page number) for every table of the laid-out PDF. `_page_box` is WeasyPrint's
    own tree of a page (no public API gives the boxes); a new WeasyPrint that renames it fails
    here, not silently."""
    from weasyprint.formatting_structure import boxes
    for nummer, pagina in enumerate(document.pages, start=1):
        for box in pagina._page_box.descendants():
            if isinstance(box, boxes.TableBox):
                yield box, nummer


def test_the_long_tables_have_fixed_columns_that_hold_their_text(app, waasland):
    from weasyprint.formatting_structure import boxes
    document = _opgemaakt(app, waasland.netwerk)
    vast, buiten = set(), []
    for tabel, nummer in _tabellen(document):
        if tabel.style["table_layout"] != "fixed":
            continue
        el = tabel.element
        vast.add(el.get("id") or el.get("class"))
        for cel in tabel.descendants():
            if not isinstance(cel, boxes.TableCellBox):
                continue
            rechts = cel.content_box_x() + cel.width
            buiten += [(nummer, t.text) for t in cel.descendants()
                       if isinstance(t, boxes.TextBox) and t.position_x + t.width > rechts + 0.5]
    assert {"lijst checklist vast", "lijst engagementen vast", "dossier-overlappen"} <= vast
    assert buiten == []  # the long words were broken or hyphenated inside their column


def test_the_overlaps_list_of_aanbod_gets_the_widest_column(app, waasland):
    document = _opgemaakt(app, waasland.netwerk)
    overlappen = [t for t, _ in _tabellen(document) if t.element.get("id") == "dossier-overlappen"]
    assert overlappen
    breedtes = overlappen[0].column_widths
    assert breedtes[-1] == max(breedtes) and breedtes[-1] > 0.4 * sum(breedtes)


def test_an_overlap_names_each_aanbod_name_once_with_a_count(waasland, login):
    client = login(waasland.coordinator)
    html = client.get(f"/netwerken/{waasland.netwerk}/erkenning/dossier").get_data(as_text=True)
    assert "4 aanbod: Speelpleinwerking ×4" in html
    assert "Speelpleinwerking, Speelpleinwerking" not in html
    r = client.get(f"/netwerken/{waasland.netwerk}/erkenning/dossier.pdf")
    tekst = " ".join(pdf_tekst(r.data).split())
    assert "4 aanbod: Speelpleinwerking ×4" in tekst
    assert '"Naam ×3": drie aanbod met dezelfde naam.' in tekst


def test_the_count_is_explained_only_when_a_name_repeats(app, login):
    with app.app_context():
        w = realistisch_netwerk()
        org = f.organisatie("Jeugddienst Sint-Niklaas", sector="vrije_tijd_cultuur",
                            gemeenten=(SINT_NIKLAAS,))
        f.lid(db.session.get(Netwerk, w.netwerk), org)
        f.aanbod(org, "Speelpleinwerking Sint-Niklaas", "vrije_tijd", functies=("vrije_tijd",),
                 leeftijdsgroepen=("6-12",))
        db.session.commit()
    html = login(w.coordinator).get(f"/netwerken/{w.netwerk}/erkenning/dossier").get_data(
        as_text=True)
    assert "2 aanbod: Speelpleinwerking, Speelpleinwerking Sint-Niklaas" in html
    assert "×" not in html and "Naam ×3" not in html
