"""The table of computed analyses shared by every worker and host (berekeningen.py)."""

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .db import utcnow
from .extensions import db


class Berekening(db.Model):
    """One computed value (a network's own facts at a revisie, or its analysis bundle at a
    peildatum), pickled. `gegevens` is NULL while a process computes it: the row is then the
    claim that makes the other processes wait for the result instead of computing it too."""
    __tablename__ = "berekening"

    sleutel: Mapped[str] = mapped_column(String(64), primary_key=True)
    netwerk_id: Mapped[int] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"),
                                            index=True)
    soort: Mapped[str] = mapped_column(String(20))
    gegevens: Mapped[bytes | None] = mapped_column(LargeBinary)
    gestart_op: Mapped[datetime] = mapped_column(default=utcnow)
    gemaakt_op: Mapped[datetime | None]
