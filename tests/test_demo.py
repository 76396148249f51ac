"""`flask hvk demo`: the demo networks, their deliberate findings and the demo users."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from huisvanhetkind.domein import snapshot as s
from huisvanhetkind.auth.models import Gebruiker, gebruiker_netwerk
from huisvanhetkind.demo import DEMO_USERS, load_demo
from huisvanhetkind.erkenning.models import Actie, Engagement
from huisvanhetkind.domein.voorwaarde import plus_twee_jaar
from huisvanhetkind.extensions import db
from huisvanhetkind.domein import analyse, dekking
from huisvanhetkind.graaf.models import BewustNiet, Indicator, Verwijzing
from huisvanhetkind.domein import kbo
from huisvanhetkind.partners.models import (Aanbod, Contactpersoon, Lidmaatschap, Netwerk,
                                            Organisatie, WerkingsgebiedDeel)
from huisvanhetkind.domein import gemeenten
from huisvanhetkind.domein.taxonomie import (AANBODVORM, DOELGROEP, ENGAGEMENTEN, FUNCTIE, LEEFTIJDSGROEP, SECTOR, VERWIJZINGSSOORT, WERKVORM)

HOOFD = "Huis van het Kind Sint-Niklaas-Temse"
NOORD = "Huis van het Kind Waasland-Noord"
SINT_NIKLAAS, TEMSE = gemeenten.zoek("Sint-Niklaas").nis, gemeenten.zoek("Temse").nis


@pytest.fixture
def demo(app, runner):
    result = runner.invoke(args=["hvk", "demo"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        yield result
        db.session.remove()


def netwerk(naam: str = HOOFD) -> Netwerk:
    return db.session.scalar(select(Netwerk).where(Netwerk.naam == naam))


def leden(n: Netwerk) -> list[tuple[Lidmaatschap, Organisatie]]:
    return db.session.execute(
        select(Lidmaatschap, Organisatie).join(Organisatie)
        .where(Lidmaatschap.netwerk_id == n.id, Lidmaatschap.lid_tot.is_(None))).all()


def lid_ids(n: Netwerk) -> set[int]:
    return {org.id for _, org in leden(n)}


def verwijzingen(ids: set[int]) -> list[Verwijzing]:
    return db.session.scalars(select(Verwijzing).where(
        Verwijzing.van_id.in_(ids), Verwijzing.naar_id.in_(ids))).all()


def aanbod(ids: set[int]) -> list[Aanbod]:
    return db.session.scalars(select(Aanbod).where(Aanbod.organisatie_id.in_(ids))).all()


def momentopname(n: Netwerk) -> s.Netwerk:
    """The plain facts of coverage and graph analysis, built straight from the rows."""
    rijen = leden(n)
    ids = {org.id for _, org in rijen}
    return s.Netwerk(
        n.id, n.naam,
        werkingsgebied=tuple(s.Deel(d.nis) for d in db.session.scalars(
            select(WerkingsgebiedDeel).where(WerkingsgebiedDeel.netwerk_id == n.id))),
        partners=tuple(s.Partner(o.id, o.naam, o.sector, frozenset(o.gemeenten),
                                 m.overeenkomst_getekend) for m, o in rijen),
        aanbod=tuple(s.Aanbod(a.id, a.organisatie_id, a.naam, a.aanbodvorm, frozenset(a.functies),
                              frozenset(a.leeftijdsgroepen), a.doelgroep,
                              frozenset(a.werkvormen), frozenset(a.gemeenten))
                     for a in aanbod(ids)),
        verwijzingen=tuple(s.Verwijzing(v.van_id, v.naar_id, v.soort, bevestigd=v.bevestigd)
                           for v in verwijzingen(ids)),
        bewust_niet=tuple(s.BewustNiet(b.functie, b.leeftijdsgroep, b.nis or None, b.reden)
                          for b in db.session.scalars(
                              select(BewustNiet).where(BewustNiet.netwerk_id == n.id))))


def test_demo_command_prints_the_logins(demo):
    assert f"Demonetwerk '{HOOFD}' geladen" in demo.output
    for email, rol, password, _ in DEMO_USERS:
        assert email in demo.output and password in demo.output
        assert len(password) >= 10


def test_main_network_has_about_35_members_from_every_sector(demo):
    n = netwerk()
    assert n.rechtsvorm == "vzw" and n.coordinator_naam and n.coordinator_email
    assert n.erkenningsdatum < date.today() < plus_twee_jaar(n.erkenningsdatum)
    assert n.aanvraagdatum < n.erkenningsdatum
    gebied = db.session.scalars(select(WerkingsgebiedDeel).where(
        WerkingsgebiedDeel.netwerk_id == n.id)).all()
    assert {(d.nis, d.deel) for d in gebied} == {(SINT_NIKLAAS, ""), (TEMSE, "")}
    rijen = leden(n)
    assert 30 <= len(rijen) <= 40
    assert {org.sector for _, org in rijen} == set(SECTOR.keys())
    assert sum(m.overeenkomst_getekend for m, _ in rijen) > len(rijen) * 0.8
    assert any(m.rol for m, _ in rijen)
    # membership history: one former member
    assert db.session.scalar(select(func.count(Lidmaatschap.id)).where(
        Lidmaatschap.netwerk_id == n.id, Lidmaatschap.lid_tot.is_not(None))) == 1


def test_temse_local_government_is_member_without_signed_agreement(demo):
    per_gemeente = {org.gemeenten: m for m, org in leden(netwerk())
                    if org.sector == "lokaal_bestuur"}
    assert per_gemeente[(SINT_NIKLAAS,)].overeenkomst_getekend
    assert not per_gemeente[(TEMSE,)].overeenkomst_getekend


def test_aanbod_is_plentiful_varied_and_uses_only_known_codes(demo):
    rijen = aanbod(lid_ids(netwerk()))
    assert 100 <= len(rijen) <= 140
    assert {"consultatiebureau", "opvoedingsondersteuning", "spel_en_ontmoeting"} <= \
        {a.aanbodvorm for a in rijen}
    for a in rijen:
        assert a.aanbodvorm in AANBODVORM and a.doelgroep in DOELGROEP
        assert a.functies and set(a.functies) <= set(FUNCTIE.keys())
        assert a.leeftijdsgroepen and set(a.leeftijdsgroepen) <= set(LEEFTIJDSGROEP.keys())
        assert a.werkvormen and set(a.werkvormen) <= set(WERKVORM.keys())
        assert all(gemeenten.get(nis) for nis in a.gemeenten)
    assert any(a.laagdrempelig and AANBODVORM[a.aanbodvorm].subsidiebestemming for a in rijen)
    assert any("ouders" in a.leeftijdsgroepen for a in rijen)
    assert {"kwetsbaar", "beide"} <= {a.doelgroep for a in rijen}
    assert any(not a.gemeenten for a in rijen)
    verouderd = [a for a in rijen if (date.today() - a.laatst_nagekeken_op).days > 365]
    assert 5 <= len(verouderd) <= 15


def test_referrals_between_members(demo):
    n = netwerk()
    ids = lid_ids(n)
    links = verwijzingen(ids)
    assert 130 <= len(links) <= 170
    assert {v.soort for v in links} == set(VERWIJZINGSSOORT.keys())
    assert 0.7 <= sum(v.bevestigd for v in links) / len(links) <= 0.9
    assert sum(v.aantal_per_jaar is not None for v in links) > len(links) * 0.7
    pijlen = {(v.van_id, v.naar_id) for v in links}
    assert any((b, a) not in pijlen for a, b in pijlen)  # some one-way
    cb = {a.organisatie_id for a in aanbod(ids) if a.aanbodvorm == "consultatiebureau"}
    assert any(v.van_id in cb for v in links) and any(v.naar_id in cb for v in links)
    zonder = ids - {v.van_id for v in links} - {v.naar_id for v in links}
    assert zonder, "at least one member has no verwijzing"


def test_deliberate_lacunes_overlap_and_graph_findings(demo):
    feiten = momentopname(netwerk())
    naam = {p.id: p.naam for p in feiten.partners}
    assert {(l.functie, l.leeftijdsgroep, l.nis) for l in dekking.lacunes(feiten)} == {
        ("belangenverdediging", "12-18", TEMSE), ("publieke_ruimte", "12-18", TEMSE),
        ("publieke_ruimte", "12-18", SINT_NIKLAAS)}
    assert [(b.functie, b.leeftijdsgroep, b.nis) for b in dekking.bewust_niet(feiten)] == [
        ("publieke_ruimte", "6-12", TEMSE)]
    overlap = [(o.aanbodvorm, o.leeftijdsgroep, o.nis, set(o.aanbod_namen))
               for o in dekking.overlappen(feiten)]
    assert overlap == [("spel_en_ontmoeting", "0-3", SINT_NIKLAAS, {
        "Babyhuisje Klein Geluk, spel en ontmoeting 0–3", "Kruipuurtje 0–3 Clementwijk"})]
    uit = analyse.analyseer(feiten)
    assert [naam[i] for i in uit.geisoleerd] == ["Voorleesgroep De Boekenbende"]
    assert [naam[i] for i in uit.kwetsbare_schakels] == ["Inloopteam De Vlinder"]


def test_engagements_with_actions_at_every_stage(demo):
    n = netwerk()
    vandaag = date.today()
    engagementen = {e.voorwaarde: e for e in db.session.scalars(
        select(Engagement).where(Engagement.netwerk_id == n.id))}
    assert set(engagementen) <= set(ENGAGEMENTEN) and len(engagementen) >= 10
    acties = db.session.scalars(select(Actie).where(Actie.netwerk_id == n.id)).all()
    per_engagement = {e: [a for a in acties if a.engagement_id == eng.id]
                      for e, eng in engagementen.items()}
    assert per_engagement["S4"] == []
    assert all(1 <= len(v) <= 3 for k, v in per_engagement.items() if k != "S4")
    assert {a.status for a in acties} == {"gepland", "lopend", "gerealiseerd"}
    assert all(a.bewijs for a in acties if a.status == "gerealiseerd")
    assert any(a.deadline < vandaag and a.status != "gerealiseerd" for a in acties)  # overdue
    assert any(0 <= (a.deadline - vandaag).days <= 90 and a.status != "gerealiseerd"
               for a in acties)
    termijn = plus_twee_jaar(n.erkenningsdatum)
    leden_ids = lid_ids(n)
    assert all(a.trekker_id in leden_ids and a.deadline <= termijn for a in acties)


def test_second_network_shares_an_organisation(demo):
    hoofd, noord = netwerk(), netwerk(NOORD)
    assert noord.rechtsvorm == "feitelijke_vereniging"
    assert 6 <= len(leden(noord)) <= 12
    assert 15 <= len(aanbod(lid_ids(noord))) <= 40
    assert verwijzingen(lid_ids(noord))
    gedeeld = lid_ids(hoofd) & lid_ids(noord)
    assert len(gedeeld) == 1


def test_one_user_per_role_with_its_scope(demo):
    gebruikers = {g.rol: g for g in db.session.scalars(
        select(Gebruiker).where(Gebruiker.email.like("%@demo.hvk.be")))}
    assert set(gebruikers) == {"beheerder", "coordinator", "partner", "consultant"}
    assert db.session.scalar(select(func.count()).select_from(Gebruiker)) == 4
    coordinator = db.session.scalar(select(Gebruiker).where(Gebruiker.rol == "coordinator"))
    netwerk_ids = db.session.scalars(select(gebruiker_netwerk.c.netwerk_id).where(
        gebruiker_netwerk.c.gebruiker_id == coordinator.id)).all()
    assert netwerk_ids == [netwerk().id]
    partner = gebruikers["partner"]
    assert partner.organisatie_id in lid_ids(netwerk())
    assert db.session.scalar(select(func.count(Aanbod.id)).where(
        Aanbod.organisatie_id == partner.organisatie_id)) >= 3
    assert gebruikers["consultant"].provincies == ("Oost-Vlaanderen",)


def test_every_kbo_number_is_valid_and_some_organisations_have_none(demo):
    nummers = db.session.scalars(select(Organisatie.kbo)).all()
    assert [n for n in nummers if n and kbo.problem(n)] == []
    assert any(n is None for n in nummers)
    assert len({n for n in nummers if n}) == len([n for n in nummers if n])


def test_contact_details_are_filled_and_fictional(demo):
    for org in db.session.scalars(select(Organisatie)):
        assert org.email.endswith(".voorbeeld.be") and org.telefoon and org.straat
        assert all(gemeenten.get(nis) for nis in org.gemeenten)
    personen = db.session.scalars(select(Contactpersoon)).all()
    assert personen and all(p.email.endswith(".voorbeeld.be") for p in personen)
    assert not db.session.scalar(select(func.count(Organisatie.id)).where(
        ~Organisatie.id.in_(select(Contactpersoon.organisatie_id))))


def test_als_leeg_loads_nothing_the_second_time(app, runner, demo):
    def tellingen():
        return [db.session.scalar(select(func.count()).select_from(m))
                for m in (Netwerk, Organisatie, Aanbod, Verwijzing, Actie, Gebruiker)]

    voor = tellingen()
    db.session.remove()
    result = runner.invoke(args=["hvk", "demo", "--als-leeg"])
    assert result.exit_code == 0, result.output
    assert "geen demo geladen" in result.output
    assert tellingen() == voor


def test_demo_is_deterministic(app, runner, demo):
    """Loading again (after clearing) gives the same rows: a seeded generator, no clock noise."""
    def inhoud():
        return (sorted(db.session.scalars(select(Organisatie.kbo)).all(), key=str),
                sorted((a.naam, a.laatst_nagekeken_op) for a in db.session.scalars(select(Aanbod))),
                len(db.session.scalars(select(Verwijzing)).all()))

    eerst = inhoud()
    for model in (Actie, Engagement, BewustNiet, Verwijzing, Aanbod, Lidmaatschap, Gebruiker,
                  WerkingsgebiedDeel, Netwerk, Organisatie, Indicator):
        db.session.execute(model.__table__.delete())
    load_demo()
    db.session.flush()
    assert inhoud() == eerst
    db.session.rollback()
