"""The audit log: one row per change of domain data and per security event."""

from datetime import datetime

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import utcnow
from ..extensions import db


class AuditEntry(db.Model):
    # No foreign keys on purpose: the log outlives the records and users it describes.
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "tabel", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tijdstip: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    gebruiker_id: Mapped[int | None]
    gebruiker: Mapped[str] = mapped_column(String(254), default="")  # e-mail, or 'systeem'
    actie: Mapped[str] = mapped_column(String(30))
    tabel: Mapped[str] = mapped_column(String(50), default="")
    record_id: Mapped[str | None] = mapped_column(String(50))
    netwerk_id: Mapped[int | None] = mapped_column(index=True)
    organisatie_id: Mapped[int | None] = mapped_column(index=True)
    # the other organisation of a record between two (a verwijzing's naar): a network's log shows
    # it only while both were members (audit/views.py)
    tegenpartij_id: Mapped[int | None]
    omschrijving: Mapped[str] = mapped_column(String(500), default="")
    wijzigingen: Mapped[dict | None] = mapped_column(JSON)
