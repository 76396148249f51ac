"""Consent in a shared registry (domein.md §10): membership invitations and change proposals.

An organisation is one record shared by every network it belongs to. A coordinator does not make
an existing organisation a member alone — they invite it (`Uitnodiging`) and a partner user of
the organisation, or a beheerder for one without, accepts. A coordinator who may not change an
organisation (it has its own partner account, or other networks rely on it too) proposes the
change (`Wijzigingsvoorstel`) and the organisation or a beheerder accepts or declines it.
"""

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Timestamps, Versioned
from ..extensions import db

OPEN, AANVAARD, GEWEIGERD, INGETROKKEN = "open", "aanvaard", "geweigerd", "ingetrokken"


class Verzoek:
    """What an invitation and a proposal share: who asked, and the owner's answer. Both are
    scoped in the audit log to the asking network and the organisation asked."""
    status: Mapped[str] = mapped_column(String(20), default=OPEN, index=True)
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id", ondelete="SET NULL"))
    antwoord: Mapped[str] = mapped_column(Text, default="")
    beantwoord_door_id: Mapped[int | None] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="SET NULL"))
    beantwoord_op: Mapped[datetime | None]

    def audit_scope(self):
        return self.netwerk_id, self.organisatie_id


class Uitnodiging(Verzoek, Versioned, Timestamps, db.Model):
    """A network's invitation to an existing organisation, with the membership terms the
    network proposes (they belong to the network: domein.md §10)."""
    __tablename__ = "uitnodiging"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"), index=True)
    organisatie_id: Mapped[int] = mapped_column(
        ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    rol: Mapped[str] = mapped_column(String(200), default="")
    lid_sinds: Mapped[date | None]
    overeenkomst_getekend: Mapped[bool] = mapped_column(default=False)
    overeenkomst_datum: Mapped[date | None]
    boodschap: Mapped[str] = mapped_column(Text, default="")

    netwerk = relationship("Netwerk", lazy="raise")
    organisatie = relationship("Organisatie", lazy="raise")

    def __str__(self) -> str:
        return f"uitnodiging {self.id}"


class Wijzigingsvoorstel(Verzoek, Versioned, Timestamps, db.Model):
    """Proposed new values for an organisation's details or one of its aanbod, made by a
    coordinator of one of its networks; applied only when the owner accepts, and only onto the
    version it was made from (a record changed since gets a fresh proposal instead)."""
    __tablename__ = "wijzigingsvoorstel"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    organisatie_id: Mapped[int] = mapped_column(
        ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    aanbod_id: Mapped[int | None] = mapped_column(
        ForeignKey("aanbod.id", ondelete="CASCADE"), index=True)  # None: the organisation itself
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"), index=True)
    velden: Mapped[dict] = mapped_column(JSON)  # field → proposed value (JSON-able)
    basis_version: Mapped[int]
    toelichting: Mapped[str] = mapped_column(Text, default="")

    organisatie = relationship("Organisatie", lazy="raise")
    aanbod = relationship("Aanbod", lazy="raise")
    netwerk = relationship("Netwerk", lazy="raise")

    def __str__(self) -> str:
        return f"wijzigingsvoorstel {self.id}"
