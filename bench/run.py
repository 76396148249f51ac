"""`make bench`: the Flanders data set on SQLite (and PostgreSQL), served by gunicorn, measured.

For each database: a fresh database under bench/out/ (PostgreSQL: a throwaway cluster on port
54340, never the test cluster's), migrations, `flask hvk demo --schaal vlaanderen`, gunicorn as
gunicorn.conf.py sets it up on 127.0.0.1, then every page of bench/pages.py at 1 and 10 clients. Finally the pure
analysis of the largest network at 1×, 4× and 16×. Writes bench/results.md.
"""
from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench import load, report, scale

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
FLASK = [sys.executable, "-m", "flask", "--app", "huisvanhetkind"]
PG_ENV = {"PGTEST_PORT": "54340", "PGTEST_DIR": "/tmp/hvk-pgbench"}  # not the test cluster
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:54340/hvk_test"


def _args(argv=None):
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--db", default="sqlite,postgresql", help="sqlite, postgresql or both")
    a.add_argument("--clients", default="1,10", help="concurrency levels")
    a.add_argument("--n1", type=int, default=40, help="requests per page at 1 client")
    a.add_argument("--n10", type=int, default=100, help="requests per page at >1 clients")
    a.add_argument("--zwaar1", type=int, default=5, help="requests for heavy pages, 1 client")
    a.add_argument("--zwaar10", type=int, default=10, help="requests for heavy pages, >1 client")
    a.add_argument("--import-n", type=int, default=3, help="repeated imports after the first")
    a.add_argument("--max-s", type=float, default=20.0,
                   help="no new request after this many seconds of one measurement; a heavy "
                        "page is skipped at >1 clients when it would take over 3× this")
    a.add_argument("--seed", type=int, default=2026)
    a.add_argument("--hergebruik", action="store_true", help="reuse bench/out's SQLite file")
    a.add_argument("--zonder-schaal", action="store_true", help="skip the analysis scaling")
    a.add_argument("--uitvoer", default=str(ROOT / "bench" / "results.md"))
    return a.parse_args(argv)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(url: str) -> dict:
    # the Flanders data set's users share a printed password: a demo on purpose
    return {**os.environ, "DATABASE_URL": url, "HVK_SQL_COUNT": "1", "FLASK_DEMO_TOEGESTAAN": "1",
            "FLASK_SECRET_KEY": secrets.token_hex(16)}


def _flask(env: dict, *args: str) -> str:
    r = subprocess.run([*FLASK, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"flask {' '.join(args)} mislukt:\n{r.stdout}\n{r.stderr}")
    return r.stdout


def _context(url: str, with_facts: bool):
    """Largest network, its users and (optionally) its facts snapshot, read in-process."""
    from sqlalchemy import func, select

    from huisvanhetkind import create_app
    from huisvanhetkind.demo.generate import slug
    from huisvanhetkind.demo.vlaanderen_bestuur import DOMEIN
    from huisvanhetkind.facts import netwerk_facts
    from huisvanhetkind.extensions import db
    from huisvanhetkind.partners.models import Lidmaatschap, Netwerk, WerkingsgebiedDeel
    from huisvanhetkind.domein import gemeenten
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        nid, leden = db.session.execute(
            select(Lidmaatschap.netwerk_id, func.count()).where(Lidmaatschap.lid_tot.is_(None))
            .group_by(Lidmaatschap.netwerk_id)
            .order_by(func.count().desc(), Lidmaatschap.netwerk_id).limit(1)).one()
        n = db.session.get(Netwerk, nid)
        nis = db.session.scalars(select(WerkingsgebiedDeel.nis).where(
            WerkingsgebiedDeel.netwerk_id == nid).distinct()).all()
        provincie = gemeenten.provincie_van(nis[0])
        coordinatoren = db.session.scalars(select(Netwerk.coordinator_email).where(
            Netwerk.coordinator_email != "").order_by(Netwerk.id).limit(10)).all()
        context = {"netwerk_id": nid, "provincie": provincie,
                   "vandaag": date.today().isoformat(), "naam": n.naam, "leden": leden,
                   "gemeenten": [gemeenten.naam(x) for x in nis],
                   "coordinator": n.coordinator_email, "coordinatoren": coordinatoren,
                   "consultant": f"consultant.{slug(provincie)}-1@{DOMEIN}",
                   "beheerder": f"beheerder-1@{DOMEIN}"}
        facts = netwerk_facts(nid) if with_facts else None
        db.session.remove()
        db.engine.dispose()
    return app, context, facts


def _start_gunicorn(env: dict, log: Path):
    port = _vrije_poort()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    proc = subprocess.Popen(
        [str(gunicorn), "--no-control-socket",  # workers and threads: gunicorn.conf.py
         "--keep-alive", "5", "--bind", f"127.0.0.1:{port}",
         "--timeout", "300", "--log-level", "warning", "huisvanhetkind:create_app()"],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            if load.Client(port).request("GET", "/gezondheid")[0] == 200:
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"gunicorn start niet; zie {log}")


def _stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()


def _log_noten(log: Path) -> list[str]:
    """What the server logged: failed requests and their causes."""
    tekst = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    noten = []
    for merk, uitleg in (("Error handling request", "verzoeken faalden op de server (500)"),
                         ("database is locked", "keer 'database is locked' (SQLite-schrijfslot "
                                                "langer dan busy_timeout bezet)"),
                         ("WORKER TIMEOUT", "worker-time-outs")):
        if tekst.count(merk):
            noten.append(f"gunicorn-log: {tekst.count(merk)} {uitleg}")
    return noten


def _backend(naam: str, url: str, args, met_facts: bool) -> dict:
    from bench.measure import ServerWeg, meet_alles
    env = _env(url)
    begin = time.perf_counter()
    if naam == "sqlite" and args.hergebruik and Path(url.removeprefix("sqlite:///")).exists():
        uitvoer = "(bestaande databank hergebruikt)"
    else:
        _flask(env, "db", "upgrade")
        uitvoer = _flask(env, "hvk", "demo", "--schaal", "vlaanderen", "--seed",
                         str(args.seed), "--leeg-eerst")
    laadtijd = time.perf_counter() - begin
    print(f"[{naam}] data geladen in {laadtijd:.1f} s", flush=True)
    app, context, facts = _context(url, met_facts)
    herstart = []
    for poging in (1, 2):  # once more if the server was ended from outside
        proc, port = _start_gunicorn(env, OUT / f"gunicorn-{naam}.log")
        try:
            rijen, noten, hwm = meet_alles(app, context, port, proc, args)
            break
        except ServerWeg as e:
            if poging == 2:
                raise
            herstart.append(f"{e}: alle metingen van {naam} opnieuw gedaan")
            print(f"[{naam}] {e}; opnieuw", flush=True)
        finally:
            _stop(proc)
    noten += herstart
    noten += _log_noten(OUT / f"gunicorn-{naam}.log")
    return {"titel": {"sqlite": "SQLite", "postgresql": "PostgreSQL 15"}.get(naam, naam),
            "laadtijd": laadtijd, "seed": args.seed, "demo_uitvoer": uitvoer,
            "netwerk": f"{context['naam']} (id {context['netwerk_id']}, {context['leden']} "
                       f"partners, provincie {context['provincie']})",
            "rijen": rijen, "noten": noten, "hwm": hwm, "facts": facts}


def main(argv=None) -> None:
    args = _args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    backends, facts = [], None
    for naam in [x.strip() for x in args.db.split(",") if x.strip()]:
        if naam == "sqlite":
            db_file = OUT / "bench-sqlite.db"
            if not args.hergebruik:
                for f in OUT.glob("bench-sqlite.db*"):
                    f.unlink()
            backends.append(_backend(naam, f"sqlite:///{db_file}", args, facts is None))
        elif naam == "postgresql":
            if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
                print("PostgreSQL is niet geïnstalleerd: overgeslagen", flush=True)
                continue
            env = {**os.environ, **PG_ENV}
            subprocess.run([str(ROOT / "scripts" / "pg-test.sh"), "start"], env=env, check=True)
            try:
                backends.append(_backend(naam, PG_URL, args, facts is None))
            finally:
                subprocess.run([str(ROOT / "scripts" / "pg-test.sh"), "stop"], env=env)
        facts = facts or (backends[-1]["facts"] if backends else None)
    schaal_rijen = None
    if facts is not None and not args.zonder_schaal:
        print("analyse 1×/4×/16× ...", flush=True)
        schaal_rijen = scale.meet(facts)
    instellingen = (f"Verzoeken per meting: hoogstens {args.n1} bij 1 client, {args.n10} bij "
                    f"meer; zware pagina's {args.zwaar1} / {args.zwaar10}; na {args.max_s:.0f} s "
                    f"start een meting geen nieuw verzoek meer (n toont hoeveel er liepen); "
                    f"import: 1 eerste + {args.import_n} herhaald, enkel bij 1 client. "
                    f"Seed {args.seed}.")
    report.schrijf(Path(args.uitvoer), report.machine(), instellingen, backends, schaal_rijen,
                   facts.naam if facts else "")
    print(f"Resultaten: {args.uitvoer}", flush=True)


if __name__ == "__main__":
    main()
