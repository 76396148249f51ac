"""`flask hvk herinneringen`: create the due reminders and send the mail outbox (for cron)."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import click
from flask import current_app

from ..cli import hvk
from ..domein.tekst import aantal
from ..extensions import db


@hvk.command("herinneringen")
@click.option("--op", "peildatum", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Maak de herinneringen die op deze dag (JJJJ-MM-DD) verschuldigd zijn; "
                   "standaard vandaag.")
@click.option("--niet-versturen", is_flag=True, help="Enkel herinneringen maken, geen mail versturen.")
def herinneringen_command(peildatum, niet_versturen: bool):
    """Maak de verschuldigde herinneringen en verstuur de uitgaande mail.

    Veilig om elke paar minuten (en twee keer tegelijk) te draaien: elke herinnering en elke
    mail bestaat hoogstens één keer. Het dagelijkse overzicht vertrekt vanaf MELDING_OVERZICHT_UUR
    (standaard 7 uur, Brusselse tijd), of meteen met --op."""
    from . import outbox
    from .herinneringen import maak_herinneringen

    nu = datetime.now(ZoneInfo("Europe/Brussels"))
    op = peildatum.date() if peildatum else nu.date()
    overzicht = peildatum is not None or nu.hour >= current_app.config["MELDING_OVERZICHT_UUR"]
    verslag = maak_herinneringen(op, met_overzicht=overzicht)
    db.session.commit()
    for gebeurtenis, n in sorted(verslag.meldingen.items()):
        click.echo(f"{gebeurtenis}: {aantal(n, 'nieuwe melding', 'nieuwe meldingen')}")
    click.echo(f"{aantal(sum(verslag.meldingen.values()), 'nieuwe melding', 'nieuwe meldingen')}, "
               f"{aantal(verslag.overzichten, 'dagoverzicht', 'dagoverzichten')}.")
    if niet_versturen:
        return
    if not outbox.mail_ingesteld():
        click.echo("Geen MAIL_SERVER ingesteld: de mail blijft in de uitgaande mail "
                   "(zichtbaar voor de beheerder).")
        return
    r = outbox.verstuur()
    click.echo(f"{aantal(r.verzonden, 'mail', 'mails')} verzonden"
               + (f", {aantal(r.mislukt, 'mail', 'mails')} mislukt (later opnieuw)." if r.mislukt
                  else "."))
