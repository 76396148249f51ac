"""A production start refuses a database whose demo accounts keep their published passwords
(issue 12: `make run` then `make serve` kept them active in production)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                                reason="one SQLite file is enough: the check reads users only")


def _flask(env, *args):
    return subprocess.run([str(BIN / "flask"), "--app", "huisvanhetkind", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


def _env(pad: Path) -> dict:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{pad}", "FLASK_SECRET_KEY": "productie-test"}
    env.pop("FLASK_DEMO_TOEGESTAAN", None)
    return env


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """What `make run` leaves behind: the schema and the demo, once for the module."""
    pad = tmp_path_factory.mktemp("demo") / "demo.db"
    for args in (("db", "upgrade"), ("hvk", "demo")):
        r = _flask(_env(pad), *args)
        assert r.returncode == 0, r.stderr
    return pad


@pytest.fixture
def demo_env(demo_db, tmp_path):
    kopie = tmp_path / "demo.db"
    kopie.write_bytes(demo_db.read_bytes())
    return _env(kopie)


def test_status_refuses_and_says_how_to_fix(demo_env):
    r = _flask(demo_env, "hvk", "status")
    assert r.returncode == 1
    assert "beheerder@demo.hvk.be" in r.stderr and "hvk demo-accounts --verwijder" in r.stderr
    assert _flask({**demo_env, "FLASK_DEMO_TOEGESTAAN": "1"}, "hvk", "status").returncode == 0


def test_gunicorn_does_not_start_on_demo_accounts(demo_env):
    proc = subprocess.run(
        [str(BIN / "gunicorn"), "--no-control-socket", "--workers", "1", "--bind",
         "127.0.0.1:0", "huisvanhetkind:create_app()"],
        cwd=ROOT, env=demo_env, capture_output=True, text=True, timeout=60)
    # gunicorn.conf.py preloads the app: the master itself refuses, before any worker forks
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert "demo-account" in proc.stderr and "Booting worker" not in proc.stderr


def test_switching_the_demo_accounts_off_allows_the_start(demo_env):
    r = _flask(demo_env, "hvk", "demo-accounts")
    assert r.returncode == 0 and "coordinator@demo.hvk.be" in r.stdout
    r = _flask(demo_env, "hvk", "demo-accounts", "--verwijder")
    assert r.returncode == 0 and "4 demo-accounts uitgeschakeld" in r.stdout
    assert _flask(demo_env, "hvk", "status").returncode == 0
    proc = subprocess.Popen(
        [str(BIN / "gunicorn"), "--no-control-socket", "--workers", "1", "--bind",
         "127.0.0.1:0", "huisvanhetkind:create_app()"],
        cwd=ROOT, env=demo_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(4)
        assert proc.poll() is None, proc.stdout.read()
    finally:
        proc.terminate()
        try:  # still booting on a busy machine (make test runs both engines side by side)
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_a_changed_demo_password_is_no_demo_account(demo_env):
    r = subprocess.run([str(BIN / "flask"), "--app", "huisvanhetkind", "hvk", "gebruiker",
                        "wachtwoord", "beheerder@demo.hvk.be"], input="Kruimel-Fiets-Avond\n",
                       cwd=ROOT, env=demo_env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    r = _flask(demo_env, "hvk", "demo-accounts")
    assert "beheerder@demo.hvk.be" not in r.stdout and "partner@demo.hvk.be" in r.stdout


def test_status_explains_a_database_without_tables(tmp_path):
    """`make serve` on a database that never had `db upgrade`: a Dutch instruction, no traceback."""
    r = _flask(_env(tmp_path / "leeg.db"), "hvk", "status")
    assert r.returncode == 1, r.stderr
    assert "nog geen tabellen" in r.stderr and "db upgrade" in r.stderr
    assert "Traceback" not in r.stderr
