"""Benchmark (issue 12): a partner saves an aanbod while a login flood runs.

Before the fix a flood of failed logins made a partner's save take 1–19 s on SQLite: the
throttle's first query opened the write transaction and the argon2 check ran while it was held.
Now a login reads first, checks the password without any lock and writes one short transaction;
refused attempts write nothing.

Run: `.venv/bin/python -m bench.aanmeldvloed [--duur 45] [--draden 16] [--database URL]`.
A throwaway SQLite database (or DATABASE_URL) gets the demo; gunicorn serves it as `make serve`
does (gunicorn.conf.py: 4 workers × 2 threads) on 127.0.0.1. Three phases of `--duur` seconds each, the partner
saving back to back all the time: no flood; a flood from one address (a single attacker: the
address limit answers it after 50 failures); a flood with a different forged X-Forwarded-For
per request behind PROXY_HOPS=1 (a botnet: every attempt pays the argon2 check). Reports the
median and p95 of the save (GET the form + POST it) per phase. Traffic stays on 127.0.0.1; every
loop is bounded by time.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import load
from .run import _start_gunicorn, _stop

ROOT = Path(__file__).resolve().parent.parent
FLASK = [str(Path(sys.executable).parent / "flask"), "--app", "huisvanhetkind"]
VERSIE = load.re.compile(r'name="version"[^>]*value="(\d+)"')


def _flask(env, *args):
    r = subprocess.run([*FLASK, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"flask {' '.join(args)} mislukt:\n{r.stderr}")
    return r.stdout


def _aanbod_id(env) -> int:
    code = ("from huisvanhetkind import create_app\nfrom huisvanhetkind.extensions import db\n"
            "from huisvanhetkind.auth.models import Gebruiker\n"
            "from huisvanhetkind.partners.models import Aanbod\n"
            "app = create_app()\nwith app.app_context():\n"
            "    g = db.session.scalar(db.select(Gebruiker).filter_by(email='partner@demo.hvk.be'))\n"
            "    print(db.session.scalar(db.select(Aanbod.id).filter_by("
            "organisatie_id=g.organisatie_id).order_by(Aanbod.id)))")
    return int(subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True).stdout.strip())


def _bewaar(c: load.Client, aanbod_id: int, teller: int) -> float:
    """One save as the browser does it: GET the form, POST it back. Seconds."""
    begin = time.perf_counter()
    status, _, html = c.request("GET", f"/aanbod/{aanbod_id}/bewerken")
    tekst = html.decode("utf-8", "replace")
    velden = {"csrf_token": load.CSRF.search(tekst).group(1),
              "version": VERSIE.search(tekst).group(1), "naam": "Babbelbox",
              "aanbodvorm": "opvoedingsondersteuning", "functies": "gezinsondersteuning",
              "leeftijdsgroepen": "0-3", "doelgroep": "universeel", "werkvormen": "locatie",
              "beschrijving": f"bewaard {teller}"}
    status, _, _ = c.form(f"/aanbod/{aanbod_id}/bewerken", velden)
    if status != 302:
        raise RuntimeError(f"bewaren gaf status {status}")
    return time.perf_counter() - begin


def _vloed(port: int, stop: threading.Event, vervalst: bool, teller: list) -> None:
    c = load.Client(port)
    token = c.csrf("/aanmelden")
    while not stop.is_set():
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if vervalst:
            headers["X-Forwarded-For"] = f"203.0.{random.randrange(256)}.{random.randrange(256)}"
        email = random.choice(["partner@demo.hvk.be", f"iemand{random.randrange(10**6)}@x.be"])
        body = load.urlencode({"csrf_token": token, "email": email,
                               "wachtwoord": "fout-wachtwoord-123"}).encode()
        try:
            c.request("POST", "/aanmelden", body, headers)
            teller.append(1)
        except OSError:
            c = load.Client(port)


def meet(env: dict, duur: float, draden: int) -> list[dict]:
    log = Path(tempfile.mkstemp(suffix="-gunicorn.log")[1])
    proc, port = _start_gunicorn(env, log)
    try:
        partner = load.Client(port, load.login(port, "partner@demo.hvk.be", "demo-partner"))
        aanbod_id = _aanbod_id(env)
        uitkomsten = []
        for fase, vloed, vervalst in (("zonder vloed", False, False),
                                      ("vloed vanaf één adres", True, False),
                                      ("vloed met vervalste adressen", True, True)):
            stop, pogingen = threading.Event(), []
            threads = [threading.Thread(target=_vloed, args=(port, stop, vervalst, pogingen),
                                        daemon=True) for _ in range(draden if vloed else 0)]
            for t in threads:
                t.start()
            tijden, einde = [], time.monotonic() + duur
            while time.monotonic() < einde:
                tijden.append(_bewaar(partner, aanbod_id, len(tijden)))
            stop.set()
            for t in threads:
                t.join(10)
            tijden.sort()
            uitkomsten.append({"fase": fase, "bewaard": len(tijden),
                               "mediaan_ms": 1000 * tijden[len(tijden) // 2],
                               "p95_ms": 1000 * tijden[min(len(tijden) - 1,
                                                           int(0.95 * len(tijden)))],
                               "aanmeldpogingen": len(pogingen)})
        return uitkomsten
    finally:
        _stop(proc)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--duur", type=float, default=45.0)
    p.add_argument("--draden", type=int, default=16)
    p.add_argument("--database", default=os.environ.get("DATABASE_URL"))
    args = p.parse_args()
    map_ = Path(tempfile.mkdtemp(prefix="hvk-vloed-"))
    url = args.database or f"sqlite:///{map_}/vloed.db"
    env = {**os.environ, "DATABASE_URL": url, "FLASK_SECRET_KEY": "vloed",
           "FLASK_DEMO_TOEGESTAAN": "1", "FLASK_PROXY_HOPS": "1"}
    _flask(env, "db", "upgrade")
    _flask(env, "hvk", "demo")
    print(f"Partner bewaart aanbod tijdens een aanmeldvloed ({args.draden} draden, "
          f"{args.duur:.0f} s per fase, {url.split(':')[0]}):")
    print("| fase | bewaard | mediaan | p95 | aanmeldpogingen |")
    print("|---|---:|---:|---:|---:|")
    for u in meet(env, args.duur, args.draden):
        print(f"| {u['fase']} | {u['bewaard']} | {u['mediaan_ms']:.0f} ms | {u['p95_ms']:.0f} ms "
              f"| {u['aanmeldpogingen']} |")


if __name__ == "__main__":
    main()
