"""Aanbod over HTTP: create/edit/delete, validation next to the field, 'nagekeken', the list."""
import re
from datetime import date, timedelta

from sqlalchemy import select

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Aanbod
from tests import factories as f
from tests.partners_helpers import aanbod_data, aanbod_form
from tests.sql_count import sent_statements


def _aanbod_id(app, naam):
    with app.app_context():
        return db.session.scalar(select(Aanbod.id).where(Aanbod.naam == naam))


def test_partner_creates_aanbod_for_own_organisation(wereld, login, app):
    c = login(wereld.partner_a)
    r = c.post(f"/organisaties/{wereld.org_a}/aanbod/nieuw", data=aanbod_data(
        naam="Babbelbox", leeftijdsgroepen=["0-3", "ouders"], gemeenten=["46025"],
        laagdrempelig="y", startdatum="2025-01-06", doelgroep="kwetsbaar"))
    assert r.status_code == 302
    with app.app_context():
        a = db.session.scalar(select(Aanbod).where(Aanbod.naam == "Babbelbox"))
        assert a.organisatie_id == wereld.org_a and a.leeftijdsgroepen == ("0-3", "ouders")
        assert a.gemeenten == ("46025",) and a.laagdrempelig and a.doelgroep == "kwetsbaar"
        assert a.startdatum == date(2025, 1, 6) and a.laatst_nagekeken_op == date.today()


def test_missing_vorm_and_end_before_start_are_shown_next_to_the_fields(wereld, login):
    c = login(wereld.partner_a)
    r = c.post(f"/organisaties/{wereld.org_a}/aanbod/nieuw", data=aanbod_data(
        aanbodvorm="", functies=None, startdatum="2025-06-01", einddatum="2025-05-01"))
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert 'id="aanbodvorm-fout"' in html and "Kies een aanbodvorm." in html
    assert 'id="einddatum-fout"' in html and "De einddatum ligt vóór de startdatum." in html
    assert 'id="functies-fout"' in html and "Kies minstens één functie." in html
    assert "niets is opgeslagen" in html


def test_coordinator_enters_aanbod_from_the_network_choosing_the_member(wereld, login, app):
    c = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/aanbod/nieuw"
    page = c.get(url).get_data(as_text=True)
    assert "Partner A" in page and "Partner Y" not in page  # only members
    r = c.post(url, data=aanbod_data(naam="Opvoedingswinkel", organisatie_id=wereld.org_b,
                                     nog_een="1"))
    assert r.status_code == 302 and f"organisatie_id={wereld.org_b}" in r.headers["Location"]
    assert c.post(url, data=aanbod_data(organisatie_id=wereld.org_y)).status_code == 422  # refused
    assert _aanbod_id(app, "Babbelbox") is None
    assert login(wereld.partner_a).get(url).status_code == 403


def test_edit_has_optimistic_locking(wereld, login, app):
    c = login(wereld.partner_a)
    aid = _aanbod_id(app, "Spelotheek A")
    stale = aanbod_form(app, aid, naam="Spelotheek A1")
    assert c.post(f"/aanbod/{aid}/bewerken", data=stale).status_code == 302
    r = c.post(f"/aanbod/{aid}/bewerken", data=dict(stale, naam="Spelotheek A2"))
    html = r.get_data(as_text=True)
    assert r.status_code == 409 and "Spelotheek A1" in html and "Spelotheek A2" in html


def test_a_post_without_version_is_a_conflict_not_a_blind_overwrite(wereld, login, app):
    # WTForms would keep the stored version when the field is missing (editing.VersionField)
    c = login(wereld.partner_a)
    aid = _aanbod_id(app, "Spelotheek A")
    zonder = {k: v for k, v in aanbod_form(app, aid, naam="Blind").items() if k != "version"}
    assert c.post(f"/aanbod/{aid}/bewerken", data=zonder).status_code == 409
    assert c.post(f"/aanbod/{aid}/verwijderen", data={}).status_code == 409
    assert _aanbod_id(app, "Spelotheek A") == aid and _aanbod_id(app, "Blind") is None


def test_delete_asks_confirmation(wereld, login, app):
    c = login(wereld.partner_a)
    aid = _aanbod_id(app, "Spelotheek A")
    page = c.get(f"/aanbod/{aid}/verwijderen").get_data(as_text=True)
    assert "Definitief verwijderen" in page and "confirm(" not in page
    assert _aanbod_id(app, "Spelotheek A") == aid
    with app.app_context():
        version = db.session.get(Aanbod, aid).version
    assert c.post(f"/aanbod/{aid}/verwijderen", data={"version": version - 1}).status_code == 409
    assert c.post(f"/aanbod/{aid}/verwijderen", data={"version": version}).status_code == 302
    assert _aanbod_id(app, "Spelotheek A") is None


def test_stale_aanbod_gets_a_badge_and_the_nagekeken_button_resets_it(wereld, login, app):
    with app.app_context():
        a = db.session.get(Aanbod, _aanbod_id(app, "Spelotheek A"))
        a.laatst_nagekeken_op = date.today() - timedelta(days=400)
        db.session.commit()
        aid = a.id
    c = login(wereld.partner_a)
    html = c.get(f"/netwerken/{wereld.netwerk_x}/aanbod").get_data(as_text=True)
    assert "Niet nagekeken in 12 maanden" in html
    assert "Herinnering" in c.get("/").get_data(as_text=True)
    r = c.post(f"/aanbod/{aid}/nagekeken?next=/netwerken/{wereld.netwerk_x}/aanbod")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/netwerken/{wereld.netwerk_x}/aanbod")
    with app.app_context():
        assert db.session.get(Aanbod, aid).laatst_nagekeken_op == date.today()
    assert "Niet nagekeken in 12 maanden" not in c.get(f"/aanbod/{aid}").get_data(as_text=True)
    # ?next= never leaves the site
    r = c.post(f"/aanbod/{aid}/nagekeken?next=https://evil.example/")
    assert "evil" not in r.headers["Location"]


def test_aanbod_list_filters_in_sql(wereld, login, app):
    with app.app_context():
        a = db.session.get(f.Organisatie, wereld.org_a)
        b = db.session.get(f.Organisatie, wereld.org_b)
        f.aanbod(b, "Kinderopvang Kwetternest", aanbodvorm="kinderopvang",
                 functies=("opvang_onderwijs",), leeftijdsgroepen=("0-3", "3-6"),
                 doelgroep="kwetsbaar", werkvormen=("locatie",), gemeenten=("46025",))
        f.aanbod(a, "Huisbezoek", aanbodvorm="mobiele_gezinsondersteuning",
                 functies=("gezinsondersteuning",), leeftijdsgroepen=("prenataal",),
                 doelgroep="beide", werkvormen=("mobiel",),
                 laatst_nagekeken_op=date.today() - timedelta(days=500))
        db.session.commit()
    c = login(wereld.consultant_ov)

    def names(query):
        html = c.get(f"/netwerken/{wereld.netwerk_x}/aanbod?{query}").get_data(as_text=True)
        return {n for n in ("Spelotheek A", "Kinderopvang Kwetternest", "Huisbezoek") if n in html}

    assert names("") == {"Spelotheek A", "Kinderopvang Kwetternest", "Huisbezoek"}
    assert names("aanbodvorm=kinderopvang") == {"Kinderopvang Kwetternest"}
    assert names("functie=gezinsondersteuning") == {"Huisbezoek"}
    assert names("leeftijdsgroep=3-6") == {"Kinderopvang Kwetternest"}
    assert names("doelgroep=kwetsbaar") == {"Kinderopvang Kwetternest", "Huisbezoek"}  # beide too
    assert names("werkvorm=mobiel") == {"Huisbezoek"}
    assert names("sector=kinderopvang") == {"Kinderopvang Kwetternest"}
    # Temse: only the aanbod with its own municipality there; the others follow Partner A (Sint-Niklaas)
    assert names("gemeente=46025") == {"Kinderopvang Kwetternest"}
    assert names("gemeente=46021") == {"Spelotheek A", "Huisbezoek"}
    assert names("verouderd=ja") == {"Huisbezoek"}
    assert names("verouderd=nee") == {"Spelotheek A", "Kinderopvang Kwetternest"}
    assert names("q=kwetter") == {"Kinderopvang Kwetternest"}
    assert names("q=partner+b") == {"Kinderopvang Kwetternest"}
    html = c.get(f"/netwerken/{wereld.netwerk_x}/aanbod?sorteer=nagekeken").get_data(as_text=True)
    assert html.index("Huisbezoek") < html.index("Spelotheek A")
    assert 'for="leeftijdsgroep">Leeftijdsgroep</label>' in html and 'method="get"' in html
    assert "Bewerken" not in html and "Aanbod toevoegen" not in html  # consultant reads only


def test_aanbod_of_former_members_is_not_in_the_network_list(wereld, login, app):
    with app.app_context():
        b = db.session.get(f.Organisatie, wereld.org_b)
        f.aanbod(b, "Weg aanbod")
        m = db.session.scalar(select(f.Lidmaatschap).where(f.Lidmaatschap.organisatie_id == b.id))
        m.lid_tot = date(2024, 1, 31)
        db.session.commit()
    html = login(wereld.coordinator_x).get(f"/netwerken/{wereld.netwerk_x}/aanbod").get_data(as_text=True)
    assert "Spelotheek A" in html and "Weg aanbod" not in html


def test_overview_groups_by_vorm_and_age(wereld, login, app):
    with app.app_context():
        b = db.session.get(f.Organisatie, wereld.org_b)
        f.aanbod(b, "Peuterspel", leeftijdsgroepen=("0-3", "3-6"))
        db.session.commit()
    html = login(wereld.partner_b).get(f"/netwerken/{wereld.netwerk_x}/aanbod/overzicht") \
        .get_data(as_text=True)
    assert "Spel en ontmoeting (2)" in html  # by vorm
    assert "0 tot 3 jaar (2)" in html and "3 tot 6 jaar (1)" in html and "Prenataal (0)" in html
    assert "Geen aanbod voor deze leeftijdsgroep." in html
    assert "leeftijdsgroep=3-6" in html  # matrix cells open the filtered list


def test_the_aanbod_list_total_follows_every_change(wereld, login, app):
    """The total of a (filtered) list is kept per network revisie (partners/queries.pagina_van):
    a new aanbod of a member counts at once, with and without a filter."""
    c = login(wereld.coordinator_x)

    def totaal(query=""):
        html = c.get(f"/netwerken/{wereld.netwerk_x}/aanbod{query}").get_data(as_text=True)
        return int(re.search(r"Aanbod(?: in deze selectie)? \((\d+)\)", html).group(1))

    alle, gezocht = totaal(), totaal("?q=Speelpleintje")
    with app.app_context():
        f.aanbod(db.session.get(f.Organisatie, wereld.org_a), "Speelpleintje aan de kerk")
        db.session.commit()
    assert (totaal(), totaal("?q=Speelpleintje")) == (alle + 1, gezocht + 1)


def test_the_aanbod_list_order_follows_a_rename_and_a_removal(wereld, login, app):
    """The list's matching ids in their order are kept per network revisie
    (partners/queries.pagina_van): a renamed aanbod moves at once, a removed one is gone."""
    c = login(wereld.coordinator_x)

    def volgorde():
        html = c.get(f"/netwerken/{wereld.netwerk_x}/aanbod").get_data(as_text=True)
        return [int(i) for i in re.findall(r'href="/aanbod/(\d+)"', html)]

    with app.app_context():
        a = f.aanbod(db.session.get(f.Organisatie, wereld.org_a), "Zzz als laatste")
        db.session.commit()
        aanbod_id = a.id
    assert volgorde()[-1] == aanbod_id
    with app.app_context():
        db.session.get(f.Aanbod, aanbod_id).naam = "Aaa als eerste"
        db.session.commit()
    assert volgorde()[0] == aanbod_id
    with app.app_context():
        db.session.delete(db.session.get(f.Aanbod, aanbod_id))
        db.session.commit()
    assert aanbod_id not in volgorde()


def test_the_kept_cells_of_a_row_follow_every_change_and_the_actions_stay_per_user(
        wereld, login, app, monkeypatch):
    """The cells of a row but its actions are kept per network revisie, row and day
    (weergave_bewaard.aanbod_rijen): an organisation's new name and 'nagekeken' show at once, a
    name stays plain text, the next day moves the badge; the buttons stay each user's own."""
    from huisvanhetkind.partners import models as partner_models, weergave_bewaard

    BADGE = '⚠</span> Niet nagekeken in 12 maanden'  # the badge, not the filter's option

    url = f"/netwerken/{wereld.netwerk_x}/aanbod"
    aid = _aanbod_id(app, "Spelotheek A")
    with app.app_context():
        db.session.get(Aanbod, aid).laatst_nagekeken_op = date.today() - timedelta(days=364)
        db.session.commit()
    html = login(wereld.coordinator_x).get(url).get_data(as_text=True)
    assert BADGE not in html and 'aria-label="Bewerken: Spelotheek A"' in html
    html = login(wereld.partner_b).get(url).get_data(as_text=True)  # the kept cells
    assert "Spelotheek A" in html and "Bewerken: Spelotheek A" not in html  # org A's aanbod
    coord = login(wereld.coordinator_x)

    class Morgen(date):
        @classmethod
        def today(cls):
            return date.today() + timedelta(days=2)
    monkeypatch.setattr(weergave_bewaard, "date", Morgen)  # the key's day
    monkeypatch.setattr(partner_models, "date", Morgen)  # Aanbod.verouderd's day
    assert BADGE in coord.get(url).get_data(as_text=True)
    monkeypatch.undo()

    with app.app_context():
        db.session.get(f.Organisatie, wereld.org_a).naam = "<b>Organisatie</b> A"
        db.session.commit()
    html = coord.get(url).get_data(as_text=True)
    assert "&lt;b&gt;Organisatie&lt;/b&gt; A" in html and "<b>Organisatie</b>" not in html


def test_a_page_whose_rows_are_kept_reads_no_aanbod(wereld, login, app):
    """The rows of the list are kept rendered per network revisie (weergave_bewaard.aanbod_rijen):
    a second visit reads no aanbod, another filter showing the same rows neither; a change
    reads the rows again and shows it."""
    c = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/aanbod"

    def aanbod_gelezen(query: str) -> tuple[str, bool]:
        """The page, and whether it read aanbod rows (more than their ids)."""
        html, sql = sent_statements(lambda: c.get(url + query).get_data(as_text=True), app)
        return html, any(re.match(r"SELECT aanbod\.id, ", s) for s in sql)

    html, gelezen = aanbod_gelezen("")
    assert gelezen and "Spelotheek A" in html
    html, gelezen = aanbod_gelezen("")
    assert not gelezen and "Spelotheek A" in html and 'aria-label="Nagekeken: Spelotheek A"' in html
    assert not aanbod_gelezen("?sorteer=vorm")[1]  # its ids in another order, the same rows
    with app.app_context():
        db.session.get(Aanbod, _aanbod_id(app, "Spelotheek A")).naam = "Spelotheek Anders"
        db.session.commit()
    html, gelezen = aanbod_gelezen("")
    assert gelezen and "Spelotheek Anders" in html and ">Spelotheek A<" not in html


def test_the_kept_filter_form_shows_each_request_its_own_values(wereld, login, app):
    """The filter form is kept per network revisie and the form's values
    (weergave_bewaard.filterformulier): every combination shows its own choices and text, a
    new municipality of a member is offered at once."""
    c = login(wereld.coordinator_x)
    url = f"/netwerken/{wereld.netwerk_x}/aanbod"

    def gekozen(query):
        html = c.get(url + query).get_data(as_text=True)
        begin = html.index('<form method="get"')
        form = html[begin:html.index("</form>", begin)]
        return (re.findall(r'<option selected value="([^"]+)"', form),
                re.search(r'name="q"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="q"', form))

    assert gekozen("?doelgroep=kwetsbaar")[0] == ["kwetsbaar", "naam"]
    assert gekozen("?doelgroep=universeel")[0] == ["universeel", "naam"]
    assert gekozen("")[0] == ["naam"]  # the default order only
    _, q = gekozen("?q=%3Cb%3Evet")
    assert "&lt;b&gt;vet" in q.group(0)
    with app.app_context():
        f.aanbod(db.session.get(f.Organisatie, wereld.org_a), "Elders", gemeenten=("11002",))
        db.session.commit()
    assert 'value="11002"' in c.get(url).get_data(as_text=True)
