"""Long gates (`make test-zwaar`): the real app under gunicorn, hammered by many clients."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, database_url: str, workers: int = 4, threads: int = 4):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # the gates run on demo data on purpose (a production start would refuse it)
        env = dict(os.environ, DATABASE_URL=database_url, FLASK_SECRET_KEY="zwaar-geheim",
                   FLASK_DEMO_TOEGESTAAN="1")
        # a file, not a pipe: a full pipe nobody reads would block the workers mid-request
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [str(GUNICORN), "--no-control-socket", "--workers", str(workers), "--threads",
             str(threads), "--bind", f"127.0.0.1:{self.port}", "--timeout", "120",
             "huisvanhetkind:create_app()"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if requests.get(self.url + "/gezondheid", timeout=10).ok:
                    return
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start:\n" + self.stop()[-3000:])

    def stop(self) -> str:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.seek(0)
        return self.log.read().decode(errors="replace")


def session_for(base: str, email: str, password: str) -> requests.Session:
    """A logged-in browser-like session (CSRF token from the login form)."""
    s = requests.Session()
    page = s.get(base + "/aanmelden").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    r = s.post(base + "/aanmelden", data={"email": email, "wachtwoord": password,
                                          "csrf_token": token}, allow_redirects=False,
               timeout=120)
    assert r.status_code == 302, r.text[:500]
    # the session is renewed at login: take the token of the new session
    page = s.get(base + "/wachtwoord").text
    s.csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return s


def form_values(html: str) -> dict:
    """The current values of the simple inputs and selected options of a rendered form."""
    values: dict = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        values[name] = value
    for select_name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.findall(r'<option[^>]*selected[^>]*value="([^"]*)"|<option value="([^"]*)" selected',
                            body)
        values[select_name] = [a or b for a, b in chosen]
    return values


def orphan_rows() -> list[str]:
    """Rows whose foreign key points at no row, one LEFT JOIN per foreign key (app context):
    the same check on SQLite and PostgreSQL, whatever the engine enforces itself."""
    from huisvanhetkind.extensions import db
    found = []
    for table in db.metadata.sorted_tables:
        for fk in table.foreign_key_constraints:
            parent = fk.referred_table.alias()
            on = [parent.c[e.column.name] == e.parent for e in fk.elements]
            n = db.session.scalar(select(func.count()).select_from(table.outerjoin(parent, *on))
                                  .where(*[e.parent.is_not(None) for e in fk.elements],
                                         parent.c[fk.elements[0].column.name].is_(None)))
            if n:
                found.append(f"{table.name}.{fk.name}: {n}")
    return found


@pytest.fixture
def server_factory(database_url):
    servers = []

    def start(**kw) -> Server:
        s = Server(database_url, **kw)
        servers.append(s)
        return s
    yield start
    for s in servers:
        s.stop()
