"""Coverage pages (domein.md §5): the functie × leeftijdsgroep matrix, a cell's aanbod, the
'bewust niet' marks, and the matrix as SVG/PNG."""
from __future__ import annotations

from datetime import date

from flask import Response, flash, redirect, render_template, request, url_for
from markupsafe import Markup

from ..luie_import import later
from ..auth.guard import allowed, authorize
from ..domein.permissions import can_edit_netwerk, can_view_netwerk
from ..editing import ongeldig
from ..forms import NlForm
from ..fouten import NietGevonden, OperatieFout
from ..partners.refs import netwerk_ref
from ..domein import gemeenten, nood
from ..domein.taxonomie import FUNCTIE, LEEFTIJDSGROEP
from . import bp, operations, queries
from ..partners.export import bestandsnaam
from .forms import BewustNietForm

# imported on first use (luie_import.py): a CLI call builds this module, never its pages
graafanalyse = later("huisvanhetkind.domein.analyse")
dekkingsregels = later("huisvanhetkind.domein.dekking")
matrix_image = later("huisvanhetkind.graaf.matrix_image")
pipeline = later("huisvanhetkind.pipeline")


def _gemeente(facts) -> str | None:
    """The ?gemeente= of the request (a nis of the werkingsgebied) or None for all; 404 else."""
    nis = request.args.get("gemeente") or None
    if nis is not None and nis not in facts.gemeenten:
        raise NietGevonden(nis)
    return nis


def _cel_codes() -> tuple[str, str]:
    functie, leeftijd = request.args.get("functie", ""), request.args.get("leeftijdsgroep", "")
    if functie not in FUNCTIE or leeftijd not in LEEFTIJDSGROEP:
        raise NietGevonden((functie, leeftijd))
    return functie, leeftijd


# a large network overlaps hundreds of aanbod in one cell: the rest is one link to the aanbod list
TOON_PER_OVERLAP = 8


@bp.get("/netwerken/<int:netwerk_id>/dekking")
def dekking(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    r = pipeline.bundel(netwerk_id)
    nis = _gemeente(r.netwerk)
    binnen = set(r.matrix(nis).gemeenten)
    lacunes = [c for c in r.lacunes if c.nis in binnen]
    per_duizend = request.args.get("per") == "1000" and bool(r.netwerk.indicatoren)
    mag_bewerken = allowed(can_edit_netwerk, ref)
    overlappen = [o for o in r.overlappen if o.nis in binnen]
    # the matrix, the lacunes and the overlaps are made from the bundle alone: rendered once per
    # bundle and view (the largest network's 51 overlaps were two thirds of its 94 KB page)
    return render_template(
        "graaf/dekking.html", r=r, nis=nis, netwerk_id=netwerk_id, lacunes=lacunes,
        per_duizend=per_duizend, heeft_indicatoren=bool(r.netwerk.indicatoren),
        overlappen=overlappen,
        tabellen=pipeline.per_bundel(r, "dekkingtabellen", lambda: _tabellen(
            r, nis, lacunes, per_duizend, mag_bewerken), nis, per_duizend, mag_bewerken),
        overlappen_tabel=pipeline.per_bundel(r, "overlappen", lambda: Markup(render_template(
            "graaf/_overlappen.html", overlappen=overlappen,
            aanbod={a.id: a for a in r.netwerk.aanbod}, netwerk_id=netwerk_id,
            toon_per_overlap=TOON_PER_OVERLAP)), nis),
        bewust_niet=[c for c in r.bewust_niet if c.nis in binnen],
        markeringen=queries.bewust_niet_markeringen(netwerk_id),
        gemeenten_keuze=sorted(r.netwerk.gemeenten, key=gemeenten.naam),
        mag_bewerken=mag_bewerken, uitleg=graafanalyse.UITLEG, form=NlForm())


def _tabellen(r, nis: str | None, lacunes: list, per_duizend: bool, mag_bewerken: bool) -> Markup:
    """The matrix and the lacunes table of the coverage page (templates/graaf/_dekking_tabellen)."""
    m = r.matrix(nis)
    cijfers = nood.laatste(r.netwerk.indicatoren)
    return Markup(render_template(
        "graaf/_dekking_tabellen.html", m=m, nis=nis, netwerk_id=r.netwerk.id,
        weergave={(c.functie, c.leeftijdsgroep): matrix_image.cel_weergave(c, len(m.gemeenten))
                  for rij in m.rijen for c in rij},
        lacunes=nood.rangschik(lacunes, r.nood) if r.nood else lacunes, noden=r.nood,
        cel_nood={(c.functie, c.leeftijdsgroep): nood.som(
            nood.nood(cijfers, p, c.leeftijdsgroep) for p in c.lacunes)
            for rij in m.rijen for c in rij if c.lacunes} if cijfers else {},
        cel_per_duizend={(c.functie, c.leeftijdsgroep): nood.per_duizend(
            len(c.aanbod_ids), nood.kinderen_in(cijfers, m.gemeenten, c.leeftijdsgroep))
            for rij in m.rijen for c in rij} if per_duizend else {},
        per_duizend=per_duizend, mag_bewerken=mag_bewerken, uitleg=graafanalyse.UITLEG))


@bp.get("/netwerken/<int:netwerk_id>/dekking/cel")
def dekking_cel(netwerk_id: int):
    ref = netwerk_ref(netwerk_id)
    authorize(can_view_netwerk, ref)
    functie, leeftijd = _cel_codes()
    r = pipeline.bundel(netwerk_id)
    nis = _gemeente(r.netwerk)
    m = r.matrix(nis)
    cel = m.cel(functie, leeftijd)
    per_aanbod = {a.id: a for a in r.netwerk.aanbod}
    gedekt = r.gedekt
    per_gemeente = []
    redenen = dict(cel.bewust_niet)
    for g in m.gemeenten:
        ids = gedekt.get((functie, leeftijd, g), ())
        status = ("gedekt" if ids else "lacune" if g in cel.lacunes
                  else "bewust_niet" if g in redenen else "niet_nodig")
        per_gemeente.append({"nis": g, "status": status, "reden": redenen.get(g),
                             "aanbod": sorted((per_aanbod[i] for i in ids),
                                              key=lambda a: (a.naam, a.id))})
    markeringen = [b for b in queries.bewust_niet_markeringen(netwerk_id)
                   if b.functie == functie and b.leeftijdsgroep == leeftijd
                   and (not nis or b.nis in ("", nis))]
    return render_template(
        "graaf/dekking_cel.html", r=r, m=m, cel=cel, nis=nis, netwerk_id=netwerk_id,
        aanbod=sorted((per_aanbod[i] for i in cel.aanbod_ids), key=lambda a: (a.naam, a.id)),
        overlap=set(cel.overlap_ids), per_gemeente=per_gemeente, markeringen=markeringen,
        weergave=matrix_image.cel_weergave(cel, len(m.gemeenten)),
        mag_bewerken=allowed(can_edit_netwerk, ref), uitleg=graafanalyse.UITLEG, form=NlForm())


@bp.get("/netwerken/<int:netwerk_id>/dekking.<any(svg, png):formaat>")
def dekking_afbeelding(netwerk_id: int, formaat: str):
    authorize(can_view_netwerk, netwerk_ref(netwerk_id))
    r = pipeline.bundel(netwerk_id)
    facts = r.netwerk
    nis = _gemeente(facts)
    waar = (f"Gemeente {gemeenten.naam(nis)}" if nis else "Heel het werkingsgebied: "
            + ", ".join(sorted(gemeenten.naam(g) for g in facts.gemeenten)))
    t = matrix_image.tekening(r.matrix(nis), f"Dekking {facts.naam}",
                              f"{waar} · stand op {date.today():%d/%m/%Y}")
    body, mime = ((matrix_image.svg(t).encode("utf-8"), "image/svg+xml") if formaat == "svg"
                  else (matrix_image.png(t), "image/png"))
    bestand = bestandsnaam(f"{facts.naam} dekking {nis or 'alle'}", formaat)
    return Response(body, mimetype=mime,
                    headers={"Content-Disposition": f'attachment; filename="{bestand}"'})


@bp.route("/netwerken/<int:netwerk_id>/dekking/bewust-niet", methods=["GET", "POST"])
def bewust_niet(netwerk_id: int):
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    functie, leeftijd = _cel_codes()
    werkingsgebied = queries.werkingsgebied(netwerk_id)
    if not werkingsgebied:
        raise NietGevonden(netwerk_id)
    form = BewustNietForm()
    form.bereik.choices = operations.bereik_keuzes(werkingsgebied)
    gekozen = request.args.get("gemeente") or ""
    if request.method == "GET":
        form.bereik.data = gekozen if gekozen in werkingsgebied else "alle"
        bestaand = queries.bewust_niet_markering(netwerk_id, functie, leeftijd,
                                                 "" if form.bereik.data == "alle"
                                                 else form.bereik.data)
        if bestaand is not None:
            form.reden.data = bestaand.reden
    terug = url_for("graaf.dekking_cel", netwerk_id=netwerk_id, functie=functie,
                    leeftijdsgroep=leeftijd, gemeente=gekozen or None)
    context = dict(form=form, netwerk_id=netwerk_id, functie=functie, leeftijdsgroep=leeftijd,
                   terug=terug, nodig=dekkingsregels.nodig(functie, leeftijd))
    if form.validate_on_submit():
        scope = "" if form.bereik.data == "alle" else form.bereik.data
        try:
            operations.markeer_bewust_niet(netwerk_id, werkingsgebied, functie, leeftijd, scope,
                                           form.reden.data)
        except OperatieFout as fout:
            form.reden.errors = [str(fout)]
            return ongeldig("graaf/bewust_niet_form.html", **context)
        flash("De cel is gemarkeerd als 'bewust niet' en telt niet meer als lacune.", "success")
        return redirect(terug)
    if form.errors:
        return ongeldig("graaf/bewust_niet_form.html", **context)
    return render_template("graaf/bewust_niet_form.html", **context)


@bp.post("/netwerken/<int:netwerk_id>/dekking/bewust-niet/<int:markering_id>/verwijderen")
def bewust_niet_verwijderen(netwerk_id: int, markering_id: int):
    """The 'Markering verwijderen' button (CSRF: CSRFProtect, app-wide)."""
    authorize(can_edit_netwerk, netwerk_ref(netwerk_id))
    operations.verwijder_bewust_niet(queries.bewust_niet_in_netwerk(netwerk_id, markering_id))
    flash("De markering 'bewust niet' is verwijderd: de cel telt weer als lacune als er geen "
          "aanbod is.", "success")
    return redirect(url_for("graaf.dekking", netwerk_id=netwerk_id))
