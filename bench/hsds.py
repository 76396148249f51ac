"""Benchmark: the HSDS API's `/api/hsds/services` at 10 clients, as a ratio to `/gezondheid`.

Run: `.venv/bin/python -m bench.hsds [--klein] [--clients 10] [--n 200] [--database URL]`.
A throwaway SQLite database (or DATABASE_URL / --database) gets `flask hvk demo --schaal
vlaanderen` (`--klein`: the small demo, to try the script), every network is made to publish
(Netwerk.publiek, so anonymous callers see all the aanbod), and gunicorn serves it as `make serve`
does (gunicorn.conf.py: 4 workers × 2 threads) on 127.0.0.1. Anonymous clients then ask `/gezondheid` (the floor:
a response without the database) and three HSDS lists: the first page, a page deep in the list,
and a search with a taxonomy term. Reports median, p95 and p95 as a multiple of /gezondheid's.
The anonymous rate limit is lifted for the run (FLASK_API_LIMIET_ANONIEM); every loop is bounded.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from . import load
from .run import _start_gunicorn, _stop

ROOT = Path(__file__).resolve().parent.parent
FLASK = [sys.executable, "-m", "flask", "--app", "huisvanhetkind"]


def _flask(env, *args):
    r = subprocess.run([*FLASK, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"flask {' '.join(args)} mislukt:\n{r.stderr}")
    return r.stdout


def _publiceer_alles(env) -> None:
    code = ("from sqlalchemy import update\nfrom huisvanhetkind import create_app\n"
            "from huisvanhetkind.extensions import db\n"
            "from huisvanhetkind.partners.models import Netwerk\n"
            "app = create_app()\nwith app.app_context():\n"
            "    db.session.execute(update(Netwerk).values(publiek=True))\n"
            "    db.session.commit()")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def _term_id() -> str:
    from huisvanhetkind.domein.taxonomie import FUNCTIE
    from huisvanhetkind.partners.export.hsds import term_id
    return term_id(FUNCTIE, "ontmoeting")


def meet(env: dict, clients: int, n: int) -> list[dict]:
    log = Path(tempfile.mkstemp(suffix="-gunicorn.log")[1])
    proc, port = _start_gunicorn(env, log)
    try:
        verbindingen = [load.Client(port) for _ in range(clients)]
        _, _, eerste = verbindingen[0].request("GET", "/api/hsds/services?per_page=50")
        pagina_diep = max(1, json.loads(eerste)["total_pages"] // 2)
        paden = [("/gezondheid", "/gezondheid"),
                 ("/api/hsds/services (pagina 1)", "/api/hsds/services?per_page=50"),
                 (f"/api/hsds/services (pagina {pagina_diep})",
                  f"/api/hsds/services?per_page=50&page={pagina_diep}"),
                 ("/api/hsds/services (search + taxonomy_term_id)",
                  f"/api/hsds/services?search=spel&taxonomy_term_id={_term_id()}")]
        uitkomsten = []
        for naam, pad in paden:
            def verzoek(i: int, pad=pad):
                status, _, _ = verbindingen[i].request("GET", pad)
                return status == 200, None, f"status {status}"
            m = load.run(verzoek, clients, n, max_s=120)
            uitkomsten.append({"pad": naam, "n": m.n, "mediaan_ms": 1000 * m.median,
                               "p95_ms": 1000 * m.pct(0.95), "fouten": len(m.fouten)})
        return uitkomsten
    finally:
        _stop(proc)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=10)
    p.add_argument("--n", type=int, default=200, help="requests per path")
    p.add_argument("--klein", action="store_true", help="the small demo instead of Flanders")
    p.add_argument("--database", default=os.environ.get("DATABASE_URL"))
    args = p.parse_args()
    map_ = Path(tempfile.mkdtemp(prefix="hvk-hsds-"))
    url = args.database or f"sqlite:///{map_}/hsds.db"
    env = {**os.environ, "DATABASE_URL": url, "FLASK_SECRET_KEY": "hsds",
           "FLASK_DEMO_TOEGESTAAN": "1", "FLASK_API_LIMIET_ANONIEM": "1000000 per minute"}
    _flask(env, "db", "upgrade")
    _flask(env, "hvk", "demo", *([] if args.klein else ["--schaal", "vlaanderen"]))
    _publiceer_alles(env)
    uitkomsten = meet(env, args.clients, args.n)
    vloer = uitkomsten[0]["p95_ms"]
    print(f"HSDS-API, anoniem, {args.clients} clients, {args.n} verzoeken per pad "
          f"({'klein demo' if args.klein else 'Vlaanderen'}, {url.split(':')[0]}):")
    print("| pad | verzoeken | mediaan | p95 | p95 / gezondheid | fouten |")
    print("|---|---:|---:|---:|---:|---:|")
    for u in uitkomsten:
        print(f"| {u['pad']} | {u['n']} | {u['mediaan_ms']:.0f} ms | {u['p95_ms']:.0f} ms | "
              f"{u['p95_ms'] / vloer:.1f}× | {u['fouten']} |")


if __name__ == "__main__":
    main()
