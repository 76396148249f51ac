"""The import follows the ownership rules (issue 12): a `partners` row with another network's
organisation's KBO no longer renames it and makes it a member — it invites it; data an
organisation owns becomes a proposal; its aanbod cannot be added behind its back."""
from __future__ import annotations

from sqlalchemy import select

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Aanbod, Lidmaatschap, Organisatie
from huisvanhetkind.partners.models_eigendom import Uitnodiging, Wijzigingsvoorstel
from tests import factories as f
from tests.io_helpers import KOPPEN, token, upload, werkmap

KBO_A = f.kbo_nummer(1234567)  # organisation a of network X (the `wereld` fixture)


def _importeer(client, netwerk_id, bladen):
    url = f"/netwerken/{netwerk_id}/import"
    r = upload(client, url, werkmap(bladen), "import.xlsx")
    if r.status_code != 200:
        return r
    return client.post(f"{url}/bevestig", data={"token": token(r.get_data(as_text=True))},
                       follow_redirects=True)


def test_another_networks_organisation_by_kbo_is_invited_not_taken_over(app, wereld, login):
    bladen = {"partners": [KOPPEN["partners"],
                           ["p1", "Overgenomen naam", KBO_A, "welzijn", "Antwerpen",
                            "hack@evil.example", None, "ja"]]}
    r = _importeer(login(wereld.coordinator_y), wereld.netwerk_y, bladen)
    assert r.status_code == 200, r.get_data(as_text=True)[:3000]
    assert "uitgenodigd" in r.get_data(as_text=True)
    with app.app_context():
        a = db.session.get(Organisatie, wereld.org_a)
        assert (a.naam, a.email) == ("Partner A", "")  # nothing renamed or changed
        assert db.session.scalar(select(Lidmaatschap).where(
            Lidmaatschap.netwerk_id == wereld.netwerk_y,
            Lidmaatschap.organisatie_id == wereld.org_a)) is None
        u = db.session.scalars(select(Uitnodiging)).one()
        assert (u.netwerk_id, u.organisatie_id, u.status) == (wereld.netwerk_y, wereld.org_a, "open")


def test_rows_that_lean_on_an_invited_organisation_are_refused(app, wereld, login):
    bladen = {"partners": [KOPPEN["partners"],
                           ["p1", "Partner A", KBO_A, "welzijn", "Antwerpen", None, None, "ja"]],
              "aanbod": [KOPPEN["aanbod"],
                         ["a1", "p1", "Nieuw aanbod", "spel_en_ontmoeting", "ontmoeting", "0-3",
                          "universeel", "locatie", "Antwerpen", "nee", "nee"]]}
    with app.app_context():
        aantal = db.session.scalar(select(db.func.count(Aanbod.id)))
    r = _importeer(login(wereld.coordinator_y), wereld.netwerk_y, bladen)
    assert r.status_code == 422 and "nog geen partner" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Aanbod.id))) == aantal
        assert not db.session.scalars(select(Uitnodiging)).all()  # all or nothing


def test_a_member_that_owns_its_data_gets_a_proposal(app, wereld, login):
    bladen = {"partners": [KOPPEN["partners"],
                           ["p1", "Partner A vzw", KBO_A, "welzijn", "Sint-Niklaas", None, None,
                            "ja"]]}
    r = _importeer(login(wereld.coordinator_x), wereld.netwerk_x, bladen)
    assert r.status_code == 200 and "voorstel" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Organisatie, wereld.org_a).naam == "Partner A"
        v = db.session.scalars(select(Wijzigingsvoorstel)).one()
        assert v.velden["naam"] == ["Partner A", "Partner A vzw"]
    # the command line (a beheerder's rights) changes it directly
    with app.app_context():
        from huisvanhetkind.partners import importer
        importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"), netwerk_id=wereld.netwerk_x)
        db.session.commit()
        assert db.session.get(Organisatie, wereld.org_a).naam == "Partner A vzw"


def test_a_hostile_file_is_refused_without_taking_the_write_lock(app, wereld, login, database_url):
    """Issue 12: authorisation opened the write transaction before the file was parsed, so a
    slow file held SQLite's single write lock. Now the file is parsed first: with another
    writer holding the lock, the refusal still comes at once (422), not 'database is locked'."""
    import sqlite3

    import pytest

    from tests.unit.test_import_parsing import _werkmap_met_rij

    if not database_url.startswith("sqlite:///"):
        pytest.skip("SQLite's single write lock")
    c = login(wereld.coordinator_x)
    ander = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=1)
    ander.execute("BEGIN IMMEDIATE")  # another user's save, holding the write lock
    try:
        r = upload(c, f"/netwerken/{wereld.netwerk_x}/import", _werkmap_met_rij(300_000), "x.xlsx")
    finally:
        ander.rollback()
        ander.close()
    assert r.status_code == 422 and "meer dan 2.000 cellen" in r.get_data(as_text=True)
