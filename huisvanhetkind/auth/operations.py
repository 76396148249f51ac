"""State-changing account operations, shared by the views and the command line."""
from __future__ import annotations

from sqlalchemy import func, select

from ..extensions import db
from .models import Gebruiker, new_session_token
from .passwords import hash_password, password_problem
from ..domein.permissions import CONSULTANT, COORDINATOR, PARTNER

ROLLEN = ("beheerder", "coordinator", "partner", "consultant")


class AccountError(ValueError):
    """A Dutch message for the user."""


def find_user(email: str) -> Gebruiker | None:
    return db.session.scalar(
        select(Gebruiker).where(func.lower(Gebruiker.email) == email.strip().lower()))


def create_user(email: str, password: str, rol: str, *, naam: str = "", netwerken=(),
                organisatie=None, provincies=()) -> Gebruiker:
    if rol not in ROLLEN:
        raise AccountError(f"Onbekende rol '{rol}': kies uit {', '.join(ROLLEN)}.")
    if find_user(email):
        raise AccountError(f"Er bestaat al een gebruiker met e-mailadres {email}.")
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    if rol == COORDINATOR and not netwerken:
        raise AccountError("Een coördinator heeft minstens één netwerk nodig (--netwerk).")
    if rol == PARTNER and organisatie is None:
        raise AccountError("Een partnergebruiker hoort bij een organisatie (--organisatie).")
    user = Gebruiker(email=email.strip().lower(), naam=naam, rol=rol,
                     wachtwoord_hash=hash_password(password),
                     organisatie_id=organisatie.id if rol == PARTNER else None,
                     provincies=tuple(provincies) if rol == CONSULTANT else ())
    user.netwerken = list(netwerken) if rol == COORDINATOR else []
    db.session.add(user)
    return user


def set_password(user: Gebruiker, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise AccountError(problem)
    user.wachtwoord_hash = hash_password(password)
    end_sessions(user)


def end_sessions(user: Gebruiker) -> None:
    """Invalidate every session of this user, on every server process."""
    user.session_token = new_session_token()
