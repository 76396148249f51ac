"""The one commit point of a web request (Indico's shape): views and operations only flush.

After the view (and every other after_request hook: this one is registered first, so it runs
last) the request's changes are committed once, when the response is a success or a redirect.
An error response (400/403/404/409/422, a refused form, a conflict) rolls back whatever was
flushed, so nothing is half-saved. A commit that still loses a race (StaleDataError) answers the
Dutch 409 page; the "saved" message the view flashed is withdrawn.
"""
from __future__ import annotations

from flask import Flask, session as web_session
from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..extensions import db

_KEY = "hvk_schrijft"


def _markeer(session: Session, flush_context) -> None:
    session.info[_KEY] = True


def _vergeet(session: Session, *args) -> None:
    session.info.pop(_KEY, None)


event.listen(Session, "after_flush", _markeer)
event.listen(Session, "after_commit", _vergeet)
event.listen(Session, "after_soft_rollback", _vergeet)


def heeft_wijzigingen() -> bool:
    s = db.session
    return bool(s.info.get(_KEY) or s.new or s.dirty or s.deleted)


def install(app: Flask) -> None:
    @app.after_request
    def commit_point(response):
        if not heeft_wijzigingen():
            return response
        if response.status_code >= 400:
            db.session.rollback()
            return response
        try:
            db.session.commit()
        except StaleDataError:
            db.session.rollback()
            web_session.pop("_flashes", None)
            from .errors import render_error
            return app.make_response(render_error(409))
        return response
