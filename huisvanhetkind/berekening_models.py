"""The table of computed analyses shared by every worker and host (berekeningen.py), and the
token of the facts several networks share (revisie.py, facts.koppen)."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String
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


class GedeeldeFeiten(db.Model):
    """One row (id 1) whose `revisie` changes with every commit touching facts that networks
    read from outside their own rows: other networks' names and werkingsgebied, verplicht_kg
    aanbod with its organisation and memberships, zorgregio, indicators (revisie.py). A process
    keeps what it read of those under this token (facts.koppen) instead of reading them on every
    analysis page. No row (a fresh or emptied database) means: read them every time; the first
    such commit adds it with a random token, so two databases never share one."""
    __tablename__ = "gedeelde_feiten"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    revisie: Mapped[int] = mapped_column(BigInteger)
