"""Test helpers for import and export: workbooks and CSV built in code, a 40-partner network,
a normalised dump of a network and row/audit counts."""
from __future__ import annotations

import csv
import io
import re
import zipfile

import openpyxl
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.erkenning.models import Actie, Engagement
from huisvanhetkind.extensions import db
from huisvanhetkind.graaf.models import Verwijzing
from huisvanhetkind.partners.models import (Aanbod, Lidmaatschap, Netwerk, Organisatie,
                                            WerkingsgebiedDeel)
from huisvanhetkind.domein import taxonomie as tax
from tests.factories import kbo_nummer

DATA_MODELLEN = (Netwerk, WerkingsgebiedDeel, Organisatie, Lidmaatschap, Aanbod, Verwijzing,
                 Engagement, Actie)
KOPPEN = {
    "netwerk": ["naam", "werkingsgebied", "rechtsvorm", "aanvraagdatum", "erkenningsdatum",
                "coordinator_email"],
    "partners": ["sleutel", "naam", "kbo", "sector", "gemeenten", "email", "lid_sinds",
                 "overeenkomst_getekend"],
    "aanbod": ["sleutel", "partner", "naam", "aanbodvorm", "functies", "leeftijdsgroepen",
               "doelgroep", "werkvormen", "gemeenten", "laagdrempelig", "verplicht_kg"],
    "verwijzingen": ["van", "naar", "soort", "aantal_per_jaar", "sinds", "bevestigd"],
    "engagementen": ["voorwaarde", "actie", "trekker", "deadline", "status", "bewijs"],
}


def werkmap(bladen: dict[str, list[list]]) -> bytes:
    """An .xlsx with one sheet per entry; each list's first row is the header."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for naam, rijen in bladen.items():
        ws = wb.create_sheet(naam)
        for rij in rijen:
            ws.append(rij)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def csv_bytes(rijen: list[list], *, sep: str = ";", encoding: str = "utf-8",
              bom: bool = False) -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=sep, lineterminator="\r\n").writerows(
        [["" if v is None else v for v in r] for r in rijen])
    return (b"\xef\xbb\xbf" if bom else b"") + text.getvalue().encode(encoding)


def zip_van(bestanden: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam, data in bestanden.items():
            zf.writestr(naam, data)
    return buffer.getvalue()


def groot_netwerk(naam: str = "Huis van het Kind X", n: int = 40) -> dict[str, list[list]]:
    """A valid file with n partners, one aanbod each (aanbod row r = partner r-1), referrals in a
    chain and one action per engagement; codes written as codes and as labels, mixed cases."""
    sectoren = tax.SECTOR.keys()
    vormen = list(tax.AANBODVORM)
    partners, aanbod, verwijzingen = [KOPPEN["partners"]], [KOPPEN["aanbod"]], \
        [KOPPEN["verwijzingen"]]
    for i in range(1, n + 1):
        sleutel = f"p{i:02d}"
        partners.append([
            sleutel, f"Partner {i:02d} vzw", f"{kbo_nummer(4_000_000 + i)}" if i % 2 else None,
            sectoren[i % len(sectoren)] if i % 3 else tax.SECTOR[sectoren[i % len(sectoren)]]
            .label.upper(), "Sint-Niklaas" if i % 2 else "46025; sint niklaas",
            f"info{i}@partner.be" if i % 4 else None,
            "01/09/2023" if i % 2 else "2024-02-29", "ja" if i % 3 else "nee"])
        vorm = vormen[i % len(vormen)]
        aanbod.append([
            f"a{i}", sleutel if i % 5 else f"Partner {i:02d} VZW", f"Aanbod {i:02d}",
            vorm.code if i % 2 else vorm.label, "ontmoeting;gezinsondersteuning",
            "0-3;3-6" if i % 2 else "Ouders en opvoedingsverantwoordelijken",
            ["universeel", "kwetsbaar", "beide"][i % 3], "locatie" if i % 2 else "locatie;mobiel",
            None if i % 3 else "Temse", "ja" if i % 2 else "nee", "nee"])
        if i < n:
            verwijzingen.append([sleutel, f"p{i + 1:02d}", tax.VERWIJZINGSSOORT.keys()[i % 4],
                                 i if i % 2 else None, "15/03/2024" if i % 3 else None,
                                 "ja" if i % 2 else "nee"])
    engagementen = [KOPPEN["engagementen"]] + [
        [v, f"Actie voor {v}", f"p{j % n + 1:02d}", "31/12/2026", ["gepland", "lopend",
                                                               "gerealiseerd"][j % 3], "verslag"]
        for j, v in enumerate(tax.ENGAGEMENTEN)]
    return {
        "netwerk": [KOPPEN["netwerk"], [naam, "Sint-Niklaas; Temse", "vzw", "15/01/2024", None,
                                        "coordinator@hvk-x.be"]],
        "partners": partners, "aanbod": aanbod, "verwijzingen": verwijzingen,
        "engagementen": engagementen,
    }


def tellingen() -> dict[str, int]:
    """Rows per data table, and audit entries about those tables."""
    counts = {m.__tablename__: db.session.scalar(select(func.count()).select_from(m))
              for m in DATA_MODELLEN}
    counts["audit"] = db.session.scalar(select(func.count(AuditEntry.id)).where(
        AuditEntry.tabel.in_([m.__tablename__ for m in DATA_MODELLEN])))
    return counts


def dump(netwerk_id: int) -> dict:
    """The network as plain data keyed by names: what the exchange format carries."""
    n = db.session.scalar(select(Netwerk).where(Netwerk.id == netwerk_id)
                          .options(selectinload(Netwerk.werkingsgebied)))
    leden = db.session.scalars(select(Lidmaatschap).where(
        Lidmaatschap.netwerk_id == netwerk_id, Lidmaatschap.lid_tot.is_(None))
        .options(joinedload(Lidmaatschap.organisatie))).all()
    naam = {m.organisatie_id: m.organisatie.naam for m in leden}
    ids = list(naam)
    aanbod = db.session.scalars(select(Aanbod).where(Aanbod.organisatie_id.in_(ids))).all()
    verw = db.session.scalars(select(Verwijzing).where(Verwijzing.van_id.in_(ids),
                                                       Verwijzing.naar_id.in_(ids))).all()
    acties = db.session.execute(select(Engagement.voorwaarde, Actie).outerjoin(Actie).where(
        Engagement.netwerk_id == netwerk_id)).all()
    return {
        "netwerk": (n.rechtsvorm, n.aanvraagdatum, n.erkenningsdatum, n.coordinator_email,
                    sorted((d.nis, d.deel) for d in n.werkingsgebied)),
        "partners": sorted((m.organisatie.naam, m.sleutel, m.organisatie.kbo,
                            m.organisatie.sector, m.organisatie.gemeenten, m.organisatie.email,
                            m.lid_sinds, m.overeenkomst_getekend) for m in leden),
        "aanbod": sorted((naam[a.organisatie_id], a.sleutel or "", a.naam, a.aanbodvorm,
                          a.functies, a.leeftijdsgroepen, a.doelgroep, a.werkvormen, a.gemeenten,
                          a.laagdrempelig, a.verplicht_kg) for a in aanbod),
        "verwijzingen": sorted((naam[v.van_id], naam[v.naar_id], v.soort, v.aantal_per_jaar or -1,
                                str(v.sinds), v.bevestigd) for v in verw),
        "engagementen": sorted((v, a.beschrijving if a else "", naam.get(a.trekker_id, "")
                                if a else "", str(a.deadline) if a else "",
                                a.status if a else "", a.bewijs if a else "",
                                str(a.gerealiseerd_op) if a else "")
                               for v, a in acties),
    }


def upload(client, url: str, data: bytes, bestandsnaam: str):
    return client.post(url, data={"bestand": (io.BytesIO(data), bestandsnaam)},
                       content_type="multipart/form-data")


def token(html: str) -> str:
    return re.search(r'name="token" type="hidden" value="([^"]+)"', html).group(1)
