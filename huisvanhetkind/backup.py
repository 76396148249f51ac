"""Backups and restores of the whole database: SQLite online backup API, pg_dump on PostgreSQL.

A backup is only reported as made once the copy passed an integrity check.
"""
from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from .domein.tekst import aantal


class BackupError(RuntimeError):
    """A Dutch message for the operator."""


def _pg_tool(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                                                   reverse=True)), None)
    if not found:
        raise BackupError(f"{name} is niet geïnstalleerd (Debian-pakket postgresql-client).")
    return found


def _pg_args(url) -> tuple[list[str], dict]:
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    args = ["-h", url.host or "localhost", "-p", str(url.port or 5432), "-U", url.username or "postgres"]
    return args, env


def _sqlite_path(url) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("Een databank in het geheugen kan niet geback-upt worden.")
    return Path(url.database)


def check_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        result = con.execute("PRAGMA integrity_check").fetchone()[0]
        broken = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    if result != "ok" or broken:
        raise BackupError(f"De kopie is beschadigd: {result}; "
                          f"{aantal(len(broken), 'foute verwijzing', 'foute verwijzingen')}.")


def make_backup(database_url: str, folder: Path) -> Path:
    url = make_url(database_url)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    if url.get_backend_name() == "sqlite":
        source = _sqlite_path(url)
        if not source.exists():
            raise BackupError(f"De databank {source} bestaat nog niet.")
        target = folder / f"huisvanhetkind-{stamp}.db"
        src, dst = sqlite3.connect(source), sqlite3.connect(target)
        try:
            src.backup(dst)  # consistent even while the app writes
        finally:
            dst.close()
            src.close()
        check_sqlite(target)
        return target
    if url.get_backend_name() == "postgresql":
        target = folder / f"huisvanhetkind-{stamp}.dump"
        args, env = _pg_args(url)
        done = subprocess.run([_pg_tool("pg_dump"), *args, "-Fc", "-f", str(target), url.database],
                              env=env, capture_output=True, text=True)
        if done.returncode:
            raise BackupError(f"pg_dump mislukte: {done.stderr.strip()}")
        listed = subprocess.run([_pg_tool("pg_restore"), "--list", str(target)],
                                capture_output=True, text=True)
        if listed.returncode:
            raise BackupError(f"De dump is onleesbaar: {listed.stderr.strip()}")
        return target
    raise BackupError(f"Geen back-up mogelijk voor {url.get_backend_name()}.")


def restore(database_url: str, backup: Path) -> None:
    """Replace the database's content by the backup (the app must be stopped)."""
    url = make_url(database_url)
    if not backup.exists():
        raise BackupError(f"Back-up {backup} niet gevonden.")
    if url.get_backend_name() == "sqlite":
        check_sqlite(backup)
        target = _sqlite_path(url)
        src, dst = sqlite3.connect(backup), sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        check_sqlite(target)
        return
    if url.get_backend_name() == "postgresql":
        args, env = _pg_args(url)
        done = subprocess.run([_pg_tool("pg_restore"), *args, "--clean", "--if-exists",
                               "--no-owner", "--single-transaction", "-d", url.database,
                               str(backup)], env=env, capture_output=True, text=True)
        if done.returncode:
            raise BackupError(f"pg_restore mislukte: {done.stderr.strip()}")
        return
    raise BackupError(f"Geen herstel mogelijk voor {url.get_backend_name()}.")
