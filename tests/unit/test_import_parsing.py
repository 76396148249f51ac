"""Pure import parsing: cells, CSV/XLSX/zip decoding and sheet validation (no Flask, no DB)."""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from huisvanhetkind.partners.importer import cells
from huisvanhetkind.partners.importer.cells import CelFout, lees, neutraliseer
from huisvanhetkind.partners.importer.columns import kolom
from huisvanhetkind.partners.importer.fouten import Fout, ImportGeweigerd
from huisvanhetkind.partners.importer.parsing import parse
from huisvanhetkind.partners.importer.reading import lees_bestand, scheidingsteken

PURE = ["cells", "columns", "fouten", "parsing", "rapport", "reading", "opslag"]


def _fouten(data: bytes, naam: str) -> list[str]:
    with pytest.raises(ImportGeweigerd) as e:
        parse(lees_bestand(data, naam))
    return [str(f) for f in e.value.fouten]


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.replace("\n", "\r\n").encode(encoding)


def _xlsx(**bladen) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for naam, rijen in bladen.items():
        ws = wb.create_sheet(naam)
        for r in rijen:
            ws.append(r)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()




@pytest.mark.parametrize("raw, verwacht", [
    ("03/02/2024", date(2024, 2, 3)), ("3/2/2024", date(2024, 2, 3)),
    ("2024-02-03", date(2024, 2, 3)), (datetime(2024, 2, 3, 0, 0), date(2024, 2, 3)),
    ("03.02.2024", date(2024, 2, 3)),
])
def test_dates(raw, verwacht):
    assert lees(kolom("partners", "lid_sinds"), raw) == verwacht


@pytest.mark.parametrize("raw", ["31/02/2024", "2024/02/03", "morgen", 45000])
def test_bad_dates_are_explained(raw):
    with pytest.raises(CelFout, match="datum"):
        lees(kolom("partners", "lid_sinds"), raw)


def test_booleans_codes_and_labels_case_insensitively():
    b = kolom("partners", "overeenkomst_getekend")
    assert lees(b, "JA") is True and lees(b, "nee") is False and lees(b, True) is True
    assert lees(b, "") is None
    with pytest.raises(CelFout, match="geen ja of nee"):
        lees(b, "misschien")
    vorm = kolom("aanbod", "aanbodvorm")
    assert lees(vorm, "SPEL EN ONTMOETING") == "spel_en_ontmoeting"
    assert lees(vorm, "Materiele ondersteuning (ruilwinkel, kledij, voeding)") == \
        "materiele_ondersteuning"
    leeftijd = kolom("aanbod", "leeftijdsgroepen")
    assert lees(leeftijd, "3-6; 0-3;0 tot 3 jaar\nouders") == ("0-3", "3-6", "ouders")
    with pytest.raises(CelFout, match="'4-8': geen gekende leeftijdsgroep"):
        lees(leeftijd, "0-3;4-8")
    with pytest.raises(CelFout, match="als datum gelezen"):
        lees(kolom("aanbod", "doelgroep"), datetime(2024, 6, 3))


def test_municipalities_by_name_nis_and_parts():
    g = kolom("partners", "gemeenten")
    assert lees(g, "sint niklaas; 46025 ;Temse") == ("46021", "46025")
    with pytest.raises(CelFout, match="'Atlantis': geen Vlaamse of Brusselse gemeente"):
        lees(g, "Temse; Atlantis")
    wg = kolom("netwerk", "werkingsgebied")
    assert lees(wg, "Antwerpen: Borgerhout; Antwerpen:  Deurne ;Temse") == (
        ("11002", "Borgerhout"), ("11002", "Deurne"), ("46025", ""))


def test_kbo_email_number_and_voorwaarde():
    assert lees(kolom("partners", "kbo"), "BE 0123.456.749") == "0123456749"
    assert lees(kolom("partners", "kbo"), 123456749) == "0123456749"  # Excel dropped the 0
    with pytest.raises(CelFout, match="controlecijfers"):
        lees(kolom("partners", "kbo"), "0123.456.748")
    with pytest.raises(CelFout, match="geen geldig e-mailadres"):
        lees(kolom("partners", "email"), "info@")
    assert lees(kolom("verwijzingen", "aantal_per_jaar"), 12.0) == 12
    with pytest.raises(CelFout, match="negatief"):
        lees(kolom("verwijzingen", "aantal_per_jaar"), "-3")
    assert lees(kolom("engagementen", "voorwaarde"), " e6 ") == "E6"
    with pytest.raises(CelFout, match="geen engagement"):
        lees(kolom("engagementen", "voorwaarde"), "E4")
    with pytest.raises(CelFout, match="te lang"):
        lees(kolom("partners", "naam"), "x" * 201)


def test_formulas_refused_and_export_quote_removed():
    naam = kolom("partners", "naam")
    with pytest.raises(CelFout, match="formules worden niet aanvaard"):
        lees(naam, "=cmd|' /C calc'!A0")
    for text in ("=SUM(A1)", "+32 3", "-min", "@home", "\tx"):
        assert cells.tekst(neutraliseer(text)) == text.strip()
    assert neutraliseer("gewoon") == "gewoon" and cells.tekst("'gewoon") == "'gewoon"


@pytest.mark.parametrize("data", [
    _csv("naam;sector;gemeenten\nCrèche;welzijn;Temse; Sint-Niklaas\n"),  # not quoted: 4 cells
])
def test_unquoted_extra_cell_is_reported(data):
    assert _fouten(data, "partners.csv") == [
        "partners, rij 1, kolom D: deze kolom bevat gegevens maar heeft geen naam in rij 1."]


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + _csv('naam;sector;gemeenten\nCrèche Élise;welzijn;"Temse; Sint-Niklaas"\n'),
    _csv("naam;sector;gemeenten\nCrèche Élise;welzijn;Temse\n", "cp1252"),
    _csv('naam,sector,gemeenten\n"Crèche Élise",welzijn,"Temse;Sint-Niklaas"\n'),
    _csv('"naam","sector"\n"Crèche Élise","Welzijn"\n', "cp1252"),
])
def test_csv_variants_parse(data):
    bestand = parse(lees_bestand(data, "partners.csv"))
    (rij,) = bestand.rijen("partners")
    assert rij["naam"] == "Crèche Élise" and rij["sector"] == "welzijn" and rij.rij == 2


def test_separator_detection_ignores_quoted_text():
    assert scheidingsteken('naam,"a;b;c"\n') == ","
    assert scheidingsteken('naam;functies\n"x";"a, b"') == ";"


def test_row_numbers_are_excel_rows_blank_rows_included():
    data = _xlsx(partners=[["naam", "sector"], ["A", "welzijn"], [None, None], ["B", "vrije tijd"]])
    assert _fouten(data, "x.xlsx") == [
        "partners, rij 4, kolom sector: 'vrije tijd' is geen gekende sector. Toegelaten: "
        "kind_en_gezin, lokaal_bestuur, welzijn, kinderopvang, onderwijs, gezondheid, jeugdhulp, "
        "vrije_tijd_cultuur, middenveld, mutualiteit, andere (of hun omschrijving)."]


def test_multiline_quoted_csv_counts_records_as_rows():
    data = _csv('naam;sector\n"Twee\nregels";welzijn\nC;onbekend\n')
    assert _fouten(data, "partners.csv")[0].startswith("partners, rij 3, kolom sector:")


def test_header_problems():
    assert _fouten(_csv("sleutel;sector\np1;welzijn\n"), "partners.csv") == [
        "partners, rij 1, kolom naam: deze verplichte kolom ontbreekt."]
    assert _fouten(_csv("naam;Naam;sector\n"), "partners.csv") == [
        "partners, rij 1, kolom naam: deze kolom komt twee keer voor."]
    assert _fouten(_csv("\nnaam;sector\n"), "partners.csv") == [
        "partners: rij 1 moet de kolomnamen bevatten."]


def test_duplicates_references_and_self_referral():
    data = _xlsx(
        partners=[["sleutel", "naam", "sector"], ["p1", "A", "welzijn"], ["P1", "B", "welzijn"],
                  [None, "C", "welzijn"], [None, "c", "welzijn"]],
        aanbod=[["partner", "naam", "aanbodvorm", "functies", "leeftijdsgroepen"],
                ["p1", "X", "informatie", "ontmoeting", "0-3"],
                ["A", "x", "informatie", "ontmoeting", "0-3"]],
        verwijzingen=[["van", "naar", "soort"], ["A", "p1", "doorverwijzing"]],
        engagementen=[["voorwaarde", "actie", "deadline"], ["E6", None, "01/01/2026"]])
    fouten = _fouten(data, "x.xlsx")
    assert fouten[:2] == [
        "partners, rij 3, kolom sleutel: dezelfde sleutel als rij 2.",
        "partners, rij 5, kolom naam: dezelfde naam als rij 4; geef een sleutel of KBO-nummer om "
        "ze te onderscheiden."]


def test_references_resolved_within_the_file():
    data = _xlsx(
        partners=[["sleutel", "naam", "kbo", "sector"], ["p1", "A", "0123.456.749", "welzijn"],
                  [None, "Bé", None, "welzijn"]],
        aanbod=[["partner", "naam", "aanbodvorm", "functies", "leeftijdsgroepen"],
                ["0123456749", "X", "informatie", "ontmoeting", "0-3"],
                ["be", "Y", "informatie", "ontmoeting", "0-3"],
                ["Elders", "Z", "informatie", "ontmoeting", "0-3"]],
        verwijzingen=[["van", "naar", "soort"], ["p1", "A", "doorverwijzing"]],
        engagementen=[["voorwaarde", "actie", "deadline"], ["E6", None, "01/01/2026"]])
    fouten = _fouten(data, "x.xlsx")
    assert fouten == [
        "verwijzingen, rij 2, kolom naar: een partner kan niet naar zichzelf verwijzen.",
        "engagementen, rij 2, kolom actie: beschrijf de actie: trekker, deadline, status of "
        "bewijs horen bij een actie."]
    del data
    ok = parse(lees_bestand(_xlsx(
        partners=[["sleutel", "naam", "sector"], ["p1", "A", "welzijn"], [None, "Bé", "welzijn"]],
        aanbod=[["partner", "naam", "aanbodvorm", "functies", "leeftijdsgroepen"],
                ["p1", "X", "informatie", "ontmoeting", "0-3"],
                ["be", "Y", "informatie", "ontmoeting", "0-3"],
                ["Elders", "Z", "informatie", "ontmoeting", "0-3"]]), "x.xlsx"))
    refs = [r["partner"] for r in ok.rijen("aanbod")]
    assert refs[0].rij["naam"] == "A" and refs[1].rij["naam"] == "Bé"
    assert refs[2].rij is None and refs[2].tekst == "Elders"  # left for the database


def test_hostile_containers():
    assert _fouten(b"GIF89a...", "x.xlsx")[0].startswith("Dit bestand kan niet gelezen worden")
    assert "geen tekstbestand" in _fouten(b"naam\0;sector", "partners.csv")[0]
    assert "tekencodering" in _fouten(b"naam;sector\r\n\x81\x8d;x", "partners.csv")[0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("partners.csv", b"naam;sector\r\n" + b" " * (51 * 1024 * 1024))
    assert "uitgepakt te groot" in _fouten(buffer.getvalue(), "x.zip")[0]
    assert _fouten(_xlsx(partners=[["naam", "sector"]], Blad2=[["x"]]), "x.xlsx") == [
        "Blad2: onbekend blad 'Blad2'. Toegelaten bladen: netwerk, partners, aanbod, "
        "verwijzingen, engagementen, indicatoren."]
    assert _fouten(_csv("naam\nx\n"), "leden.csv")[0].startswith("leden: onbekend blad")
    # the template's codes sheet and an empty netwerk sheet are fine
    ok = parse(lees_bestand(_xlsx(netwerk=[["naam"]], codes=[["kolom"]]), "x.xlsx"))
    assert not ok.heeft("netwerk")


def test_too_many_rows_refused():
    from huisvanhetkind.partners.importer import reading
    data = _csv("naam;sector\n" + "x;welzijn\n" * (reading.MAX_RIJEN + 1))
    assert "te veel rijen" in _fouten(data, "partners.csv")[0]


def test_fout_text_and_cap():
    assert str(Fout("aanbod", 17, "aanbodvorm", "kapot.")) == \
        "aanbod, rij 17, kolom aanbodvorm: kapot."
    assert str(Fout(uitleg="Leeg.")) == "Leeg."
    e = ImportGeweigerd([Fout("partners", i, "naam", "x") for i in range(2, 300)])
    assert len(e.regels()) == 201 and e.regels()[-1] == "… en nog 98 fouten."


def _vervang(xlsx: bytes, lid: str, inhoud: bytes) -> bytes:
    bron, doel = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(doel, "w") as zf:
        for info in bron.infolist():
            zf.writestr(info.filename, inhoud if info.filename == lid else bron.read(info))
    return doel.getvalue()


@pytest.mark.parametrize("lid", ["xl/workbook.xml", "xl/worksheets/sheet1.xml"])
def test_xml_entities_are_refused_by_defusedxml(lid):
    import openpyxl.xml
    from defusedxml import EntitiesForbidden
    assert openpyxl.xml.DEFUSEDXML  # openpyxl parses through defusedxml
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
           b'</sheetData></worksheet>')
    data = _vervang(_xlsx(partners=[["naam", "sector"], ["A", "welzijn"]]), lid, lol)
    with pytest.raises(Exception) as e:
        openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert isinstance(e.value.__context__ or e.value, EntitiesForbidden)
    assert "geen geldige Excel-werkmap" in _fouten(data, "x.xlsx")[0]


def test_comma_separates_values_inside_a_semicolon_csv_but_labels_keep_their_commas():
    from huisvanhetkind.partners.importer import cells
    from huisvanhetkind.domein.taxonomie import AANBODVORM, FUNCTIE
    assert cells._items("ontmoeting, vrije_tijd", FUNCTIE.lookup) == ["ontmoeting", "vrije_tijd"]
    label = AANBODVORM.label("vrije_tijd")
    assert "," in label and cells._items(label, AANBODVORM.lookup) == [label]
    assert cells._items("Sint-Niklaas, Temse", cells.gemeenten.zoek) == ["Sint-Niklaas", "Temse"]


def _werkmap_met_rij(cellen: int, namespace: bool = False) -> bytes:
    """A valid workbook whose 'partners' sheet has a header and one row of `cellen` inline cells."""
    import zipfile

    wb = openpyxl.Workbook()
    wb.active.title = "partners"
    wb.active.append(["sleutel", "naam"])
    buf = io.BytesIO()
    wb.save(buf)
    zin, out = zipfile.ZipFile(io.BytesIO(buf.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                tag = b"x:c" if namespace else b"c"
                rij = b"".join(b"<" + tag + b' t="inlineStr"><is><t>x</t></is></' + tag + b">"
                               for _ in range(cellen))
                data = data.replace(b"</sheetData>", b'<row r="2">' + rij + b"</row></sheetData>")
            zout.writestr(item, data)
    return out.getvalue()


def test_a_row_of_a_million_cells_is_refused_before_openpyxl_builds_it():
    """Issue 12: a 134 KB workbook with one row of 1.2 M cells took 54 s and 1.2 GB."""
    import tracemalloc

    data = _werkmap_met_rij(300_000)
    tracemalloc.start()

    with pytest.raises(ImportGeweigerd) as e:
        lees_bestand(data, "breed.xlsx")
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert e.value.fouten[0].blad == "partners" and "meer dan 2.000 cellen" in str(e.value.fouten[0])
    assert piek < 50 * 2**20  # streamed, never the whole row (the bound is not timed here)


def test_wide_rows_within_the_bound_are_read():
    tabellen = lees_bestand(_werkmap_met_rij(1_900), "breed.xlsx")
    assert tabellen["partners"].rijen[0][1][:2] == ("x", "x")
    with pytest.raises(ImportGeweigerd):
        lees_bestand(_werkmap_met_rij(2_100, namespace=True), "breed.xlsx")


@pytest.mark.parametrize("raw,verwacht", [
    ("18,3", 18.3), ("18.3", 18.3), ("1.234", 1234.0), ("1.234,5", 1234.5), ("2 600", 2600.0),
    ("12%", 12.0), (2600, 2600.0), (18.25, 18.25), ("0", 0.0)])
def test_indicator_values(raw, verwacht):
    assert lees(kolom("indicatoren", "waarde"), raw) == verwacht


def test_indicator_cells_nis_year_and_code():
    assert lees(kolom("indicatoren", "nis"), "Sint-Niklaas") == "46021"
    assert lees(kolom("indicatoren", "nis"), 46021) == "46021"
    assert lees(kolom("indicatoren", "jaar"), 2024.0) == 2024
    assert lees(kolom("indicatoren", "indicator"), "Kinderen van 0 tot 3 jaar") == "kinderen_0_3"
    for k, raw in (("jaar", "24"), ("jaar", "2024,5"), ("waarde", "1,2,3"), ("waarde", "nan"),
                   ("waarde", True), ("nis", "Atlantis")):
        with pytest.raises(CelFout):
            lees(kolom("indicatoren", k), raw)
