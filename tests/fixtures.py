"""Shared fixtures built from the factories: a small network with one user per role."""
from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from huisvanhetkind.extensions import db
from tests import factories as f


@dataclass
class Wereld:
    """Two networks in two provinces, partners A and B, and a user for each role and scope."""
    netwerk_x: int
    netwerk_y: int
    org_a: int
    org_b: int
    org_y: int
    beheerder: int
    coordinator_x: int
    coordinator_y: int
    partner_a: int
    partner_b: int
    consultant_ov: int
    consultant_ant: int


@pytest.fixture
def wereld(app) -> Wereld:
    with app.app_context():
        x = f.netwerk("Huis van het Kind X", gemeenten=("46021", "46025"))  # Oost-Vlaanderen
        y = f.netwerk("Huis van het Kind Y", gemeenten=("11002",))  # Antwerpen
        a = f.organisatie("Partner A", kbo=f.kbo_nummer(1234567))
        b = f.organisatie("Partner B", sector="kinderopvang")
        oy = f.organisatie("Partner Y", gemeenten=("11002",))
        f.lid(x, a, overeenkomst_getekend=True)
        f.lid(x, b)
        f.lid(y, oy)
        f.contactpersoon(a, "Sarah De Smet", email="sarah@partner-a.be")
        f.aanbod(a, "Spelotheek A")
        w = Wereld(
            netwerk_x=x.id, netwerk_y=y.id, org_a=a.id, org_b=b.id, org_y=oy.id,
            beheerder=f.gebruiker("beheerder", "beheerder@test.be").id,
            coordinator_x=f.gebruiker("coordinator", "coord-x@test.be", netwerken=[x]).id,
            coordinator_y=f.gebruiker("coordinator", "coord-y@test.be", netwerken=[y]).id,
            partner_a=f.gebruiker("partner", "partner-a@test.be", organisatie=a).id,
            partner_b=f.gebruiker("partner", "partner-b@test.be", organisatie=b).id,
            consultant_ov=f.gebruiker("consultant", "cons-ov@test.be",
                                      provincies=["Oost-Vlaanderen"]).id,
            consultant_ant=f.gebruiker("consultant", "cons-ant@test.be",
                                       provincies=["Antwerpen"]).id,
        )
        db.session.commit()
    return w


@pytest.fixture
def login(app, client):
    """login(user_id): a logged-in session for that user (without the slow password check)."""
    from huisvanhetkind.auth.models import Gebruiker

    def _login(user_id: int):
        with app.app_context():
            user = db.session.get(Gebruiker, user_id)
            token = user.get_id()
        with client.session_transaction() as sess:
            sess["_user_id"] = token
            sess["_fresh"] = True
            sess["aangemeld_om"] = time.time()
        return client
    return _login
