"""`flask hvk …` commands of the erkenning module (domein.md §8)."""
from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import click

from ..cli import find_netwerk, hvk
from ..extensions import db
from ..domein.taxonomie import VOORWAARDESTATUS
from ..domein.tekst import aantal


@hvk.command("erkenning")
@click.argument("netwerk")
@click.option("--op", "peildatum", metavar="JJJJ-MM-DD", help="Peildatum (standaard vandaag).")
@click.option("--json", "als_json", is_flag=True, help="Enkel het JSON-document (domein.md §8).")
def erkenning_command(netwerk: str, peildatum: str | None, als_json: bool):
    """Toon de voorwaarden voor erkenning en subsidie van NETWERK (naam of id)."""
    from .. import pipeline
    from ..domein.peildatum import OngeldigePeildatum, parse_peildatum

    try:
        datum = parse_peildatum(peildatum)
    except OngeldigePeildatum as fout:
        raise click.ClickException(str(fout)) from None
    bundel = pipeline.bundel(find_netwerk(netwerk).id, datum)
    if als_json:
        click.echo(json.dumps(bundel.erkenning_json(), ensure_ascii=False, indent=2))
        return
    b = bundel.beoordeling
    click.echo(f"{bundel.netwerk.naam} — peildatum {datum:%d/%m/%Y}")
    breedte = max(60, min(shutil.get_terminal_size((100, 20)).columns, 120))
    for u in b.uitkomsten:
        kop = f"{u.id:<4} {VOORWAARDESTATUS.label(u.status):<15} {u.titel}"
        click.echo(kop)
        for regel in textwrap.wrap(u.uitleg, breedte - 21):
            click.echo(" " * 21 + regel)
    click.echo("")
    click.echo(f"Erkenbaar:      {'ja' if b.erkenbaar else 'nee'}")
    click.echo(f"Subsidieerbaar: {'ja' if b.subsidieerbaar else 'nee'}")
    if b.open_punten:
        click.echo("Open punten:    " + ", ".join(u.id for u in b.open_punten))


@hvk.command("zorgregio")
@click.argument("bestand")
def zorgregio_command(bestand: str):
    """Laad de tabel gemeente → zorgregio uit BESTAND (CSV nis;zorgregio); vervangt alles."""
    from . import operations
    from ..domein import zorgregio

    pad = Path(bestand)
    if not pad.is_file():
        raise click.ClickException(f"Bestand '{bestand}' niet gevonden.")
    resultaat = zorgregio.lees(pad.read_bytes())
    if not resultaat.ok:
        for fout in resultaat.fouten:
            click.echo(fout, err=True)
        raise click.ClickException(f"Niets geladen: {aantal(len(resultaat.fouten), 'fout', 'fouten')}.")
    samenvatting = operations.laad_zorgregio(resultaat.regio)
    db.session.commit()
    click.echo(samenvatting)
