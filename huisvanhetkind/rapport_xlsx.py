"""Small report workbooks (.xlsx) users download next to a page: one bold header row per sheet,
text neutralised against formula injection. The import/export workbook has its own writer
(partners/export/writers.py): it must round-trip through the importer."""
from __future__ import annotations

import io

from typing import TYPE_CHECKING

from flask import send_file

from .partners.importer.cells import neutraliseer

if TYPE_CHECKING:
    from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def nieuwe_werkmap() -> Workbook:
    # openpyxl (with numpy) takes ~150 ms to import: only a download pays it, not every start.
    from openpyxl import Workbook
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def blad(wb: Workbook, titel: str, kop: list[str], rijen: list[list],
         breedtes=(40, 18, 18, 18)) -> None:
    from openpyxl.styles import Font
    ws = wb.create_sheet(titel)
    ws.append(kop)
    for cel in ws[1]:
        cel.font = Font(bold=True)
    for rij in rijen:
        ws.append([neutraliseer(v) if isinstance(v, str) else v for v in rij])
    for i, breedte in enumerate(breedtes, start=1):
        ws.column_dimensions[chr(64 + i)].width = breedte


def als_bytes(wb: Workbook) -> bytes:
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def download(inhoud: bytes, naam: str):
    return send_file(io.BytesIO(inhoud), mimetype=XLSX, as_attachment=True, download_name=naam)
