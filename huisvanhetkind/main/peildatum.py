"""The ?op= peildatum of a request, and the bundle at it: shared by every page that takes one."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from flask import request

from ..luie_import import later
from ..domein.peildatum import OngeldigePeildatum, parse_peildatum

if TYPE_CHECKING:
    from ..domein.bundel import Bundel

pipeline = later("huisvanhetkind.pipeline")  # the analysis, imported on first use (luie_import.py)


def peildatum_uit_request() -> tuple[date, str | None]:
    """The ?op= peildatum, or today with a Dutch error message when it is not a date."""
    try:
        return parse_peildatum(request.args.get("op")), None
    except OngeldigePeildatum as fout:
        return date.today(), str(fout)


def bundel_op_peildatum(netwerk_id: int) -> tuple[Bundel, date, str | None]:
    """The network's bundle at the ?op= peildatum (or today, with the Dutch error)."""
    peildatum, fout = peildatum_uit_request()
    return pipeline.bundel(netwerk_id, peildatum), peildatum, fout
