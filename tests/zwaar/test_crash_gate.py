"""Crash gate: writers killed with SIGKILL, again and again, lose nothing they acknowledged.

gunicorn serves clients that add contact persons, count '+1' on a verwijzing, edit an aanbod and
import workbooks (upload → confirm); every 1–2 s the whole process group gets SIGKILL and a new
server starts. Then `flask hvk import` is killed mid-run a few times. Afterwards the database must
be intact (SQLite: integrity_check ok, foreign_key_check empty; both engines: no orphan rows),
every write whose 2xx/3xx response arrived must be there, and every import file (a unique marker
in its names) must be wholly present or wholly absent.
"""
from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

import pytest
import requests
from sqlalchemy import func, select

from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.extensions import db
from huisvanhetkind.graaf.models import Verwijzing
from huisvanhetkind.partners.models import Aanbod, Contactpersoon, Lidmaatschap, Organisatie
from tests import factories as f
from tests.factories import WACHTWOORD
from tests.io_helpers import KOPPEN, werkmap
from tests.zwaar.conftest import ROOT, Server, orphan_rows, session_for

pytestmark = pytest.mark.zwaar
ROUNDS, HTTP_PARTNERS, CLI_PARTNERS, CLI_KILLS = 9, 40, 300, 4
VERSION = re.compile(r'name="version" type="hidden" value="(\d+)"')
TOKEN = re.compile(r'name="token" type="hidden" value="([^"]+)"')
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def import_file(marker: str, n: int) -> bytes:
    """n partners, one aanbod each and n-1 referrals in a chain, all named after `marker`."""
    p = [KOPPEN["partners"]] + [[f"{marker}-p{i}", f"Crash {marker} partner {i}", None, "welzijn",
                                 "Sint-Niklaas", None, "01/09/2023", "ja"] for i in range(n)]
    a = [KOPPEN["aanbod"]] + [[f"{marker}-a{i}", f"{marker}-p{i}", f"Crash {marker} aanbod {i}",
                               "spel_en_ontmoeting", "ontmoeting", "0-3", "universeel", "locatie",
                               None, "ja", "nee"] for i in range(n)]
    v = [KOPPEN["verwijzingen"]] + [[f"{marker}-p{i}", f"{marker}-p{i + 1}", "doorverwijzing", 3,
                                     None, "ja"] for i in range(n - 1)]
    return werkmap({"partners": p, "aanbod": a, "verwijzingen": v})


@dataclass
class Ledger:
    """What the clients sent and which writes were acknowledged (a 2xx/3xx response arrived)."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str | None = None
    stop: bool = False
    contacts: set = field(default_factory=set)  # acknowledged names
    tel_acked: int = 0
    tel_attempts: int = 0
    edit_acked: int | None = None  # highest acknowledged edit number (edits count from 0)
    edit_sent: int = -1
    imports: set = field(default_factory=set)  # markers of acknowledged imports
    import_markers: set = field(default_factory=set)  # every file sent (preview or confirm)
    in_flight: int = 0
    lost: int = 0  # writes whose response never came
    bad: list = field(default_factory=list)


# The server is down or was killed mid-response: a broken body (ChunkedEncodingError) is as much
# a crash as a refused connection. It is not a subclass of ConnectionError.
SERVER_WEG = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)


def _client(ledger: Ledger, email: str, work) -> None:
    """Log in (again after each crash if needed) and call work(session, base) until stopped.
    Anything else a client meets is recorded in ledger.bad, so a dead client fails the gate
    with its own error instead of an empty ledger."""
    s = None
    while not ledger.stop:
        base = ledger.base
        if base is None:
            time.sleep(0.05)
            continue
        try:
            if s is None:
                s = session_for(base, email, WACHTWOORD)
            work(s, base)
        except SERVER_WEG:
            time.sleep(0.1)  # the server is down
        except AttributeError:  # a page without the expected form: log in again
            s = None
            time.sleep(0.1)
        except Exception as e:  # noqa: BLE001 - reported through the ledger
            with ledger.lock:
                ledger.bad.append(("client", email, repr(e)))
            return


def _write(ledger: Ledger, send):
    """One write: the response, or None when the connection broke before it arrived."""
    with ledger.lock:
        ledger.in_flight += 1
    try:
        return send()
    except SERVER_WEG:
        with ledger.lock:
            ledger.lost += 1
        return None
    finally:
        with ledger.lock:
            ledger.in_flight -= 1


def _contacts(ledger: Ledger, org_id: int, tag: str):
    teller = iter(range(10**6))

    def work(s, base):
        naam = f"Kill {tag} {next(teller)}"
        r = _write(ledger, lambda: s.post(f"{base}/organisaties/{org_id}/contactpersonen/nieuw",
                                          data={"naam": naam, "csrf_token": s.csrf},
                                          allow_redirects=False, timeout=60))
        if r is not None:
            with ledger.lock:
                (ledger.contacts.add(naam) if r.status_code == 302
                 else ledger.bad.append(("contact", r.status_code, r.text[:200])))
    return work


def _tel(ledger: Ledger, netwerk_id: int, verwijzing_id: int):
    def work(s, base):
        with ledger.lock:
            ledger.tel_attempts += 1
        r = _write(ledger, lambda: s.post(
            f"{base}/netwerken/{netwerk_id}/verwijzingen/{verwijzing_id}/tel",
            data={"csrf_token": s.csrf}, allow_redirects=False, timeout=60))
        if r is not None:
            with ledger.lock:
                ledger.tel_acked += r.status_code == 302
                ledger.bad += [] if r.status_code == 302 else [("tel", r.status_code, r.text)]
    return work


def _edit(ledger: Ledger, aanbod_id: int):
    """Edit one aanbod's description to 'edit k', k rising; the version comes from the form."""
    url = f"/aanbod/{aanbod_id}/bewerken"

    def work(s, base):
        version = VERSION.search(s.get(base + url, timeout=60).text).group(1)
        with ledger.lock:
            ledger.edit_sent += 1
            k = ledger.edit_sent
        data = {"naam": "Spelotheek A", "aanbodvorm": "spel_en_ontmoeting",
                "functies": "ontmoeting", "leeftijdsgroepen": "0-3", "doelgroep": "universeel",
                "werkvormen": "locatie", "beschrijving": f"edit {k}", "version": version,
                "csrf_token": s.csrf}
        r = _write(ledger, lambda: s.post(base + url, data=data, allow_redirects=False,
                                          timeout=60))
        if r is not None:
            with ledger.lock:
                if r.status_code == 302:
                    ledger.edit_acked = max(k, -1 if ledger.edit_acked is None
                                            else ledger.edit_acked)
                elif r.status_code != 409:  # 409: our own lost edit had committed after all
                    ledger.bad.append(("edit", r.status_code, r.text[:200]))
    return work


def _import(ledger: Ledger, netwerk_id: int, tag: str):
    teller = iter(range(10**6))
    url = f"/netwerken/{netwerk_id}/import"

    def work(s, base):
        marker = f"h{tag}{next(teller)}"
        with ledger.lock:
            ledger.import_markers.add(marker)
        preview = s.post(base + url, data={"csrf_token": s.csrf}, timeout=60,
                         files={"bestand": (f"{marker}.xlsx", import_file(marker, HTTP_PARTNERS))})
        if preview.status_code != 200:
            with ledger.lock:
                ledger.bad.append(("preview", preview.status_code, preview.text[:200]))
            return
        data = {"token": TOKEN.search(preview.text).group(1),
                "csrf_token": CSRF.search(preview.text).group(1)}
        r = _write(ledger, lambda: s.post(base + url + "/bevestig", data=data,
                                          allow_redirects=False, timeout=60))
        if r is not None:
            with ledger.lock:
                if r.status_code == 302 and r.headers["Location"].endswith("/import/resultaat"):
                    ledger.imports.add(marker)
                else:
                    ledger.bad.append(("import", r.status_code, r.text[:200]))
    return work


def _cli_imports(database_url: str, netwerk_id: int, tmp_path) -> dict:
    """Run `flask hvk import` CLI_KILLS times, SIGKILLed after a random part of a full run."""
    env = dict(os.environ, DATABASE_URL=database_url, FLASK_SECRET_KEY="zwaar-geheim")
    uitkomst, duur = {}, None
    rng = random.Random(7)
    for i in range(CLI_KILLS + 1):
        marker = f"c{i}"
        pad = tmp_path / f"{marker}.xlsx"
        pad.write_bytes(import_file(marker, CLI_PARTNERS))
        begin = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "flask", "--app", "huisvanhetkind", "hvk",
                                 "import", str(pad), "--netwerk", str(netwerk_id)], cwd=ROOT,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
        if duur is None:  # the first run is not killed: it measures how long a whole run takes
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err.decode()[-2000:]
            duur = time.perf_counter() - begin
        else:
            time.sleep(rng.uniform(0.55, 1.0) * duur)  # startup is ~60 % of a run
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate(timeout=60)
        uitkomst[marker] = proc.returncode  # 0: finished before the kill, -9: killed
    return uitkomst


def _counts(marker: str) -> tuple[int, int, int, int]:
    orgs = select(Organisatie.id).where(Organisatie.naam.like(f"Crash {marker} partner %"))
    return (db.session.scalar(select(func.count()).select_from(orgs.subquery())),
            db.session.scalar(select(func.count(Lidmaatschap.id)).where(
                Lidmaatschap.organisatie_id.in_(orgs))),
            db.session.scalar(select(func.count(Aanbod.id)).where(
                Aanbod.naam.like(f"Crash {marker} aanbod %"))),
            db.session.scalar(select(func.count(Verwijzing.id)).where(
                Verwijzing.van_id.in_(orgs))))


def _start(database_url: str, **kw) -> Server:
    """A new server; once more if it did not come up (e.g. another process took the free port
    first on this shared machine) — a database that stays unusable fails both times."""
    try:
        return Server(database_url, **kw)
    except RuntimeError as e:
        print(f"\nopnieuw gestart na: {e}")
        return Server(database_url, **kw)


def test_sigkill_loses_no_acknowledged_write(app, wereld, database_url, tmp_path):
    with app.app_context():
        a, b = db.session.get(Organisatie, wereld.org_a), db.session.get(Organisatie, wereld.org_b)
        verwijzing_id = f.verwijzing(a, b, aantal_per_jaar=0).id
        aanbod_id = db.session.scalar(select(Aanbod.id).where(Aanbod.organisatie_id == a.id))
        db.session.commit()
    ledger, x = Ledger(), wereld.netwerk_x
    # each organisation's contacts by its own user (org b has an account: domein.md §10)
    clients = [("partner-b@test.be", _contacts(ledger, wereld.org_b, "c")),
               ("partner-a@test.be", _contacts(ledger, wereld.org_a, "p")),
               ("partner-a@test.be", _tel(ledger, x, verwijzing_id)),
               ("partner-a@test.be", _edit(ledger, aanbod_id)),
               ("coord-x@test.be", _import(ledger, x, "a")),
               ("coord-x@test.be", _import(ledger, x, "b"))]
    threads = [threading.Thread(target=_client, args=(ledger, email, work), daemon=True)
               for email, work in clients]
    for t in threads:
        t.start()
    rng, hits, logs = random.Random(2026), 0, []
    try:
        for _ in range(ROUNDS):
            server = _start(database_url, workers=2, threads=4)
            ledger.base = server.url
            time.sleep(rng.uniform(1.0, 2.0))
            with ledger.lock:
                hits += ledger.in_flight > 0
            os.killpg(server.proc.pid, signal.SIGKILL)
            server.proc.wait()
            ledger.base = None
            logs.append(server.stop())
    finally:
        ledger.stop = True
        for t in threads:
            t.join(timeout=70)
    server = _start(database_url, workers=1, threads=1)  # it starts again on what was left
    assert requests.get(server.url + "/gezondheid", timeout=30).ok
    logs.append(server.stop())
    cli = _cli_imports(database_url, x, tmp_path)

    assert ledger.bad == []
    assert hits >= ROUNDS // 2 and ledger.imports and ledger.contacts and ledger.tel_acked
    assert ledger.edit_acked is not None, "no aanbod edit was acknowledged"
    assert not [log for log in logs if "Traceback" in log], "\n".join(logs)[-3000:]
    if database_url.startswith("sqlite:///"):
        con = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        try:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            con.close()
    with app.app_context():
        db.session.expire_all()
        assert orphan_rows() == []
        rows = db.session.execute(select(Contactpersoon.id, Contactpersoon.naam).where(
            Contactpersoon.naam.like("Kill %"))).all()
        assert ledger.contacts <= {naam for _, naam in rows}
        audited = set(db.session.scalars(select(AuditEntry.record_id).where(
            AuditEntry.tabel == "contactpersoon")))
        assert {str(i) for i, _ in rows} <= audited  # the audit row is in the same transaction
        telling = db.session.get(Verwijzing, verwijzing_id).aantal_per_jaar
        assert ledger.tel_acked <= telling <= ledger.tel_attempts
        laatste = int(db.session.get(Aanbod, aanbod_id).beschrijving.split()[1])
        assert ledger.edit_acked <= laatste <= ledger.edit_sent
        heel = {}
        for marker in ledger.import_markers | set(cli):
            n = CLI_PARTNERS if marker in cli else HTTP_PARTNERS
            counts = _counts(marker)
            assert counts in ((0, 0, 0, 0), (n, n, n, n - 1)), (marker, counts)
            heel[marker] = counts[0] == n
            if marker in ledger.imports or cli.get(marker) == 0:
                assert heel[marker], (marker, counts)
    print(f"\n{ROUNDS} kills, {hits} with writes in flight, {ledger.lost} writes cut off; "
          f"acknowledged: {len(ledger.contacts)} contacts, {ledger.tel_acked} '+1' (stored "
          f"{telling}), edit {ledger.edit_acked} (stored {laatste}), {len(ledger.imports)} of "
          f"{len(ledger.import_markers)} imports (stored "
          f"{sum(heel[m] for m in ledger.import_markers)}); CLI exit codes {cli}, stored "
          f"{[m for m in cli if heel[m]]}")
