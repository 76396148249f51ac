"""facts._PerGemeente: a network picks its own rows of what many networks share by municipality,
and gets exactly what a scan of every row gives, in the same order (the order feeds the digests
that key every kept analysis)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from huisvanhetkind.domein.snapshot import Aanbod, gebied_van
from huisvanhetkind.facts import _andere_voor, _PerGemeente, _VerplichtKg

POOL = ("11002", "46021", "46025", "44021", "71016")
gemeenten = st.frozensets(st.sampled_from(POOL))
netwerk_ids = st.frozensets(st.integers(1, 4))


@st.composite
def verplicht_kg(draw):
    rijen = []
    for i in range(draw(st.integers(0, 12))):
        a = Aanbod(i, 100 + i, f"CB {i}", "consultatiebureau", gemeenten=draw(gemeenten),
                   verplicht_kg=True)
        rijen.append((a, draw(netwerk_ids), tuple(sorted(draw(gemeenten)))))
    return rijen


@settings(max_examples=200, deadline=None)
@given(verplicht_kg(), st.integers(1, 4), gemeenten)
def test_verplicht_kg_outside_a_network_is_what_a_scan_finds(rijen, netwerk_id, eigen):
    scan = tuple(a for a, leden_van, org_gemeenten in rijen
                 if netwerk_id not in leden_van
                 and gebied_van(a.gemeenten, frozenset(org_gemeenten)) & eigen)
    assert _VerplichtKg(rijen).buiten(netwerk_id, set(eigen)) == scan


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.sampled_from(("A", "B", "C")),
                          st.sampled_from(POOL), st.sampled_from(("", "noord")))),
       st.integers(1, 4), gemeenten)
def test_other_networks_are_what_a_scan_finds(rijen, netwerk_id, eigen):
    rijen.sort(key=lambda r: (r[1], r[2], r[3]))  # as the statement orders them
    scan: dict[str, list] = {}
    for other_id, naam, nis, deel in rijen:
        if other_id != netwerk_id and nis in eigen:
            scan.setdefault(naam, []).append((nis, deel or None))
    gevonden = _andere_voor(_PerGemeente(rijen, lambda r: (r[2],)), netwerk_id, set(eigen))
    assert [(n.naam, [(d.nis, d.deel) for d in n.werkingsgebied]) for n in gevonden] == \
        list(scan.items())
