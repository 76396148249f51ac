"""`python -m bench.gids`: the public guide (and any other anonymous URL) on the Flanders data set.

Two measurements per run, with gunicorn as `make serve` runs it (gunicorn.conf.py: 4 workers × 2 threads) on
127.0.0.1 and `/gezondheid` measured alongside as the yardstick (the ratio says how much the page
costs above the bare request):
1. latency: each URL at `--clients` clients (closed loop, back to back), median and p95;
2. sustained load: `--rps` anonymous requests per second for `--duur` seconds (open loop: request
   i is due at i/rps, spread over the URL list), with the achieved rate, p95 and the errors
   (anything but 200, a connection error or a time-out).

The guide is rate-limited per client address (GIDS_RATELIMIT). A bench from one address would
measure the limit, so the server runs behind PROXY_HOPS=1 and every request carries its own
X-Forwarded-For (as the login-flood bench does): thousands of visitors, each far below the limit,
and the limiter's own cost is in the numbers. The limit itself stays as configured.

URLs: `--urls` (comma-separated); `{gids}` becomes the largest publishing network's id, so
`/gids/{gids},/gids/{gids}?q=oudercafe,/api/hsds/services` works once that API exists.
Run: `.venv/bin/python -m bench.gids --database sqlite:////tmp/vl.db [--schrijf]` on a database
with `flask hvk demo --schaal vlaanderen` (built when it is empty). `--schrijf` puts the section
in bench/results.md (replacing an older one for the same database).
"""
from __future__ import annotations

import argparse
import os
import random
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import load, report
from bench.run import _start_gunicorn, _stop

ROOT = Path(__file__).resolve().parent.parent
FLASK = [sys.executable, "-m", "flask", "--app", "huisvanhetkind"]
STANDAARD_URLS = ("/gids/{gids}", "/gids/{gids}?q=oudercafe",
                  "/gids/{gids}?leeftijdsgroep=0-3&functie=ontmoeting", "/gids/{gids}?page=3")
KOP = "## Publieke gids (bench/gids.py)"


def _args(argv=None):
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--database", default=os.environ.get("DATABASE_URL"),
                   help="SQLAlchemy URL; default a fresh SQLite file under /tmp")
    a.add_argument("--urls", default=",".join(STANDAARD_URLS))
    a.add_argument("--clients", type=int, default=10)
    a.add_argument("--n", type=int, default=400, help="requests per URL in the latency run")
    a.add_argument("--rps", type=float, default=200.0)
    a.add_argument("--duur", type=float, default=60.0)
    a.add_argument("--draden", type=int, default=48, help="threads of the sustained run")
    a.add_argument("--schrijf", action="store_true", help="write the section to results.md")
    return a.parse_args(argv)


def _flask(env, *args) -> str:
    r = subprocess.run([*FLASK, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"flask {' '.join(args)} mislukt:\n{r.stdout}\n{r.stderr}")
    return r.stdout


def _grootste_publieke(env) -> tuple[int, str, int]:
    """(id, naam, aanbod) of the publishing network with the most aanbod."""
    code = (
        "from sqlalchemy import func, select\n"
        "from huisvanhetkind import create_app\nfrom huisvanhetkind.extensions import db\n"
        "from huisvanhetkind.partners.models import Aanbod, Lidmaatschap, Netwerk\n"
        "app = create_app()\nwith app.app_context():\n"
        "    r = db.session.execute(select(Netwerk.id, Netwerk.naam, func.count(Aanbod.id))"
        ".join(Lidmaatschap, Lidmaatschap.netwerk_id == Netwerk.id)"
        ".join(Aanbod, Aanbod.organisatie_id == Lidmaatschap.organisatie_id)"
        ".where(Netwerk.publiek.is_(True), Lidmaatschap.lid_tot.is_(None))"
        ".group_by(Netwerk.id, Netwerk.naam).order_by(func.count(Aanbod.id).desc())).first()\n"
        "    print(f'{r[0]}|{r[1]}|{r[2]}')")
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()[-1]
    i, naam, n = uit.split("|")
    return int(i), naam, int(n)


def _adres() -> str:
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


def _doe(client: load.Client, url: str) -> tuple[bool, None, str]:
    status, _, _ = client.request("GET", url, headers={"X-Forwarded-For": _adres()})
    return status == 200, None, f"{url}: status {status}"


def latentie(port: int, url: str, clients: int, n: int) -> load.Meting:
    verbindingen = [load.Client(port) for _ in range(clients)]
    load.run(lambda i: _doe(verbindingen[i], url), clients, clients * 3)  # warm: caches, pools
    return load.run(lambda i: _doe(verbindingen[i], url), clients, n)


def volgehouden(port: int, urls: list[str], rps: float, duur: float, draden: int):
    """Open loop: request i is due at start + i/rps. Returns (Meting, late) where late counts
    requests that started over a second after they were due (the server fell behind)."""
    totaal = int(rps * duur)
    m, lock, volgende = load.Meting(), threading.Lock(), iter(range(totaal))
    late = [0]
    start = time.perf_counter() + 0.5

    def werker() -> None:
        client = load.Client(port)
        while True:
            with lock:
                i = next(volgende, None)
            if i is None:
                return
            wacht = start + i / rps - time.perf_counter()
            if wacht > 0:
                time.sleep(wacht)
            elif wacht < -1.0:
                with lock:
                    late[0] += 1
            begin = time.perf_counter()
            try:
                ok, _, uitleg = _doe(client, urls[i % len(urls)])
            except Exception as e:  # noqa: BLE001 - a failed request is a measured error
                ok, uitleg, client = False, f"{type(e).__name__}: {e}", load.Client(port)
            duur_i = time.perf_counter() - begin
            with lock:
                m.latencies.append(duur_i)
                if not ok:
                    m.fouten.append(uitleg)

    threads = [threading.Thread(target=werker) for _ in range(draden)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    m.wall = time.perf_counter() - start
    return m, late[0]


def meet(env: dict, urls: list[str], args) -> list[str]:
    log = Path(tempfile.mkstemp(suffix="-gunicorn.log")[1])
    proc, port = _start_gunicorn(env, log)
    try:
        basis = latentie(port, "/gezondheid", args.clients, args.n)
        regels = [f"Latentie, {args.clients} clients, {args.n} verzoeken per adres "
                  "(verhouding: p95 tegenover die van `/gezondheid`):", "",
                  "| adres | mediaan | p95 | verzoeken/s | fouten | p95 ÷ /gezondheid |",
                  "|---|---:|---:|---:|---:|---:|",
                  f"| `/gezondheid` | {basis.median * 1000:.1f} ms | {basis.pct(.95) * 1000:.1f} ms"
                  f" | {basis.rps:.0f} | {len(basis.fouten)} | 1.0 |"]
        for url in urls:
            m = latentie(port, url, args.clients, args.n)
            regels.append(f"| `{url}` | {m.median * 1000:.1f} ms | {m.pct(.95) * 1000:.1f} ms | "
                          f"{m.rps:.0f} | {len(m.fouten)} | "
                          f"{m.pct(.95) / basis.pct(.95):.1f} |")
            print(regels[-1], flush=True)
        regels.append("")
        for naam, lijst in (("/gezondheid", ["/gezondheid"]), ("de gids", urls)):
            m, late = volgehouden(port, lijst, args.rps, args.duur, args.draden)
            fouten = sorted(set(m.fouten))[:3]
            regels.append(
                f"Volgehouden, {naam}: {m.n} verzoeken in {m.wall:.1f} s = {m.rps:.0f}/s "
                f"(doel {args.rps:.0f}/s), mediaan {m.median * 1000:.1f} ms, "
                f"p95 {m.pct(.95) * 1000:.1f} ms, {len(m.fouten)} fouten"
                f"{' (' + '; '.join(fouten) + ')' if fouten else ''}, {late} verzoeken meer dan "
                "1 s te laat vertrokken.")
            regels.append("")
            print(regels[-2], flush=True)
        return regels
    finally:
        _stop(proc)


def schrijf(pad: Path, sectie: str, backend: str) -> None:
    """Replace this backend's guide section in results.md (or append it)."""
    tekst = pad.read_text(encoding="utf-8")
    kop = f"{KOP}, {backend}"
    if kop in tekst:
        begin = tekst.index(kop)
        einde = tekst.find("\n## ", begin + len(kop))
        tekst = tekst[:begin] + sectie + (tekst[einde + 1:] if einde != -1 else "")
    else:
        tekst = tekst.rstrip("\n") + "\n\n" + sectie
    pad.write_text(tekst, encoding="utf-8")


def main(argv=None) -> None:
    args = _args(argv)
    url = args.database or f"sqlite:///{tempfile.mkdtemp(prefix='hvk-gids-')}/gids.db"
    env = {**os.environ, "DATABASE_URL": url, "FLASK_SECRET_KEY": secrets.token_hex(16),
           "FLASK_DEMO_TOEGESTAAN": "1", "FLASK_PROXY_HOPS": "1"}
    _flask(env, "db", "upgrade")
    try:
        gids, naam, aanbod = _grootste_publieke(env)
    except (subprocess.CalledProcessError, ValueError, IndexError):  # an empty database
        _flask(env, "hvk", "demo", "--schaal", "vlaanderen")
        gids, naam, aanbod = _grootste_publieke(env)
    urls = [u.replace("{gids}", str(gids)) for u in args.urls.split(",") if u]
    backend = url.split(":", 1)[0].split("+")[0]
    m = report.machine()
    kop = [f"{KOP}, {backend}", "",
           f"{m['datum']}, commit {m['commit']}, {m['nproc']} cores ({m['cpu']}), Python "
           f"{m['python']}, SQLite {m['sqlite']}, belasting vooraf {m['load']}. {report.GUNICORN}; "
           f"{naam} (id {gids}, {aanbod} aanbod, het grootste publieke netwerk van "
           "de Vlaanderen-dataset). Elke aanvraag een eigen X-Forwarded-For achter PROXY_HOPS=1: "
           "duizenden bezoekers, elk ver onder GIDS_RATELIMIT (de limiet zelf blijft zoals "
           "ingesteld en kost mee in de cijfers). Pagina's zonder If-None-Match: telkens volledig "
           "opgebouwd (een 304 is goedkoper).", ""]
    regels = meet(env, urls, args)
    sectie = "\n".join(kop + regels).rstrip("\n") + "\n"
    print(sectie)
    if args.schrijf:
        schrijf(ROOT / "bench" / "results.md", sectie, backend)


if __name__ == "__main__":
    main()
