"""`flask hvk import` and `flask hvk export` (domein.md §8)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import find_netwerk, hvk


@hvk.command("import")
@click.argument("bestand", type=click.Path(exists=True, dir_okay=True, path_type=Path))
@click.option("--netwerk", "netwerk_naam", metavar="NAAM",
              help="Importeer in dit bestaande netwerk (naam of id); het blad netwerk mag dan "
                   "ontbreken of moet dezelfde naam hebben.")
@click.option("--dry-run", is_flag=True, help="Toon enkel wat er zou veranderen; sla niets op.")
def import_command(bestand: Path, netwerk_naam: str | None, dry_run: bool):
    """Importeer een .xlsx-werkmap, een .zip of map met .csv-bestanden, of één .csv-bestand.

    Alles of niets: bij één fout wordt niets opgeslagen en verschijnt de lijst van fouten
    (exitcode 1). Opnieuw importeren van hetzelfde bestand verandert niets.
    """
    from ..extensions import db
    from .importer import ImportGeweigerd, importeer, lees_pad, parse

    netwerk_id = find_netwerk(netwerk_naam).id if netwerk_naam else None
    try:
        rapport = importeer(parse(lees_pad(bestand)), netwerk_id=netwerk_id,
                            bestandsnaam=bestand.name, dry_run=dry_run)
    except ImportGeweigerd as e:
        click.echo(f"Het bestand is geweigerd; er is niets opgeslagen ({len(e.fouten)} "
                   f"{'fout' if len(e.fouten) == 1 else 'fouten'}):", err=True)
        for regel in e.regels():
            click.echo(f"  {regel}", err=True)
        sys.exit(1)
    if not dry_run:
        db.session.commit()  # the import only flushed: this is its one commit
    for regel in rapport.regels():
        click.echo(regel)
    click.echo("Proefdraai: er is niets opgeslagen." if dry_run else "Opgeslagen.")


@hvk.command("export")
@click.argument("netwerk")
@click.option("--formaat", required=True, metavar="FORMAAT",
              help="xlsx, csv, hsds, gexf of graphml.")
@click.argument("uitvoer", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
def export_command(netwerk: str, formaat: str, uitvoer: Path):
    """Exporteer het register van NETWERK (naam of id) naar het bestand UITVOER (- = stdout)."""
    from ..audit.log import record_event
    from ..extensions import db
    from .export import FORMATEN

    f = FORMATEN.get(formaat.lower())
    if f is None:
        raise click.BadParameter(f"'{formaat}' is geen gekend formaat; kies uit "
                                 f"{', '.join(FORMATEN)}.", param_hint="--formaat")
    n = find_netwerk(netwerk)
    data = f.maak(n.id)
    if str(uitvoer) == "-":
        click.get_binary_stream("stdout").write(data)
    else:
        uitvoer.write_bytes(data)
    record_event(db.session, "export", f"Export {f.naam} ({uitvoer.name})", netwerk_id=n.id)
    db.session.commit()
    if str(uitvoer) != "-":
        click.echo(f"Netwerk '{n.naam}' geëxporteerd als {f.titel}: {uitvoer} "
                   f"({len(data)} bytes).")
