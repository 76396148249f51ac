"""When aanbod counts as 'verouderd' (not nagekeken for 12 months): the one place of that rule.

The SQL filter and the Python check of the model (partners/models.Aanbod.verouderd_op) and every
page, badge and count ask here.
"""
from __future__ import annotations

from datetime import date, timedelta

NAKIJKEN_NA = timedelta(days=365)


def nakijk_grens(vandaag: date) -> date:
    """Aanbod last nagekeken before this day (or never) is verouderd."""
    return vandaag - NAKIJKEN_NA


def is_verouderd(laatst_nagekeken_op: date | None, vandaag: date) -> bool:
    return laatst_nagekeken_op is None or laatst_nagekeken_op < nakijk_grens(vandaag)
