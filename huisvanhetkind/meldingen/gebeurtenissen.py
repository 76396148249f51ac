"""The notifications the operations of other modules send, with their Dutch texts in one place
(docs/meldingen.md lists them). Each is one `meld()`; called inside the operation, so it is
committed (or rolled back) with the change itself."""
from __future__ import annotations

from sqlalchemy import func, select

from ..domein.taxonomie import OORDEEL, VERWIJZINGSSOORT
from ..extensions import db
from ..partners.models import Lidmaatschap, Netwerk, Organisatie
from .operations import consultanten, coordinatoren, meld, partnergebruikers, voor_organisatie


def _naam(model, id_: int) -> str:
    return db.session.scalar(select(model.naam).where(model.id == id_)) or "?"


def verwijzing_te_bevestigen(v) -> None:
    """A verwijzing to an organisation waits for its confirmation (new, or pointed elsewhere)."""
    van, naar = _naam(Organisatie, v.van_id), _naam(Organisatie, v.naar_id)
    netwerk_id = db.session.scalar(select(func.min(Lidmaatschap.netwerk_id)).where(
        Lidmaatschap.organisatie_id == v.naar_id, Lidmaatschap.lid_tot.is_(None)))
    meld(partnergebruikers(v.naar_id), "verwijzing_te_bevestigen", f"verwijzing:{v.id}",
         f"{v.naar_id}:{v.soort}", f"Verwijzing van {van} te bevestigen",
         f"{van} legde een verwijzing naar {naar} vast "
         f"({VERWIJZINGSSOORT.label(v.soort).lower()}). Bevestig ze als ze klopt.",
         f"/netwerken/{netwerk_id}/verwijzingen?toon=te_bevestigen" if netwerk_id else "/")


def uitnodiging(u) -> None:
    netwerk, org = _naam(Netwerk, u.netwerk_id), _naam(Organisatie, u.organisatie_id)
    meld(voor_organisatie(u.organisatie_id), "uitnodiging", f"uitnodiging:{u.id}", "",
         f"Uitnodiging van {netwerk}",
         f"{netwerk} nodigt {org} uit om partner te worden. Aanvaard of weiger de uitnodiging.",
         "/te-beantwoorden")


def wijzigingsvoorstel(v) -> None:
    netwerk, org = _naam(Netwerk, v.netwerk_id), _naam(Organisatie, v.organisatie_id)
    meld(voor_organisatie(v.organisatie_id), "wijzigingsvoorstel", f"voorstel:{v.id}", "",
         f"Voorstel tot wijziging van {org}",
         f"Een coördinator van {netwerk} stelt een wijziging voor aan "
         f"{'het aanbod van ' if v.aanbod_id else ''}{org}. Aanvaard of weiger het voorstel.",
         "/te-beantwoorden")


def uitnodiging_beantwoord(u) -> None:
    netwerk, org = _naam(Netwerk, u.netwerk_id), _naam(Organisatie, u.organisatie_id)
    antwoord = "aanvaard" if u.status == "aanvaard" else "geweigerd"
    meld(coordinatoren(u.netwerk_id), "uitnodiging_beantwoord", f"uitnodiging:{u.id}", "",
         f"{org} heeft de uitnodiging {antwoord}",
         f"{org} heeft de uitnodiging om partner te worden van {netwerk} {antwoord}."
         + (f" Toelichting: {u.antwoord}" if u.antwoord else ""),
         f"/netwerken/{u.netwerk_id}/partners")


def review(opmerking) -> None:
    netwerk = _naam(Netwerk, opmerking.netwerk_id)
    oordeel = OORDEEL.label(opmerking.oordeel) if opmerking.oordeel else "opmerking"
    meld(coordinatoren(opmerking.netwerk_id), "review", f"review:{opmerking.id}", "",
         f"{netwerk}: de consultant over {opmerking.voorwaarde} ({oordeel.lower()})",
         f"De consultant gaf bij voorwaarde {opmerking.voorwaarde} het oordeel "
         f"'{oordeel.lower()}': {opmerking.tekst}",
         f"/netwerken/{opmerking.netwerk_id}/erkenning/review/{opmerking.voorwaarde}")


def review_antwoord(antwoord) -> None:
    """A coordinator answers a consultant's comment: the consultants of the province hear it."""
    netwerk = _naam(Netwerk, antwoord.netwerk_id)
    meld(consultanten(antwoord.netwerk_id), "review_antwoord", f"review:{antwoord.id}", "",
         f"{netwerk} antwoordt bij {antwoord.voorwaarde}",
         f"De coördinator van {netwerk} antwoordde bij voorwaarde {antwoord.voorwaarde}: "
         f"{antwoord.tekst}",
         f"/netwerken/{antwoord.netwerk_id}/erkenning/review/{antwoord.voorwaarde}")


def aanvraag_stap(aanvraag, stap) -> None:
    """Each step of the erkenningsaanvraag (domein.md §11), once (the step's row is the key):
    what the coordinator submits goes to the consultants of the province; what the consultant
    or the beheerder decides goes to the coordinators (a decision also to the consultant)."""
    from ..domein import aanvraag as a

    netwerk = _naam(Netwerk, aanvraag.netwerk_id)
    link = f"/netwerken/{aanvraag.netwerk_id}/aanvraag"
    onderwerp, periode = f"aanvraag:{aanvraag.id}", f"stap:{stap.id}"
    naar = a.TOESTANDEN[stap.naar].lower()
    uitleg = f" Toelichting: {stap.tekst}" if stap.tekst else ""
    if stap.stap in (a.INDIENEN, a.HERINDIENEN, a.RAPPORTEREN, a.INTREKKEN):
        wat = {a.INDIENEN: "diende de erkenningsaanvraag in",
               a.HERINDIENEN: "diende een herziene aanvraag in (antwoord op het advies)",
               a.RAPPORTEREN: "diende een rapport in over de engagementen",
               a.INTREKKEN: "trok de erkenningsaanvraag in"}[stap.stap]
        ontvangers = set(consultanten(aanvraag.netwerk_id))
        if aanvraag.behandelaar_id:
            ontvangers.add(aanvraag.behandelaar_id)
        meld(ontvangers, "aanvraag_ingediend", onderwerp, periode,
             f"{netwerk}: aanvraag {naar}", f"{netwerk} {wat}.{uitleg}", link)
        return
    wat = {a.NEMEN: "Een consultant nam de erkenningsaanvraag in behandeling.",
           a.ADVISEREN: f"De consultant gaf advies: {stap.tekst}.",
           a.BESLISSEN: f"De beslissing over de erkenningsaanvraag: {stap.tekst}."}.get(
        stap.stap, f"De aanvraag is nu {naar}.")
    ontvangers = set(coordinatoren(aanvraag.netwerk_id))
    if stap.stap == a.BESLISSEN and aanvraag.behandelaar_id:
        ontvangers.add(aanvraag.behandelaar_id)
    meld(ontvangers, "aanvraag_stap", onderwerp, periode, f"{netwerk}: aanvraag {naar}", wat,
         link)
