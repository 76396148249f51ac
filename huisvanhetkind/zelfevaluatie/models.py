"""A network's zelfevaluatie of the kernprincipes (domein.md §12; domein/zelfevaluatie.py)."""

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Timestamps, Versioned
from ..extensions import db


class Zelfevaluatie(Versioned, Timestamps, db.Model):
    """One dated zelfevaluatie; earlier ones stay as they were (the series over time)."""
    __tablename__ = "zelfevaluatie"
    __audit__ = True
    __table_args__ = (UniqueConstraint("netwerk_id", "datum"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"),
                                            index=True)
    datum: Mapped[date]
    toelichting: Mapped[str] = mapped_column(Text, default="")
    door_id: Mapped[int | None] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="SET NULL"), index=True)

    scores = relationship("KernprincipeScore", back_populates="zelfevaluatie", lazy="raise",
                          cascade="all, delete-orphan", order_by="KernprincipeScore.id")

    def audit_scope(self):
        # a new revisie for the network: the dossier (and its cached PDF) shows the evaluations
        return self.netwerk_id, None


class KernprincipeScore(Versioned, db.Model):
    """The score (1–4) and remark of one kernprincipe in one zelfevaluatie, and the action of the
    engagementenplan that answers it when it is weak."""
    __tablename__ = "kernprincipe_score"
    __audit__ = True
    __table_args__ = (UniqueConstraint("zelfevaluatie_id", "kernprincipe"),
                      CheckConstraint("score BETWEEN 1 AND 4", name="score_1_tot_4"))

    id: Mapped[int] = mapped_column(primary_key=True)
    zelfevaluatie_id: Mapped[int] = mapped_column(
        ForeignKey("zelfevaluatie.id", ondelete="CASCADE"), index=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"),
                                            index=True)
    kernprincipe: Mapped[str] = mapped_column(String(40))
    score: Mapped[int]
    opmerking: Mapped[str] = mapped_column(Text, default="")
    actie_id: Mapped[int | None] = mapped_column(
        ForeignKey("actie.id", ondelete="SET NULL"), index=True)

    zelfevaluatie = relationship("Zelfevaluatie", back_populates="scores", lazy="raise")
    actie = relationship("Actie", lazy="raise")

    def audit_scope(self):
        return self.netwerk_id, None
