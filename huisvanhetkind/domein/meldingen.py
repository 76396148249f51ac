"""Notifications (domein.md §11): the events, and when a reminder is due. Pure: no database.

Every notification has a stable key — gebeurtenis + onderwerp (the object) + periode — and is
created at most once per user for that key. A reminder's periode names the stage it belongs to,
so each stage is sent once and a new cycle (aanbod nagekeken again, a new deadline) starts anew.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .engagementregel import GEREALISEERD, _leden, _telt
from .snapshot import Netwerk
from .taxonomie import ENGAGEMENTEN
from .voorwaarde import deadline


@dataclass(frozen=True)
class Gebeurtenis:
    code: str
    aan: str  # who receives it (Dutch, for the documentation page)
    wanneer: str


GEBEURTENISSEN = {g.code: g for g in (
    Gebeurtenis("verwijzing_te_bevestigen", "partner",
                "een verwijzing naar de organisatie wacht op bevestiging"),
    Gebeurtenis("uitnodiging", "partner (of beheerder voor een organisatie zonder account)",
                "het netwerk nodigt de organisatie uit om partner te worden"),
    Gebeurtenis("wijzigingsvoorstel", "partner (of beheerder voor een organisatie zonder account)",
                "een coördinator stelt een wijziging aan de organisatie of haar aanbod voor"),
    Gebeurtenis("aanbod_nakijken", "partner",
                "aanbod is 11 maanden niet nagekeken, opnieuw na 12 maanden, daarna maandelijks"),
    Gebeurtenis("uitnodiging_beantwoord", "coördinator",
                "een uitgenodigde organisatie aanvaardt of weigert"),
    Gebeurtenis("review", "coördinator",
                "een consultant geeft een oordeel of opmerking bij een voorwaarde"),
    Gebeurtenis("actie_deadline", "coördinator",
                "de deadline van een niet gerealiseerde actie is verstreken"),
    Gebeurtenis("aanvraag_ingediend", "consultant van de provincie",
                "een erkenningsaanvraag, een herziening of een rapport wordt ingediend, of een "
                "aanvraag wordt ingetrokken"),
    Gebeurtenis("aanvraag_stap", "coördinator (en de behandelende consultant bij de beslissing)",
                "een consultant neemt de aanvraag in behandeling of geeft advies; de beheerder "
                "beslist"),
    Gebeurtenis("review_antwoord", "consultant van de provincie",
                "een coördinator antwoordt op een opmerking bij een voorwaarde"),
    Gebeurtenis("engagement_termijn", "coördinator",
                "engagementen zonder gerealiseerde actie, 90 en 30 dagen voor de termijn van twee "
                "jaar (en eenmaal wanneer die verstreken is)"),
    Gebeurtenis("bevraging_uitnodiging", "partner",
                "een coördinator opent een meetmoment van de samenwerkingsbevraging"),
    Gebeurtenis("bevraging_herinnering", "partner",
                "de organisatie rondde de samenwerkingsbevraging nog niet af, 7 dagen en 1 dag "
                "voor de sluitingsdatum"),
)}

NAKIJKEN_EERSTE = 11  # months without nagekeken before the first reminder
TERMIJN_DAGEN = (90, 30)  # reminders before the two-year deadline


def volle_maanden(van: date, tot: date) -> int:
    """Whole months from `van` to `tot` (31 January → 28 February is 0; → 1 March is 1)."""
    maanden = (tot.year - van.year) * 12 + tot.month - van.month
    return maanden - 1 if tot.day < van.day else maanden


def nakijk_periode(laatst_nagekeken_op: date | None, op: date) -> str | None:
    """The periode of the aanbod reminder due on `op`, or None: at 11 months, at 12, then every
    month (13, 14, …). Aanbod never nagekeken is reminded monthly."""
    if laatst_nagekeken_op is None:
        return f"nooit/{op:%Y-%m}"
    maanden = volle_maanden(laatst_nagekeken_op, op)
    if maanden < NAKIJKEN_EERSTE:
        return None
    return f"{laatst_nagekeken_op.isoformat()}/{maanden}"


def termijn_stap(termijn: date, op: date) -> int | None:
    """Which reminder before the two-year deadline is due on `op`: 90, 30, 0 (passed) or None."""
    dagen = (termijn - op).days
    if dagen < 0:
        return 0
    for stap in sorted(TERMIJN_DAGEN):
        if dagen <= stap:
            return stap
    return None


def onvervulde_engagementen(netwerk: Netwerk, op: date) -> tuple[date, list[str]]:
    """The two-year deadline and the engagements without a gerealiseerd action that counts
    (the engagement rule of domein.md §4: a current member as trekker, deadline within term)."""
    termijn = deadline(netwerk, op)
    leden = _leden(netwerk)
    klaar = {a.voorwaarde for a in netwerk.acties
             if a.status == GEREALISEERD and _telt(a, termijn, leden)}
    return termijn, [e for e in ENGAGEMENTEN if e not in klaar]
