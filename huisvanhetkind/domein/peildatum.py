"""Reading a peildatum typed by a person (domein.md §4): pure, with a Dutch error."""
from __future__ import annotations

from datetime import date, datetime

VOORBEELD = "2026-09-01"


class OngeldigePeildatum(ValueError):
    """A peildatum that is not a date; the message is Dutch and safe to show."""


def parse_peildatum(tekst: str | None, standaard: date | None = None) -> date:
    """`JJJJ-MM-DD` (also `dd/mm/jjjj`); empty → `standaard` or today."""
    tekst = (tekst or "").strip()
    if not tekst:
        return standaard or date.today()
    for formaat in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(tekst, formaat).date()
        except ValueError:
            continue
    raise OngeldigePeildatum(f"Ongeldige peildatum '{tekst[:40]}': gebruik JJJJ-MM-DD, "
                             f"bijvoorbeeld {VOORBEELD}.")
