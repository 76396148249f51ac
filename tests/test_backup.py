"""`flask hvk backup` / `herstel`: a restored backup equals the database, table by table."""
from sqlalchemy import select, text

from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Organisatie


def _dump() -> dict:
    out = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(select(table).order_by(*table.primary_key.columns)).all()
        out[table.name] = [tuple(r) for r in rows]
    return out


def test_backup_and_restore_every_table(app, runner):
    assert runner.invoke(args=["hvk", "demo"]).exit_code == 0
    with app.app_context():
        before = _dump()
    result = runner.invoke(args=["hvk", "backup"])
    assert result.exit_code == 0, result.output
    path = result.output.strip().split(": ", 1)[1]
    with app.app_context():
        db.session.execute(text("DELETE FROM contactpersoon"))
        db.session.get(Organisatie, 1).naam = "Na de back-up gewijzigd"
        db.session.commit()
        db.session.remove()
    result = runner.invoke(args=["hvk", "herstel", path, "--ja"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        after = _dump()
    assert after == before
    assert sum(len(rows) for rows in before.values()) > 500


def test_restore_of_missing_file_fails_in_dutch(runner):
    result = runner.invoke(args=["hvk", "herstel", "/bestaat/niet.db", "--ja"])
    assert result.exit_code != 0 and "niet gevonden" in result.output
