"""The audit log in words: Dutch field labels and readable values for an entry's `wijzigingen`.

`wijzigingen` holds {column: [old, new]} as audit/log.py stored it (dates as ISO text, lists as
lists). The labels come from the forms that edit each table where there is one, else from
`LABELS`; values become municipality names, taxonomy labels, dd/mm/jjjj, ja/nee or "—". Plain
text: the template escapes it.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from functools import cache
from zoneinfo import ZoneInfo

from wtforms.fields.core import UnboundField

from ..domein import gemeenten, taxonomie

LEEG = "—"
BRUSSEL = ZoneInfo("Europe/Brussels")

# the table's word in a title: "Geschiedenis van organisatie 7"
TABELLEN = {
    "organisatie": "organisatie", "aanbod": "aanbod", "contactpersoon": "contactpersoon",
    "netwerk": "netwerk", "lidmaatschap": "lidmaatschap", "verwijzing": "verwijzing",
    "engagement": "engagement", "actie": "actie", "gebruiker": "gebruiker",
    "werkingsgebied": "deel van het werkingsgebied",
}

# columns no form edits (or whose form label does not fit the log)
LABELS = {
    "id": "Nummer", "naam": "Naam", "beschrijving": "Beschrijving", "email": "E-mailadres",
    "organisatie_id": "Organisatie (nummer)", "netwerk_id": "Netwerk (nummer)",
    "engagement_id": "Engagement (nummer)", "trekker_id": "Trekker (nummer)",
    "van_id": "Van (nummer)", "naar_id": "Naar (nummer)", "auteur_id": "Auteur (nummer)",
    "door_id": "Door (nummer)", "beantwoord_door_id": "Beantwoord door (nummer)",
    "aanbod_id": "Aanbod (nummer)", "antwoord_op_id": "Antwoord op (nummer)",
    "sleutel": "Sleutel (import)", "gemeenten": "Gemeenten", "nis": "Gemeente",
    "deel": "Deel van de gemeente", "lid_tot": "Lid tot", "publiek": "Publieke gids online",
    "gids_origins": "Websites die de gids insluiten",
    "verplicht_kg": "Verplicht aanbod Kind en Gezin", "laatst_nagekeken_op": "Laatst nagekeken op",
    "bevestigd": "Bevestigd", "voorwaarde": "Voorwaarde", "toelichting": "Toelichting",
    "provincies": "Provincies", "actief": "Actief", "status": "Status", "velden": "Velden",
    "basis_version": "Versie bij het voorstel", "antwoord": "Antwoord",
    "beantwoord_op": "Beantwoord op", "boodschap": "Boodschap", "peildatum": "Peildatum",
    "zorgregio": "Zorgregio", "reden": "Reden", "tekst": "Tekst",
}

# (table, column) → taxonomy: the same column name means other things in other tables
# (lidmaatschap.rol is free text, contactpersoon.functie too)
TAXONOMIE = {
    ("aanbod", "aanbodvorm"): "aanbodvorm", ("aanbod", "functies"): "functie",
    ("aanbod", "leeftijdsgroepen"): "leeftijdsgroep", ("aanbod", "doelgroep"): "doelgroep",
    ("aanbod", "werkvormen"): "werkvorm", ("organisatie", "sector"): "sector",
    ("netwerk", "rechtsvorm"): "rechtsvorm", ("actie", "status"): "status",
    ("gebruiker", "rol"): "rol", ("verwijzing", "soort"): "soort",
    ("review_opmerking", "oordeel"): "oordeel", ("bewust_niet", "functie"): "functie",
    ("bewust_niet", "leeftijdsgroep"): "leeftijdsgroep",
}
GEMEENTEKOLOMMEN = {"gemeenten", "nis"}


def _formulieren() -> dict[str, tuple]:
    from ..auth.forms import GebruikerForm
    from ..erkenning.forms import ActieForm
    from ..graaf.forms import BewustNietForm, VerwijzingForm
    from ..partners.forms import ContactpersoonForm, OrganisatieVelden
    from ..partners.forms_aanbod import AanbodVelden
    from ..partners.forms_leden import LidVelden
    from ..partners.forms_netwerk import NetwerkVelden
    return {"organisatie": (OrganisatieVelden,), "contactpersoon": (ContactpersoonForm,),
            "aanbod": (AanbodVelden,), "netwerk": (NetwerkVelden,),
            "lidmaatschap": (LidVelden,), "uitnodiging": (LidVelden,),
            "verwijzing": (VerwijzingForm,), "bewust_niet": (BewustNietForm,),
            "gebruiker": (GebruikerForm,), "actie": (ActieForm,)}


@cache
def _formlabels(tabel: str) -> dict[str, str]:
    labels = {}
    for form in _formulieren().get(tabel, ()):
        for naam in dir(form):
            veld = getattr(form, naam, None)
            if isinstance(veld, UnboundField):
                tekst = veld.kwargs.get("label") or (veld.args[0] if veld.args else None)
                if isinstance(tekst, str):
                    labels[naam] = tekst
    return labels


def veldlabel(tabel: str, kolom: str) -> str:
    return (_formlabels(tabel).get(kolom) or LABELS.get(kolom)
            or kolom.replace("_", " ").capitalize())


def _datum(tekst: str) -> str | None:
    try:
        if len(tekst) == 10:
            return date.fromisoformat(tekst).strftime("%d/%m/%Y")
        moment = datetime.fromisoformat(tekst)
    except ValueError:
        return None
    if moment.tzinfo is None:  # stored timestamps are naive UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(BRUSSEL).strftime("%d/%m/%Y %H:%M")


def waarde(tabel: str, kolom: str, w) -> str:
    """One stored value as a person reads it."""
    if w is None or w == "" or w == [] or w == {}:
        return LEEG
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, list):
        return ", ".join(waarde(tabel, kolom, x) for x in w)
    if isinstance(w, dict):
        return "; ".join(f"{veldlabel(tabel, k)}: {waarde(tabel, k, v)}" for k, v in w.items())
    if kolom in GEMEENTEKOLOMMEN and isinstance(w, str) and gemeenten.get(w):
        return gemeenten.naam(w)
    tax = TAXONOMIE.get((tabel, kolom))
    if tax and isinstance(w, str):
        return taxonomie.ALLE[tax].label(w)
    if isinstance(w, str) and len(w) >= 10 and w[4:5] == "-" and w[7:8] == "-":
        return _datum(w) or w
    return str(w)


def leesbaar(tabel: str, wijzigingen: dict | None) -> list[tuple[str, str, str]]:
    """[(label, old, new)] for the log page, in the stored order."""
    return [(veldlabel(tabel, kolom), waarde(tabel, kolom, oud), waarde(tabel, kolom, nieuw))
            for kolom, (oud, nieuw) in (wijzigingen or {}).items()]
