"""The samenwerkingsbevraging (domein.md §12): a meetmoment, each invited organisation's
participation and the relations it describes.

Only the meetmoment is audited. The answers are not (`__audit__` off on purpose): the network's
audit log is read by its coordinators and consultants, and no one may see what another
organisation answered (§12).
"""

from datetime import date, datetime

from sqlalchemy import ForeignKey, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import CodeList, Timestamps, Versioned
from ..extensions import db


class Meetmoment(Versioned, Timestamps, db.Model):
    """One round of the survey in a network, open from `geopend_op` until `sluit_op` (or until
    a coordinator closes it: `gesloten_op`)."""
    __tablename__ = "meetmoment"
    __audit__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"),
                                            index=True)
    naam: Mapped[str] = mapped_column(String(200))
    geopend_op: Mapped[date]
    sluit_op: Mapped[date]
    gesloten_op: Mapped[date | None]

    deelnames: Mapped[list["Deelname"]] = relationship(
        back_populates="meetmoment", lazy="raise", cascade="all, delete-orphan")

    def audit_scope(self):
        return self.netwerk_id, None


class Deelname(Versioned, db.Model):
    """An organisation invited to a meetmoment (the members when it opened) and how far its
    answer is: saved (`bewaard_op`) and finished (`afgerond_op`; only finished answers count)."""
    __tablename__ = "deelname"
    __table_args__ = (UniqueConstraint("meetmoment_id", "organisatie_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meetmoment_id: Mapped[int] = mapped_column(
        ForeignKey("meetmoment.id", ondelete="CASCADE"), index=True)
    organisatie_id: Mapped[int] = mapped_column(
        ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    bewaard_op: Mapped[datetime | None]
    afgerond_op: Mapped[datetime | None]

    meetmoment: Mapped[Meetmoment] = relationship(back_populates="deelnames", lazy="raise")
    relaties: Mapped[list["Relatie"]] = relationship(
        back_populates="deelname", lazy="raise", cascade="all, delete-orphan")


class Relatie(db.Model):
    """What one organisation answered about its relation with one other member."""
    __tablename__ = "bevraging_relatie"
    __table_args__ = (UniqueConstraint("deelname_id", "partner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deelname_id: Mapped[int] = mapped_column(ForeignKey("deelname.id", ondelete="CASCADE"),
                                             index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id", ondelete="CASCADE"),
                                            index=True)
    intensiteit: Mapped[str] = mapped_column(String(20))  # a code of domein/bevraging.INTENSITEIT
    # trust and value items, 1..4 (None while the answer is only saved, not finished)
    openheid: Mapped[int | None] = mapped_column(SmallInteger)
    betrouwbaarheid: Mapped[int | None] = mapped_column(SmallInteger)
    missie: Mapped[int | None] = mapped_column(SmallInteger)
    invloed: Mapped[int | None] = mapped_column(SmallInteger)
    middelen: Mapped[int | None] = mapped_column(SmallInteger)
    betrokkenheid: Mapped[int | None] = mapped_column(SmallInteger)
    bijdragen: Mapped[tuple[str, ...]] = mapped_column(CodeList, default=(), server_default="")

    deelname: Mapped[Deelname] = relationship(back_populates="relaties", lazy="raise")
