"""Hypothesis generates malformed import files (issue 7): never a 500, never a partial import,
and every refusal is a Dutch message that says where (blad, rij, kolom) when it is about a cell."""
from __future__ import annotations

import string
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huisvanhetkind.extensions import db
from huisvanhetkind.partners import importer
from tests.io_helpers import KOPPEN, csv_bytes, groot_netwerk, tellingen, upload, werkmap, zip_van

BLADEN = ["partners", "aanbod", "verwijzingen", "engagementen"]


def _tekst(csv: bool):
    # a workbook cannot hold control characters at all (openpyxl refuses them): only CSV gets them
    verboden = ("Cs",) if csv else ("Cs", "Cc")
    return st.text(st.characters(blacklist_categories=verboden), max_size=40)


def _waarde(csv: bool):
    return st.one_of(
        st.none(), _tekst(csv), st.integers(-10**15, 10**15),
        st.floats(allow_nan=not csv, allow_infinity=not csv), st.dates(date(1, 1, 1)),
        st.sampled_from(["=1+1", "@SUM(A1)", "+32 3 123", "ja", "NEE", "46021", "0-3; 3-6",
                         "x" * 400, "2024-02-30", "31/02/2024", " ", "é;ü", "p01", "p01;p02",
                         "consultatiebureau", "doorverwijzing", "E7", "lopend", "0123.456.789"]))


@st.composite
def _mutaties(draw, csv: bool):
    """What to break in the valid 3-partner file: cells, headers, whole rows or sheets."""
    uit = []
    for _ in range(draw(st.integers(1, 4))):
        blad = draw(st.sampled_from(BLADEN))
        soort = draw(st.sampled_from(["cel", "cel", "cel", "kop", "rij_weg", "kolom_weg",
                                      "blad_weg", "lege_rij"]))
        uit.append((soort, blad, draw(st.integers(0, 12)), draw(st.integers(0, 10)),
                    draw(_waarde(csv)), draw(st.text(string.ascii_letters + "_ ", max_size=12))))
    return uit


def _breek(bladen: dict[str, list[list]], mutaties) -> dict[str, list[list]]:
    bladen = {b: [list(r) for r in rijen] for b, rijen in bladen.items()}
    for soort, blad, rij, kolom, waarde, kop in mutaties:
        rijen = bladen.get(blad)
        if rijen is None:
            continue
        breedte = len(rijen[0])
        if soort == "cel" and len(rijen) > 1:
            rijen[1 + rij % (len(rijen) - 1)][kolom % breedte] = waarde
        elif soort == "kop":
            rijen[0][kolom % breedte] = kop
        elif soort == "rij_weg" and len(rijen) > 1:
            del rijen[1 + rij % (len(rijen) - 1)]
        elif soort == "kolom_weg":
            for r in rijen:
                del r[kolom % breedte]
        elif soort == "blad_weg":
            del bladen[blad]
        elif soort == "lege_rij":
            rijen.insert(1 + rij % len(rijen), [None] * breedte)
    return bladen


def _bestand(bladen, csv: bool) -> tuple[bytes, str]:
    if csv:
        return zip_van({f"{b}.csv": csv_bytes(r) for b, r in bladen.items()}), "register.zip"
    return werkmap(bladen), "register.xlsx"


def _controleer_weigering(fout: importer.ImportGeweigerd) -> None:
    assert fout.fouten, "a refusal names at least one problem"
    for f in fout.fouten:
        assert f.uitleg.strip(), f
        if f.rij is not None:  # about a row: the sheet is named too
            assert f.blad, f


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(csv=st.booleans(), data=st.data())
def test_malformed_files_never_crash_and_never_half_import(app, wereld, login, csv, data):
    geldig = groot_netwerk("Huis van het Kind X", n=3)
    assert set(BLADEN) <= set(geldig) and set(geldig) <= set(KOPPEN)
    inhoud, naam = _bestand(_breek(geldig, data.draw(_mutaties(csv))), csv)

    # the web preview: a page with the report or a Dutch refusal, never a 500
    resp = upload(login(wereld.coordinator_x), f"/netwerken/{wereld.netwerk_x}/import", inhoud,
                  naam)
    assert resp.status_code in (200, 422), resp.status_code
    if resp.status_code == 422:
        html = resp.get_data(as_text=True)
        assert "niets" in html.lower() or "fout" in html.lower()

    # the real import: all of it, or nothing at all
    with app.app_context():
        voor = tellingen()
        try:
            importer.importeer(importer.lees(inhoud, naam), netwerk_id=wereld.netwerk_x)
        except importer.ImportGeweigerd as fout:
            _controleer_weigering(fout)
            db.session.rollback()
            assert tellingen() == voor, "a refused import changed the database"
        db.session.remove()
