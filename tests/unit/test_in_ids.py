"""db.in_ids writes a list of ids into the statement (issue 16: 64 bound parameters doubled the
overview's statements on PostgreSQL), and nothing but integers can get there."""
import pytest
from sqlalchemy import column, select
from sqlalchemy.dialects import postgresql, sqlite

from huisvanhetkind.db import in_ids


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()])
def test_the_ids_are_written_into_the_statement(dialect):
    stmt = select(column("id")).where(in_ids(column("id"), [3, 1, 2]))
    sql = str(stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True}))
    assert "IN (3, 1, 2)" in sql and not stmt.compile(dialect=dialect).params.get("ids")


def test_only_integers_get_there():
    assert in_ids(column("id"), ["7"]).right.value == [7]
    with pytest.raises(ValueError):
        in_ids(column("id"), ["1) OR (1=1"])
