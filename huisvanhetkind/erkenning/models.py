"""Engagements with their actions, review comments and the zorgregio table."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Timestamps, Versioned, utcnow
from ..extensions import db


class Engagement(Versioned, Timestamps, db.Model):
    """A commitment (E6–E12, S2–S6) the network realises within two years through actions."""
    __tablename__ = "engagement"
    __audit__ = True
    __table_args__ = (UniqueConstraint("netwerk_id", "voorwaarde"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"), index=True)
    voorwaarde: Mapped[str] = mapped_column(String(5))
    toelichting: Mapped[str] = mapped_column(Text, default="")

    acties = relationship("Actie", back_populates="engagement", lazy="raise",
                          cascade="all, delete-orphan", order_by="Actie.deadline")

    def audit_scope(self):
        return self.netwerk_id, None


class Actie(Versioned, Timestamps, db.Model):
    __tablename__ = "actie"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"), index=True)
    beschrijving: Mapped[str] = mapped_column(Text)
    trekker_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisatie.id", ondelete="SET NULL"), index=True)
    deadline: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default="gepland")
    bewijs: Mapped[str] = mapped_column(Text, default="")
    bewijs_link: Mapped[str] = mapped_column(String(500), default="")
    # when the action was realised; None with status gerealiseerd means 'datum onbekend'
    gerealiseerd_op: Mapped[date | None]

    engagement = relationship("Engagement", back_populates="acties", lazy="raise")
    trekker = relationship("Organisatie", lazy="raise")

    def audit_scope(self):
        return self.netwerk_id, self.trekker_id


class ReviewOpmerking(db.Model):
    """A consultant's comment and verdict on one condition, or a coordinator's answer to it."""
    __tablename__ = "review_opmerking"
    __geen_feit__ = True  # not in the analysis facts (revisie.py)
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"), index=True)
    voorwaarde: Mapped[str] = mapped_column(String(5))
    auteur_id: Mapped[int | None] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="SET NULL"), index=True)
    tekst: Mapped[str] = mapped_column(Text)
    oordeel: Mapped[str | None] = mapped_column(String(20))  # akkoord | opmerking | niet_akkoord
    antwoord_op_id: Mapped[int | None] = mapped_column(
        ForeignKey("review_opmerking.id", ondelete="CASCADE"), index=True)
    peildatum: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    auteur = relationship("Gebruiker", lazy="raise")

    def audit_scope(self):
        return self.netwerk_id, None


class Zorgregio(db.Model):
    """The official municipality → zorgregio table, loaded by a beheerder (CSV nis;zorgregio)."""
    __tablename__ = "zorgregio"
    __audit__ = True
    __gedeeld_feit__ = True  # facts of a municipality, read by every network there (revisie.py)

    nis: Mapped[str] = mapped_column(String(5), primary_key=True)
    zorgregio: Mapped[str] = mapped_column(String(200))

    def audit_scope(self):
        return None, None


class DossierPdf(db.Model):
    """The dossier PDF of one network state (revisie) and peildatum, rendered once and shared by
    every worker and host (erkenning/pdf_cache.py). `pdf` is NULL while a render is under way:
    the row is then the claim that makes other requests wait instead of rendering too."""
    __tablename__ = "dossier_pdf"

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"), index=True)
    sleutel: Mapped[str] = mapped_column(String(64), unique=True)
    peildatum: Mapped[date]
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    gestart_op: Mapped[datetime] = mapped_column(default=utcnow)
    gemaakt_op: Mapped[datetime | None]


class Aanvraag(Versioned, Timestamps, db.Model):
    """A network's erkenningsaanvraag and where it stands (domein.md §11; domein/aanvraag.py).
    Changed only through erkenning/aanvraag_operations.py, one function per transition."""
    __tablename__ = "aanvraag"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(
        ForeignKey("netwerk.id", ondelete="CASCADE"), unique=True)
    toestand: Mapped[str] = mapped_column(String(20), default="concept")
    behandelaar_id: Mapped[int | None] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="SET NULL"), index=True)
    advies: Mapped[str | None] = mapped_column(String(30))
    advies_motivatie: Mapped[str] = mapped_column(Text, default="")
    advies_op: Mapped[date | None]
    beslissing: Mapped[str | None] = mapped_column(String(20))
    beslist_op: Mapped[date | None]
    beslissing_motivatie: Mapped[str] = mapped_column(Text, default="")

    behandelaar = relationship("Gebruiker", lazy="raise")

    def audit_scope(self):
        return self.netwerk_id, None


class AanvraagVersie(db.Model):
    """One frozen version: a submission, a revision or a follow-up report. The facts and the
    evaluation (JSON) and the dossier PDF as they were at submission, each with its SHA-256;
    never changed afterwards, so a review reads what was submitted while the register goes on."""
    __tablename__ = "aanvraag_versie"
    __table_args__ = (UniqueConstraint("aanvraag_id", "nummer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    aanvraag_id: Mapped[int] = mapped_column(
        ForeignKey("aanvraag.id", ondelete="CASCADE"), index=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"),
                                            index=True)
    nummer: Mapped[int]
    soort: Mapped[str] = mapped_column(String(20))  # domein.aanvraag.SOORTEN
    peildatum: Mapped[date]
    toelichting: Mapped[str] = mapped_column(Text, default="")
    ingediend_door_id: Mapped[int | None] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="SET NULL"), index=True)
    ingediend_op: Mapped[datetime] = mapped_column(default=utcnow)
    gegevens: Mapped[str] = mapped_column(Text)  # JSON: {"feiten": …, "beoordeling": …}
    gegevens_sha256: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64))

    ingediend_door = relationship("Gebruiker", lazy="raise")


class AanvraagStap(db.Model):
    """One transition of an aanvraag, for its history (the audit log records it too)."""
    __tablename__ = "aanvraag_stap"

    id: Mapped[int] = mapped_column(primary_key=True)
    aanvraag_id: Mapped[int] = mapped_column(
        ForeignKey("aanvraag.id", ondelete="CASCADE"), index=True)
    stap: Mapped[str] = mapped_column(String(20))
    van: Mapped[str] = mapped_column(String(20))
    naar: Mapped[str] = mapped_column(String(20))
    door_id: Mapped[int | None] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="SET NULL"), index=True)
    op: Mapped[datetime] = mapped_column(default=utcnow)
    tekst: Mapped[str] = mapped_column(Text, default="")
    versie_id: Mapped[int | None] = mapped_column(
        ForeignKey("aanvraag_versie.id", ondelete="SET NULL"))

    door = relationship("Gebruiker", lazy="raise")
