"""Every write of the zelfevaluatie module: flush, never commit (main/commit.py commits).

A new zelfevaluatie never changes an earlier one: the series over time stays as it was scored.
An action still linked to a kernprincipe that is still weak carries over to the new evaluation.
"""
from __future__ import annotations

from datetime import date

from .. import wijzigen
from ..db import utcnow
from ..domein.zelfevaluatie import KERNPRINCIPES, datum_probleem, is_zwak, score_probleem
from ..erkenning import operations as erkenning_operations
from ..extensions import db
from ..fouten import OperatieFout
from .models import KernprincipeScore, Zelfevaluatie
from .queries import actie_van_netwerk, datums, laatste

# what the evaluation's form edits: per kernprincipe (score, opmerking)
Scores = dict[str, tuple[int, str]]
VELDEN = ("datum", "toelichting")


def _controleer(netwerk_id: int, datum: date | None, scores: Scores,
                behalve: int | None = None) -> None:
    probleem = datum_probleem(datum, date.today(), datums(netwerk_id, behalve))
    if probleem:
        raise OperatieFout(probleem)
    if set(scores) != set(KERNPRINCIPES):
        raise ValueError("een zelfevaluatie scoort elk kernprincipe")
    for score, _ in scores.values():
        probleem = score_probleem(score)
        if probleem:
            raise OperatieFout(probleem)


def nieuwe_zelfevaluatie(netwerk_id: int, *, datum: date, scores: Scores, toelichting: str = "",
                         door_id: int | None = None) -> Zelfevaluatie:
    """A new dated zelfevaluatie; OperatieFout for a date in the future or already taken."""
    _controleer(netwerk_id, datum, scores)
    vorige = laatste(netwerk_id)
    gekoppeld = {s.kernprincipe: s.actie_id for s in vorige.scores} if vorige else {}
    z = Zelfevaluatie(netwerk_id=netwerk_id, datum=datum, toelichting=toelichting or "",
                      door_id=door_id, scores=[
                          KernprincipeScore(netwerk_id=netwerk_id, kernprincipe=code,
                                            score=scores[code][0], opmerking=scores[code][1] or "",
                                            actie_id=gekoppeld.get(code)
                                            if is_zwak(scores[code][0]) else None)
                          for code in KERNPRINCIPES])
    db.session.add(z)
    db.session.flush()
    return z


def wijzig_zelfevaluatie(z: Zelfevaluatie, *, datum: date, scores: Scores, toelichting: str,
                         version) -> None:
    """Correct an evaluation: Conflict on a stale version (checked first); the evaluation's
    version rises with every save, also when only a score changed."""
    wijzigen.controleer_versie(z, version, VELDEN)
    _controleer(z.netwerk_id, datum, scores, behalve=z.id)
    for s in z.scores:
        score, opmerking = scores[s.kernprincipe]
        s.score, s.opmerking = score, opmerking or ""
    z.datum, z.toelichting = datum, toelichting or ""
    z.updated_at = utcnow()  # the row changes, so its version rises
    wijzigen.flush(z, VELDEN)


def koppel_actie(score: KernprincipeScore, actie_id: int | None, version) -> bool:
    """Link a kernprincipe's score to an action of the network (None unlinks)."""
    if actie_id is not None and actie_van_netwerk(score.netwerk_id, actie_id) is None:
        raise OperatieFout("Kies een actie van het engagementenplan van dit netwerk.")
    return wijzigen.wijzig(score, {"actie_id": actie_id}, version, ("actie_id",))


def actie_voor_zwak_punt(score: KernprincipeScore, voorwaarde: str, waarden: dict, version):
    """A new action under engagement `voorwaarde`, made from this weak point and linked to it."""
    wijzigen.controleer_versie(score, version, ("actie_id",))
    actie = erkenning_operations.nieuwe_actie(score.netwerk_id, voorwaarde, **waarden)
    score.actie_id = actie.id
    wijzigen.flush(score, ("actie_id",))
    return actie
