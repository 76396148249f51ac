"""`flask hvk …` commands of the graaf module (domein.md §8)."""
from __future__ import annotations

import json

import click

from ..cli import find_netwerk, hvk


@hvk.command("analyse")
@click.argument("netwerk")
@click.option("--json", "als_json", is_flag=True, help="Het analysedocument als JSON (domein.md §8).")
def analyse_command(netwerk: str, als_json: bool):
    """Netwerkanalyse, lacunes en overlappen van NETWERK (naam of id)."""
    from .. import pipeline
    from ..domein.taxonomie import AANBODVORM, FUNCTIE, LEEFTIJDSGROEP
    from ..domein.tekst import decimaal

    r = pipeline.bundel(find_netwerk(netwerk).id)
    doc = r.analyse_json()
    if als_json:
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(f"Netwerk: {doc['netwerk']}")
    click.echo(f"Partners: {len(r.netwerk.partners)}, verwijzingen: {len(r.netwerk.verwijzingen)}, "
               f"componenten: {doc['componenten']}")
    for sleutel, titel in (("geisoleerd", "Geïsoleerd"), ("kwetsbare_schakels", "Kwetsbare schakels"),
                           ("makelaars", "Makelaars")):
        click.echo(f"{titel} ({len(doc[sleutel])}): {', '.join(doc[sleutel]) or '—'}")
    click.echo(f"Bruggen ({len(doc['bruggen'])}): "
               + ("; ".join(f"{a} — {b}" for a, b in doc["bruggen"]) or "—"))
    click.echo(f"Lacunes ({len(doc['lacunes'])})"
               + (", hoogste nood eerst:" if doc["lacunes"] and "nood" in doc["lacunes"][0]
                  else ":"))
    for c in doc["lacunes"]:
        nood = f" (nood {decimaal(c['nood'])})" if "nood" in c else ""
        click.echo(f"  {c['gemeente']}: {FUNCTIE.label(c['functie'])} × "
                   f"{LEEFTIJDSGROEP.label(c['leeftijdsgroep'])}{nood}")
    click.echo(f"Overlappen ({len(doc['overlappen'])}):")
    for o in doc["overlappen"]:
        click.echo(f"  {o['gemeente']}: {AANBODVORM.label(o['aanbodvorm'])} × "
                   f"{LEEFTIJDSGROEP.label(o['leeftijdsgroep'])}: {', '.join(o['aanbod'])}")
