"""The one Dutch singular/plural helper (issue 16, item 9)."""
from huisvanhetkind.domein.tekst import aantal, getal


def test_enkelvoud_en_meervoud():
    assert aantal(1, "gemeente", "gemeenten") == "1 gemeente"
    assert aantal(3, "gemeente", "gemeenten") == "3 gemeenten"
    assert aantal(0, "netwerk", "netwerken") == "0 netwerken"
    assert aantal(-1, "dag", "dagen") == "-1 dagen"


def test_duizendtallen_met_een_punt():
    assert getal(1234) == "1.234"
    assert aantal(1234567, "rij", "rijen") == "1.234.567 rijen"
    assert getal(999) == "999"

