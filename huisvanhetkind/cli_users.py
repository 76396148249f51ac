"""`flask hvk gebruiker …`: create users and reset passwords from the command line."""
from __future__ import annotations

import click
from sqlalchemy import select

from .cli import find_netwerk, hvk, read_password
from .extensions import db


@hvk.group("gebruiker")
def gebruiker():
    """Gebruikers beheren."""


@gebruiker.command("maak")
@click.argument("email")
@click.option("--rol", required=True,
              type=click.Choice(["beheerder", "coordinator", "partner", "consultant"]))
@click.option("--netwerk", "netwerken", multiple=True, help="Netwerk (naam of id) van een coördinator.")
@click.option("--organisatie", help="Organisatie (naam of KBO) van een partnergebruiker.")
@click.option("--provincie", "provincies", multiple=True, help="Provincie van een consultant.")
@click.option("--naam", default="", help="Volledige naam.")
def maak(email, rol, netwerken, organisatie, provincies, naam):
    """Maak een gebruiker; het wachtwoord komt van standaardinvoer."""
    from .auth.operations import create_user
    from .fouten import OperatieFout
    from .domein import kbo
    from .partners.models import Organisatie
    from .domein import gemeenten
    from .domein.taxonomie import normalise

    org = None
    if organisatie:
        digits = kbo.normalise(organisatie)
        org = db.session.scalars(select(Organisatie).where(
            (Organisatie.kbo == digits) if len(digits) == 10
            else Organisatie.met_naam(organisatie)).order_by(Organisatie.id)).first()
        if org is None:
            raise click.ClickException(f"Organisatie '{organisatie}' niet gevonden.")
    known = {normalise(p): p for p in gemeenten.provincies()}
    for p in provincies:
        if normalise(p) not in known:
            raise click.ClickException(
                f"Onbekende provincie '{p}': kies uit {', '.join(gemeenten.provincies())}.")
    password = read_password("Wachtwoord")
    try:
        user = create_user(email, password, rol, naam=naam,
                           netwerken=[find_netwerk(n) for n in netwerken], organisatie=org,
                           provincies=[known[normalise(p)] for p in provincies])
    except OperatieFout as exc:
        raise click.ClickException(str(exc))
    db.session.commit()
    click.echo(f"Gebruiker {user.email} ({rol}) is aangemaakt.")


@gebruiker.command("wachtwoord")
@click.argument("email")
def wachtwoord(email):
    """Stel een nieuw wachtwoord in (van standaardinvoer); beëindigt alle sessies."""
    from .auth.operations import find_user, set_password
    from .fouten import OperatieFout

    user = find_user(email)
    if user is None:
        raise click.ClickException(f"Geen gebruiker met e-mailadres {email}.")
    try:
        set_password(user, read_password("Nieuw wachtwoord"))
    except OperatieFout as exc:
        raise click.ClickException(str(exc))
    db.session.commit()
    click.echo(f"Het wachtwoord van {user.email} is gewijzigd.")
