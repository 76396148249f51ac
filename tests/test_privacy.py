"""GDPR: export everything about a person, erase it everywhere (audit log included), retention."""
import json
from datetime import date

from sqlalchemy import Text, cast, func, select

from huisvanhetkind.audit.log import acting_as, record_event
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


def test_notifications_and_mail_are_exported_and_erased(wereld, login, app):
    from huisvanhetkind.meldingen.models import Melding, UitgaandeMail
    from huisvanhetkind.meldingen.operations import meld
    with app.app_context():
        meld([wereld.partner_a], "verwijzing_te_bevestigen", "organisatie:1", "2026", "Kijk je gegevens na",
             "Beste partner, kijk je gegevens na.", "/organisaties/1")
        db.session.commit()
        email = db.session.scalar(select(UitgaandeMail.aan))
    c = login(wereld.beheerder)
    doc = json.loads(c.get(f"/privacy/export?zoekterm={email}").data)
    assert [m["titel"] for m in doc["meldingen"]] == ["Kijk je gegevens na"]
    assert [m["aan"] for m in doc["mails"]] == [email]
    r = c.post("/privacy/anonimiseer", data={"zoekterm": email, "bevestig": "ja"})
    assert r.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count(Melding.id))) == 0
        assert db.session.scalar(select(func.count(UitgaandeMail.id))) == 0


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


def _audit(app) -> dict[int, tuple]:
    with app.app_context():
        return {e.id: (e.gebruiker, e.omschrijving, e.wijzigingen)
                for e in db.session.scalars(select(AuditEntry))}


def test_a_search_term_that_is_no_person_erases_nothing(wereld, login, app):
    """Issue 12: 'anonimiseer' blanked every audit row containing the term ("Gent", "a")."""
    from tests.toegang_helpers import snapshot, verschil
    with app.app_context(), acting_as("test"):
        f.organisatie("OCMW Gent", gemeenten=("44021",))
        db.session.commit()
    voor = snapshot(app)
    c = login(wereld.beheerder)
    for term in ("Gent", "a", "Partner A", "Sarah", "partner-a.be"):
        assert "Niets gevonden" in c.get(f"/privacy?zoekterm={term}").get_data(as_text=True)
        r = c.post("/privacy/anonimiseer", data={"zoekterm": term, "bevestig": "ja"},
                   follow_redirects=True)
        assert r.status_code == 200 and "Niets gevonden over deze persoon." in r.get_data(
            as_text=True)
    assert verschil(voor, snapshot(app)) == []


def test_anonymising_a_contact_erases_only_their_fields(wereld, login, app):
    """Their own change records lose the person fields; other rows that happen to contain
    their name keep it (record identity, not text matching)."""
    with app.app_context(), acting_as("test"):
        f.organisatie("Kinderopvang Sarah De Smet")  # someone else's row with the same words
        db.session.commit()
    voor = _audit(app)
    c = login(wereld.beheerder)
    r = c.post("/privacy/anonimiseer", data={"zoekterm": "Sarah De Smet", "bevestig": "ja"})
    assert r.status_code == 302
    na = _audit(app)
    veranderd = {i for i in voor if voor[i] != na[i]}
    with app.app_context():
        contact = db.session.scalar(select(Contactpersoon))
        eigen = {e.id for e in db.session.scalars(select(AuditEntry).where(
            AuditEntry.tabel == "contactpersoon", AuditEntry.record_id == str(contact.id)))}
        assert veranderd and veranderd <= eigen  # only the contact's own change records
        for i in eigen:  # the insert, and the anonymisation's own update
            w = na[i][2]
            assert {v for k in ("naam", "functie", "email", "telefoon") for v in w.get(k, ())} \
                <= {GEANONIMISEERD, None, ""}
        assert na[min(eigen)][2]["organisatie_id"] == [None, wereld.org_a]  # not a person field
        assert _mentions("Kinderopvang Sarah De Smet") >= 1  # the other organisation's name
        assert _mentions("sarah@partner-a.be") == 0


def test_anonymising_a_user_erases_their_label_and_address_not_what_they_changed(
        wereld, login, app):
    from tests.factories import WACHTWOORD
    partner = app.test_client()
    partner.post("/aanmelden", data={"email": "partner-a@test.be", "wachtwoord": WACHTWOORD})
    app.test_client().post("/aanmelden", data={"email": "partner-a@test.be",
                                               "wachtwoord": "fout-wachtwoord-1"})
    with app.app_context():
        with acting_as("test"):  # a name that is also part of what they change
            db.session.get(f.Gebruiker, wereld.partner_a).naam = "Partner"
        with acting_as("partner-a@test.be", wereld.partner_a):  # a change partner A made
            db.session.get(f.Organisatie, wereld.org_a).beschrijving = "Spelotheek in Gent"
            db.session.flush()
        with acting_as("beheerder@test.be", wereld.beheerder):  # another's entry naming them
            record_event(db.session, "coordinatoren_gewijzigd",
                         "Coördinatoren van X: +partner-a@test.be, +xpartner-a@test.be")
        db.session.commit()
    c = login(wereld.beheerder)
    assert c.post("/privacy/anonimiseer", data={"zoekterm": "Partner-A@test.be",
                                                "bevestig": "ja"}).status_code == 302
    with app.app_context():
        assert _mentions("partner-a@test.be") == 1  # only inside the longer xpartner-a@… address
        wijziging = db.session.scalar(select(AuditEntry).where(
            AuditEntry.tabel == "organisatie", AuditEntry.actie == "gewijzigd"))
        assert wijziging.gebruiker == GEANONIMISEERD and wijziging.gebruiker_id == wereld.partner_a
        assert wijziging.wijzigingen["beschrijving"][1] == "Spelotheek in Gent"  # not theirs
        assert wijziging.omschrijving == "Partner A"  # describes the organisation, not them
        eigen = db.session.scalars(select(AuditEntry).where(
            AuditEntry.tabel == "gebruiker", AuditEntry.record_id == str(wereld.partner_a))).all()
        assert {v for e in eigen for k in ("email", "naam") for v in e.wijzigingen.get(k, ())} \
            <= {GEANONIMISEERD, None, ""}
        event = db.session.scalar(select(AuditEntry).where(
            AuditEntry.actie == "coordinatoren_gewijzigd"))
        assert event.omschrijving == (f"Coördinatoren van X: +{GEANONIMISEERD}, "
                                      "+xpartner-a@test.be")
        assert event.gebruiker == "beheerder@test.be"
        mislukt = db.session.scalar(select(AuditEntry).where(
            AuditEntry.actie == "aanmelding_mislukt"))
        assert mislukt.omschrijving == f"Mislukte aanmelding voor {GEANONIMISEERD}"
        assert db.session.get(f.Gebruiker, wereld.partner_a).email.endswith("@anoniem.invalid")


def test_a_deleted_contact_is_still_found_by_its_change_records(wereld, login, app):
    from huisvanhetkind.partners.operations import verwijder
    with app.app_context(), acting_as("test"):
        contact = db.session.scalar(select(Contactpersoon))
        verwijder(contact, contact.version)
        db.session.commit()
    c = login(wereld.beheerder)
    doc = json.loads(c.get("/privacy/export?zoekterm=SARAH@partner-a.be").data)
    assert {e["actie"] for e in doc["auditlog"]} == {"toegevoegd", "verwijderd"}
    assert c.post("/privacy/anonimiseer", data={"zoekterm": "sarah@partner-a.be",
                                                "bevestig": "ja"}).status_code == 302
    with app.app_context():
        assert _mentions("Sarah De Smet") == 0 and _mentions("sarah@partner-a.be") == 0
