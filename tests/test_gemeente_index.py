"""The municipality index rows (aanbod_gemeente, organisatie_gemeente) always equal the CodeList
columns, on every write path, and the municipality filters read them instead of LIKE."""
from __future__ import annotations

from datetime import date

from sqlalchemy import event, select

from huisvanhetkind import facts
from huisvanhetkind.demo import vlaanderen as v
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.gemeente_index import INDEX
from huisvanhetkind.partners.models import Aanbod, Organisatie
from huisvanhetkind.partners.queries import leden_stmt
from huisvanhetkind.partners.queries_aanbod import AanbodFilter, aanbod_stmt
from tests import factories as f
from tests.io_helpers import groot_netwerk, token, upload, werkmap


def _index_gelijk_aan_codelist() -> int:
    """Assert both index tables equal their CodeList column; returns the number of index rows."""
    totaal = 0
    for model, (tabel, kolom) in INDEX.items():
        verwacht = {(i, nis) for i, codes in db.session.execute(select(model.id, model.gemeenten))
                    for nis in codes}
        echt = {tuple(r) for r in db.session.execute(select(tabel.c[kolom], tabel.c.nis))}
        assert echt == verwacht, model.__name__
        totaal += len(echt)
    return totaal


def test_orm_create_update_delete_keep_the_index_equal(app, wereld):
    with app.app_context():
        org = f.organisatie("Partner C", gemeenten=("44021", "46021"))
        eigen = f.aanbod(org, "Eigen gemeenten", gemeenten=("44021", "11002"))
        geen = f.aanbod(org, "Gemeenten van de organisatie", gemeenten=())
        db.session.commit()
        assert _index_gelijk_aan_codelist() >= 4

        org.gemeenten = ("46025",)
        eigen.gemeenten = ()
        geen.gemeenten = ["46021", " 46021 ", "46025"]  # normalised like the CodeList
        db.session.flush()
        _index_gelijk_aan_codelist()
        geen.naam = "Andere naam"  # a change that leaves the municipalities alone
        db.session.commit()
        _index_gelijk_aan_codelist()

        db.session.delete(db.session.get(Aanbod, eigen.id))
        db.session.flush()
        _index_gelijk_aan_codelist()
        org = db.session.scalar(select(Organisatie).where(Organisatie.id == org.id))
        db.session.delete(org)  # its aanbod goes with it (ORM cascade), the rows by ON DELETE
        db.session.commit()
        _index_gelijk_aan_codelist()

        # a rolled back change leaves no rows behind
        f.aanbod(db.session.get(Organisatie, wereld.org_a), "Weg", gemeenten=("11002",))
        db.session.rollback()
        _index_gelijk_aan_codelist()


def test_import_keeps_the_index_equal(app, wereld, login):
    client = login(wereld.coordinator_x)
    preview = upload(client, f"/netwerken/{wereld.netwerk_x}/import", werkmap(groot_netwerk()),
                     "netwerk.xlsx")
    resp = client.post(f"/netwerken/{wereld.netwerk_x}/import/bevestig",
                       data={"token": token(preview.get_data(as_text=True))})
    assert resp.status_code == 302
    with app.app_context():
        assert _index_gelijk_aan_codelist() >= 40


def test_flanders_bulk_loader_writes_the_index(ctx):
    ds = v.genereer(0.01, seed=7, vandaag=date(2026, 3, 1), wachtwoord_hash="hash")
    v.laad(ds)
    assert _index_gelijk_aan_codelist() >= len(ds.rijen["organisaties"])
    v.maak_leeg()  # --leeg-eerst empties the index tables too
    assert _index_gelijk_aan_codelist() == 0


def test_migration_back_fills_the_index(app, wereld):
    from flask_migrate import downgrade, upgrade
    with app.app_context():
        f.aanbod(db.session.get(Organisatie, wereld.org_a), "Eigen", gemeenten=("44021", "46025"))
        db.session.commit()
        voor = _index_gelijk_aan_codelist()
        db.session.remove()
        downgrade(revision="omgeving_indicator")
        upgrade()
        db.engine.dispose()
        assert _index_gelijk_aan_codelist() == voor > 0


def _sql_van(doe) -> list[str]:
    statements = []

    def onthoud(conn, cursor, statement, *args):
        statements.append(statement)
    event.listen(db.engine, "before_cursor_execute", onthoud)
    try:
        doe()
    finally:
        event.remove(db.engine, "before_cursor_execute", onthoud)
    return statements


def test_municipality_filters_use_the_index_not_like(app, wereld):
    with app.app_context():
        org = db.session.get(Organisatie, wereld.org_a)
        f.aanbod(org, "Elders", gemeenten=("44021",))
        f.aanbod(org, "Verplicht", gemeenten=("46025",), verplicht_kg=True)
        db.session.commit()
        x = wereld.netwerk_x
        lijst = _sql_van(lambda: db.session.scalars(aanbod_stmt(x, AanbodFilter(gemeente="44021"))).all())
        leden = _sql_van(lambda: db.session.scalars(leden_stmt(x, gemeente="46021")).all())
        feiten = _sql_van(lambda: facts.netwerk_facts(x))
        for sql in (*lijst, *leden, *feiten):
            assert "LIKE" not in sql.upper() or "gemeenten" not in sql
        assert any("aanbod_gemeente" in s for s in lijst)
        assert any("organisatie_gemeente" in s for s in leden)
        assert any("aanbod_gemeente" in s and "verplicht_kg" in s for s in feiten)
        assert [a.naam for a in db.session.scalars(
            aanbod_stmt(x, AanbodFilter(gemeente="44021")))] == ["Elders"]
        assert {a.naam for a in db.session.scalars(
            aanbod_stmt(x, AanbodFilter(gemeente="46021")))} == {"Spelotheek A"}


def test_aanbod_dekt_finds_what_aanbod_in_finds(ctx):
    """The per-row condition (for queries an index narrows down) and the list of ids agree:
    aanbod with municipalities of its own, and aanbod that takes its organisation's."""
    from huisvanhetkind.partners.gemeente_index import aanbod_dekt, aanbod_in

    temse = f.organisatie("Temse", gemeenten=("46025",))
    beide = f.organisatie("Beide", gemeenten=("46021", "46025"))
    f.aanbod(temse, "eigen gemeente", gemeenten=("46021",))
    f.aanbod(temse, "van de organisatie")
    f.aanbod(beide, "van de organisatie, twee")
    f.aanbod(beide, "elders", gemeenten=("11002",))
    db.session.commit()
    for nis in ("46021", ["46025"], ["46021", "11002"], ["44021"]):
        namen = [sorted(db.session.scalars(select(Aanbod.naam).where(w)))
                 for w in (aanbod_dekt(nis), aanbod_in(nis))]
        assert namen[0] == namen[1], nis
    assert sorted(db.session.scalars(select(Aanbod.naam).where(aanbod_dekt(["46025"])))) == [
        "van de organisatie", "van de organisatie, twee"]
