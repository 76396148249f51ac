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
