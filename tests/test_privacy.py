"""GDPR: export everything about a person, erase it everywhere (audit log included), retention."""
import json
from datetime import date

from sqlalchemy import Text, cast, func, select

from huisvanhetkind.audit.log import acting_as
from huisvanhetkind.audit.models import AuditEntry
from huisvanhetkind.audit.privacy import GEANONIMISEERD, pas_bewaartermijn_toe
from huisvanhetkind.extensions import db
from huisvanhetkind.partners.models import Contactpersoon, Lidmaatschap
from tests import factories as f


def _mentions(text_value: str) -> int:
    low = text_value.lower()
    return db.session.scalar(select(func.count(AuditEntry.id)).where(
        (func.lower(cast(AuditEntry.wijzigingen, Text)).contains(low))
        | (func.lower(AuditEntry.gebruiker) == low)
        | (func.lower(AuditEntry.omschrijving).contains(low))))


def test_export_contains_contact_and_audit_entries(wereld, login):
    c = login(wereld.beheerder)
    page = c.get("/privacy?zoekterm=sarah@partner-a.be").get_data(as_text=True)
    assert "Sarah De Smet" in page
    doc = json.loads(c.get("/privacy/export?zoekterm=sarah@partner-a.be").data)
    assert doc["contactpersonen"][0]["naam"] == "Sarah De Smet"
    assert any(e["tabel"] == "contactpersoon" for e in doc["auditlog"])


def test_anonymise_erases_everywhere_including_audit(wereld, login, app):
    c = login(wereld.beheerder)
    with app.app_context():
        assert _mentions("Sarah De Smet") > 0  # the insert of the contact person is logged
    r = c.post("/privacy/anonimiseer", data={"zoekterm": "sarah@partner-a.be", "bevestig": "ja"})
    assert r.status_code == 302
    r = c.post("/privacy/anonimiseer", data={"zoekterm": "José@x.be"})  # no confirmation
    assert r.status_code == 422 and "Vink de bevestiging aan" in r.get_data(as_text=True)
    with app.app_context():
        contact = db.session.scalar(select(Contactpersoon))
        assert contact.naam == GEANONIMISEERD and contact.email == ""
        assert _mentions("Sarah De Smet") == 0 and _mentions("sarah@partner-a.be") == 0


def test_only_beheerder_handles_privacy_requests(wereld, login):
    for who in ("coordinator_x", "partner_a", "consultant_ov"):
        c = login(getattr(wereld, who))
        assert c.get("/privacy").status_code == 403
        assert c.post("/privacy/anonimiseer", data={"zoekterm": "x", "bevestig": "ja"}).status_code == 403


def test_retention_anonymises_contacts_a_year_after_leaving_every_network(ctx):
    with acting_as("test"):
        n = f.netwerk("R")
        gone, recent, member = (f.organisatie("Weg"), f.organisatie("Recent"), f.organisatie("Lid"))
        f.lid(n, gone, lid_tot=date(2024, 1, 1))
        f.lid(n, recent, lid_tot=date(2025, 6, 1))
        f.lid(n, member)
        for org, name in ((gone, "José Weg"), (recent, "Rita Recent"), (member, "Mo Lid")):
            f.contactpersoon(org, name, email=f"{name.split()[0].lower()}@x.be")
        db.session.commit()
        assert pas_bewaartermijn_toe(date(2025, 11, 1)) == 1
        db.session.commit()
    names = {c.naam for c in db.session.scalars(select(Contactpersoon))}
    assert names == {GEANONIMISEERD, "Mo Lid", "Rita Recent"}
    assert _mentions("José Weg") == 0
    assert db.session.scalar(select(func.count(Lidmaatschap.id))) == 3


def test_retention_command(runner, wereld):
    result = runner.invoke(args=["hvk", "bewaartermijn", "--op", "2030-01-01"])
    assert result.exit_code == 0 and "0 contactperso" in result.output
