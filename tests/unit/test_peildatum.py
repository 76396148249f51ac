"""The network as it stood on a peildatum (domein.md §4) and who is a consultatiebureau partner.

Netwerk.op is a property of the facts: the rules, the analysis and the coverage read its result and
need not know about dates.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from huisvanhetkind.domein.bundel import Bundel
from huisvanhetkind.domein.snapshot import Actie, Verwijzing

from .test_rules import PEIL, aanbod, partner, status, volledig

VANDAAG = date(2026, 11, 29)
VROEGER = date(2020, 1, 1)


def test_members_are_those_of_that_day():
    n = replace(volledig(), partners=tuple(
        replace(p, lid_sinds=date(2021, 3, 1)) if p.id == 4 else
        replace(p, lid_tot=date(2024, 1, 1)) if p.id == 2 else p for p in volledig().partners))
    vroeger = n.op(VROEGER, VANDAAG)
    assert {p.id for p in vroeger.partners} == {1, 2, 3}  # 4 joined in 2021
    assert {p.id for p in n.op(VANDAAG, VANDAAG).partners} == {1, 3, 4}  # 2 left in 2024
    # a left member's verwijzingen and aanbod leave with it
    assert all(4 not in (v.van, v.naar) for v in vroeger.verwijzingen)
    assert all(a.partner_id != 4 for a in vroeger.aanbod)


def test_a_future_peildatum_is_todays_network_with_the_clock_moved():
    n = replace(volledig(), partners=tuple(
        replace(p, lid_tot=date(2027, 6, 1)) if p.id == 4 else p for p in volledig().partners))
    later = n.op(date(2028, 1, 1), VANDAAG)
    assert later.stand_op == VANDAAG and {p.id for p in later.partners} == {1, 2, 3, 4}


def test_a_membership_with_several_periods():
    p = replace(partner(9), perioden=((date(2019, 1, 1), date(2020, 1, 1)),
                                      (date(2022, 1, 1), None)))
    assert p.lid_op(date(2019, 6, 1)) and not p.lid_op(date(2021, 1, 1))
    assert p.lid_op(date(2023, 1, 1)) and not p.lid_op(date(2018, 1, 1))


def test_aanbod_counts_within_its_period():
    n = replace(volledig(), aanbod=tuple(
        replace(a, startdatum=date(2022, 1, 1)) if a.aanbodvorm == "consultatiebureau" else a
        for a in volledig().aanbod))
    assert status(n.op(date(2021, 1, 1), VANDAAG), "E4").status == "niet_voldaan"
    assert status(n.op(date(2023, 1, 1), VANDAAG), "E4").status != "niet_voldaan"
    geeindigd = replace(n, aanbod=tuple(replace(a, einddatum=date(2024, 1, 1)) for a in n.aanbod))
    assert geeindigd.op(VANDAAG, VANDAAG).aanbod == ()


def test_actions_count_as_realised_only_from_their_date():
    gedaan = Actie(1, "E7", "Folder", 1, PEIL, "gerealiseerd", gerealiseerd_op=date(2025, 3, 1))
    onbekend = Actie(2, "E7", "Folder", 1, PEIL, "gerealiseerd")
    n = replace(volledig(), acties=(gedaan,))
    assert n.op(date(2025, 2, 1), VANDAAG).acties[0].status == "lopend"
    assert n.op(date(2025, 3, 1), VANDAAG).acties[0].status == "gerealiseerd"
    # no known date: realised at every peildatum (the screens say "datum onbekend")
    assert replace(n, acties=(onbekend,)).op(VROEGER, VANDAAG).acties[0].status == "gerealiseerd"


def test_verwijzingen_not_yet_begun_are_left_out():
    n = replace(volledig(), verwijzingen=(
        Verwijzing(3, 4, "doorverwijzing", sinds=date(2023, 1, 1)),
        Verwijzing(4, 3, "doorverwijzing")))
    assert [(v.van, v.naar) for v in n.op(date(2022, 1, 1), VANDAAG).verwijzingen] == [(4, 3)]


def test_the_bundle_key_knows_the_day():
    n = replace(volledig(), bron=("netwerk", "db", 1, 7))
    assert n.op(VROEGER, VANDAAG).bron != n.op(VANDAAG, VANDAAG).bron
    b = Bundel(n.op(VROEGER, VANDAAG), VROEGER)
    assert b.beoordeling.peildatum == VROEGER


# --- E9: the consultatiebureau partner (domein.md §4) -------------------------------------------
def test_e9_the_kind_en_gezin_sector_alone_is_no_consultatiebureau_partner():
    # partner 3 (sector kind_en_gezin) has the consultatiebureau; 5 is of the same sector without
    # one and without any verwijzing: before the fix E9 warned about it
    n = volledig()
    n = replace(n, partners=n.partners + (partner(5, "kind_en_gezin", naam="Regioteam"),))
    assert n.consultatiebureau_partners() == (3,)
    assert status(n, "E9").status == "voldaan"


def test_e9_warns_for_a_consultatiebureau_partner_without_verwijzing():
    n = replace(volledig(), verwijzingen=())
    u = status(n, "E9")
    assert u.status == "waarschuwing" and "Kind en Gezin" in u.uitleg


def test_e9_consultatiebureau_outside_the_werkingsgebied_is_none():
    n = replace(volledig(), aanbod=(aanbod(1, 3, "consultatiebureau", ["44021"]),
                                    *volledig().aanbod[1:]))
    assert n.consultatiebureau_partners() == ()
    assert "Geen consultatiebureau-partner" in status(n, "E9").uitleg


def test_e4_other_pgo_forms_must_be_offered_in_the_werkingsgebied():
    buiten = tuple(replace(a, gemeenten=frozenset({"44021"})) if a.aanbodvorm != "consultatiebureau"
                   else a for a in volledig().aanbod)
    assert status(replace(volledig(), aanbod=buiten), "E4").status == "niet_voldaan"



# --- 'verouderd' aanbod (one rule: domein/nakijken.py) --------------------------------------------
def test_aanbod_not_nagekeken_for_a_year_is_verouderd():
    from datetime import timedelta

    from huisvanhetkind.domein.nakijken import NAKIJKEN_NA, is_verouderd, nakijk_grens
    assert nakijk_grens(VANDAAG) == VANDAAG - NAKIJKEN_NA
    assert is_verouderd(None, VANDAAG)
    assert is_verouderd(VANDAAG - NAKIJKEN_NA - timedelta(days=1), VANDAAG)
    assert not is_verouderd(VANDAAG - NAKIJKEN_NA, VANDAAG)
