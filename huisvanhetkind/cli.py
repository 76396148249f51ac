"""`flask hvk …` commands (domein.md §8)."""
from __future__ import annotations

import sys

import click
from flask.cli import AppGroup
from sqlalchemy import func, select

from . import migratie
from .audit.log import acting_as
from .domein.tekst import aantal
from .extensions import db


class HvkGroup(AppGroup):
    def invoke(self, ctx):
        with acting_as("cli"):
            return super().invoke(ctx)


hvk = HvkGroup("hvk", help="Huis van het Kind: beheer vanaf de commandolijn.")


def read_password(prompt: str) -> str:
    """From standard input (one line) when piped, else an interactive prompt."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return click.prompt(prompt, hide_input=True, confirmation_prompt=True)


def find_netwerk(naam_of_id: str):
    from .main.converters import begrensd_getal
    from .partners.models import Netwerk
    netwerk_id = begrensd_getal(naam_of_id)  # ASCII digits that fit an id, else a name
    if netwerk_id is not None:
        found = db.session.get(Netwerk, netwerk_id)
    else:
        found = db.session.scalar(select(Netwerk).where(Netwerk.met_naam(naam_of_id)))
    if found is None:
        raise click.ClickException(f"Netwerk '{naam_of_id}' niet gevonden.")
    return found


@hvk.command("demo")
@click.option("--schaal", type=click.Choice(["netwerk", "vlaanderen"]), default="netwerk",
              help="netwerk: één realistisch demonetwerk; vlaanderen: heel Vlaanderen (benchmarks).")
@click.option("--als-leeg", is_flag=True, help="Enkel laden als de databank nog geen netwerk heeft.")
@click.option("--seed", type=int, default=2026, show_default=True,
              help="Startwaarde van de toevalsgenerator (enkel --schaal vlaanderen).")
@click.option("--leeg-eerst", is_flag=True,
              help="Verwijder eerst alle gegevens (enkel --schaal vlaanderen; het auditlog blijft).")
def demo_command(schaal: str, als_leeg: bool, seed: int, leeg_eerst: bool):
    """Laad demogegevens (met één demogebruiker per rol)."""
    from .demo import load_demo
    from .partners.models import Netwerk

    if als_leeg and db.session.scalar(select(func.count(Netwerk.id))):
        click.echo("De databank bevat al gegevens: geen demo geladen.")
        demo_logins.callback()
        return
    if schaal == "vlaanderen":
        from .demo.vlaanderen_cli import demo_vlaanderen
        demo_vlaanderen(seed=seed, leeg_eerst=leeg_eerst)
        return
    result = load_demo()
    db.session.commit()
    click.echo(f"Demonetwerk '{result.netwerk}' geladen: "
               f"{aantal(result.partners, 'partner', 'partners')}, aanbod: {result.aanbod}, "
               f"{aantal(result.verwijzingen, 'verwijzing', 'verwijzingen')}.")
    click.echo("De indicatoren van de omgevingsanalyse (kinderen, kansarmoede) zijn fictief: "
               "verzonnen voor de demo, met bron 'fictief (demo)'.")
    print_demo_logins()


def print_demo_logins():
    from .demo import DEMO_USERS
    click.echo("\nDemo-aanmeldingen (enkel in deze demodatabank):")
    for email, rol, password, _ in DEMO_USERS:
        click.echo(f"  {rol:<12} {email:<36} wachtwoord: {password}")


@hvk.command("demo-logins")
def demo_logins():
    """Toon de demo-aanmeldingen als de demodatabank geladen is."""
    from .auth.models import Gebruiker
    from .demo import DEMO_USERS
    emails = [u[0] for u in DEMO_USERS]
    if db.session.scalar(select(func.count(Gebruiker.id)).where(Gebruiker.email.in_(emails))):
        print_demo_logins()


@hvk.command("status")
def status():
    """Controle voor een productiestart (make serve): weigert zolang demo-accounts met hun
    gepubliceerde wachtwoord actief zijn; toont hoe je de eerste beheerder maakt."""
    from flask import current_app

    from .auth.models import Gebruiker
    if fout := _schema_fout(current_app):
        raise click.ClickException(fout)
    if not current_app.config.get("DEMO_TOEGESTAAN"):
        # imported only here: it loads the demo generators too, for a check a demo skips
        from .demo.toegang import actieve_demo_accounts, weigering
        if demo := actieve_demo_accounts():
            raise click.ClickException(weigering(demo))
    # the table, not the mapped class: an ORM statement would first configure all ~35 mappers
    # (~50 ms of every `make serve`; issue 16), for a count that needs none of them
    if not db.session.scalar(select(func.count()).select_from(Gebruiker.__table__)):
        click.echo("Er is nog geen gebruiker. Maak de eerste beheerder met:\n"
                   "  echo 'een-sterk-wachtwoord' | .venv/bin/flask --app huisvanhetkind hvk "
                   "gebruiker maak jij@voorbeeld.be --rol beheerder")


def _schema_fout(app) -> str | None:
    """A Dutch refusal when the database is not at the code's migration head (a fresh install
    that skipped `db upgrade`, or an upgrade of the code without one); None when it is. Alembic
    (~0.1 s to import) only reads the scripts when the database is not at the heads that
    migratie.heads() reads without it."""
    with db.engine.connect() as verbinding:
        huidig = migratie.databank_versies(verbinding)
    if huidig and huidig == migratie.heads():
        return None
    from alembic.script import ScriptDirectory

    verwacht = set(ScriptDirectory.from_config(
        app.extensions["migrate"].migrate.get_config()).get_heads())
    if huidig == verwacht:
        return None
    opdracht = "  .venv/bin/flask --app huisvanhetkind db upgrade"
    if not huidig:
        return f"De databank heeft nog geen tabellen. Maak ze met:\n{opdracht}"
    return (f"De databank staat op schemaversie {', '.join(sorted(huidig))}, de code verwacht "
            f"{', '.join(sorted(verwacht))}. Werk ze bij met:\n{opdracht}")


@hvk.command("demo-accounts")
@click.option("--verwijder", is_flag=True,
              help="Schakel de demo-accounts met een gepubliceerd wachtwoord uit.")
def demo_accounts_command(verwijder: bool):
    """Toon (of schakel uit) de actieve demo-accounts met hun gepubliceerde wachtwoord."""
    from .demo.toegang import actieve_demo_accounts, deactiveer
    demo = actieve_demo_accounts()
    if not demo:
        click.echo("Er zijn geen actieve demo-accounts met een gepubliceerd wachtwoord.")
        return
    if not verwijder:
        for g in demo:
            click.echo(g.email)
        click.echo(f"{aantal(len(demo), 'demo-account', 'demo-accounts')}; uitschakelen met --verwijder.")
        return
    deactiveer(demo)
    db.session.commit()
    click.echo(f"{aantal(len(demo), 'demo-account', 'demo-accounts')} uitgeschakeld; hun sessies zijn beëindigd.")


from . import cli_users  # noqa: E402,F401
from .erkenning import cli as _erkenning_cli  # noqa: E402,F401
from .graaf import cli as _graaf_cli  # noqa: E402,F401
from .partners import cli as _partners_cli  # noqa: E402,F401
from .meldingen import cli as _meldingen_cli  # noqa: E402,F401


def _backup_folder() -> "Path":
    from pathlib import Path

    from flask import current_app
    return Path(current_app.instance_path) / "backups"


@hvk.command("backup")
@click.option("--als-bestaat", is_flag=True, help="Zwijg als er nog geen databank is (voor make run).")
def backup_command(als_bestaat: bool):
    """Maak een back-up van de volledige databank (met integriteitscontrole)."""
    from flask import current_app

    from .backup import BackupError, make_backup
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    if als_bestaat and url.startswith("sqlite:///"):
        from pathlib import Path
        if not Path(url.removeprefix("sqlite:///")).exists():
            return
    try:
        path = make_backup(url, _backup_folder())
    except BackupError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Back-up gemaakt en gecontroleerd: {path}")


@hvk.command("herstel")
@click.argument("bestand", type=click.Path(dir_okay=False))
@click.option("--ja", is_flag=True, help="Niet om bevestiging vragen.")
def herstel_command(bestand: str, ja: bool):
    """Zet een back-up terug (vervangt alle gegevens; stop eerst de toepassing)."""
    from pathlib import Path

    from flask import current_app

    from .backup import BackupError, restore
    if not ja:
        click.confirm("Alle huidige gegevens worden vervangen door de back-up. Doorgaan?",
                      abort=True)
    db.session.remove()
    db.engine.dispose()
    try:
        restore(current_app.config["SQLALCHEMY_DATABASE_URI"], Path(bestand))
    except BackupError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Back-up {bestand} teruggezet.")


@hvk.command("bewaartermijn")
@click.option("--op", "peildatum", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Peildatum (JJJJ-MM-DD), standaard vandaag.")
def bewaartermijn_command(peildatum):
    """Anonimiseer contactpersonen 12 maanden nadat hun organisatie elk netwerk verliet."""
    from datetime import date

    from .audit.privacy import pas_bewaartermijn_toe
    n = pas_bewaartermijn_toe(peildatum.date() if peildatum else date.today())
    db.session.commit()
    click.echo(f"{aantal(n, 'contactpersoon', 'contactpersonen')} geanonimiseerd.")


@hvk.command("opruimen")
def opruimen_command():
    """Verwijder importvoorbeelden die langer dan een uur op bevestiging wachten (voor cron)."""
    from .partners.importer import opslag
    weg = opslag.opruimen()
    db.session.commit()
    for v in weg:
        click.echo(f"- {v.bestandsnaam or '(zonder naam)'}: {v.grootte} bytes, gebruiker "
                   f"{v.gebruiker_id}, opgeladen {v.aangemaakt_op:%Y-%m-%d %H:%M} UTC")
    click.echo(f"{aantal(len(weg), 'verlopen importvoorbeeld', 'verlopen importvoorbeelden')} verwijderd "
               f"({sum(v.grootte for v in weg)} bytes).")
