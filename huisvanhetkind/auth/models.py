"""Users (gebruikers) with their role and scope."""

import secrets
from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base, CodeList, Timestamps, Versioned
from ..extensions import db

gebruiker_netwerk = Table(
    "gebruiker_netwerk", Base.metadata,
    Column("gebruiker_id", Integer, ForeignKey("gebruiker.id", ondelete="CASCADE"), primary_key=True),
    Column("netwerk_id", Integer, ForeignKey("netwerk.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


class Gebruiker(UserMixin, Versioned, Timestamps, db.Model):
    __tablename__ = "gebruiker"
    __audit__ = True
    __audit_exclude__ = ("wachtwoord_hash", "session_token", "laatst_aangemeld_op")

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    naam: Mapped[str] = mapped_column(String(200), default="")
    wachtwoord_hash: Mapped[str] = mapped_column(String(200))
    rol: Mapped[str] = mapped_column(String(20))
    actief: Mapped[bool] = mapped_column(default=True)
    # partner: the organisation this user speaks for
    organisatie_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisatie.id", ondelete="SET NULL"), index=True)
    # consultant: provinces (Dutch names); empty means all of Flanders and Brussels
    provincies: Mapped[tuple[str, ...]] = mapped_column(CodeList, default=(), server_default="")
    # rotated on logout, password change and deactivation: ends every session of the user
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    laatst_aangemeld_op: Mapped[datetime | None]

    organisatie = relationship("Organisatie", lazy="raise")
    netwerken = relationship("Netwerk", secondary=gebruiker_netwerk, lazy="raise",
                             order_by="Netwerk.naam")

    def get_id(self) -> str:
        # Flask-Login stores this in the session: a rotated token invalidates old sessions.
        return f"{self.id}:{self.session_token}"

    def __repr__(self) -> str:
        return f"<Gebruiker {self.email} ({self.rol})>"


class Aanmeldpoging(db.Model):
    """A failed login, keyed by a hash of e-mail + IP address (no personal data stored in clear)."""
    __tablename__ = "aanmeldpoging"

    id: Mapped[int] = mapped_column(primary_key=True)
    sleutel: Mapped[str] = mapped_column(String(64), index=True)
    tijdstip: Mapped[datetime] = mapped_column(index=True)


# the scopes of a personal API token (domein.md §13): read, or read and keep one's own data in sync
LEZEN, LEZEN_SCHRIJVEN = "lezen", "lezen-schrijven"
TOKEN_SCOPES = (LEZEN, LEZEN_SCHRIJVEN)


class ApiToken(Versioned, Timestamps, db.Model):
    """A personal API token (`Authorization: Bearer …`): it acts as its user, within its scope.

    Only the SHA-256 of the secret is stored (auth/tokens.py explains why a fast hash suffices);
    the user sees the secret once, when it is made. A revoked token keeps its row (and its audit
    history) with `ingetrokken_op` set."""
    __tablename__ = "api_token"
    __audit__ = True
    __audit_exclude__ = ("geheim_hash", "laatst_gebruikt_op")

    id: Mapped[int] = mapped_column(primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="CASCADE"), index=True)
    naam: Mapped[str] = mapped_column(String(200))
    # the first characters of the secret, shown in the list so its owner recognises it
    begin: Mapped[str] = mapped_column(String(12))
    geheim_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scope: Mapped[str] = mapped_column(String(20))
    verloopt_op: Mapped[date | None]  # valid up to and including this day; None: no expiry
    ingetrokken_op: Mapped[datetime | None]
    laatst_gebruikt_op: Mapped[datetime | None]

    gebruiker = relationship("Gebruiker", lazy="raise")

    def geldig_op(self, vandaag: date) -> bool:
        return self.ingetrokken_op is None and (
            self.verloopt_op is None or vandaag <= self.verloopt_op)

    def __str__(self) -> str:
        return f"API-token {self.naam}"
