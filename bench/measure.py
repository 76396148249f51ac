"""Measures every resolved page at each concurrency level against a running gunicorn."""
from __future__ import annotations

import statistics
import time
from datetime import date, timedelta

from bench import load, pages
from huisvanhetkind.demo.vlaanderen import WACHTWOORD


def _getter(url: str, cookie: str, port: int, clients: int):
    conns = [load.Client(port, cookie) for _ in range(clients)]

    def doe(i: int):
        status, headers, _ = conns[i].request("GET", url)
        sql = headers.get("X-SQL-Statements")
        return status == 200, int(sql) if sql is not None else None, f"status {status}"
    return doe


def _login(port: int, emails: list[str], clients: int):
    conns = [load.Client(port) for _ in range(clients)]
    prepared = []
    for c in conns:
        token = c.csrf("/aanmelden")
        prepared.append((c.cookie, token))

    def doe(i: int):
        c, (anon, token) = conns[i], prepared[i]
        c.cookie = anon  # always the anonymous session: every request is a real login
        email = emails[i % len(emails)]
        status, headers, _ = c.form("/aanmelden", {"csrf_token": token, "email": email,
                                                   "wachtwoord": WACHTWOORD})
        sql = headers.get("X-SQL-Statements")
        ok = status == 302 and "/aanmelden" not in headers.get("Location", "")
        return ok, int(sql) if sql is not None else None, f"status {status}"
    return doe


def _import(url: str, cookie: str, port: int, bestand: bytes, aantal: int) -> load.Meting:
    """Upload (dry run + preview) then confirm, timed together; the CSRF GET is not timed."""
    m = load.Meting()
    c = load.Client(port, cookie)
    begin_alles = time.perf_counter()
    for _ in range(aantal):
        csrf = c.csrf(url)
        begin = time.perf_counter()
        try:
            status, headers, body = c.multipart(url, {"csrf_token": csrf}, "bench-import.zip",
                                                bestand)
            html = body.decode("utf-8", "replace")
            token, csrf2 = load.TOKEN.search(html), load.CSRF.search(html)
            if status != 200 or not token:
                raise RuntimeError(f"upload: status {status}")
            sql = int(headers.get("X-SQL-Statements", 0))
            status, headers, _ = c.form(url + "/bevestig", {"csrf_token": csrf2.group(1),
                                                           "token": token.group(1)})
            sql += int(headers.get("X-SQL-Statements", 0))
            if status != 302:
                raise RuntimeError(f"bevestigen: status {status}")
            m.sql.append(sql)
        except Exception as e:  # noqa: BLE001 - measured as an error
            m.fouten.append(f"{type(e).__name__}: {e}")
        m.latencies.append(time.perf_counter() - begin)
    m.wall = time.perf_counter() - begin_alles
    return m


def eerste_renders(url: str, vandaag: str, cookie: str, port: int, aantal: int
                   ) -> load.Meting:
    """First renders of the dossier PDF, each on its own peildatum (the days before today):
    one first render is one sample of a machine whose speed drifts (2.4 s in one run, 3.4 s in
    the next), so the median of several is what the run reports. Before each, the dossier page
    of that day is opened, untimed: it computes that day's bundle, as the dashboard does for
    today before anyone asks for today's PDF. A 202 ("wordt gemaakt": not finished within
    DOSSIER_PDF_WACHTEN) counts as an error."""
    m = load.Meting()
    c = load.Client(port, cookie)
    begin_alles = time.perf_counter()
    dag = date.fromisoformat(vandaag)
    for k in range(1, aantal + 1):
        pdf_url = url.replace(f"op={vandaag}", f"op={(dag - timedelta(days=k)).isoformat()}")
        status, _, _ = c.request("GET", pdf_url.replace("/dossier.pdf", "/dossier"))
        if status != 200:
            m.fouten.append(f"dossierpagina: status {status}")
        begin = time.perf_counter()
        status, headers, body = c.request("GET", pdf_url)
        m.latencies.append(time.perf_counter() - begin)
        if status != 200 or not body.startswith(b"%PDF-"):
            m.fouten.append(f"PDF: status {status}")
        if headers.get("X-SQL-Statements") is not None:
            m.sql.append(int(headers["X-SQL-Statements"]))
    m.wall = time.perf_counter() - begin_alles
    return m


# a page's floor is measured in blocks alternating with the page's own: the machine's speed
# drifts within a run (the floor was 0.9 ms at one moment and 1.9 ms a minute later), and a
# floor measured once at the start made the same page 6x in one run and 11x in the next
BLOKKEN = 4


def afwisselend(doe, doe_vloer, clients: int, n: int, max_s: float | None
                ) -> tuple[load.Meting, load.Meting]:
    """The page and the bare route in BLOKKEN alternating blocks of n / BLOKKEN requests each
    (the same clients): (page, floor), both measured under the same conditions."""
    pagina, vloer = load.Meting(), load.Meting()
    per_blok = max(clients, -(-n // BLOKKEN))
    for _ in range(BLOKKEN):
        for m, nieuw in ((vloer, load.run(doe_vloer, clients, per_blok)),
                         (pagina, load.run(doe, clients, per_blok,
                                           max_s / BLOKKEN if max_s else None))):
            m.latencies += nieuw.latencies
            m.sql += nieuw.sql
            m.fouten += nieuw.fouten
            m.wall += nieuw.wall
    return pagina, vloer


def _rij(naam: str, clients: int, m: load.Meting, rss: float, grens) -> dict:
    return {"naam": naam, "clients": clients, "n": m.n, "median": m.median, "p95": m.pct(0.95),
            "rps": m.rps, "sql": round(statistics.median(m.sql)) if m.sql else None,
            "sql_max": max(m.sql) if m.sql else None, "rss": rss, "fouten": len(m.fouten),
            "fout_voorbeeld": m.fouten[:3], "grens_ms": grens, "ratio": float("nan"),
            "vloer_ernaast": float("nan")}


class ServerWeg(RuntimeError):
    """gunicorn stopped during the measurements (e.g. ended from outside)."""


def meet_alles(app, context: dict, port: int, proc, args):
    master = proc.pid
    cookies = {wie: load.login(port, context[wie], WACHTWOORD)
               for wie in ("coordinator", "consultant", "beheerder")}
    resolved = pages.resolve(app, context)
    noten = [f"{r.page.naam}: {r.noot}" for r in resolved if r.url is None]
    geheugen = load.Geheugen(master)
    geheugen.start()
    rijen, vloer, een = [], {}, {}
    vloer_url = next(r.url for r in resolved if r.page.doel == "main.gezondheid")
    niveaus = [int(x) for x in args.clients.split(",")]
    for r in (r for r in resolved if r.url is not None):
        p = r.page
        if proc.poll() is not None:
            geheugen.stop()
            raise ServerWeg(f"gunicorn stopte onverwacht vóór '{p.naam}'")
        if p.soort == "IMPORT":
            bestand = pages.import_zip(context["gemeenten"])
            geheugen.reset()
            eerste = _import(r.url, cookies["coordinator"], port, bestand, 1)
            rijen.append(_rij(f"{p.naam} (eerste keer)", 1, eerste, geheugen.piek(), p.grens_ms))
            geheugen.reset()
            herhaald = _import(r.url, cookies["coordinator"], port, bestand, args.import_n)
            rijen.append(_rij(f"{p.naam} (herhaald: verandert niets)", 1, herhaald,
                              geheugen.piek(), p.grens_ms))
            for m in (eerste, herhaald):
                print(f"  {p.naam:<32}  1 client : mediaan {m.median * 1000:7.1f} ms, "
                      f"fouten {m.fouten[:2]}", flush=True)
                if m.fouten:
                    noten.append(f"{p.naam}: {len(m.fouten)} fouten, bv. {m.fouten[0]}")
            noten.append(f"{p.naam}: enkel bij 1 client (gelijktijdige imports in hetzelfde "
                         f"netwerk zijn geen realistisch gebruik)")
            continue
        for clients in niveaus:
            n = (args.zwaar1 if clients == 1 else max(args.zwaar10, clients)) if p.zwaar else \
                (args.n1 if clients == 1 else args.n10)
            if p.soort == "LOGIN":
                doe = _login(port, context["coordinatoren"], clients)
            elif p.soort == "LOGIN_ZELFDE":
                doe = _login(port, [context["coordinator"]], clients)
            else:
                doe = _getter(r.url, cookies[p.wie] if p.wie else "", port, clients)
            if p.zwaar and clients > 1 and een.get(p.naam, 0) * n / 2 > 3 * args.max_s:
                noten.append(f"{p.naam} bij {clients} clients overgeslagen: zou ~"
                             f"{een[p.naam] * n / 2:.0f} s duren (mediaan bij 1 client "
                             f"{een[p.naam]:.1f} s, 2 workers); meet toch met een grotere "
                             f"--max-s")
                continue
            if not p.zwaar:
                load.run(doe, min(2, clients), 2)  # warm up: a page's first request computes
            geheugen.reset()
            ernaast = None
            if p.zwaar or p.doel == "main.gezondheid":
                m = load.run(doe, clients, n, args.max_s)
            else:
                m, ernaast = afwisselend(doe, _getter(vloer_url, "", port, clients), clients, n,
                                         args.max_s)
            if clients == 1:
                een[p.naam] = m.median
            rij = _rij(p.naam, clients, m, geheugen.piek(), p.grens_ms if clients == 1 else None)
            if p.doel == "main.gezondheid":
                vloer[clients] = m.median
            rij["soort"] = p.soort
            if ernaast is not None:
                rij["vloer_ernaast"] = ernaast.median
                rij["ratio"] = m.median / ernaast.median
            else:
                rij["ratio"] = m.median / vloer.get(clients, float("nan"))
            rijen.append(rij)
            print(f"  {p.naam:<32} {clients:>2} clients: mediaan {m.median * 1000:7.1f} ms, "
                  f"p95 {m.pct(0.95) * 1000:7.1f} ms, SQL {rij['sql']}, fouten {len(m.fouten)}",
                  flush=True)
            if m.fouten:
                noten.append(f"{p.naam} bij {clients} clients: {len(m.fouten)} fouten, bv. "
                             f"{'; '.join(m.fouten[:2])}")
        if p.eerste:
            geheugen.reset()
            m = eerste_renders(r.url, context["vandaag"], cookies[p.wie], port, p.eerste)
            rij = _rij(f"{p.naam} (eerste keer, {p.eerste} peildata)", 1, m, geheugen.piek(),
                       None)
            rij.update(soort="EERSTE", grens_mediaan_ms=p.grens_eerste_ms, hoogste=max(
                m.latencies), ratio=float("nan"))
            rijen.append(rij)
            print(f"  {p.naam:<32}  eerste keer: mediaan {m.median * 1000:7.1f} ms, hoogste "
                  f"{max(m.latencies) * 1000:7.1f} ms, fouten {m.fouten[:2]}", flush=True)
            if m.fouten:
                noten.append(f"{p.naam} (eerste keer): {len(m.fouten)} fouten, bv. "
                             f"{'; '.join(m.fouten[:2])}")
    for rij in rijen:
        if rij["naam"].startswith(pages.PAGES[-1].naam):
            rij["ratio"] = rij["median"] / vloer.get(1, float("nan"))
    hwm = geheugen.hwm()
    geheugen.stop()
    return rijen, noten, hwm
