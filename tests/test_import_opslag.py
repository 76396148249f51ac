"""Import previews live in the database (issue 12): bounded per user and in total, expire after
an hour (on every upload and by `hvk opruimen`), belong to one user and network, and a preview
made by one process is confirmed by another."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from huisvanhetkind import create_app
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.importer import opslag
from huisvanhetkind.partners.importer.models import ImportVoorbeeld
from huisvanhetkind.partners.models import Organisatie
from tests.io_helpers import token, upload, werkmap
from tests.toegang_helpers import snapshot, verschil
from tests.xss_helpers import client_voor


def _werkmap(naam: str = "Nieuw") -> bytes:
    return werkmap({"partners": [["naam", "sector"], [naam, "welzijn"]]})


def _voorbeelden(app) -> list[tuple]:
    with app.app_context():
        return db.session.execute(select(
            ImportVoorbeeld.token, ImportVoorbeeld.gebruiker_id, ImportVoorbeeld.grootte)
            .order_by(ImportVoorbeeld.id)).all()


def _verouder(app, minuten: int = 61) -> None:
    with app.app_context():
        for v in db.session.scalars(select(ImportVoorbeeld)):
            v.aangemaakt_op -= timedelta(minutes=minuten)
        db.session.commit()


def test_a_user_keeps_at_most_three_previews_the_oldest_goes(app, wereld, login):
    url = f"/netwerken/{wereld.netwerk_x}/import"
    coordinator = login(wereld.coordinator_x)
    tokens = [token(upload(coordinator, url, _werkmap(f"Org {i}"), f"{i}.xlsx")
                    .get_data(as_text=True)) for i in range(4)]
    assert [v.token for v in _voorbeelden(app)] == tokens[1:]
    r = coordinator.post(f"{url}/bevestig", data={"token": tokens[0]})  # the oldest is gone
    assert r.status_code == 302 and r.location.endswith(url)
    # another user's previews do not count against this one's
    beheerder = login(wereld.beheerder)
    upload(beheerder, url, _werkmap(), "b.xlsx")
    assert len(_voorbeelden(app)) == 4
    login(wereld.coordinator_x)
    r = coordinator.post(f"{url}/bevestig", data={"token": tokens[3]})
    assert r.status_code == 302 and r.location.endswith("/resultaat")


def test_a_full_store_refuses_a_new_preview_with_a_dutch_413(app, wereld, login, monkeypatch):
    url = f"/netwerken/{wereld.netwerk_x}/import"
    data = _werkmap()
    monkeypatch.setattr(opslag, "MAX_TOTAAL", 2 * len(data) + 10)
    upload(login(wereld.beheerder), url, data, "a.xlsx")
    upload(login(wereld.coordinator_x), url, data, "b.xlsx")
    voor = snapshot(app)
    r = upload(login(wereld.coordinator_y), f"/netwerken/{wereld.netwerk_y}/import", data, "c.xlsx")
    assert r.status_code == 413 and opslag.VOL in r.get_data(as_text=True)
    assert 'name="token"' not in r.get_data(as_text=True)
    assert verschil(voor, snapshot(app)) == []
    _verouder(app)  # an hour later the expired ones are cleaned first: room again
    r = upload(login(wereld.coordinator_y), f"/netwerken/{wereld.netwerk_y}/import", data, "c.xlsx")
    assert r.status_code == 200 and [v.gebruiker_id for v in _voorbeelden(app)] == [
        wereld.coordinator_y]


def test_an_expired_preview_cannot_be_confirmed_and_is_cleaned(app, wereld, login, runner):
    url = f"/netwerken/{wereld.netwerk_x}/import"
    c = login(wereld.coordinator_x)
    t = token(upload(c, url, _werkmap(), "oud.xlsx").get_data(as_text=True))
    _verouder(app)
    r = c.post(f"{url}/bevestig", data={"token": t})
    assert r.status_code == 302 and "verlopen of al verwerkt" in c.get(r.location).get_data(
        as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Organisatie).where(Organisatie.naam == "Nieuw")) is None
    vers = token(upload(c, url, _werkmap(), "vers.xlsx").get_data(as_text=True))
    assert [v.token for v in _voorbeelden(app)] == [vers]  # the upload cleaned the old one
    _verouder(app, 59)
    result = runner.invoke(args=["hvk", "opruimen"])
    assert result.exit_code == 0 and "0 verlopen importvoorbeelden verwijderd" in result.output
    _verouder(app, 2)
    result = runner.invoke(args=["hvk", "opruimen"])
    assert result.exit_code == 0, result.output
    assert "- vers.xlsx: " in result.output and f"gebruiker {wereld.coordinator_x}" in result.output
    assert "1 verlopen importvoorbeeld verwijderd" in result.output
    assert _voorbeelden(app) == []


def test_another_users_or_networks_token_is_refused_and_keeps_the_preview(app, wereld, login):
    url = f"/netwerken/{wereld.netwerk_x}/import"
    t = token(upload(login(wereld.coordinator_x), url, _werkmap(), "p.xlsx").get_data(as_text=True))
    voor = snapshot(app)
    beheerder = login(wereld.beheerder)  # may import anywhere, yet it is not their upload
    for bevestig in (f"{url}/bevestig", "/netwerken/import/bevestig",
                     f"/netwerken/{wereld.netwerk_y}/import/bevestig"):
        r = beheerder.post(bevestig, data={"token": t})
        assert r.status_code == 302 and "/resultaat" not in r.location
    assert verschil(voor, snapshot(app)) == []
    r = login(wereld.coordinator_x).post(f"{url}/bevestig", data={"token": t})
    assert r.location.endswith("/resultaat")


def test_a_preview_made_by_one_process_is_confirmed_by_another(app, wereld, database_url):
    """Two application instances on one database, as two gunicorn workers or hosts: nothing of
    the upload lives in the process or on its disk."""
    from tests.conftest import test_config
    andere = create_app(test_config(database_url))
    try:
        url = f"/netwerken/{wereld.netwerk_x}/import"
        html = upload(client_voor(app, wereld.coordinator_x), url, _werkmap("Gedeeld"),
                      "p.xlsx").get_data(as_text=True)
        r = client_voor(andere, wereld.coordinator_x).post(f"{url}/bevestig",
                                                            data={"token": token(html)})
        assert r.status_code == 302 and r.location.endswith("/resultaat")
        with app.app_context():
            assert db.session.scalar(select(func.count(Organisatie.id)).where(
                Organisatie.naam == "Gedeeld")) == 1
            assert db.session.scalar(select(ImportVoorbeeld)) is None
    finally:
        with andere.app_context():
            db.session.remove()
            db.engine.dispose()
