"""The one write path of the partners, user and privacy pages: operations flush, the request's
commit point commits only a success, so an invalid form (422), a stale or missing version (409) or
a refusal after an operation already wrote leaves the database exactly as it was."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from huisvanhetkind.extensions import db
from huisvanhetkind.fouten import OperatieFout
from huisvanhetkind.partners import operations
from huisvanhetkind.partners.models import Organisatie
from tests.partners_helpers import aanbod_data, netwerk_form
from tests.toegang_helpers import (ACTOR, GEVALLEN, client_voor, maak_objecten, snapshot,
                                   verschil)

# (actor, url, an invalid form): every one must answer 422 and write nothing
ONGELDIG = {
    "netwerk_nieuw": ("beheerder", lambda o: "/netwerken/nieuw", lambda o: {"naam": " "}),
    "netwerk_bewerken": ("coordinator_x", lambda o: f"/netwerken/{o.x}/bewerken",
                         lambda o: netwerk_form(o.app, o.x, naam="")),
    "lid_bestaand": ("coordinator_x", lambda o: f"/netwerken/{o.x}/partners/toevoegen/{o.org_y}",
                     lambda o: {"lid_sinds": "geen datum"}),
    "organisatie_nieuw": ("coordinator_x", lambda o: f"/netwerken/{o.x}/organisaties/nieuw",
                          lambda o: {"naam": "Nieuw", "sector": ""}),
    "lid_bewerken": ("coordinator_x", lambda o: f"/netwerken/{o.x}/partners/{o.lid_b}/bewerken",
                     lambda o: {"lid_sinds": "gisteren", "version": "1"}),
    "lid_beeindigen": ("coordinator_x",
                       lambda o: f"/netwerken/{o.x}/partners/{o.lid_b}/beeindigen",
                       lambda o: {"lid_tot": "", "version": "1"}),
    "organisatie_bewerken": ("partner_a", lambda o: f"/organisaties/{o.org_a}/bewerken",
                             lambda o: {"naam": "", "sector": "welzijn", "version": "1"}),
    "contactpersoon_nieuw": (
        "partner_a", lambda o: f"/organisaties/{o.org_a}/contactpersonen/nieuw",
        lambda o: {"naam": "Iemand", "email": "geen-adres"}),
    "contactpersoon_bewerken": (
        "partner_a", lambda o: f"/organisaties/{o.org_a}/contactpersonen/{o.contact_a}/bewerken",
        lambda o: {"naam": "  ", "version": "1"}),
    "aanbod_nieuw": ("partner_a", lambda o: f"/organisaties/{o.org_a}/aanbod/nieuw",
                     lambda o: aanbod_data(aanbodvorm="")),
    "gebruiker_nieuw": ("beheerder", lambda o: "/gebruikers/nieuw",
                        lambda o: {"email": "nieuw@test.be", "rol": "consultant",
                                   "organisatie_id": 0}),  # no first password
    "gebruiker_bewerken": ("beheerder", lambda o: f"/gebruikers/{o.partner_b}",
                           lambda o: {"email": "geen-adres", "rol": "partner",
                                      "organisatie_id": o.org_b, "version": "1"}),
    "wachtwoord": ("partner_a", lambda o: "/wachtwoord",
                   lambda o: {"huidig": "x", "nieuw": "kort", "herhaal": "kort"}),
    "privacy_anonimiseer": ("beheerder", lambda o: "/privacy/anonimiseer",
                            lambda o: {"zoekterm": "sarah@partner-a.be"}),  # not confirmed
    "import_bevestig": ("coordinator_x", lambda o: f"/netwerken/{o.x}/import/bevestig",
                        lambda o: {}),  # no token
    "aanmelden": ("anoniem", lambda o: "/aanmelden", lambda o: {"email": "iemand@test.be"}),
}


def test_a_refusal_after_an_operation_wrote_leaves_nothing(app, wereld, monkeypatch):
    """maak_organisatie flushed the new organisation (and its audit entry); the membership is
    then refused: the 422 rolls all of it back."""
    def geweigerd(*args, **kwargs):
        raise OperatieFout("Geweigerd.")
    monkeypatch.setattr(operations, "voeg_lid_toe", geweigerd)
    o = maak_objecten(app, wereld)
    client = client_voor(app, o, ACTOR["coordinator_x"])
    voor = snapshot(app)
    r = client.post(f"/netwerken/{o.x}/organisaties/nieuw", data={
        "naam": "OCMW Temse", "sector": "lokaal_bestuur", "lid_sinds": "2025-02-01"})
    assert r.status_code == 422 and "Geweigerd." in r.get_data(as_text=True)
    assert verschil(voor, snapshot(app)) == []
    with app.app_context():
        assert db.session.scalar(select(Organisatie).where(Organisatie.naam == "OCMW Temse")) \
            is None


def test_a_refusal_after_the_network_was_changed_leaves_nothing(app, wereld, monkeypatch):
    """The werkingsgebied, the coordinators and the fields were flushed; then a refusal."""
    echt = operations.wijzig_netwerk

    def en_dan_geweigerd(*args, **kwargs):
        assert echt(*args, **kwargs)
        raise OperatieFout("Geweigerd.")
    monkeypatch.setattr(operations, "wijzig_netwerk", en_dan_geweigerd)
    o = maak_objecten(app, wereld)
    client = client_voor(app, o, ACTOR["beheerder"])
    voor = snapshot(app)
    r = client.post(f"/netwerken/{o.x}/bewerken", data=netwerk_form(
        app, o.x, naam="Anders", gemeenten=["46029"], delen="Temse: Tielrode",
        coordinatoren=[str(o.coordinator_y)]))
    assert r.status_code == 422 and "Geweigerd." in r.get_data(as_text=True)
    assert verschil(voor, snapshot(app)) == []


def _zonder_versie(naam):
    geval = GEVALLEN[naam]
    return geval.wie, geval.url, lambda o: {k: v for k, v in geval.form(o).items()
                                            if k != "version"}


# (actor, url, a form that is valid but for its missing version): every edit form answers 409
ZONDER_VERSIE = {
    "netwerk_coordinator": _zonder_versie("coordinator_netwerk"),
    "netwerk_beheerder": ("beheerder", lambda o: f"/netwerken/{o.x}/bewerken",
                          lambda o: {k: v for k, v in netwerk_form(
                              o.app, o.x, beschrijving="Blind",
                              coordinatoren=[str(o.coordinator_y)]).items() if k != "version"}),
    "organisatie": _zonder_versie("partner_eigen_organisatie"),
    "contactpersoon": _zonder_versie("partner_eigen_contactpersoon"),
    "contactpersoon_verwijderen": (
        "partner_a", lambda o: f"/organisaties/{o.org_a}/contactpersonen/{o.contact_a}/verwijderen",
        lambda o: {}),
    "lidmaatschap": _zonder_versie("coordinator_lidmaatschap"),
    "lid_beeindigen": ("coordinator_x", lambda o: f"/netwerken/{o.x}/partners/{o.lid_b}/beeindigen",
                       lambda o: {"lid_tot": date.today().isoformat()}),
    "aanbod": _zonder_versie("partner_eigen_aanbod"),
    "gebruiker": ("beheerder", lambda o: f"/gebruikers/{o.partner_b}",
                  lambda o: {"email": "partner-b@test.be", "naam": "Blind", "rol": "partner",
                             "organisatie_id": o.org_b, "actief": "y"}),
}


# what each refused POST answers: the form again with the error next to its field (422), or the
# comparison page (409)
ANTWOORD = {422: '-fout"', 409: "Iemand anders heeft dit"}
GEWEIGERD = {**{f"ongeldig {k}": (*v, 422) for k, v in ONGELDIG.items()},
             **{f"zonder versie {k}": (*v, 409) for k, v in ZONDER_VERSIE.items()}}


@pytest.mark.parametrize("naam", sorted(GEWEIGERD))
def test_an_invalid_form_is_422_a_post_without_version_409_and_neither_writes(naam, app, wereld):
    wie, url, data, status = GEWEIGERD[naam]
    o = maak_objecten(app, wereld)
    client = client_voor(app, o, ACTOR[wie])
    voor = snapshot(app)
    r = client.post(url(o), data=data(o))
    assert r.status_code == status, r.get_data(as_text=True)[:2000]
    assert ANTWOORD[status] in r.get_data(as_text=True)
    assert verschil(voor, snapshot(app)) == []
