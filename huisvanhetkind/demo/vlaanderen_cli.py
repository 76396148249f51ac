"""Console output of `flask hvk demo --schaal vlaanderen`: timing, counts and the logins."""
from __future__ import annotations

import time

import click

from . import vlaanderen as v
from .vlaanderen_bestuur import DOMEIN


def grootste(ds: v.Dataset) -> dict:
    """The network with the most active members (the benchmarks' worst case)."""
    leden: dict[int, int] = {}
    for r in ds.rijen["lidmaatschappen"]:
        if r["lid_tot"] is None:
            leden[r["netwerk_id"]] = leden.get(r["netwerk_id"], 0) + 1
    nid = max(leden, key=lambda k: (leden[k], -k))
    netwerk = next(n for n in ds.rijen["netwerken"] if n["id"] == nid)
    return {**netwerk, "leden": leden[nid]}


def demo_vlaanderen(seed: int, leeg_eerst: bool, schaal: float = 1.0) -> None:
    begin = time.perf_counter()
    try:
        ds, laadtijd = v.laad_vlaanderen(schaal, seed, leeg_eerst=leeg_eerst)
    except v.VlaanderenFout as e:
        raise click.ClickException(str(e))
    totaal = time.perf_counter() - begin
    click.echo(f"Vlaanderen-dataset geladen (seed {seed}) in {totaal:.1f} s "
               f"(genereren {ds.seconden:.1f} s, wegschrijven {laadtijd:.1f} s):")
    for naam, aantal in ds.tellingen().items():
        click.echo(f"  {naam:<18} {aantal:>8}")
    g = grootste(ds)
    click.echo(f"Grootste netwerk: {g['naam']} (id {g['id']}, {g['leden']} partners).")
    click.echo(f"Controlesom: {ds.checksum()[:16]}")
    click.echo("De indicatoren (kinderen, kansarmoede per gemeente) zijn fictief: verzonnen voor "
               "de demo, met bron 'fictief (demo)'.")
    click.echo(f"\nAlle {len(ds.rijen['gebruikers'])} gebruikers hebben het wachtwoord "
               f"'{v.WACHTWOORD}' (enkel voor deze demodatabank), bv.:")
    click.echo(f"  beheerder    beheerder-1@{DOMEIN}")
    click.echo(f"  coordinator  {g['coordinator_email']}")
    click.echo(f"  consultant   consultant.vlaanderen@{DOMEIN} (alle provincies)")
    partner = next(u for u in ds.rijen["gebruikers"] if u["rol"] == "partner")
    click.echo(f"  partner      {partner['email']}")
