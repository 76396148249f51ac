"""Decoding an upload into raw tables: an .xlsx workbook, a .zip or folder of .csv files, or one
.csv file. Pure (no Flask, no database).

Hostile files are refused before they cost memory or time: the type is recognised by content, not
by name; a zip's declared uncompressed size is bounded before anything is opened (zipfile never
inflates a member beyond its declared size); openpyxl parses the XML through defusedxml; rows and
columns are read within fixed bounds.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ...domein.taxonomie import normalise
from .columns import BLADNAMEN, GENEGEERD, MAX_KOLOMMEN, MAX_RIJEN
from .fouten import Fout, ImportGeweigerd

MAX_UITGEPAKT = 50 * 1024 * 1024  # total uncompressed size of a workbook or zip
MAX_LEDEN = 200  # members of a zip
# openpyxl builds every cell of a row before its max_col applies: a 134 KB workbook with one row
# of 1.2 million inline cells took 54 s and 1.2 GB. A real import row has at most MAX_KOLOMMEN
# filled cells; this leaves room for formatted empty ones and still parses in milliseconds.
MAX_CELLEN_PER_RIJ = 2_000
_BLOK = 1024 * 1024  # the worksheet XML is scanned in blocks of this size
_CEL = re.compile(rb"<(?:[A-Za-z0-9_]+:)?c[\s>/]")
ZIP, OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
SOORTEN = "een Excel-werkmap (.xlsx), een .zip met .csv-bestanden of één .csv-bestand"



def _openpyxl():
    """openpyxl, imported on the first workbook (~200 ms at every app start otherwise)."""
    import openpyxl
    import openpyxl.xml
    # openpyxl falls back to the standard library's XML parser without defusedxml: refuse so.
    if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
        raise ImportError("defusedxml must be installed: openpyxl parses uploaded workbooks")
    return openpyxl


@dataclass
class Tabel:
    """One sheet: its header (row 1) and its non-empty data rows with their row numbers."""
    blad: str
    kolommen: list[str]
    rijen: list[tuple[int, tuple]] = field(default_factory=list)


Tabellen = dict[str, Tabel]


def weiger(uitleg: str, blad: str = "") -> ImportGeweigerd:
    return ImportGeweigerd([Fout(blad=blad, uitleg=uitleg)])


def lees_bestand(data: bytes, bestandsnaam: str = "") -> Tabellen:
    """Recognise the content and read it into tables, or raise ImportGeweigerd."""
    if not data:
        raise weiger("Het bestand is leeg.")
    if data.startswith(OLE2):
        raise weiger("Dit is een oud Excel-bestand (.xls) of een beveiligd bestand. Bewaar het in "
                     "Excel als 'Excel-werkmap (.xlsx)' of als CSV en probeer opnieuw.")
    if data.startswith(ZIP):
        return _lees_zip(data)
    if bestandsnaam.lower().endswith(".csv"):
        return _tabellen([(_bladnaam(bestandsnaam), data)])
    raise weiger(f"Dit bestand kan niet gelezen worden. Kies {SOORTEN}.")


def lees_pad(pad: str | Path) -> Tabellen:
    """A file, or a folder holding the .csv files (command line)."""
    pad = Path(pad)
    if pad.is_dir():
        bestanden = sorted(p for p in pad.iterdir() if p.suffix.lower() == ".csv")
        if not bestanden:
            raise weiger(f"De map {pad} bevat geen .csv-bestanden.")
        _bewaak_grootte(sum(p.stat().st_size for p in bestanden))
        return _tabellen([(_bladnaam(p.name), p.read_bytes()) for p in bestanden])
    if pad.stat().st_size > MAX_UITGEPAKT:
        raise weiger("Het bestand is te groot (meer dan 50 MB).")
    return lees_bestand(pad.read_bytes(), pad.name)


def _bewaak_grootte(totaal: int) -> None:
    if totaal > MAX_UITGEPAKT:
        raise weiger(f"Het bestand is uitgepakt te groot ({totaal // (1024 * 1024)} MB; maximaal "
                     f"{MAX_UITGEPAKT // (1024 * 1024)} MB). Het kan een beschadigd of "
                     "kwaadaardig bestand zijn.")


def _lees_zip(data: bytes) -> Tabellen:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        leden = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise weiger(f"Het bestand is beschadigd. Kies {SOORTEN}.") from None
    if len(leden) > MAX_LEDEN:
        raise weiger("Het zip-bestand bevat te veel bestanden.")
    _bewaak_grootte(sum(m.file_size for m in leden))
    namen = {m.filename for m in leden}
    if "xl/workbook.xml" in namen or "[Content_Types].xml" in namen:
        namen_van = _werkbladnamen(zf)
        for m in leden:
            if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml"):
                _bewaak_cellen(zf, m, namen_van.get(m.filename, PurePosixPath(m.filename).stem))
        return _lees_werkmap(data)
    csvs = []
    for m in leden:
        pad = PurePosixPath(m.filename)
        if m.is_dir() or pad.name.startswith(".") or "__MACOSX" in pad.parts:
            continue
        if pad.suffix.lower() != ".csv":
            raise weiger(f"Het zip-bestand bevat '{m.filename}': enkel .csv-bestanden "
                         f"({', '.join(BLADNAMEN)}) zijn toegelaten.")
        try:
            csvs.append((_bladnaam(pad.name), zf.read(m)))
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError):
            raise weiger(f"'{m.filename}' in het zip-bestand kan niet gelezen worden "
                         "(beschadigd of met wachtwoord).") from None
    if not csvs:
        raise weiger("Het zip-bestand bevat geen .csv-bestanden.")
    return _tabellen(csvs)


def _cellen(segment: bytes) -> int:
    # the common spellings counted in C; a namespaced <x:c ...> only when one could be there
    n = segment.count(b"<c ") + segment.count(b"<c>") + segment.count(b"<c/")
    if b":c" in segment:
        n = len(_CEL.findall(segment))
    return n


def _bewaak_cellen(zf: zipfile.ZipFile, lid: zipfile.ZipInfo, blad: str) -> None:
    """Refuse a worksheet with a row of more than MAX_CELLEN_PER_RIJ cells before openpyxl builds
    it: one streaming pass over the XML in blocks, no parse, stopping at the first such row."""
    in_rij, rest = 0, b""
    try:
        with zf.open(lid) as fh:
            while blok := fh.read(_BLOK):
                blok = rest + blok
                knip = blok.rfind(b"<")  # never split a tag: the tail goes to the next block
                blok, rest = (blok[:knip], blok[knip:]) if knip > 0 else (blok, b"")
                *klaar, open_ = blok.split(b"</row>")
                for segment in klaar:
                    if in_rij + _cellen(segment) > MAX_CELLEN_PER_RIJ:
                        break
                    in_rij = 0
                else:
                    in_rij += _cellen(open_)
                    if in_rij <= MAX_CELLEN_PER_RIJ:
                        continue
                raise weiger(f"een rij heeft meer dan {MAX_CELLEN_PER_RIJ:,} cellen "
                             f"(maximaal {MAX_KOLOMMEN} kolommen worden gelezen). Kopieer enkel "
                             "de gegevens naar een nieuwe werkmap.".replace(",", "."), blad)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError):
        raise weiger("De Excel-werkmap is beschadigd en kan niet gelezen worden.") from None


def _werkbladnamen(zf: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part ('xl/worksheets/sheet1.xml') → the sheet's name, for Dutch messages; empty
    when the small workbook XML cannot be read (openpyxl then says what is wrong)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    # imported here, like openpyxl: only a workbook needs an XML parser (~3 ms of every start)
    from defusedxml import ElementTree

    try:
        werkmap = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        relaties = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # any malformed or missing part: only the message loses the name
        return {}
    doel = {r.get("Id"): r.get("Target", "") for r in relaties.findall("p:Relationship", ns)}
    uit = {}
    for sheet in werkmap.iterfind("m:sheets/m:sheet", ns):
        target = doel.get(sheet.get(f"{{{ns['r']}}}id"), "").lstrip("/")
        pad = target if target.startswith("xl/") else f"xl/{target}"
        uit[pad] = sheet.get("name", "")
    return uit


def _bladnaam(bestandsnaam: str) -> str:
    return PurePosixPath(bestandsnaam.replace("\\", "/")).stem


def _herken_blad(naam: str) -> str | None:
    """The known sheet this name stands for; '' for a sheet to skip; None if unknown."""
    key = normalise(naam)
    for blad in BLADNAMEN:
        if key == normalise(blad):
            return blad
    return "" if key in GENEGEERD else None


def _onbekend(naam: str) -> Fout:
    return Fout(blad=naam, uitleg=f"onbekend blad '{naam}'. Toegelaten bladen: "
                                  f"{', '.join(BLADNAMEN)}.")


def _tabellen(bronnen: list[tuple[str, bytes]]) -> Tabellen:
    """CSV sources (sheet name, bytes) → tables."""
    tabellen, fouten = {}, []
    for naam, data in bronnen:
        blad = _herken_blad(naam)
        if blad is None:
            fouten.append(_onbekend(naam))
        elif blad and blad in tabellen:
            fouten.append(Fout(blad=blad, uitleg="dit blad komt twee keer voor."))
        elif blad:
            try:
                tabellen[blad] = _lees_csv(blad, data)
            except ImportGeweigerd as e:
                fouten.extend(e.fouten)
    if fouten:
        raise ImportGeweigerd(fouten)
    return _niet_leeg(tabellen)


def _niet_leeg(tabellen: Tabellen) -> Tabellen:
    if not tabellen:
        raise weiger(f"Het bestand bevat geen van de bladen {', '.join(BLADNAMEN)}.")
    return tabellen


def decodeer(data: bytes, blad: str = "") -> str:
    """UTF-8 with or without BOM, else Windows-1252 (Excel's 'CSV' on a Belgian PC)."""
    if b"\x00" in data:
        raise weiger("dit is geen tekstbestand (CSV).", blad)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise weiger("de tekencodering is onbekend; bewaar als 'CSV UTF-8'.", blad) from None


def scheidingsteken(tekst: str) -> str:
    """';' or ',' — whichever the header line (outside quotes) uses most; ';' on a tie."""
    kop, in_quotes = [], False
    for ch in tekst:
        if ch == '"':
            in_quotes = not in_quotes
        elif ch in "\r\n" and not in_quotes:
            break
        elif not in_quotes:
            kop.append(ch)
    kop = "".join(kop)
    return "," if kop.count(",") > kop.count(";") else ";"


def _lees_csv(blad: str, data: bytes) -> Tabel:
    tekst = decodeer(data, blad)
    reader = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheidingsteken(tekst))
    try:
        rijen = _begrensd(blad, enumerate(reader, start=1))
    except csv.Error as e:
        raise weiger(f"het CSV-bestand is ongeldig (rij {reader.line_num}): {e}.", blad) from None
    return _tabel(blad, rijen)


def _begrensd(blad: str, genummerd) -> list[tuple[int, tuple]]:
    rijen = []
    for nummer, waarden in genummerd:
        if nummer > MAX_RIJEN + 1:
            if any(v not in (None, "") for v in waarden):
                raise weiger(f"te veel rijen: maximaal {MAX_RIJEN} per blad.", blad)
            continue
        rijen.append((nummer, tuple(waarden)[:MAX_KOLOMMEN]))
    return rijen


def _tabel(blad: str, rijen: list[tuple[int, tuple]]) -> Tabel:
    def leeg(v):
        return v is None or (isinstance(v, str) and not v.strip())
    if not rijen or rijen[0][0] != 1 or all(leeg(v) for v in rijen[0][1]):
        raise weiger("rij 1 moet de kolomnamen bevatten.", blad)
    kop = list(rijen[0][1])
    while kop and leeg(kop[-1]):
        kop.pop()
    kolommen = ["" if leeg(v) else str(v).strip() for v in kop]
    data = [(n, w) for n, w in rijen[1:] if not all(leeg(v) for v in w)]
    return Tabel(blad=blad, kolommen=kolommen, rijen=data)


def _lees_werkmap(data: bytes) -> Tabellen:
    try:
        wb = _openpyxl().load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a malformed file; none may become a 500
        raise weiger(f"Dit bestand is geen geldige Excel-werkmap. Kies {SOORTEN}.") from None
    tabellen, fouten = {}, []
    try:
        for naam in wb.sheetnames:
            blad = _herken_blad(naam)
            if blad is None:
                fouten.append(_onbekend(naam))
            elif blad and blad in tabellen:
                fouten.append(Fout(blad=blad, uitleg="dit blad komt twee keer voor."))
            elif blad:
                ws = wb[naam]
                rows = ws.iter_rows(min_row=1, max_row=MAX_RIJEN + 2, max_col=MAX_KOLOMMEN,
                                    values_only=True)
                try:
                    tabellen[blad] = _tabel(blad, _begrensd(blad, enumerate(rows, start=1)))
                except ImportGeweigerd as e:
                    fouten.extend(e.fouten)
    except ImportGeweigerd:
        raise
    except Exception:
        raise weiger("De Excel-werkmap is beschadigd en kan niet gelezen worden.") from None
    finally:
        wb.close()
    if fouten:
        raise ImportGeweigerd(fouten)
    return _niet_leeg(tabellen)
