"""The floor: a route that needs no user costs no database work (issue 16)."""
from __future__ import annotations



def test_health_and_static_routes_run_no_sql_even_when_signed_in(app, wereld, login):
    c = login(wereld.partner_a)
    # the health check runs its own SELECT 1 and nothing else; static files nothing at all
    for url, eigen in (("/gezondheid", 1), ("/static/css/erkenning.css", 0)):
        statements = []
        from sqlalchemy import event
        with app.app_context():
            from huisvanhetkind.extensions import db
            engine = db.engine
        luister = lambda conn, cursor, statement, *a: statements.append(statement)  # noqa: E731
        event.listen(engine, "before_cursor_execute", luister)
        try:
            r = c.get(url)
        finally:
            event.remove(engine, "before_cursor_execute", luister)
        gedaan = [s for s in statements if not s.startswith("BEGIN")]
        assert r.status_code == 200 and len(gedaan) == eigen, (url, gedaan)
    # a signed-in page still stays out of shared caches
    assert c.get("/").headers["Cache-Control"] == "no-store"
