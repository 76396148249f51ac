"""Gate: gunicorn 4 workers × 4 threads, 32 concurrent clients, 2,000 increments of one record
(the '+1' count of a verwijzing) plus 2,000 inserts (contact persons) → exactly 2,000 and 2,000,
zero 5xx, zero "database is locked". Runs on SQLite and on PostgreSQL like the rest."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from huisvanhetkind.extensions import db
from huisvanhetkind.graaf.models import Verwijzing
from huisvanhetkind.partners.models import Contactpersoon, Organisatie
from tests import factories as f
from tests.factories import WACHTWOORD
from tests.zwaar.conftest import session_for

pytestmark = pytest.mark.zwaar
CLIENTS, INCREMENTS, INSERTS = 32, 2000, 2000


def test_no_lost_update_no_lock_error(app, wereld, server_factory):
    with app.app_context():
        a, b = db.session.get(Organisatie, wereld.org_a), db.session.get(Organisatie, wereld.org_b)
        verwijzing_id = f.verwijzing(a, b, aantal_per_jaar=0).id
        db.session.commit()
    server = server_factory(workers=4, threads=4)
    base = server.url
    tel = f"{base}/netwerken/{wereld.netwerk_x}/verwijzingen/{verwijzing_id}/tel"
    add = f"{base}/organisaties/{wereld.org_a}/contactpersonen/nieuw"
    jobs = ["inc"] * INCREMENTS + ["ins"] * INSERTS
    lock = threading.Lock()
    bad = []
    sessions = {}

    def run(i_job):
        i, job = i_job
        name = threading.current_thread().name
        with lock:
            s = sessions.get(name)
        if s is None:
            # a itself: its contacts are its own (domein.md §10), and so is its referral to b
            s = session_for(base, "partner-a@test.be", WACHTWOORD)
            with lock:
                sessions[name] = s
        if job == "inc":
            r = s.post(tel, data={"csrf_token": s.csrf}, allow_redirects=False)
        else:
            r = s.post(add, data={"naam": f"Gate {i}", "csrf_token": s.csrf},
                       allow_redirects=False)
        if r.status_code != 302 or "database is locked" in r.text:
            with lock:
                bad.append((job, r.status_code, r.text[:200]))

    order = sorted(enumerate(jobs), key=lambda ij: (ij[0] * 7919) % len(jobs))  # interleaved
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(run, order))
    log = server.stop()
    assert bad == [], log[-3000:]
    assert "database is locked" not in log and "Traceback" not in log, log[-3000:]
    with app.app_context():
        db.session.expire_all()
        assert db.session.get(Verwijzing, verwijzing_id).aantal_per_jaar == INCREMENTS
        inserted = db.session.scalar(select(func.count(Contactpersoon.id)).where(
            Contactpersoon.naam.like("Gate %")))
        assert inserted == INSERTS
