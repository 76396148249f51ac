"""Import (domein.md §7): all or nothing, idempotent, upload → preview → confirm, CLI."""
from __future__ import annotations

import io
import zipfile
from html import unescape

import pytest
from sqlalchemy import select

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.extensions import db
from huisvanhetkind.partners import importer
from huisvanhetkind.partners.importer.models import ImportVoorbeeld
from huisvanhetkind.partners.models import Netwerk, Organisatie
from tests.io_helpers import (KOPPEN, csv_bytes, dump, groot_netwerk, tellingen, token, upload,
                              werkmap, zip_van)

FOUT_17 = "aanbod, rij 17, kolom aanbodvorm: 'speelotheek' is geen gekende aanbodvorm"


def _met_fout(bladen):
    bladen["aanbod"][16][3] = "speelotheek"  # list index 16 = Excel row 17
    return bladen


def _url(w):
    return f"/netwerken/{w.netwerk_x}/import"


def test_one_bad_cell_rejects_the_whole_40_partner_workbook(app, wereld, login):
    client = login(wereld.coordinator_x)
    with app.app_context():
        voor = tellingen()
    resp = upload(client, _url(wereld), werkmap(_met_fout(groot_netwerk())), "netwerk.xlsx")
    assert resp.status_code == 422
    html = unescape(resp.get_data(as_text=True))
    assert "is geweigerd: er is niets opgeslagen" in html
    assert FOUT_17 in html
    assert html.count("<li>aanbod, rij") == 1  # exactly that one cell
    with app.app_context():
        assert tellingen() == voor


def test_fixed_workbook_imports_after_preview_and_twice_changes_nothing(app, wereld, login):
    client = login(wereld.coordinator_x)
    data = werkmap(groot_netwerk())
    with app.app_context():
        voor = tellingen()
    preview = upload(client, _url(wereld), data, "netwerk.xlsx")
    assert preview.status_code == 200
    html = preview.get_data(as_text=True)
    assert "Er is nog niets opgeslagen" in html and "Partner 07 vzw" in html
    with app.app_context():
        assert tellingen() == voor  # the preview wrote nothing
    resp = client.post(f"/netwerken/{wereld.netwerk_x}/import/bevestig",
                       data={"token": token(html)})
    assert resp.status_code == 302 and resp.location.endswith("/import/resultaat")
    result = client.get(resp.location).get_data(as_text=True)
    assert "Import voltooid" in result
    with app.app_context():
        na_eerste = tellingen()
        assert na_eerste["lidmaatschap"] == voor["lidmaatschap"] + 40
        assert na_eerste["aanbod"] == voor["aanbod"] + 40
        assert na_eerste["verwijzing"] == voor["verwijzing"] + 39
        assert na_eerste["actie"] == 12
        eerste_dump = dump(wereld.netwerk_x)
        n = db.session.get(Netwerk, wereld.netwerk_x)
        assert n.rechtsvorm == "vzw" and n.coordinator_email == "coordinator@hvk-x.be"

    # the same file again: the preview says nothing changes, and confirming changes nothing
    html = upload(client, _url(wereld), data, "netwerk.xlsx").get_data(as_text=True)
    assert "Dit bestand verandert niets" in html
    client.post(f"/netwerken/{wereld.netwerk_x}/import/bevestig", data={"token": token(html)})
    with app.app_context():
        assert tellingen() == na_eerste
        assert dump(wereld.netwerk_x) == eerste_dump
        events = db.session.scalars(select(AuditEntry).where(AuditEntry.actie == "import")).all()
        assert len(events) == 2 and all(e.netwerk_id == wereld.netwerk_x for e in events)
        assert events[0].gebruiker == "coord-x@test.be"


@pytest.mark.parametrize("data, naam, verwacht", [
    (b"dit is geen werkmap", "netwerk.xlsx", "Dit bestand kan niet gelezen worden"),
    (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "netwerk.xls", "oud Excel-bestand (.xls)"),
    (b"PK\x03\x04 kapot", "netwerk.xlsx", "Het bestand is beschadigd"),
    (csv_bytes([["naam", "sector"], ["=cmd|' /C calc'!A0", "welzijn"]]), "partners.csv",
     "partners, rij 2, kolom naam: formules worden niet aanvaard"),
    (werkmap({"Blad1": [["naam"], ["x"]]}), "netwerk.xlsx",
     "Blad1: onbekend blad 'Blad1'. Toegelaten bladen: netwerk, partners, aanbod"),
    (zip_van({"partners.csv": b"naam;sector\r\n", "virus.exe": b"MZ"}), "x.zip",
     "enkel .csv-bestanden"),
    (csv_bytes([["naam", "sectoor"], ["A", "welzijn"]]), "partners.csv",
     "partners, rij 1, kolom sectoor: onbekende kolom"),
])
def test_hostile_or_wrong_files_get_a_dutch_error_and_no_500(wereld, login, data, naam,
                                                            verwacht):
    client = login(wereld.coordinator_x)
    resp = upload(client, f"/netwerken/{wereld.netwerk_x}/import", data, naam)
    assert resp.status_code == 422
    assert verwacht in unescape(resp.get_data(as_text=True))


def test_zip_bomb_like_workbook_is_refused_before_it_is_opened(wereld, login):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    assert len(buffer.getvalue()) < 5 * 1024 * 1024
    resp = upload(login(wereld.coordinator_x), f"/netwerken/{wereld.netwerk_x}/import",
                  buffer.getvalue(), "bom.xlsx")
    assert resp.status_code == 422
    assert "uitgepakt te groot" in resp.get_data(as_text=True)


def test_upload_over_5_mb_is_refused(wereld, login):
    resp = upload(login(wereld.coordinator_x), f"/netwerken/{wereld.netwerk_x}/import",
                  b"x" * (5 * 1024 * 1024 + 10), "groot.csv")
    assert resp.status_code == 413 and "maximaal 5 MB" in resp.get_data(as_text=True)


@pytest.mark.parametrize("wie", ["partner_a", "consultant_ov", "coordinator_y"])
def test_only_the_coordinator_or_beheerder_may_import(wereld, login, wie):
    client = login(getattr(wereld, wie))
    assert client.get(f"/netwerken/{wereld.netwerk_x}/import").status_code == 403
    assert client.post(f"/netwerken/{wereld.netwerk_x}/import/bevestig",
                       data={"token": "x" * 43}).status_code == 403


def test_the_stored_upload_belongs_to_one_user_and_network(app, wereld, login):
    client = login(wereld.coordinator_x)
    html = upload(client, f"/netwerken/{wereld.netwerk_x}/import",
                  werkmap({"partners": [["naam", "sector"], ["Nieuw", "welzijn"]]}),
                  "p.xlsx").get_data(as_text=True)
    t = token(html)
    andere = login(wereld.beheerder)  # same client, now another user
    resp = andere.post(f"/netwerken/{wereld.netwerk_x}/import/bevestig", data={"token": t})
    assert resp.status_code == 302
    assert resp.location.endswith(f"/netwerken/{wereld.netwerk_x}/import")
    with app.app_context():
        assert db.session.scalar(select(Organisatie).where(Organisatie.naam == "Nieuw")) is None
    # a made-up or path-like token is simply unknown
    for slecht in ("../../config.py", "a" * 43):
        resp = andere.post(f"/netwerken/{wereld.netwerk_x}/import/bevestig", data={"token": slecht})
        assert resp.status_code == 302


def test_cancel_deletes_the_stored_upload(app, wereld, login):
    client = login(wereld.coordinator_x)
    html = upload(client, f"/netwerken/{wereld.netwerk_x}/import",
                  werkmap({"partners": [["naam", "sector"], ["Nieuw", "welzijn"]]}),
                  "p.xlsx").get_data(as_text=True)
    t = token(html)
    client.post(f"/netwerken/{wereld.netwerk_x}/import/annuleer", data={"token": t})
    resp = client.post(f"/netwerken/{wereld.netwerk_x}/import/bevestig", data={"token": t})
    assert resp.status_code == 302
    assert "verlopen of al verwerkt" in client.get(resp.location).get_data(as_text=True)


def test_beheerder_imports_a_new_network(app, wereld, login):
    client = login(wereld.beheerder)
    assert client.get("/netwerken/import").status_code == 200
    data = werkmap(groot_netwerk("Huis van het Kind Nieuw", n=5))
    html = upload(client, "/netwerken/import", data, "nieuw.xlsx").get_data(as_text=True)
    assert "Er wordt een nieuw netwerk" in html
    resp = client.post("/netwerken/import/bevestig", data={"token": token(html)})
    assert resp.status_code == 302
    with app.app_context():
        n = db.session.scalar(select(Netwerk).where(Netwerk.naam == "Huis van het Kind Nieuw"))
        assert resp.location.endswith(f"/netwerken/{n.id}")
        assert len(dump(n.id)["partners"]) == 5
    # importing it as new a second time is refused: it exists
    resp = upload(client, "/netwerken/import", data, "nieuw.xlsx")
    assert resp.status_code == 422 and "bestaat al" in resp.get_data(as_text=True)


def test_coordinator_may_not_import_a_new_network(wereld, login):
    assert login(wereld.coordinator_x).get("/netwerken/import").status_code == 403


def test_template_download_has_sheets_codes_and_dropdowns(wereld, login, app):
    import openpyxl
    resp = login(wereld.partner_a).get("/import/sjabloon.xlsx")
    assert resp.status_code == 200 and "attachment" in resp.headers["Content-Disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(resp.data))
    assert wb.sheetnames == ["netwerk", "partners", "aanbod", "verwijzingen", "engagementen",
                             "indicatoren", "codes"]
    assert [c.value for c in wb["aanbod"][1]] == KOPPEN["aanbod"]
    codes = [r[1] for r in wb["codes"].iter_rows(values_only=True)]
    assert "spel_en_ontmoeting" in codes and "E6" in codes
    assert wb["aanbod"].data_validations.dataValidation  # aanbodvorm, doelgroep, ja/nee
    # the empty template itself imports without errors and changes nothing
    with app.app_context():
        rapport = importer.importeer(importer.lees(resp.data, "sjabloon.xlsx"),
                                     netwerk_id=wereld.netwerk_x, dry_run=True)
        assert not rapport.wijzigt_iets


def test_cli_import_dry_run_then_for_real_and_errors_exit_1(app, runner, wereld, tmp_path):
    pad = tmp_path / "netwerk.xlsx"
    pad.write_bytes(werkmap(groot_netwerk(n=3)))
    with app.app_context():
        voor = tellingen()
    result = runner.invoke(args=["hvk", "import", str(pad), "--netwerk", "Huis van het Kind X",
                                 "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "partners: 3 nieuw" in result.output and "Proefdraai" in result.output
    with app.app_context():
        assert tellingen() == voor
    result = runner.invoke(args=["hvk", "import", str(pad)])  # the netwerk sheet names it
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert tellingen()["lidmaatschap"] == voor["lidmaatschap"] + 3
    slecht = tmp_path / "slecht.xlsx"
    slecht.write_bytes(werkmap(_met_fout(groot_netwerk())))
    result = runner.invoke(args=["hvk", "import", str(slecht), "--netwerk", str(wereld.netwerk_x)])
    assert result.exit_code == 1 and FOUT_17 in result.output


def test_cli_import_of_a_folder_of_csv_files(app, runner, wereld, tmp_path):
    (tmp_path / "partners.csv").write_bytes(csv_bytes([["naam", "sector"], ["Map", "welzijn"]]))
    result = runner.invoke(args=["hvk", "import", str(tmp_path), "--netwerk",
                                 "Huis van het Kind Y"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(Organisatie).where(Organisatie.naam == "Map"))


def test_confirmed_and_refused_uploads_leave_nothing_behind(app, wereld, login):
    client = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/import"
    html = upload(client, url, werkmap({"partners": [["naam", "sector"], ["Nieuw", "welzijn"]]}),
                  "p.xlsx").get_data(as_text=True)
    with app.app_context():
        v = db.session.scalar(select(ImportVoorbeeld))
        assert (v.token, v.gebruiker_id, v.netwerk_id, v.bestandsnaam) == (
            token(html), wereld.coordinator_x, wereld.netwerk_x, "p.xlsx")
    client.post(f"{url}/bevestig", data={"token": token(html)})
    upload(client, url, b"kapot", "p.xlsx")
    with app.app_context():
        assert db.session.scalar(select(ImportVoorbeeld)) is None


@pytest.mark.csrf
def test_upload_and_confirm_need_the_csrf_token(wereld, login):
    client = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/import"
    page = client.get(url).get_data(as_text=True)
    assert 'name="csrf_token"' in page and 'enctype="multipart/form-data"' in page
    assert upload(client, url, b"naam;sector\r\n", "partners.csv").status_code == 400
    assert client.post(f"{url}/bevestig", data={"token": "x" * 43}).status_code == 400


def test_posting_without_a_file_asks_for_one(wereld, login):
    resp = login(wereld.coordinator_x).post(f"/netwerken/{wereld.netwerk_x}/import", data={})
    assert resp.status_code == 422 and "Dit veld is verplicht." in resp.get_data(as_text=True)


# --- engagementen: the realisation date of an action (domein.md §4) -------------------------------

ENGAGEMENT_KOPPEN = KOPPEN["engagementen"] + ["gerealiseerd_op"]


def _acties(netwerk_id: int) -> dict[str, tuple]:
    from huisvanhetkind.erkenning.models import Actie
    return {a.beschrijving: (a.status, a.gerealiseerd_op) for a in db.session.scalars(
        select(Actie).where(Actie.netwerk_id == netwerk_id))}


def test_realisation_dates_import_and_a_second_import_changes_nothing(app, wereld):
    from datetime import date
    bladen = {"engagementen": [
        ENGAGEMENT_KOPPEN,
        ["E6", "Stuurgroep", "Partner A", "31/12/2026", "gerealiseerd", "verslag", "14/03/2025"],
        ["E7", "Folder", "Partner B", "2026-12-31", "gerealiseerd", None, "2025-04-01"],
        ["E10", "Website", "Partner A", "31/12/2026", "gerealiseerd", None, None],
        ["E11", "Open huis", "Partner B", "31/12/2026", "lopend", None, None],
    ]}
    for data, naam in ((werkmap(bladen), "x.xlsx"), (csv_bytes(bladen["engagementen"]),
                                                     "engagementen.csv")):
        with app.app_context():
            importer.importeer(importer.lees(data, naam), netwerk_id=wereld.netwerk_x)
            assert _acties(wereld.netwerk_x) == {
                "Stuurgroep": ("gerealiseerd", date(2025, 3, 14)),
                "Folder": ("gerealiseerd", date(2025, 4, 1)),
                "Website": ("gerealiseerd", None),  # datum onbekend: the import sets no day
                "Open huis": ("lopend", None)}
            voor = tellingen()
            rapport = importer.importeer(importer.lees(data, naam), netwerk_id=wereld.netwerk_x)
            assert not rapport.wijzigt_iets, rapport.regels()
            assert tellingen() == voor


def test_a_file_without_the_column_keeps_the_dates(app, wereld):
    from datetime import date
    from huisvanhetkind.erkenning import operations
    with app.app_context():
        operations.nieuwe_actie(wereld.netwerk_x, "E6", beschrijving="Stuurgroep",
                                trekker_id=wereld.org_a, deadline=date(2026, 12, 31),
                                status="gerealiseerd", gerealiseerd_op=date(2025, 3, 14))
        operations.nieuwe_actie(wereld.netwerk_x, "E7", beschrijving="Folder",
                                trekker_id=wereld.org_b, deadline=date(2026, 12, 31),
                                status="gerealiseerd", gerealiseerd_op=date(2025, 4, 1))
        db.session.commit()
        bladen = {"engagementen": [KOPPEN["engagementen"],
                                   ["E6", "Stuurgroep", "Partner A", "31/12/2026",
                                    "gerealiseerd", None],
                                   ["E7", "Folder", "Partner B", "31/12/2026", "lopend", None]]}
        importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"), netwerk_id=wereld.netwerk_x)
        # kept while gerealiseerd; another status has no realisation date
        assert _acties(wereld.netwerk_x) == {"Stuurgroep": ("gerealiseerd", date(2025, 3, 14)),
                                             "Folder": ("lopend", None)}


@pytest.mark.parametrize("cel, status, actie, fout", [
    ("31/02/2025", "gerealiseerd", "Folder",
     "kolom gerealiseerd_op: '31/02/2025' is geen bestaande datum."),
    ("volgende week", "gerealiseerd", "Folder",
     "kolom gerealiseerd_op: 'volgende week' is geen datum; schrijf dd/mm/jjjj of jjjj-mm-dd."),
    ("14/03/2025", "lopend", "Folder", "kolom gerealiseerd_op: enkel een gerealiseerde actie "
                                       "heeft een realisatiedatum"),
    ("01/01/2999", "gerealiseerd", "Folder",
     "kolom gerealiseerd_op: de realisatiedatum ligt in de toekomst."),
    ("14/03/2025", None, None, "kolom actie: beschrijf de actie"),
])
def test_a_bad_realisation_date_is_refused_per_cell(app, wereld, cel, status, actie, fout):
    bladen = {"engagementen": [ENGAGEMENT_KOPPEN,
                               ["E6", "Stuurgroep", "Partner A", "31/12/2026", "gepland", None,
                                None],
                               ["E7", actie, "Partner B" if actie else None,
                                "31/12/2026" if actie else None, status, None, cel]]}
    with app.app_context():
        voor = tellingen()
        with pytest.raises(importer.ImportGeweigerd) as e:
            importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"),
                               netwerk_id=wereld.netwerk_x)
        assert [str(x) for x in e.value.fouten][0].startswith(f"engagementen, rij 3, {fout}")
        assert len(e.value.fouten) == 1 and tellingen() == voor


@pytest.mark.parametrize("formaat, naam", [("xlsx", "x.xlsx"), ("csv", "x.zip")])
def test_export_writes_the_realisation_date_and_imports_it_back(app, wereld, formaat, naam):
    from datetime import date
    from huisvanhetkind.erkenning import operations
    from huisvanhetkind.partners.export import FORMATEN
    with app.app_context():
        operations.nieuwe_actie(wereld.netwerk_x, "E6", beschrijving="Stuurgroep",
                                trekker_id=wereld.org_a, deadline=date(2026, 12, 31),
                                status="gerealiseerd", gerealiseerd_op=date(2025, 3, 14))
        onbekend = operations.nieuwe_actie(wereld.netwerk_x, "E7", beschrijving="Folder",
                                           trekker_id=wereld.org_b, deadline=date(2026, 12, 31),
                                           status="gerealiseerd")
        onbekend.gerealiseerd_op = None  # as older data has it: datum onbekend
        db.session.commit()
        data = FORMATEN[formaat].maak(wereld.netwerk_x)
        bestand = importer.lees(data, naam)
        assert [r["gerealiseerd_op"] for r in bestand.rijen("engagementen")] == [
            date(2025, 3, 14), None]
        voor, voor_dump = tellingen(), dump(wereld.netwerk_x)
        rapport = importer.importeer(bestand, netwerk_id=wereld.netwerk_x)
        assert not rapport.wijzigt_iets, rapport.regels()
        assert tellingen() == voor and dump(wereld.netwerk_x) == voor_dump
