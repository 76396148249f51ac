"""Mail leaves right after the commit that queued it, not only at the next `hvk herinneringen`.

A password-reset link or an "aanvraag ingediend" should not wait for cron. When a request's
transaction that wrote to the outbox commits, a short thread sends the outbox (outbox.verstuur:
its claims keep it from ever sending a row twice, also next to cron). A failure stays in the
outbox and is retried by `hvk herinneringen` with backoff. Only in the web application, only with
MAIL_SERVER set, and switched off by MAIL_METEEN = False (the tests send explicitly).
"""
from __future__ import annotations

import logging
import threading

from flask import current_app, has_request_context
from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
_KEY = "hvk_mail_in_outbox"


def markeer(session: Session) -> None:
    """Called by outbox.schrijf: this transaction queued mail."""
    session.info[_KEY] = True


def _na_commit(session: Session) -> None:
    if not session.info.pop(_KEY, False) or not has_request_context():
        return
    config = current_app.config
    if not config.get("MAIL_METEEN", True) or not config.get("MAIL_SERVER"):
        return
    threading.Thread(target=_verstuur, args=(current_app._get_current_object(),),
                     name="hvk-mail", daemon=True).start()


def _vergeet(session: Session, *args) -> None:
    session.info.pop(_KEY, None)


def _verstuur(app) -> None:
    from ..extensions import db
    from . import outbox
    with app.app_context():
        try:
            outbox.verstuur()
        except Exception:  # noqa: BLE001 — the mail stays in the outbox; cron retries it
            log.exception("mail meteen versturen mislukt")
        finally:
            db.session.remove()


event.listen(Session, "after_commit", _na_commit)
event.listen(Session, "after_soft_rollback", _vergeet)
