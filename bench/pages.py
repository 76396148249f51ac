"""The pages and API calls the benchmark measures, and how their URLs are resolved.

Each entry names a Flask endpoint (or an API path) and who is logged in. Entries whose endpoint
does not exist in this build are skipped with a note, so the benchmark runs while modules are
still being built. Every URL concerns the largest network of the Flanders data set.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date

from werkzeug.exceptions import MethodNotAllowed, NotFound


@dataclass(frozen=True)
class Page:
    naam: str
    doel: str  # endpoint name, or a URL path template starting with '/'
    soort: str = "GET"  # GET | LOGIN / LOGIN_ZELFDE (POST /aanmelden) | IMPORT (upload+confirm)
    wie: str | None = "coordinator"  # coordinator | consultant | beheerder | None (anonymous)
    query: str = ""  # query string template
    zwaar: bool = False  # fewer requests, no warm-up: the first is part of it (PDF, import)
    grens_ms: float = 150.0  # target p95 at 1 client
    # the dossier PDF: this many first renders besides, each on a peildatum of its own
    # (measure.eerste_renders), with their own target for the median
    eerste: int = 0
    grens_eerste_ms: float | None = None


PAGES = (
    Page("vloer: /gezondheid", "main.gezondheid", wie=None),
    # a login checks an argon2id hash (RFC 9106 low-memory profile, auth/passwords.py): ~0.2 s
    # of one core by design, so the pages' 150 ms does not apply
    Page("aanmelden (POST), elke client een ander account", "auth.login", soort="LOGIN", wie=None,
         grens_ms=400.0),
    Page("aanmelden (POST), allen hetzelfde account", "auth.login", soort="LOGIN_ZELFDE",
         wie=None, grens_ms=400.0),
    Page("startpagina /", "main.start"),
    Page("netwerkpagina", "partners.netwerk"),
    Page("erkenningsdashboard", "erkenning.dashboard", grens_ms=300.0),
    Page("aanbodlijst met filters", "partners.aanbod_lijst",
         query="leeftijdsgroep=0-3&doelgroep=kwetsbaar&q=opvoed"),
    Page("aanbodlijst (pagina 3)", "partners.aanbod_lijst", query="page=3"),
    Page("dekkingsmatrix", "graaf.dekking"),
    Page("netwerkgraaf (pagina)", "graaf.netwerk_graaf"),
    Page("graafdata (JSON)", "graaf.graaf_data", grens_ms=300.0),
    # warmed up and measured like any page: its very first request (64 networks' analyses,
    # ~2 s) is what bench/herstart.py measures; with 5 requests over 4 cold workers the median
    # was that of each worker's first visit, not of the page
    Page("provincieoverzicht", "graaf.provincie_overzicht", wie="consultant",
         query="provincie={provincie}", grens_ms=1000.0),
    Page("API erkenning", "/api/v1/netwerken/{netwerk_id}/erkenning"),
    Page("API analyse", "/api/v1/netwerken/{netwerk_id}/analyse"),
    Page("dossier PDF", "erkenning.dossier_pdf", query="op={vandaag}", zwaar=True,
         grens_ms=5000.0, eerste=5, grens_eerste_ms=3000.0),
    Page("import 500 rijen", "partners.import_upload", soort="IMPORT", zwaar=True,
         grens_ms=5000.0),
)


@dataclass(frozen=True)
class Resolved:
    page: Page
    url: str | None  # None: skipped
    noot: str = ""


def resolve(app, context: dict) -> list[Resolved]:
    """Build each page's URL with url_for, or skip it when the endpoint does not exist."""
    from flask import url_for
    adapter = app.url_map.bind("localhost")
    endpoints = {r.endpoint for r in app.url_map.iter_rules()}
    found = []
    with app.test_request_context():
        for p in PAGES:
            query = p.query.format(**context)
            if p.doel.startswith("/"):
                path = p.doel.format(**context)
                try:
                    adapter.match(path, method="GET")
                except (NotFound, MethodNotAllowed):
                    found.append(Resolved(p, None, f"{path} bestaat (nog) niet"))
                    continue
            elif p.doel not in endpoints:
                found.append(Resolved(p, None, f"endpoint {p.doel} bestaat (nog) niet"))
                continue
            else:
                rule = next(r for r in app.url_map.iter_rules() if r.endpoint == p.doel)
                args = {k: context[k] for k in rule.arguments}
                path = url_for(p.doel, **args)
            found.append(Resolved(p, path + (f"?{query}" if query else "")))
    return found


def _kbo(n: int) -> str:
    first8 = f"1{n:07d}"  # starts with 1: never one of the generator's (0…) numbers
    return first8 + f"{97 - int(first8) % 97:02d}"


def import_zip(gemeente_namen: list[str], rijen: int = 500) -> bytes:
    """A zip of partners/aanbod/verwijzingen CSVs (domein.md §7) with `rijen` data rows."""
    n_partners, n_verw = rijen * 3 // 10, rijen // 5
    n_aanbod = rijen - n_partners - n_verw
    vandaag = date.today().strftime("%d/%m/%Y")
    bladen = {
        "partners": [["sleutel", "naam", "kbo", "sector", "gemeenten", "email", "lid_sinds",
                      "overeenkomst_getekend"]] + [
            [f"bench-p{i}", f"Benchpartner {i}", _kbo(i), ("welzijn", "kinderopvang",
                                                           "onderwijs", "middenveld")[i % 4],
             gemeente_namen[i % len(gemeente_namen)], f"info{i}@bench.voorbeeld.be", vandaag,
             "ja"] for i in range(n_partners)],
        "aanbod": [["sleutel", "partner", "naam", "aanbodvorm", "functies", "leeftijdsgroepen",
                    "doelgroep", "werkvormen", "gemeenten", "laagdrempelig", "verplicht_kg"]] + [
            [f"bench-a{i}", f"bench-p{i % n_partners}", f"Benchaanbod {i}",
             ("spel_en_ontmoeting", "opvoedingsondersteuning", "vrije_tijd")[i % 3],
             "ontmoeting;vrije_tijd", "0-3;3-6", ("universeel", "kwetsbaar", "beide")[i % 3],
             "locatie", "", "ja", "nee"] for i in range(n_aanbod)],
        "verwijzingen": [["van", "naar", "soort", "aantal_per_jaar", "sinds", "bevestigd"]] + [
            [f"bench-p{i % n_partners}", f"bench-p{(i * 7 + 1) % n_partners}",
             ("doorverwijzing", "samenwerking")[i % 2], str(1 + i % 20), vandaag, "ja"]
            for i in range(n_verw)],
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, rows in bladen.items():
            buf = io.StringIO()
            csv.writer(buf, delimiter=",").writerows(rows)
            z.writestr(f"{naam}.csv", buf.getvalue())
    return out.getvalue()
