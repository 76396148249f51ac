"""Writing rows of the exchange format as an .xlsx workbook or a .zip of .csv files.

Text cells that a spreadsheet would run as a formula (= + - @ tab CR) get a leading ' — the
importer removes it again, so a round trip stays exact. Code columns are formatted as text so
Excel does not turn '3-6' into a date.
"""
from __future__ import annotations

import csv
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ...domein import gemeenten, taxonomie as tax
from ...domein import kbo as kbo_nummer
from ..importer.cells import neutraliseer
from ..importer.columns import BLADEN, Kolom
from ..importer.rapport import werkingsgebied_tekst

VAST_TIJDSTIP = (2014, 3, 28, 0, 0, 0)  # zip entries carry no export time: identical exports


def cel(k: Kolom, value, *, als_tekst: bool = False):
    """One cell as written: text (neutralised), a date, a whole number or None."""
    if value is None or value == "" or value == ():
        return None
    if k.soort == "datum":
        return value.strftime("%d/%m/%Y") if als_tekst else value
    if k.soort == "getal":
        return str(value) if als_tekst else value
    if k.soort in ("jaar", "waarde"):  # numbers; as text with a decimal comma (nl-BE)
        tekst = repr(value).removesuffix(".0").replace(".", ",")
        return tekst if als_tekst else value
    if k.soort == "bool":
        return "ja" if value else "nee"
    if k.soort == "codes":
        return ";".join(c for c in k.taxonomie.keys() if c in set(value))
    if k.soort == "gemeenten":
        return "; ".join(sorted((gemeenten.naam(n) for n in value), key=tax.normalise))
    if k.soort == "werkingsgebied":
        return neutraliseer(werkingsgebied_tekst(value))
    if k.soort == "kbo":
        return kbo_nummer.formatted(value)
    return neutraliseer(str(value))


def csv_zip(rijen: dict[str, list[dict]]) -> bytes:
    """One UTF-8 (with BOM, for Excel) ';'-separated file per sheet, in a zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for blad, kolommen in BLADEN.items():
            text = io.StringIO()
            writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
            writer.writerow([k.naam for k in kolommen])
            for rij in rijen.get(blad, []):
                writer.writerow(["" if (v := cel(k, rij.get(k.naam), als_tekst=True)) is None
                                 else v for k in kolommen])
            info = zipfile.ZipInfo(f"{blad}.csv", date_time=VAST_TIJDSTIP)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, "\ufeff" + text.getvalue())
    return buffer.getvalue()


def werkmap(rijen: dict[str, list[dict]] | None = None) -> bytes:
    """The workbook: every sheet of BLADEN (headers, rows), a 'codes' sheet and dropdown lists."""
    rijen = rijen or {}
    wb = Workbook()
    wb.remove(wb.active)
    bereik = _codes_blad(wb)
    vet = Font(bold=True)
    for blad, kolommen in BLADEN.items():
        ws = wb.create_sheet(blad, index=len(wb.sheetnames) - 1)
        ws.append([k.naam for k in kolommen])
        for c in ws[1]:
            c.font = vet
        ws.freeze_panes = "A2"
        for rij in rijen.get(blad, []):
            ws.append([cel(k, rij.get(k.naam)) for k in kolommen])
        laatste = max(ws.max_row, 500)
        for i, k in enumerate(kolommen, start=1):
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = max(14, min(40, len(k.naam) + 4))
            _formaat(ws, k, i, laatste)
            lijst = _lijst(k, bereik)
            if lijst:
                dv = DataValidation(type="list", formula1=lijst, allow_blank=True,
                                    errorStyle="warning", showErrorMessage=True,
                                    errorTitle="Onbekende waarde",
                                    error="Kies een waarde uit de lijst (of een omschrijving uit "
                                          "het blad codes).")
                dv.add(f"{letter}2:{letter}{laatste}")
                ws.add_data_validation(dv)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _formaat(ws, k: Kolom, kolomnummer: int, laatste: int) -> None:
    if k.soort in ("getal", "bool", "jaar", "waarde"):
        return
    # text: no dates out of '3-6', no numbers out of KBO numbers; dates shown dd/mm/jjjj
    fmt = "DD/MM/YYYY" if k.soort == "datum" else "@"
    for r in range(2, laatste + 1):
        ws.cell(row=r, column=kolomnummer).number_format = fmt


def _lijst(k: Kolom, bereik: dict[str, str]) -> str | None:
    if k.soort == "bool":
        return '"ja,nee"'
    if k.soort == "code":
        return bereik.get(k.taxonomie.naam)
    if k.soort == "voorwaarde":
        return bereik.get("voorwaarde")
    return None


def _codes_blad(wb) -> dict[str, str]:
    """The allowed codes and labels per column; returns taxonomy → cell range for dropdowns."""
    ws = wb.create_sheet("codes")
    ws.append(["kolom", "code", "omschrijving"])
    for c in ws[1]:
        c.font = Font(bold=True)
    bereik = {}
    gedaan = set()
    for blad, kolommen in BLADEN.items():
        for k in kolommen:
            if k.taxonomie is not None and k.taxonomie.naam not in gedaan:
                gedaan.add(k.taxonomie.naam)
                eerste = ws.max_row + 1
                for code in k.taxonomie:
                    ws.append([f"{blad}.{k.naam}", code.code, code.label])
                bereik[k.taxonomie.naam] = f"codes!$B${eerste}:$B${ws.max_row}"
            elif k.soort == "voorwaarde":
                eerste = ws.max_row + 1
                for v in tax.ENGAGEMENTEN:
                    ws.append([f"{blad}.{k.naam}", v, ""])
                bereik["voorwaarde"] = f"codes!$B${eerste}:$B${ws.max_row}"
            elif k.uitleg:
                ws.append([f"{blad}.{k.naam}", "", k.uitleg])
    ws.append(["(ja/nee)", "ja", "ook: nee"])
    ws.append(["(datums)", "dd/mm/jjjj", "of jjjj-mm-dd"])
    ws.append(["(meerdere waarden)", "a;b", "gescheiden door ;"])
    for letter, width in (("A", 30), ("B", 32), ("C", 80)):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2):
        row[1].number_format = "@"
    return bereik

