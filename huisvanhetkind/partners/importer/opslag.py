"""Uploaded files waiting for confirmation, kept server-side in instance/imports/<token>.

The preview page carries only the random token; on confirmation the file is read and validated
again, never trusted from the client. A stored file belongs to one user and one network (or to
"new network") and is deleted after use or after an hour.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import time
from pathlib import Path

MAX_LEEFTIJD = 3600  # seconds
TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


def bewaar(map_: Path, data: bytes, *, gebruiker_id: int, netwerk_id: int | None,
           bestandsnaam: str) -> str:
    map_.mkdir(parents=True, exist_ok=True, mode=0o700)
    opruimen(map_)
    token = secrets.token_urlsafe(32)
    meta = {"gebruiker_id": gebruiker_id, "netwerk_id": netwerk_id,
            "bestandsnaam": bestandsnaam[:200], "tijd": time.time()}
    _schrijf(map_ / token, data)
    _schrijf(map_ / f"{token}.json", json.dumps(meta).encode("utf-8"))
    return token


def _schrijf(pad: Path, data: bytes) -> None:
    """Readable by the app's user only: uploads hold personal data."""
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def haal(map_: Path, token: str, *, gebruiker_id: int,
         netwerk_id: int | None) -> tuple[bytes, str] | None:
    """(content, file name) if this user stored it for this network within the hour."""
    if not TOKEN.fullmatch(token or ""):
        return None
    try:
        meta = json.loads((map_ / f"{token}.json").read_text(encoding="utf-8"))
        data = (map_ / token).read_bytes()
    except (OSError, ValueError):
        return None
    if (meta.get("gebruiker_id") != gebruiker_id or meta.get("netwerk_id") != netwerk_id
            or time.time() - meta.get("tijd", 0) > MAX_LEEFTIJD):
        return None
    return data, meta.get("bestandsnaam", "")


def verwijder(map_: Path, token: str) -> None:
    if TOKEN.fullmatch(token or ""):
        for pad in (map_ / token, map_ / f"{token}.json"):
            pad.unlink(missing_ok=True)


def opruimen(map_: Path) -> None:
    """Delete what was left behind (previews never confirmed)."""
    grens = time.time() - MAX_LEEFTIJD
    for pad in map_.iterdir():
        try:
            if pad.stat().st_mtime < grens:
                os.unlink(pad)
        except OSError:
            pass
