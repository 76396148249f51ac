"""Notifications (meldingen), each user's mail preference and the transactional mail outbox."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import utcnow
from ..extensions import db

DIRECT, DAGELIJKS = "direct", "dagelijks"
MAILKEUZES = ((DIRECT, "Meteen, één e-mail per melding"),
              (DAGELIJKS, "Eén overzicht per dag"))

WACHT, VERZONDEN = "wacht", "verzonden"


class Melding(db.Model):
    """One notification for one user. Its key (gebeurtenis, onderwerp, periode, gebruiker) is
    unique: an event about an object in a period reaches a user at most once."""
    __tablename__ = "melding"
    __table_args__ = (UniqueConstraint("gebeurtenis", "onderwerp", "periode", "gebruiker_id",
                                       name="uq_melding_sleutel"),
                      Index("ix_melding_overzicht", "te_mailen", "gebruiker_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="CASCADE"), index=True)
    gebeurtenis: Mapped[str] = mapped_column(String(40))  # a code of domein/meldingen.py
    onderwerp: Mapped[str] = mapped_column(String(80))  # the object, e.g. 'aanbod:12'
    periode: Mapped[str] = mapped_column(String(40), default="")  # '' for a one-off event
    titel: Mapped[str] = mapped_column(String(300))
    tekst: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(500), default="")  # a path within the app
    aangemaakt_op: Mapped[datetime] = mapped_column(default=utcnow)
    gelezen_op: Mapped[datetime | None]
    # waits for the user's daily overview (preference 'dagelijks')
    te_mailen: Mapped[bool] = mapped_column(default=False)


class Meldingsvoorkeur(db.Model):
    """How a user wants notifications by e-mail; no row means DIRECT."""
    __tablename__ = "meldingsvoorkeur"

    gebruiker_id: Mapped[int] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="CASCADE"), primary_key=True)
    mail: Mapped[str] = mapped_column(String(20), default=DIRECT)


class UitgaandeMail(db.Model):
    """The transactional outbox: a mail is a row written in the same transaction as the change
    that causes it, and sent later by `hvk herinneringen` (outbox.verstuur). `sleutel` is unique,
    so one mail is never queued twice; a sender claims a row (geclaimd_tot) before sending it."""
    __tablename__ = "uitgaande_mail"
    __table_args__ = (Index("ix_uitgaande_mail_te_versturen", "status", "volgende_poging"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sleutel: Mapped[str] = mapped_column(String(200), unique=True)
    aan: Mapped[str] = mapped_column(String(254))
    onderwerp: Mapped[str] = mapped_column(String(300))
    tekst: Mapped[str] = mapped_column(Text)
    aangemaakt_op: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default=WACHT)  # wacht | verzonden
    pogingen: Mapped[int] = mapped_column(default=0)
    volgende_poging: Mapped[datetime] = mapped_column(default=utcnow)
    geclaimd_tot: Mapped[datetime | None]
    claim: Mapped[str] = mapped_column(String(40), default="")
    verzonden_op: Mapped[datetime | None]
    laatste_fout: Mapped[str] = mapped_column(Text, default="")
