"""Opt-in (HVK_SQL_COUNT=1): count the SQL statements of each request in a response header.

For the benchmarks (bench/): `X-SQL-Statements: N` shows which pages run a bounded number of
statements: every statement sent to the database during the request, transaction starts
excluded. Off by default: then nothing is installed and nothing is counted.
"""
from __future__ import annotations

import os

from flask import Flask, current_app, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

HEADER = "X-SQL-Statements"
_KEY = "hvk.sql_statements"  # per request, in the WSGI environ
_listening = False


def enabled(app: Flask) -> bool:
    return bool(app.config.get("HVK_SQL_COUNT")) or os.environ.get("HVK_SQL_COUNT") == "1"


def _count(conn, cursor, statement, parameters, context, executemany) -> None:
    # SQLite's explicit BEGIN IMMEDIATE (db.py) is left out, so both databases count alike
    if statement.startswith("BEGIN"):
        return
    if has_request_context() and current_app.extensions.get("hvk_sqlcount"):
        request.environ[_KEY] = request.environ.get(_KEY, 0) + 1


def install(app: Flask) -> None:
    global _listening
    if not enabled(app):
        return
    app.extensions["hvk_sqlcount"] = True
    if not _listening:  # one process-wide listener; each app opts in through its extensions
        event.listen(Engine, "before_cursor_execute", _count)
        _listening = True

    @app.after_request
    def sql_header(response):
        response.headers[HEADER] = str(request.environ.get(_KEY, 0))
        return response
