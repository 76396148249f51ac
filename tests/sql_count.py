"""The one helper for tests that bound the number of SQL statements (no N+1)."""
from __future__ import annotations

from flask import current_app
from sqlalchemy import event

from huisvanhetkind.extensions import db


def count_statements(fn, app=None) -> tuple[object, int]:
    """(result of fn(), number of SQL statements sent meanwhile)."""
    result, statements = sent_statements(fn, app)
    return result, len(statements)


def sent_statements(fn, app=None) -> tuple[object, list[str]]:
    """(result of fn(), the SQL statements sent meanwhile)."""
    statements = []

    def listener(conn, cursor, statement, *args):
        statements.append(statement)

    with (app or current_app._get_current_object()).app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", listener)
    try:
        result = fn()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return result, statements
