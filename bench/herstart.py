"""The first pages after a restart, against warm ones (issue 16: "a restart or a new host starts
warm").

On a copy of a Flanders database (`--db`, a SQLite file made by `flask hvk demo --schaal
vlaanderen`, or a PostgreSQL URL): gunicorn as in bench.run; the province overview for a
consultant of all provinces and the largest network's dashboard and graph data, measured
1. the very first time (nothing computed anywhere yet),
2. warm (median of 5),
3. after a restart of gunicorn (empty memory; what was computed is in the database),
4. after a restart with the table `berekening` emptied (as before issue 16: every worker
   recomputes).
Writes a Markdown table to stdout; `--uitvoer` appends it to a file.

    .venv/bin/python -m bench.herstart --db /tmp/vl.db
"""
from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from . import load
from .run import _start_gunicorn, _stop

ROOT = Path(__file__).resolve().parent.parent
CONSULTANT = "consultant.vlaanderen@vlaanderen.voorbeeld.be"
WACHTWOORD = "vlaanderen-demo"
GROOTSTE = 2  # Huis van het Kind Antwerpen Centrum, 893 partners (seed 2026)
PAGINAS = [("provincieoverzicht", "/overzicht"),
           ("erkenningsdashboard grootste netwerk", f"/netwerken/{GROOTSTE}/erkenning"),
           ("graafgegevens grootste netwerk", f"/netwerken/{GROOTSTE}/graaf.json")]


def _env(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "FLASK_DEMO_TOEGESTAAN": "1",
            "FLASK_SECRET_KEY": secrets.token_hex(16)}


def _flask(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "flask", "--app", "huisvanhetkind", *args], cwd=ROOT,
                   env=env, check=True, capture_output=True)


def _leeg_berekeningen(env: dict) -> None:
    code = ("from huisvanhetkind import create_app\nfrom huisvanhetkind.extensions import db\n"
            "from sqlalchemy import text\napp = create_app()\nwith app.app_context():\n"
            "    db.session.execute(text('DELETE FROM berekening'))\n"
            "    db.session.execute(text('DELETE FROM dossier_pdf'))\n    db.session.commit()\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def _ms(c: load.Client, url: str) -> float:
    t = time.perf_counter()
    status, _, _ = c.request("GET", url)
    if status != 200:
        raise RuntimeError(f"{url}: status {status}")
    return (time.perf_counter() - t) * 1000


def _ronde(env: dict, log: Path, herhaal: int) -> dict[str, list[float]]:
    proc, port = _start_gunicorn(env, log)
    try:
        c = load.Client(port, load.login(port, CONSULTANT, WACHTWOORD))
        uit = {naam: [_ms(c, url)] for naam, url in PAGINAS}
        for _ in range(herhaal):
            for naam, url in PAGINAS:
                uit[naam].append(_ms(c, url))
        return uit
    finally:
        _stop(proc)


def main(argv=None) -> None:
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--db", required=True, help="Flanders SQLite file (copied) or PostgreSQL URL")
    a.add_argument("--uitvoer", help="append the table to this file")
    args = a.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="hvk-herstart-"))
    if args.db.startswith("postgresql"):
        url, engine = args.db, "PostgreSQL"
    else:
        kopie = tmp / "vl.db"
        shutil.copy(args.db, kopie)
        url, engine = f"sqlite:///{kopie}", "SQLite"
    env = _env(url)
    _flask(env, "db", "upgrade")
    _leeg_berekeningen(env)
    log = tmp / "gunicorn.log"
    eerst = _ronde(env, log, herhaal=5)  # the first ever, then warm in the same processes
    na_herstart = _ronde(env, log, herhaal=0)
    _leeg_berekeningen(env)
    zonder = _ronde(env, log, herhaal=0)
    regels = [f"### Na een herstart ({engine}, {datetime.now():%d/%m/%Y %H:%M})", "",
              "| pagina | allereerste keer ms | warm (mediaan van 5) ms | eerste na herstart ms "
              "| × warm | na herstart zonder bewaarde analyses ms | × warm |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for naam, _ in PAGINAS:
        warm = statistics.median(eerst[naam][1:])
        h, z = na_herstart[naam][0], zonder[naam][0]
        regels.append(f"| {naam} | {eerst[naam][0]:.0f} | {warm:.1f} | {h:.0f} | {h / warm:.1f} "
                      f"| {z:.0f} | {z / warm:.1f} |")
    tekst = "\n".join(regels) + "\n"
    print(tekst)
    if args.uitvoer:
        with open(args.uitvoer, "a", encoding="utf-8") as f:
            f.write("\n" + tekst)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
