"""Users (gebruikers) with their role and scope."""
from __future__ import annotations

import secrets
from datetime import datetime

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
