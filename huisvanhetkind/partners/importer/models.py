"""An uploaded import file waiting for confirmation (opslag.py)."""

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ...db import utcnow
from ...extensions import db


class ImportVoorbeeld(db.Model):
    """The file behind an import preview, in the database so that the preview made by one
    worker or host is confirmed on another. It belongs to one user and one network (NULL: a new
    network); `token` is what the preview page carries."""
    __tablename__ = "import_voorbeeld"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    gebruiker_id: Mapped[int] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="CASCADE"), index=True)
    netwerk_id: Mapped[int | None] = mapped_column(ForeignKey("netwerk.id", ondelete="CASCADE"),
                                                   index=True)
    bestandsnaam: Mapped[str] = mapped_column(String(200), default="")
    inhoud: Mapped[bytes] = mapped_column(LargeBinary)
    grootte: Mapped[int]  # bytes of inhoud: the quota is summed without reading the files
    aangemaakt_op: Mapped[datetime] = mapped_column(default=utcnow, index=True)
