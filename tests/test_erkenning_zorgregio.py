"""The zorgregio table: CSV variants, all-or-nothing, page, command and its effect on E2."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind import pipeline
from huisvanhetkind.domein import zorgregio
from huisvanhetkind.erkenning.models import Zorgregio
from huisvanhetkind.extensions import db


@pytest.mark.parametrize("data", [
    "nis;zorgregio\n46021;Waasland\n46025;Waasland\n".encode("utf-8"),
    "\ufeffnis;zorgregio\r\n46021;Waasland\r\n46025;Waasland\r\n".encode("utf-8"),
    b"46021,Waasland\n46025,Waasland\n",
    "NIS-code;Zorgregio\nSint-Niklaas;Waasland\ntemse;Waasland\n\n".encode("cp1252"),
])
def test_accepted_variants(data):
    res = zorgregio.lees(data)
    assert res.ok and res.regio == {"46021": "Waasland", "46025": "Waasland"}


def test_cp1252_region_names():
    res = zorgregio.lees("nis;zorgregio\n11002;Antwerpen Noord-Oost – Kempen\n".encode("cp1252"))
    assert res.regio == {"11002": "Antwerpen Noord-Oost – Kempen"}


def test_errors_per_row_in_dutch():
    res = zorgregio.lees(b"nis;zorgregio\n46021;Waasland\n99999;X\n46025\n46021;Gent\n"
                         b"21004;Brussel;extra\n")
    assert not res.ok
    assert res.fouten == [
        "Rij 3: onbekende NIS-code of gemeente '99999' (enkel Vlaamse en Brusselse gemeenten).",
        "Rij 4: de zorgregio ontbreekt (verwacht: nis;zorgregio).",
        "Rij 5: Sint-Niklaas (46021) staat al op rij 2 met zorgregio 'Waasland'.",
        "Rij 6: te veel kolommen (verwacht: nis;zorgregio).",
    ]
    assert zorgregio.lees(b"nis;zorgregio\n").fouten == [
        "Het bestand bevat geen gemeenten (verwacht: nis;zorgregio)."]


def test_beheerder_uploads_and_replaces_whole_table(wereld, login, app):
    client = login(wereld.beheerder)
    assert "nog geen zorgregiotabel" in client.get("/beheer/zorgregio").get_data(as_text=True)
    with app.app_context():
        assert pipeline.bundel(wereld.netwerk_x).beoordeling.uitkomst("E2").status == \
            "te_controleren"
    r = client.post("/beheer/zorgregio", data={
        "bestand": (io.BytesIO(b"nis;zorgregio\n46021;Waasland\n46025;Waasland\n11002;A\n"),
                    "zr.csv")}, content_type="multipart/form-data")
    assert r.status_code == 302
    with app.app_context():
        e2 = pipeline.bundel(wereld.netwerk_x).beoordeling.uitkomst("E2")
        assert e2.status == "voldaan" and "één zorgregio" in e2.uitleg
    # a second file replaces the table; Temse in another region now fails E2
    client.post("/beheer/zorgregio", data={
        "bestand": (io.BytesIO(b"46021;Waasland\n46025;Dender\n"), "zr.csv")},
        content_type="multipart/form-data")
    with app.app_context():
        assert dict(db.session.execute(select(Zorgregio.nis, Zorgregio.zorgregio)).all()) == {
            "46021": "Waasland", "46025": "Dender"}
        assert pipeline.bundel(wereld.netwerk_x).beoordeling.uitkomst("E2").status == \
            "niet_voldaan"
        laatste = db.session.scalars(select(AuditEntry).where(
            AuditEntry.actie == "zorgregio_geladen").order_by(AuditEntry.id)).all()[-1]
        assert "1 gewijzigd, 1 verwijderd" in laatste.omschrijving


def test_a_bad_file_changes_nothing(wereld, login, app):
    client = login(wereld.beheerder)
    client.post("/beheer/zorgregio", data={"bestand": (io.BytesIO(b"46021;Waasland\n"), "a.csv")},
                content_type="multipart/form-data")
    r = client.post("/beheer/zorgregio", data={
        "bestand": (io.BytesIO(b"46025;Waasland\n12345;Nergens\n"), "b.csv")},
        content_type="multipart/form-data")
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Rij 2: onbekende NIS-code" in html
    assert "de huidige tabel blijft ongewijzigd" in html
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Zorgregio)) == 1
    assert client.post("/beheer/zorgregio", data={}).status_code == 422  # no file: Dutch error


def test_only_beheerder(wereld, login):
    for user in (wereld.coordinator_x, wereld.consultant_ov, wereld.partner_a):
        assert login(user).get("/beheer/zorgregio").status_code == 403


def test_command(wereld, runner, app, tmp_path):
    bestand = tmp_path / "zorgregio.csv"
    bestand.write_bytes("nis;zorgregio\n46021;Waasland\n46025;Waasland\n".encode("cp1252"))
    r = runner.invoke(args=["hvk", "zorgregio", str(bestand)])
    assert r.exit_code == 0 and "2 gemeenten in 1 zorgregio" in r.output
    bestand.write_bytes(b"46021;Waasland\nxyz;Q\n")
    r = runner.invoke(args=["hvk", "zorgregio", str(bestand)])
    assert r.exit_code == 1 and "Rij 2: onbekende NIS-code of gemeente 'xyz'" in r.output
    r = runner.invoke(args=["hvk", "zorgregio", str(tmp_path / "weg.csv")])
    assert r.exit_code == 1 and "niet gevonden" in r.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Zorgregio)) == 2
