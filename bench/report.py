"""Writes bench/results.md: machine, versions, generation, the table per database, analysis
scaling and which targets are met."""
from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from huisvanhetkind.opstart import THREADS, WORKERS

GUNICORN = f"gunicorn met {WORKERS} workers × {THREADS} threads (gthread, gunicorn.conf.py)"

ROOT = Path(__file__).resolve().parent.parent
NAN = float("nan")
MAX_RATIO = 8.0  # issue 16: every page and API of the largest network, median, 1 client


def _sh(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor() or "?")
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo")
                  if line.startswith("MemTotal"))
    commit = _sh("git", "rev-parse", "--short", "HEAD")
    if _sh("git", "status", "--porcelain"):
        commit += " (plus uncommitted changes in the working tree)"
    return {"nproc": os.cpu_count(), "ram": f"{mem_kb / 1024 / 1024:.1f} GiB", "cpu": cpu,
            "datum": datetime.now().strftime("%d/%m/%Y %H:%M"), "commit": commit,
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "load": " / ".join(f"{x:.2f}" for x in os.getloadavg())}


def _ms(x: float) -> str:
    return "–" if x != x else (f"{x * 1000:.0f}" if x >= 0.1 else f"{x * 1000:.1f}")


def tabel(rijen: list[dict]) -> list[str]:
    out = ["| pagina / API | clients | n | mediaan ms | p95 ms | req/s | vloer ernaast ms | "
           "× vloer (mediaan) | SQL/verzoek | piek RSS/worker MiB | fouten |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rijen:
        sql = "–" if r["sql"] is None else (str(r["sql"]) if r["sql_max"] == r["sql"]
                                            else f"{r['sql']} (max {r['sql_max']})")
        ratio = "–" if r["ratio"] != r["ratio"] else f"{r['ratio']:.1f}"
        out.append(f"| {r['naam']} | {r['clients']} | {r['n']} | {_ms(r['median'])} | "
                   f"{_ms(r['p95'])} | {r['rps']:.1f} | {_ms(r.get('vloer_ernaast', NAN))} | "
                   f"{ratio} | {sql} | "
                   f"{r['rss']:.0f} | {r['fouten']} |")
    return out


def doelen(rijen: list[dict], schaal: list[dict] | None) -> list[str]:
    out = []
    for r in rijen:
        if r["clients"] == 1 and r.get("grens_ms") and not r["naam"].startswith("vloer"):
            ok = r["p95"] * 1000 <= r["grens_ms"] and not r["fouten"]
            teken = "✅" if ok else "❌"
            out.append(f"- {teken} {r['naam']}: p95 {_ms(r['p95'])} ms bij 1 client "
                       f"(doel ≤ {r['grens_ms']:.0f} ms)")
    for r in rijen:
        if r.get("grens_mediaan_ms"):
            ok = r["median"] * 1000 <= r["grens_mediaan_ms"] and not r["fouten"]
            out.append(f"- {'✅' if ok else '❌'} {r['naam']}: mediaan {_ms(r['median'])} ms, "
                       f"hoogste {_ms(r['hoogste'])} ms (doel: mediaan ≤ "
                       f"{r['grens_mediaan_ms']:.0f} ms)")
    gewoon = [r for r in rijen if r["clients"] == 1 and r.get("vloer_ernaast", NAN) == r.get(
        "vloer_ernaast", NAN) and r.get("soort") == "GET"]
    if gewoon:
        hoogste = max(gewoon, key=lambda r: r["ratio"])
        teken = "✅" if hoogste["ratio"] <= MAX_RATIO else "❌"
        out.append(f"- {teken} elke pagina en API bij 1 client ≤ {MAX_RATIO:.0f}× de vloer "
                   f"ernaast (mediaan): hoogste {hoogste['ratio']:.1f}× ({hoogste['naam']})")
    fouten10 = [r for r in rijen if r["clients"] > 1 and r["fouten"]]
    out.append(f"- {'✅' if not fouten10 else '❌'} geen fouten bij 10 clients"
               + ("" if not fouten10 else ": " + ", ".join(
                   f"{r['naam']} ({r['fouten']})" for r in fouten10)))
    if schaal:
        ratio = schaal[-1]["ratio"]
        teken = "✅" if ratio <= 20 else "❌"
        out.append(f"- {teken} analyse 16× groter: {ratio:.1f}× de tijd (doel ≤ 20×)")
    return out


def schrijf(pad: Path, m: dict, instellingen: str, backends: list[dict],
            schaal: list[dict] | None, schaal_naam: str) -> None:
    lines = [
        "# Benchmark op de Vlaanderen-dataset", "",
        f"Gemeten op {m['datum']}, commit {m['commit']}.", "",
        f"- Machine: {m['nproc']} cores, {m['ram']} RAM, {m['cpu']}",
        f"- Python {m['python']}, SQLite {m['sqlite']}; {GUNICORN} op "
        "127.0.0.1; de belastingsgenerator (bench/load.py, threads + http.client) draait op "
        "dezelfde machine en deelt dus de 2 cores.",
        f"- Belasting van de machine (load average 1/5/15 min) bij het einde: {m['load']}"
        " — andere processen op de machine tellen mee in de latenties.",
        f"- {instellingen}",
        "- Latentie = tot het volledige antwoord gelezen is. Vloer = /gezondheid, een kale "
        "route van dezelfde app met één SELECT 1. Vloer ernaast = de mediaan van de vloer, "
        "gemeten in vier blokken die afwisselen met die van de pagina (dezelfde clients): de "
        "snelheid van de machine schommelt binnen één run. × vloer = mediaan / vloer ernaast "
        "(zware pagina's: / de vloer-rij). SQL/verzoek = mediaan van de header X-SQL-Statements (HVK_SQL_COUNT=1). "
        "Piek RSS = hoogste RSS van één gunicorn-worker tijdens die meting.",
        "- Herhalen: `make bench` (opties: `make bench BENCH_ARGS='--help'`).", ""]
    for b in backends:
        lines += [f"## {b['titel']}", "", f"Genereren en laden: **{b['laadtijd']:.1f} s** "
                  f"(`flask hvk demo --schaal vlaanderen --seed {b['seed']}`).", "", "```",
                  b["demo_uitvoer"].strip(), "```", "",
                  f"Grootste netwerk: {b['netwerk']}. Piek-RSS (VmHWM) per worker aan het "
                  f"einde: {', '.join(f'{x:.0f} MiB' for x in b['hwm']) or '–'}.", ""]
        lines += tabel(b["rijen"]) + [""]
        if b["noten"]:
            lines += ["Niet gemeten of opmerkingen:", ""] + [f"- {n}" for n in b["noten"]] + [""]
        lines += ["Doelen:", ""] + doelen(b["rijen"], None) + [""]
    if schaal:
        lines += [f"## Zuivere analyse, {schaal_naam} vergroot", "",
                  "domein.analyse.analyseer + domein.dekking (lacunes, overlappen, matrix) + "
                  "domein.beoordeling.evaluate op een snapshot zonder databank (mediaan van de "
                  "runs).", "",
                  "| factor | partners | aanbod | verwijzingen | runs | analyseer s | coverage s | "
                  "evaluate s | totaal s | × 1× |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        lines += [f"| {r['factor']}× | {r['partners']} | {r['aanbod']} | {r['verwijzingen']} | "
                  f"{r['runs']} | {r['analyseer']:.3f} | {r['coverage']:.3f} | "
                  f"{r['evaluate']:.3f} | {r['seconden']:.3f} | {r['ratio']:.1f} |"
                  for r in schaal] + ["", "Doel:", ""] + doelen([], schaal)[-1:] + [""]
    pad.write_text("\n".join(lines) + "\n", encoding="utf-8")
