"""Verwijzingen between organisations, 'bewust niet' coverage decisions and the indicators of
the omgevingsanalyse."""

from datetime import date

from sqlalchemy import CheckConstraint, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Timestamps, Versioned
from ..extensions import db


class Verwijzing(Versioned, Timestamps, db.Model):
    """A directed referral link van → naar (domein.md §3.7); a network's graph uses its members'."""
    __tablename__ = "verwijzing"
    __audit__ = True
    # '+1' is the most frequent edit of all and no analysis reads the count: only the graph and
    # its exports show it, from graaf/queries.aantallen. A count or a remark alone gives the
    # network a new revisie, not a new feitenrevisie (revisie.py): no bundle is computed again.
    __geen_feit_kolommen__ = frozenset({"aantal_per_jaar", "opmerking", "version", "created_at",
                                        "updated_at"})
    __table_args__ = (UniqueConstraint("van_id", "naar_id", "soort"),
                      CheckConstraint("van_id <> naar_id", name="niet_naar_zichzelf"))

    id: Mapped[int] = mapped_column(primary_key=True)
    van_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    naar_id: Mapped[int] = mapped_column(ForeignKey("organisatie.id", ondelete="CASCADE"), index=True)
    soort: Mapped[str] = mapped_column(String(30))
    aantal_per_jaar: Mapped[int | None]
    sinds: Mapped[date | None]
    bevestigd: Mapped[bool] = mapped_column(default=False)
    opmerking: Mapped[str] = mapped_column(Text, default="")

    van = relationship("Organisatie", foreign_keys=[van_id], lazy="raise")
    naar = relationship("Organisatie", foreign_keys=[naar_id], lazy="raise")

    def audit_scope(self):
        return None, self.van_id

    def audit_tegenpartij(self):
        return self.naar_id


class BewustNiet(Timestamps, db.Model):
    """A coverage cell the coordinator chose not to cover, with the reason (domein.md §5)."""
    __tablename__ = "bewust_niet"
    __audit__ = True
    __table_args__ = (UniqueConstraint("netwerk_id", "functie", "leeftijdsgroep", "nis"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"), index=True)
    functie: Mapped[str] = mapped_column(String(30))
    leeftijdsgroep: Mapped[str] = mapped_column(String(20))
    nis: Mapped[str] = mapped_column(String(5), default="")  # '' = every municipality
    reden: Mapped[str] = mapped_column(Text)

    def audit_scope(self):
        return self.netwerk_id, None


class Indicator(Timestamps, db.Model):
    """One figure of the omgevingsanalyse (domein.md §12): a municipality's indicator in a year.
    Facts of a municipality, shared by every network whose werkingsgebied holds it (facts.py
    reads them with the network's head; the import gives those networks a new revisie)."""
    __tablename__ = "indicator"
    __audit__ = True
    __gedeeld_feit__ = True  # facts of a municipality, read by every network there (revisie.py)
    __table_args__ = (UniqueConstraint("nis", "jaar", "indicator"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nis: Mapped[str] = mapped_column(String(5), index=True)
    jaar: Mapped[int]
    indicator: Mapped[str] = mapped_column(String(40))
    waarde: Mapped[float] = mapped_column(Float)
    bron: Mapped[str] = mapped_column(String(200), default="")

    def audit_scope(self):
        return None, None
