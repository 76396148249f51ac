"""The benchmark's ratio compares a page with the bare route measured beside it
(bench/measure.afwisselend), and the report checks the 8x target of issue 16."""
from bench import measure, report


def test_page_and_floor_alternate_in_blocks():
    volgorde = []

    def pagina(i):
        volgorde.append("p")
        return True, 3, ""

    def vloer(i):
        volgorde.append("v")
        return True, 1, ""

    p, v = measure.afwisselend(pagina, vloer, 1, 40, None)
    assert p.n == v.n == 40 and p.sql == [3] * 40 and v.sql == [1] * 40
    blokken = "".join(volgorde).replace("vvvvvvvvvv", "V").replace("pppppppppp", "P")
    assert blokken == "VP" * measure.BLOKKEN


def _rij(naam, ratio, soort="GET", ernaast=0.001):
    return {"naam": naam, "clients": 1, "p95": 0.01, "grens_ms": 150.0, "fouten": 0,
            "ratio": ratio, "soort": soort, "vloer_ernaast": ernaast}


def test_the_report_names_the_highest_ratio_against_the_target():
    rijen = [_rij("vloer: /gezondheid", 1.0, ernaast=float("nan")),
             _rij("aanmelden (POST)", 90.0, soort="LOGIN"),  # a password hash, not a page
             _rij("netwerkpagina", 4.2), _rij("dashboard", 7.9)]
    regels = report.doelen(rijen, None)
    assert "- ✅ elke pagina en API bij 1 client ≤ 8× de vloer ernaast (mediaan): hoogste " \
           "7.9× (dashboard)" in regels
    regels = report.doelen(rijen + [_rij("provincieoverzicht", 8.3)], None)
    assert any(r.startswith("- ❌ elke pagina") and "8.3× (provincieoverzicht)" in r
               for r in regels)


def test_the_first_renders_are_checked_on_their_median_and_show_the_highest():
    rij = {"naam": "dossier PDF (eerste keer, 5 peildata)", "clients": 1, "p95": 3.4,
           "median": 2.3, "hoogste": 3.4, "grens_ms": None, "grens_mediaan_ms": 3000.0,
           "fouten": 0, "ratio": float("nan"), "soort": "EERSTE"}
    assert "- ✅ dossier PDF (eerste keer, 5 peildata): mediaan 2300 ms, hoogste 3400 ms " \
           "(doel: mediaan ≤ 3000 ms)" in report.doelen([rij], None)
    assert any(r.startswith("- ❌ dossier PDF") for r in report.doelen(
        [{**rij, "median": 3.1}], None))
    assert any(r.startswith("- ❌ dossier PDF") for r in report.doelen([{**rij, "fouten": 1}],
                                                                       None))


def test_first_renders_use_a_peildatum_each_after_opening_its_dossier_page():
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer
    gevraagd = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            gevraagd.append(self.path)
            body = b"%PDF-1.7" if ".pdf" in self.path else b"<html></html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-SQL-Statements", "4")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        m = measure.eerste_renders("/netwerken/2/erkenning/dossier.pdf?op=2026-11-30",
                                   "2026-11-30", "", server.server_address[1], 2)
    finally:
        server.shutdown()
    assert gevraagd == ["/netwerken/2/erkenning/dossier?op=2026-11-29",
                        "/netwerken/2/erkenning/dossier.pdf?op=2026-11-29",
                        "/netwerken/2/erkenning/dossier?op=2026-11-28",
                        "/netwerken/2/erkenning/dossier.pdf?op=2026-11-28"]
    assert m.n == 2 and not m.fouten and m.sql == [4, 4]
