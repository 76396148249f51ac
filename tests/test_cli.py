"""`flask hvk gebruiker …` and `flask hvk status`."""
from sqlalchemy import select

from huisvanhetkind.auth.models import Gebruiker
from huisvanhetkind.auth.passwords import verify_password
from huisvanhetkind.extensions import db


def test_status_on_empty_database_tells_how_to_make_the_first_beheerder(runner):
    result = runner.invoke(args=["hvk", "status"])
    assert result.exit_code == 0
    assert "hvk gebruiker maak" in result.output and "--rol beheerder" in result.output


def test_make_beheerder_with_password_from_stdin(runner, app):
    result = runner.invoke(args=["hvk", "gebruiker", "maak", "Baas@Voorbeeld.be", "--rol",
                                 "beheerder"], input="een-sterk-wachtwoord\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(Gebruiker).where(Gebruiker.email == "baas@voorbeeld.be"))
        assert user.rol == "beheerder"
        assert verify_password(user.wachtwoord_hash, "een-sterk-wachtwoord")
        assert user.wachtwoord_hash.startswith("$argon2id$")


def test_make_coordinator_needs_a_known_network(runner, wereld):
    result = runner.invoke(args=["hvk", "gebruiker", "maak", "c@x.be", "--rol", "coordinator",
                                 "--netwerk", "Bestaat Niet"], input="een-sterk-wachtwoord\n")
    assert result.exit_code != 0 and "niet gevonden" in result.output
    result = runner.invoke(args=["hvk", "gebruiker", "maak", "c@x.be", "--rol", "coordinator",
                                 "--netwerk", "huis van het kind x"], input="een-sterk-wachtwoord\n")
    assert result.exit_code == 0, result.output


def test_make_partner_and_consultant_scopes(runner, wereld, app):
    ok = runner.invoke(args=["hvk", "gebruiker", "maak", "p@x.be", "--rol", "partner",
                             "--organisatie", "Partner A"], input="een-sterk-wachtwoord\n")
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(args=["hvk", "gebruiker", "maak", "k@x.be", "--rol", "consultant",
                              "--provincie", "Atlantis"], input="een-sterk-wachtwoord\n")
    assert bad.exit_code != 0 and "Onbekende provincie" in bad.output
    ok = runner.invoke(args=["hvk", "gebruiker", "maak", "k@x.be", "--rol", "consultant",
                             "--provincie", "oost-vlaanderen"], input="een-sterk-wachtwoord\n")
    assert ok.exit_code == 0, ok.output
    with app.app_context():
        k = db.session.scalar(select(Gebruiker).where(Gebruiker.email == "k@x.be"))
        assert k.provincies == ("Oost-Vlaanderen",)


def test_weak_password_refused_in_dutch(runner):
    result = runner.invoke(args=["hvk", "gebruiker", "maak", "a@x.be", "--rol", "beheerder"],
                           input="kort\n")
    assert result.exit_code != 0 and "minstens 10 tekens" in result.output


def test_reset_password(runner, wereld, app):
    result = runner.invoke(args=["hvk", "gebruiker", "wachtwoord", "partner-a@test.be"],
                           input="helemaal-nieuw-1\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.get(Gebruiker, wereld.partner_a)
        assert verify_password(user.wachtwoord_hash, "helemaal-nieuw-1")


def test_status_refuses_a_database_without_tables_or_behind_the_code(runner, app):
    from flask_migrate import downgrade, upgrade

    with app.app_context():
        downgrade(revision="-1")
    result = runner.invoke(args=["hvk", "status"])
    assert result.exit_code == 1 and "schemaversie" in result.output
    assert "db upgrade" in result.output and "Traceback" not in result.output
    with app.app_context():
        upgrade()
    assert runner.invoke(args=["hvk", "status"]).exit_code == 0

