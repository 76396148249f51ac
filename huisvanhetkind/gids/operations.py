"""The one write of the guide: a coordinator publishes it (or not) and names who may embed it.

Through wijzigen.wijzig (version check, allowed keys, flush); the network's row change is audited
(audit/log.py) and gives it a new revisie, so every cached guide page changes its ETag.
"""
from __future__ import annotations

from .. import wijzigen
from ..partners.models import Netwerk

PUBLICATIE_VELDEN = ("publiek", "gids_origins")


def zet_publicatie(netwerk: Netwerk, publiek: bool, origins, version) -> bool:
    return wijzigen.wijzig(netwerk, {"publiek": bool(publiek), "gids_origins": tuple(origins)},
                           version, PUBLICATIE_VELDEN)
