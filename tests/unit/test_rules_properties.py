"""Property tests of the rules engine (hypothesis): invariants over arbitrary small networks."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from huisvanhetkind.domein.beoordeling import NIET_VOLDAAN, VOORWAARDEN, deadline, evaluate
from huisvanhetkind.domein.taxonomie import AANBODVORM, DOELGROEP, SECTOR, VOORWAARDESTATUS
from huisvanhetkind.domein.snapshot import Aanbod, Deel, Netwerk, Partner

POOL = ("46025", "46021", "46030", "46029")  # Temse, Sint-Niklaas, Beveren-K-Z, Lokeren
PEIL = date(2025, 6, 1)
gemeenten = st.frozensets(st.sampled_from(POOL))


def _kern(gebied: frozenset[str]) -> tuple[list[Partner], list[Aanbod]]:
    """A core that meets E3 and E4 for `gebied`, so the properties also see voldaan cases."""
    partners = [Partner(1000 + i, f"Bestuur {nis}", "lokaal_bestuur", frozenset({nis}), True)
                for i, nis in enumerate(sorted(gebied))]
    partners.append(Partner(999, "Kind en Gezin", "kind_en_gezin", gebied, True))
    aanbod = [Aanbod(900 + i, 999, vorm, vorm) for i, vorm in enumerate(
        ("consultatiebureau", "opvoedingsondersteuning", "spel_en_ontmoeting"))]
    return partners, aanbod


@st.composite
def aanbod_van(draw, partner_id: int, start_id: int) -> list[Aanbod]:
    return [Aanbod(start_id + i, partner_id, f"Aanbod {start_id + i}",
                   draw(st.sampled_from(AANBODVORM.keys())), gemeenten=draw(gemeenten),
                   doelgroep=draw(st.sampled_from(DOELGROEP.keys())),
                   laagdrempelig=draw(st.booleans()))
            for i in range(draw(st.integers(0, 3)))]


@st.composite
def partner_met_aanbod(draw, partner_id: int) -> tuple[Partner, list[Aanbod]]:
    p = Partner(partner_id, f"Partner {partner_id}", draw(st.sampled_from(SECTOR.keys())),
                draw(gemeenten), draw(st.booleans()))
    return p, draw(aanbod_van(partner_id, partner_id * 10))


@st.composite
def netwerken(draw) -> Netwerk:
    gebied = draw(st.frozensets(st.sampled_from(POOL), min_size=1))
    partners, aanbod = _kern(gebied) if draw(st.booleans()) else ([], [])
    for pid in range(1, draw(st.integers(0, 5)) + 1):
        p, a = draw(partner_met_aanbod(pid))
        partners.append(p)
        aanbod += a
    return Netwerk(id=1, naam="HvK", werkingsgebied=tuple(Deel(n) for n in sorted(gebied)),
                   partners=tuple(partners), aanbod=tuple(aanbod), coordinator_email="c@hvk.be")


@settings(max_examples=150, deadline=None)
@given(netwerken())
def test_removing_every_consultatiebureau_fails_e4(netwerk):
    zonder = replace(netwerk, aanbod=tuple(a for a in netwerk.aanbod
                                           if a.aanbodvorm != "consultatiebureau"))
    assert evaluate(zonder, PEIL).uitkomst("E4").status == NIET_VOLDAAN


@settings(max_examples=150, deadline=None)
@given(netwerken(), st.data())
def test_adding_a_member_never_breaks_e3_or_e4(netwerk, data):
    nieuw, aanbod = data.draw(partner_met_aanbod(50))
    groter = replace(netwerk, partners=netwerk.partners + (nieuw,),
                     aanbod=netwerk.aanbod + tuple(aanbod))
    voor, na = evaluate(netwerk, PEIL), evaluate(groter, PEIL)
    for id in ("E3", "E4"):
        if voor.uitkomst(id).status != NIET_VOLDAAN:
            assert na.uitkomst(id).status != NIET_VOLDAAN, na.uitkomst(id).uitleg


@settings(max_examples=100, deadline=None)
@given(netwerken(), st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_every_condition_once_with_a_valid_status(netwerk, peildatum):
    b = evaluate(netwerk, peildatum)
    assert [u.id for u in b.uitkomsten] == [v.id for v in VOORWAARDEN]
    assert all(u.status in VOORWAARDESTATUS and u.uitleg for u in b.uitkomsten)
    assert b.subsidieerbaar <= b.erkenbaar


@given(st.dates(date(1999, 1, 1), date(2100, 12, 31)))
def test_deadline_is_two_years_later_same_day_or_28_february(d):
    termijn = deadline(Netwerk(id=1, naam="x"), d)
    assert (termijn.year, termijn.month) == (d.year + 2, d.month)
    assert termijn.day == d.day or (d.month, d.day, termijn.day) == (2, 29, 28)
