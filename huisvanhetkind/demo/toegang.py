"""Demo accounts with their published passwords must not reach production (issue 12).

`make run` loads demo accounts whose passwords stand in the README (and the Flanders data set's
users share one printed password). A production start — `make serve`, `hvk status`, any gunicorn
start — refuses while such an account is active, unless the installation is a demo on purpose
(config DEMO_TOEGESTAAN, e.g. the environment FLASK_DEMO_TOEGESTAAN=1), and says how to remove
them: `flask --app huisvanhetkind hvk demo-accounts --verwijder`.
"""
from __future__ import annotations

from sqlalchemy import or_, select

from ..auth.models import Gebruiker
from ..auth.passwords import verify_password
from ..extensions import db
from .data_samenwerking import DEMO_USERS
from ..domein.tekst import aantal
from .vlaanderen import WACHTWOORD as VLAANDEREN_WACHTWOORD
from .vlaanderen_bestuur import DOMEIN as VLAANDEREN_DOMEIN

GEPUBLICEERD = {email: wachtwoord for email, _, wachtwoord, _ in DEMO_USERS}


def _gepubliceerd_wachtwoord(email: str) -> str | None:
    if email in GEPUBLICEERD:
        return GEPUBLICEERD[email]
    return VLAANDEREN_WACHTWOORD if email.endswith("@" + VLAANDEREN_DOMEIN) else None


def actieve_demo_accounts() -> list[Gebruiker]:
    """Active accounts of the demo data whose password is still the published one. A demo data
    set shares few distinct hashes, so each distinct hash is verified once (argon2 is slow)."""
    kandidaten = db.session.scalars(select(Gebruiker).where(
        Gebruiker.actief.is_(True),
        or_(Gebruiker.email.in_(sorted(GEPUBLICEERD)),
            Gebruiker.email.like(f"%@{VLAANDEREN_DOMEIN}"))).order_by(Gebruiker.email)).all()
    uitslag: dict[tuple[str, str], bool] = {}
    gevonden = []
    for g in kandidaten:
        wachtwoord = _gepubliceerd_wachtwoord(g.email)
        sleutel = (g.wachtwoord_hash, wachtwoord or "")
        if sleutel not in uitslag:
            uitslag[sleutel] = bool(wachtwoord) and verify_password(g.wachtwoord_hash, wachtwoord)
        if uitslag[sleutel]:
            gevonden.append(g)
    return gevonden


def weigering(accounts: list[Gebruiker]) -> str:
    """The Dutch explanation a refused production start prints."""
    voorbeeld = ", ".join(g.email for g in accounts[:4]) + (
        f" en {len(accounts) - 4} andere" if len(accounts) > 4 else "")
    return (f"Deze databank heeft {aantal(len(accounts), 'demo-account', 'demo-accounts')} met het gepubliceerde "
            f"wachtwoord ({voorbeeld}). Een productieserver start daar niet mee: iedereen die de "
            "README leest, kan zich zo aanmelden.\n"
            "Schakel ze uit met:  .venv/bin/flask --app huisvanhetkind hvk demo-accounts "
            "--verwijder\n"
            "(of zet FLASK_DEMO_TOEGESTAAN=1 voor een installatie die bewust een demo is).")


def deactiveer(accounts: list[Gebruiker]) -> None:
    """Switch the accounts off and end their sessions (rows stay: the audit log names them)."""
    from ..auth.operations import end_sessions
    for g in accounts:
        g.actief = False
        end_sessions(g)
    db.session.flush()
