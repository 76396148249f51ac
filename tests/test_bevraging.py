"""The samenwerkingsbevraging through its operations and pages (domein.md §12): opening a
meetmoment invites the members (Te doen, mail), answers are saved and finished, results stay
hidden until three organisations finished, nobody sees another's answers, reminders, export,
closing, comparison and the dossier summary."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from huisvanhetkind.auth.guard import actor_for
from huisvanhetkind.auth.models import Gebruiker
from huisvanhetkind.bevraging import operations, queries
from huisvanhetkind.bevraging.models import Deelname, Meetmoment
from huisvanhetkind.domein import bevraging as bv
from huisvanhetkind.extensions import db
from huisvanhetkind.fouten import OperatieFout
from huisvanhetkind.meldingen import te_doen
from huisvanhetkind.meldingen.herinneringen import Verslag
from huisvanhetkind.meldingen.models import Melding
from huisvanhetkind.partners.models import Organisatie
from tests import factories as f


@dataclass
class Bevraging:
    orgs: dict[str, int]  # a, b, c, d → organisation id
    users: dict[str, int]  # a, b, c, d → partner user id


@pytest.fixture
def leden(app, wereld) -> Bevraging:
    """Network X with four members (a, b and two more, c and d), each with a partner user."""
    with app.app_context():
        from huisvanhetkind.partners.models import Netwerk
        x = db.session.get(Netwerk, wereld.netwerk_x)
        orgs = {"a": wereld.org_a, "b": wereld.org_b}
        users = {"a": wereld.partner_a, "b": wereld.partner_b}
        for k in "cd":
            o = f.organisatie(f"Partner {k.upper()}")
            f.lid(x, o)
            orgs[k] = o.id
            users[k] = f.gebruiker("partner", f"partner-{k}@test.be", organisatie=o).id
        db.session.commit()
    return Bevraging(orgs, users)


def _open(client, netwerk_id, naam="Voorjaar", dagen=14):
    return client.post(f"/netwerken/{netwerk_id}/bevraging/nieuw", data={
        "naam": naam, "sluit_op": (date.today() + timedelta(days=dagen)).isoformat()})


def _deelname(app, meetmoment_id, org_id) -> Deelname:
    with app.app_context():
        return db.session.scalar(select(Deelname).where(
            Deelname.meetmoment_id == meetmoment_id, Deelname.organisatie_id == org_id))


def _formulier(app, d: Deelname, relaties: dict[int, tuple], knop="afronden") -> dict:
    """relaties: partner id → (intensiteit, 3 trust items, 3 value items, bijdragen)."""
    with app.app_context():
        versie = db.session.get(Deelname, d.id).version
    data = {"version": str(versie), knop: "ja"}
    for p, (intensiteit, vertrouwen, waarde, bijdragen) in relaties.items():
        data[f"p{p}_intensiteit"] = intensiteit
        for code, w in zip(bv.VERTROUWEN, vertrouwen):
            data[f"p{p}_{code}"] = str(w) if w else ""
        for code, w in zip(bv.WAARDE, waarde):
            data[f"p{p}_{code}"] = str(w) if w else ""
        data[f"p{p}_bijdragen"] = list(bijdragen)
    return data


def _meetmoment(app, netwerk_id) -> int:
    with app.app_context():
        return db.session.scalar(select(Meetmoment.id).where(Meetmoment.netwerk_id == netwerk_id)
                                 .order_by(Meetmoment.id.desc()))


def _antwoord(app, client, mid, wie, over, **kw):
    d = _deelname(app, mid, wie)
    return client.post(f"/bevraging/antwoord/{d.id}", data=_formulier(app, d, over, **kw))


def test_opening_invites_every_member_in_te_doen_and_by_mail(app, wereld, leden, login):
    r = _open(login(wereld.coordinator_x), wereld.netwerk_x)
    assert r.status_code == 302, r.get_data(as_text=True)
    mid = _meetmoment(app, wereld.netwerk_x)
    with app.app_context():
        assert len(queries.leden_van(mid)) == 4
        meldingen = db.session.scalars(select(Melding).where(
            Melding.gebeurtenis == "bevraging_uitnodiging")).all()
        assert sorted(m.gebruiker_id for m in meldingen) == sorted(leden.users.values())
        actor = actor_for(db.session.get(Gebruiker, leden.users["c"]))
        items = [i for i in te_doen.items(actor) if i.soort == "bevraging"]
        assert len(items) == 1 and "Huis van het Kind X" in items[0].tekst
    # a second one cannot open while this one runs
    r = _open(login(wereld.coordinator_x), wereld.netwerk_x, "Tweede")
    assert r.status_code == 422 and "loopt nog" in r.get_data(as_text=True)


def test_too_few_members_or_a_past_date_is_refused(app, wereld, login):
    client = login(wereld.coordinator_x)
    r = _open(client, wereld.netwerk_x)
    assert r.status_code == 422 and "minstens 3 partners" in r.get_data(as_text=True)
    r = _open(client, wereld.netwerk_x, dagen=0)
    assert r.status_code == 422 and "na vandaag" in r.get_data(as_text=True)


def test_save_finish_threshold_and_privacy(app, wereld, leden, login):
    _open(login(wereld.coordinator_x), wereld.netwerk_x)
    mid = _meetmoment(app, wereld.netwerk_x)
    o = leden.orgs
    # a saves half of its answer, comes back later and finishes
    client = login(leden.users["a"])
    r = _antwoord(app, client, mid, o["a"], {o["b"]: ("coordinatie", (3, 3, None), (), ())},
                  knop="bewaren")
    assert r.status_code == 302
    d = _deelname(app, mid, o["a"])
    assert d.bewaard_op and d.afgerond_op is None
    html = client.get(f"/bevraging/antwoord/{d.id}").get_data(as_text=True)
    assert "nog niet afgerond" in html and '<option selected value="coordinatie">' in html
    r = _antwoord(app, client, mid, o["a"], {o["b"]: ("coordinatie", (3, 3, None), (), ())})
    assert r.status_code == 422 and "Vul voor Partner B nog in" in r.get_data(as_text=True)
    r = _antwoord(app, client, mid, o["a"], {o["b"]: ("coordinatie", (3, 3, 4), (2, 2, 2),
                                                      ("expertise",)),
                                             o["d"]: ("bewust", (2, 2, 2), (1, 1, 1), ())})
    assert r.status_code == 302
    assert _deelname(app, mid, o["a"]).afgerond_op is not None
    # nobody else reads a's answers: not b, not the coordinator, not the beheerder
    for wie in (leden.users["b"], wereld.coordinator_x, wereld.beheerder, wereld.consultant_ov):
        assert login(wie).get(f"/bevraging/antwoord/{d.id}").status_code == 403
    # two finished: only the response rate
    _antwoord(app, login(leden.users["b"]), mid, o["b"],
              {o["a"]: ("coordinatie", (4, 4, 4), (3, 3, 3), ()),
               o["d"]: ("samenwerking", (3, 3, 3), (3, 3, 3), ("ruimte",))})
    pagina = login(leden.users["c"]).get(f"/bevraging/{mid}").get_data(as_text=True)
    assert "2 van 4 organisaties (50 %)" in pagina and 'id="resultaten-verborgen"' in pagina
    assert 'id="partnerscores"' not in pagina and 'id="openstaand"' not in pagina
    # the coordinator sees who has not finished, not what anyone answered
    pagina = login(wereld.coordinator_x).get(f"/bevraging/{mid}").get_data(as_text=True)
    assert "Partner C" in pagina.split('id="openstaand"')[1].split("</ul>")[0]
    assert "Partner A" not in pagina.split('id="openstaand"')[1].split("</ul>")[0]
    # the third finishes: the aggregated results appear
    _antwoord(app, login(leden.users["c"]), mid, o["c"],
              {o["d"]: ("integratie", (1, 1, 1), (4, 4, 4), ("geld",))})
    pagina = login(leden.users["b"]).get(f"/bevraging/{mid}").get_data(as_text=True)
    assert 'id="partnerscores"' in pagina and "<svg" in pagina
    with app.app_context():
        r = queries.resultaat(mid)
    per = {p.naam: p for p in r.partners}
    assert r.getoond and r.vertrouwen.organisaties == 3
    assert per["Partner D"].vertrouwen == bv.Score(2.0, 3)  # (2 + 3 + 1) / 3
    assert not per["Partner B"].vertrouwen.getoond  # only a rated b


def test_reminders_before_the_closing_date_once_per_stage(app, wereld, leden, login):
    _open(login(wereld.coordinator_x), wereld.netwerk_x, dagen=10)
    mid = _meetmoment(app, wereld.netwerk_x)
    o = leden.orgs
    _antwoord(app, login(leden.users["a"]), mid, o["a"],
              {o["b"]: ("bewust", (2, 2, 2), (2, 2, 2), ())})
    with app.app_context():
        for dag, verwacht in ((1, 0), (3, 3), (4, 0), (9, 3), (9, 0)):
            verslag = Verslag()
            operations.herinneringen(date.today() + timedelta(days=dag), verslag)
            db.session.commit()
            assert verslag.meldingen["bevraging_herinnering"] == verwacht, dag
        ontvangers = set(db.session.scalars(select(Melding.gebruiker_id).where(
            Melding.gebeurtenis == "bevraging_herinnering")))
        assert leden.users["a"] not in ontvangers and leden.users["b"] in ontvangers


def _drie_antwoorden(app, login, leden, mid, trust: int):
    o = leden.orgs
    for k in "abc":
        _antwoord(app, login(leden.users[k]), mid, o[k],
                  {o["d"]: ("samenwerking", (trust,) * 3, (2, 2, 2), ())})


def test_close_export_compare_and_dossier(app, wereld, leden, login):
    _open(login(wereld.coordinator_x), wereld.netwerk_x, "Eerste")
    eerste = _meetmoment(app, wereld.netwerk_x)
    _drie_antwoorden(app, login, leden, eerste, 2)
    with app.app_context():
        assert queries.dossier_samenvatting(wereld.netwerk_x) is None
        versie = db.session.get(Meetmoment, eerste).version
    coordinator = login(wereld.coordinator_x)  # one client: login() switches its user
    assert coordinator.post(f"/bevraging/{eerste}/sluiten",
                            data={"version": str(versie)}).status_code == 302
    # closed: answering is over
    r = _antwoord(app, login(leden.users["d"]), eerste, leden.orgs["d"],
                  {leden.orgs["a"]: ("bewust", (2, 2, 2), (2, 2, 2), ())})
    assert r.status_code == 422 and "gesloten" in r.get_data(as_text=True)
    with app.app_context():
        s = queries.dossier_samenvatting(wereld.netwerk_x)
        assert s.meetmoment_id == eerste and s.resultaat.vertrouwen == bv.Score(2.0, 3)
    # the dossier (HTML and so the PDF) carries the closed meetmoment's aggregated results
    dossier = coordinator.get(f"/netwerken/{wereld.netwerk_x}/erkenning/dossier")
    sectie = dossier.get_data(as_text=True).split('id="sectie-samenwerkingsbevraging"')[1]
    assert "Eerste" in sectie and "Respons: 3 van" in sectie
    assert "Vertrouwen in het netwerk: 2,00" in sectie
    # the second meetmoment: trust grew
    _open(login(wereld.coordinator_x), wereld.netwerk_x, "Tweede")
    tweede = _meetmoment(app, wereld.netwerk_x)
    _drie_antwoorden(app, login, leden, tweede, 4)
    pagina = login(leden.users["a"]).get(f"/bevraging/{tweede}").get_data(as_text=True)
    vergelijking = pagina.split('id="vergelijking"')[1]
    assert "Vertrouwen in het netwerk" in vergelijking and "▲ gegroeid" in vergelijking
    # the trend over the closed meetmomenten: a chart and its table (the second is still open)
    overzicht = login(leden.users["a"]).get(f"/netwerken/{wereld.netwerk_x}/bevraging")
    verloop = overzicht.get_data(as_text=True).split('id="bevraging-verloop"')[1]
    assert "<svg" in verloop and "Vertrouwen en waarde in" in verloop
    tabel = verloop.split('id="bevraging-verloop-tabel"')[1]
    assert "Eerste" in tabel and "2,00" in tabel and "Tweede" not in tabel
    # the export holds the aggregated results only
    r = login(wereld.consultant_ov).get(f"/bevraging/{tweede}/resultaten.xlsx")
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.data))
    assert wb.sheetnames == ["Samenvatting", "Partners", "Dichtheid", "Bijdragen",
                             "Vergelijking"]
    partners = {rij[0]: rij[1:] for rij in wb["Partners"].iter_rows(min_row=2, values_only=True)}
    assert partners["Partner D"][0] == 4 and str(partners["Partner A"][0]).startswith("verborgen")
    # a comparison with a meetmoment of another network is not there
    with app.app_context():
        y = Meetmoment(netwerk_id=wereld.netwerk_y, naam="Y", geopend_op=date.today(),
                       sluit_op=date.today())
        db.session.add(y)
        db.session.commit()
        y_id = y.id
    assert login(leden.users["a"]).get(f"/bevraging/{tweede}?met={y_id}").status_code == 404


def test_only_other_members_of_the_meetmoment_can_be_answered_about(app, wereld, leden):
    with app.app_context():
        m = operations.open_meetmoment(wereld.netwerk_x, "M", date.today() + timedelta(days=3),
                                       date.today())
        d = next(d for d in m.deelnames if d.organisatie_id == leden.orgs["a"])
        vreemd = db.session.get(Organisatie, wereld.org_y).id
        with pytest.raises(OperatieFout):
            operations.bewaar_antwoord(d, {vreemd: {"intensiteit": "bewust"}}, False, d.version,
                                       date.today())
        with pytest.raises(OperatieFout):
            operations.bewaar_antwoord(d, {}, True, d.version, date.today())


def test_network_page_links_to_the_survey(app, wereld, login):
    html = login(wereld.partner_a).get(f"/netwerken/{wereld.netwerk_x}").get_data(as_text=True)
    assert f'href="/netwerken/{wereld.netwerk_x}/bevraging"' in html
