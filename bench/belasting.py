"""`python -m bench.belasting`: many simulated users at once on the Flanders data set.

Each user logs in with its own account (coordinators, partners and consultants of real networks,
bench/belasting_gebruikers.py), then repeatedly does a read (80 %) or a write (20 %) and thinks
for a moment. Prints a Markdown section: users per role, requests, errors, median/p95 per kind of
request, reads vs writes; `--schrijf` puts it in bench/results.md (replacing an older section for
the same database). An error is any 5xx, connection error, time-out or unexpected status.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import subprocess
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import load, report, run
from bench.belasting_gebruikers import Sessie, Verzoek, kies
from huisvanhetkind.demo.vlaanderen import WACHTWOORD

ROOT = Path(__file__).resolve().parent.parent
PG_POORT = 54341  # a throwaway cluster of its own: not bench/run.py's (54340), not the tests'
ROLLEN = {"coordinator": "coördinatoren", "partner": "partners", "consultant": "consultants"}
DENKTIJD = 1.0  # seconds a user waits between two actions (on average)
SCHRIJVEN = 0.2  # share of writing actions


def _args(argv=None):
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--duur", type=float, default=300.0, help="seconden belasting")
    a.add_argument("--gebruikers", type=int, default=50)
    a.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    a.add_argument("--denktijd", type=float, default=DENKTIJD,
                   help="gemiddelde wachttijd (s) van een gebruiker tussen twee handelingen")
    a.add_argument("--schrijven", type=float, default=SCHRIJVEN,
                   help="aandeel schrijvende handelingen")
    a.add_argument("--seed", type=int, default=2026)
    a.add_argument("--hergebruik", action="store_true",
                   help="SQLite: de databank van een vorige run opnieuw gebruiken")
    a.add_argument("--schrijf", action="store_true", help="ook in bench/results.md zetten")
    a.add_argument("--pg-poort", type=int, default=PG_POORT,
                   help="poort van de tijdelijke PostgreSQL-cluster (map: $PGTEST_DIR, anders "
                        "/tmp/hvk-pg-<poort>)")
    return a.parse_args(argv)


_staat: dict = {}  # what the forked user processes inherit from draai (a Pool cannot pickle it)


def _gebruiker(taak: tuple[int, float]) -> list[Verzoek]:
    """One simulated user until the time is up, in a process of its own."""
    i, start = taak
    st = _staat
    s, denktijd = st["sessies"][i], st["denktijd"]
    rng = random.Random(st["seed"] * 1000 + i)
    gedaan_alles: list[Verzoek] = []
    time.sleep(rng.uniform(0, 2 * denktijd))  # users do not all start at once
    while time.perf_counter() - start < st["duur"]:
        try:
            gedaan = s.schrijf(rng) if rng.random() < st["schrijven"] else s.lees(rng)
        except Exception as e:  # noqa: BLE001 - a bug here must show as an error
            gedaan = [Verzoek("(generator)", False, 0.0, False, f"{type(e).__name__}: {e}")]
        gedaan_alles.extend(gedaan)
        time.sleep(rng.uniform(0.5, 1.5) * denktijd)
    return gedaan_alles


def draai(url: str, *, duur: float = 300.0, gebruikers: int = 50, denktijd: float = DENKTIJD,
          schrijven: float = SCHRIJVEN, seed: int = 2026, timeout: float = 120.0,
          log: Path | None = None) -> dict:
    """Run the load against a database that holds the Flanders data set; returns the results."""
    from huisvanhetkind import create_app
    from huisvanhetkind.extensions import db
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "belasting"})
    with app.app_context():
        wie = kies(gebruikers, seed)
        versie = db.engine.dialect.server_version_info
        db.session.remove()
        db.engine.dispose()
    log = log or run.OUT / "gunicorn-belasting.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    proc, port = run._start_gunicorn(run._env(url), log)
    verzoeken: list[Verzoek] = []
    try:
        with ThreadPoolExecutor(4) as pool:  # logging in is slow (password hashing): not timed
            sessies = list(pool.map(lambda g: Sessie(port, g, WACHTWOORD, timeout), wie))
        global _staat
        _staat = dict(sessies=sessies, duur=duur, denktijd=denktijd, schrijven=schrijven,
                      seed=seed)
        # Every user in a process of its own, as every user has a browser of its own: threads of
        # one generator process wait for each other's GIL (parsing a form, reading a response),
        # and that wait was measured as the server's latency (10 writers: ~70 ms of a p95).
        with multiprocessing.get_context("fork").Pool(len(sessies)) as pool:
            start = time.perf_counter()  # the processes exist: forking them is not load
            taken = [(i, start) for i in range(len(sessies))]
            for gedaan in pool.imap_unordered(_gebruiker, taken, chunksize=1):
                verzoeken.extend(gedaan)
        wall = time.perf_counter() - start
    finally:
        run._stop(proc)
    tekst = log.read_text(encoding="utf-8", errors="replace")
    noten = run._log_noten(log)
    if tekst.count("Traceback"):
        noten.append(f"gunicorn-log: {tekst.count('Traceback')} keer een Traceback")
    return {"gebruikers": wie, "verzoeken": verzoeken, "wall": wall, "duur": duur,
            "denktijd": denktijd, "schrijven": schrijven, "timeout": timeout, "seed": seed,
            "noten": noten, "engine": url.split(":", 1)[0].split("+")[0],
            "versie": ".".join(str(x) for x in versie or ())}


def fouten(res: dict) -> list[str]:
    """Every failed request, and what the server log shows (a Traceback, a lock, a time-out)."""
    return [v.uitleg for v in res["verzoeken"] if not v.ok] + res["noten"]


def _rij(naam: str, soort: str, lijst: list[Verzoek]) -> str:
    m = load.Meting(latencies=[v.duur for v in lijst])
    mx = max(m.latencies) if m.latencies else float("nan")
    return (f"| {naam} | {soort} | {m.n} | {report._ms(m.median)} | {report._ms(m.pct(0.95))} | "
            f"{report._ms(mx)} | {sum(not v.ok for v in lijst)} |")


def titel(res: dict) -> str:
    engine = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(res["engine"], res["engine"])
    # only writers without a pause (issue 16: 10 concurrent writers) is a section of its own
    soort = "Schrijvers" if res["schrijven"] >= 1 and not res["denktijd"] else "Belastingstest"
    return f"## {soort} {engine} {res['versie']}".rstrip()


def markdown(res: dict) -> str:
    m, wie, vz = report.machine(), res["gebruikers"], res["verzoeken"]
    per_rol = Counter(g.rol for g in wie)
    netwerken = {n for g in wie for n in g.netwerken}
    lezen, schrijven = [v for v in vz if not v.schrijft], [v for v in vz if v.schrijft]
    soorten = sorted({(v.schrijft, v.soort) for v in vz})
    alle_fouten = fouten(res)
    lines = [
        titel(res), "",
        f"Gemeten op {m['datum']}, commit {m['commit']}; {m['nproc']} cores, {m['cpu']}; "
        f"{report.GUNICORN} op 127.0.0.1, de gesimuleerde "
        f"gebruikers draaien op dezelfde machine; load average bij het einde {m['load']}.", "",
        f"- {len(wie)} gebruikers, elk met een eigen account en wachtwoord "
        f"'{WACHTWOORD}': " + ", ".join(f"{per_rol[r]} {ROLLEN[r]}" for r in ROLLEN)
        + f", samen in {len(netwerken)} netwerken (ook het grootste).",
        f"- Elke gebruiker kiest telkens een lezende ({100 - res['schrijven'] * 100:.0f} %) of "
        f"schrijvende ({res['schrijven'] * 100:.0f} %) handeling en wacht dan "
        f"{res['denktijd'] * 0.5:.1f}–{res['denktijd'] * 1.5:.1f} s (denktijd). Lezen: "
        "startpagina, netwerkpagina, aanbodlijst (met filters of een volgende pagina), "
        "erkenningsdashboard, graafdata, dekkingsmatrix van hun netwerken. Schrijven: partners "
        "voegen aanbod toe of bewerken het (formulier openen + bewaren), voegen een "
        "contactpersoon toe, tellen '+1' bij een verwijzing; coördinatoren voegen "
        "contactpersonen toe bij leden en tellen '+1'; consultants schrijven een "
        "reviewopmerking.",
        f"- {res['duur']:.0f} s belasting (gemeten {res['wall']:.0f} s: lopende handelingen "
        f"maken af); aanmelden vooraf telt niet mee. Time-out per verzoek "
        f"{res['timeout']:.0f} s. Latentie = tot het volledige antwoord gelezen is; een "
        "schrijvend verzoek eindigt bij de doorverwijzing (302), die niet gevolgd wordt.",
        f"- Herhalen: `python -m bench.belasting --duur {res['duur']:.0f} --gebruikers "
        f"{len(wie)} --database {res['engine']}"
        + (f" --schrijven {res['schrijven']:g}" if res["schrijven"] != SCHRIJVEN else "")
        + (f" --denktijd {res['denktijd']:g}" if res["denktijd"] != DENKTIJD else "")
        + f"` (seed {res['seed']}).", "",
        "| soort verzoek | lezen/schrijven | n | mediaan ms | p95 ms | max ms | fouten |",
        "|---|---|---:|---:|---:|---:|---:|"]
    lines += [_rij(s, "schrijven" if w else "lezen", [v for v in vz if v.soort == s])
              for w, s in soorten]
    lines += [_rij("**alle lezende**", "lezen", lezen),
              _rij("**alle schrijvende**", "schrijven", schrijven),
              _rij("**alle verzoeken**", "", vz), "",
              f"**{len(vz)} verzoeken** ({len(vz) / res['wall']:.1f}/s; {len(lezen)} lezend, "
              f"{len(schrijven)} schrijvend), **{len(alle_fouten)} fouten**.", ""]
    if alle_fouten:
        lines += ["Fouten (eerste 10):", ""] + [f"- {f}" for f in alle_fouten[:10]] + [""]
    return "\n".join(lines)


def schrijf(pad: Path, sectie: str) -> None:
    """Put the section in results.md, replacing an older one with the same title."""
    kop = sectie.splitlines()[0]
    tekst = pad.read_text(encoding="utf-8") if pad.exists() else ""
    lines, uit, overslaan = tekst.splitlines(), [], False
    for line in lines:
        if line.startswith("## "):
            overslaan = line.split(" ", 3)[:3] == kop.split(" ", 3)[:3]
        if not overslaan:
            uit.append(line)
    pad.write_text("\n".join(uit).rstrip("\n") + "\n\n" + sectie.rstrip("\n") + "\n",
                   encoding="utf-8")


def _laad(url: str) -> None:
    env = run._env(url)
    run._flask(env, "db", "upgrade")
    print(run._flask(env, "hvk", "demo", "--schaal", "vlaanderen", "--seed", "2026",
                     "--leeg-eerst").splitlines()[0], flush=True)


def main(argv=None) -> None:
    args = _args(argv)
    run.OUT.mkdir(parents=True, exist_ok=True)
    kw = dict(duur=args.duur, gebruikers=args.gebruikers, denktijd=args.denktijd,
              schrijven=args.schrijven, seed=args.seed)
    if args.database == "sqlite":
        bestand = run.OUT / "belasting-sqlite.db"
        url = f"sqlite:///{bestand}"
        if not (args.hergebruik and bestand.exists()):
            for f in run.OUT.glob("belasting-sqlite.db*"):
                f.unlink()
            _laad(url)
        res = draai(url, **kw)
    else:
        env = {**os.environ, "PGTEST_PORT": str(args.pg_poort),
               "PGTEST_DIR": os.environ.get("PGTEST_DIR", f"/tmp/hvk-pg-{args.pg_poort}")}
        url = f"postgresql+psycopg://postgres@127.0.0.1:{args.pg_poort}/hvk_test"
        subprocess.run([str(ROOT / "scripts" / "pg-test.sh"), "start"], env=env, check=True)
        try:
            _laad(url)
            res = draai(url, **kw)
        finally:
            subprocess.run([str(ROOT / "scripts" / "pg-test.sh"), "stop"], env=env)
    sectie = markdown(res)
    print(sectie, flush=True)
    if args.schrijf:
        schrijf(ROOT / "bench" / "results.md", sectie)
        print("Toegevoegd aan bench/results.md", flush=True)


if __name__ == "__main__":
    main()
