"""State-changing account operations, shared by the views and the command line.

Like every operation they change and flush, never commit: on the web the request's one commit
point does (main/commit.py), the command line commits itself. A refusal is an OperatieFout with a
Dutch message for the user; a stale version a Conflict.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, update

from .. import wijzigen
from ..audit.log import record_event
from ..db import utcnow
from ..domein.permissions import CONSULTANT, COORDINATOR, PARTNER
from ..extensions import db
from ..fouten import OperatieFout
from .models import Gebruiker, new_session_token
from .passwords import hash_password, needs_rehash, password_problem, verify_password

ROLLEN = ("beheerder", "coordinator", "partner", "consultant")
# what the user form may change (wijzigen.wijzig's `toegelaten`); netwerken and the password apart
GEBRUIKER_VELDEN = ("email", "naam", "rol", "organisatie_id", "provincies", "actief")
EMAIL_BESTAAT = "Er bestaat al een gebruiker met dit e-mailadres."


class HuidigWachtwoordOnjuist(OperatieFout):
    """The current password given to change one's own password is wrong: a failed attempt of
    that account for the login throttle (auth/views.py)."""


def find_user(email: str) -> Gebruiker | None:
    return db.session.scalar(
        select(Gebruiker).where(func.lower(Gebruiker.email) == email.strip().lower()))


def _controleer_rol(rol: str) -> None:
    if rol not in ROLLEN:
        raise OperatieFout(f"Onbekende rol '{rol}': kies uit {', '.join(ROLLEN)}.")


def create_user(email: str, password: str, rol: str, *, naam: str = "", netwerken=(),
                organisatie=None, provincies=(), actief: bool = True) -> Gebruiker:
    _controleer_rol(rol)
    if find_user(email):
        raise OperatieFout(f"Er bestaat al een gebruiker met e-mailadres {email}.")
    problem = password_problem(password)
    if problem:
        raise OperatieFout(problem)
    if rol == COORDINATOR and not netwerken:
        raise OperatieFout("Een coördinator heeft minstens één netwerk nodig (--netwerk).")
    if rol == PARTNER and organisatie is None:
        raise OperatieFout("Een partnergebruiker hoort bij een organisatie (--organisatie).")
    user = Gebruiker(email=email.strip().lower(), naam=naam, rol=rol, actief=actief,
                     wachtwoord_hash=hash_password(password),
                     organisatie_id=organisatie.id if rol == PARTNER else None,
                     provincies=tuple(provincies) if rol == CONSULTANT else ())
    user.netwerken = list(netwerken) if rol == COORDINATOR else []
    db.session.add(user)
    db.session.flush()
    return user


def wijzig_gebruiker(user: Gebruiker, waarden: dict, version, *, netwerken=(),
                     wachtwoord: str = "") -> bool:
    """Update a user's GEBRUIKER_VELDEN, networks (a coordinator's) and, when given, password, as
    one change after one version check. Each role keeps only its own scope; deactivating a user
    or setting a password ends their sessions. OperatieFout for a taken e-mail address or a weak
    password, Conflict on a stale version. Returns whether anything changed."""
    waarden = dict(waarden)
    rol = waarden.get("rol", user.rol)
    _controleer_rol(rol)
    if "email" in waarden:
        waarden["email"] = waarden["email"].strip().lower()
        other = find_user(waarden["email"])
        if other is not None and other.id != user.id:
            raise OperatieFout(EMAIL_BESTAAT)
    waarden["organisatie_id"] = (waarden.get("organisatie_id") or None) if rol == PARTNER else None
    waarden["provincies"] = tuple(waarden.get("provincies") or ()) if rol == CONSULTANT else ()
    with db.session.no_autoflush:
        wijzigen.controleer_versie(user, version, waarden)
        netwerken = list(netwerken) if rol == COORDINATOR else []
        anders = {n.id for n in user.netwerken} != {n.id for n in netwerken}
        user.netwerken = netwerken
        if wachtwoord:
            set_password(user, wachtwoord)
        elif user.actief and not waarden.get("actief", True):
            end_sessions(user)
        # the columns last: nothing was flushed, so wijzig's check sees the version read above
        veranderd = wijzigen.wijzig(user, waarden, version, GEBRUIKER_VELDEN)
    if not veranderd and (anders or wachtwoord):
        wijzigen.flush(user, waarden)  # the one flush with the Conflict answer
    return veranderd or anders or bool(wachtwoord)


def set_password(user: Gebruiker, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise OperatieFout(problem)
    user.wachtwoord_hash = hash_password(password)
    end_sessions(user)


def wijzig_wachtwoord(user: Gebruiker, huidig: str, nieuw: str) -> None:
    """The user's own new password, after the current one; ends their other sessions."""
    if not verify_password(user.wachtwoord_hash, huidig):
        raise HuidigWachtwoordOnjuist("Het huidige wachtwoord is onjuist.")
    set_password(user, nieuw)
    record_event(db.session, "wachtwoord_gewijzigd", "Eigen wachtwoord gewijzigd")
    db.session.flush()


def end_sessions(user: Gebruiker) -> None:
    """Invalidate every session of this user, on every server process."""
    user.session_token = new_session_token()


def meld_aan(user: Gebruiker, wachtwoord: str) -> None:
    """The bookkeeping of a successful login: when, a stronger hash if due, the audit entry.

    A plain UPDATE, not an ORM change: bookkeeping must not bump the row's version, or two
    simultaneous logins of one account would conflict (StaleDataError)."""
    values = {"laatst_aangemeld_op": utcnow()}
    if needs_rehash(user.wachtwoord_hash):
        values["wachtwoord_hash"] = hash_password(wachtwoord)
    db.session.execute(update(Gebruiker).where(Gebruiker.id == user.id).values(**values))
    record_event(db.session, "aanmelding", "Aangemeld", gebruiker_id=user.id,
                 gebruiker=user.email)
    db.session.flush()


def meld_af(user: Gebruiker) -> None:
    """Logging out ends every session of the user (on every device), audited."""
    end_sessions(user)
    record_event(db.session, "afmelding", "Afgemeld")
    db.session.flush()


def vraag_herstel(email: str) -> bool:
    """Queue a password-reset mail (signed link, single use, 1 hour) if an active account has
    this address; the caller answers the same either way (no user enumeration)."""
    import secrets

    from ..meldingen import outbox, tokens
    from ..meldingen.operations import mailtekst, url
    user = find_user(email)
    if user is None or not user.actief:
        return False
    token = tokens.maak(tokens.WACHTWOORD_HERSTEL, user.id, user.wachtwoord_hash)
    outbox.schrijf(
        f"herstel:{user.id}:{secrets.token_hex(8)}", user.email, "Je wachtwoord herstellen",
        mailtekst(user.naam, [(
            "Je wachtwoord herstellen",
            "Iemand (hopelijk jij) vroeg een nieuw wachtwoord voor je account in het register. "
            f"Kies een nieuw wachtwoord via deze link; hij werkt één keer en één uur lang:\n"
            f"{url('/wachtwoord-herstellen/' + token)}\n\nVroeg je niets? Dan mag je deze e-mail "
            "negeren: je wachtwoord blijft hetzelfde.", "")]))
    record_event(db.session, "wachtwoord_herstel_gevraagd", "Herstel van het wachtwoord gevraagd",
                 gebruiker_id=user.id, gebruiker=user.email)
    db.session.flush()
    return True


def herstel_gebruiker(token: str) -> Gebruiker | None:
    """The user of a valid reset token that was not used yet (the password hash is unchanged)."""
    from ..meldingen import tokens
    gelezen = tokens.lees(tokens.WACHTWOORD_HERSTEL, token)
    if gelezen is None:
        return None
    user = db.session.get(Gebruiker, gelezen[0])
    if user is None or not user.actief \
            or tokens.vingerafdruk(user.wachtwoord_hash) != gelezen[1]:
        return None
    return user


def herstel_wachtwoord(user: Gebruiker, nieuw: str) -> None:
    """A new password through a reset link: ends every session, so the token is spent too."""
    set_password(user, nieuw)
    record_event(db.session, "wachtwoord_hersteld", "Wachtwoord hersteld via de e-maillink",
                 gebruiker_id=user.id, gebruiker=user.email)
    db.session.flush()


def maak_token(gebruiker_id: int, naam: str, scope: str, verloopt_op=None):
    """A new personal API token: returns (the token, its secret). The secret is shown to its user
    once and never stored (auth/tokens.py: only its SHA-256)."""
    from .models import TOKEN_SCOPES, ApiToken
    from .tokens import hash_van, nieuw_geheim
    if scope not in TOKEN_SCOPES:
        raise OperatieFout(f"Onbekende scope '{scope}': kies uit {', '.join(TOKEN_SCOPES)}.")
    if verloopt_op is not None and verloopt_op < date.today():
        raise OperatieFout("De vervaldatum ligt in het verleden.")
    geheim = nieuw_geheim()
    token = ApiToken(gebruiker_id=gebruiker_id, naam=naam.strip(), scope=scope,
                     verloopt_op=verloopt_op, begin=geheim[:12], geheim_hash=hash_van(geheim))
    db.session.add(token)
    db.session.flush()
    return token, geheim


def trek_token_in(token, version) -> None:
    """Revoke a token for good (its row and history stay); Conflict on a stale version."""
    if token.ingetrokken_op is None:
        wijzigen.wijzig(token, {"ingetrokken_op": utcnow()}, version, ("ingetrokken_op",))
