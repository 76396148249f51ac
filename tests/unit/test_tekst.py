"""The one Dutch singular/plural helper (issue 16, item 9)."""
from huisvanhetkind.domein.tekst import aantal, getal, namen_kort


def test_enkelvoud_en_meervoud():
    assert aantal(1, "gemeente", "gemeenten") == "1 gemeente"
    assert aantal(3, "gemeente", "gemeenten") == "3 gemeenten"
    assert aantal(0, "netwerk", "netwerken") == "0 netwerken"
    assert aantal(-1, "dag", "dagen") == "-1 dagen"


def test_duizendtallen_met_een_punt():
    assert getal(1234) == "1.234"
    assert aantal(1234567, "rij", "rijen") == "1.234.567 rijen"
    assert getal(999) == "999"



def test_namen_kort_names_a_few_and_counts_the_rest():
    assert namen_kort([]) == ""
    assert namen_kort(["A", "B", "A"]) == "A ×2, B"
    assert namen_kort([f"Org {i}" for i in range(1203)], 3) == "Org 0, Org 1, Org 2 en 1.200 andere"
