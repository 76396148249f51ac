"""The web side of the one write path: the version field, the 409 comparison page and the one
delete confirmation.

Forms carry the record's `version` in a hidden field; the operation (wijzigen.py) checks it and
raises `Conflict` when somebody else saved in between. Nothing is written then: the form comes back
with status 409 listing, per field, the value now stored next to the value the user submitted, so
they can merge by hand; the form already carries the stored version for the second save.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from flask import flash, redirect, render_template, request
from wtforms import HiddenField

from .fouten import Conflict, OperatieFout

CONFLICT = ("Iemand anders heeft dit record intussen gewijzigd. Je wijzigingen zijn niet "
            "opgeslagen: vergelijk hieronder en bewaar opnieuw.")
# the one status of a form that does not validate (WebDAV's "Unprocessable Content", RFC 9110)
ONGELDIG = 422


class VersionField(HiddenField):
    """The version the user started from. On a POST only the submitted value counts: WTForms
    would otherwise keep the stored object's version when the field is missing, and a scripted
    POST without it would skip the optimistic lock."""

    def process_formdata(self, valuelist):
        self.data = valuelist[0] if valuelist else ""


class VersionMixin:
    version = VersionField()


def ingediende_versie() -> str:
    """The version the POST carries. Only the submitted value counts: a form built with the
    stored object (or an empty POST, which Flask-WTF does not bind) would otherwise supply the
    stored version itself, and a scripted POST would skip the optimistic lock."""
    return request.form.get("version", "")


@dataclass(frozen=True)
class Verschil:
    veld: str
    opgeslagen: str
    ingediend: str


def _text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in sorted(value, key=str)) or "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def verschillen(form, conflict: Conflict) -> list[Verschil]:
    """Per edited field that differs: its label, the stored value and the submitted one."""
    uit = []
    for naam, opgeslagen in conflict.opgeslagen.items():
        veld = getattr(form, naam, None)
        ingediend = veld.data if veld is not None else None
        if _text(opgeslagen) != _text(ingediend):
            label = veld.label.text if veld is not None else naam
            uit.append(Verschil(label, _text(opgeslagen), _text(ingediend)))
    return uit or [Verschil("versie", str(conflict.version), str(form.version.data or "—"))]


def conflict_pagina(template: str, form, conflict: Conflict, **context):
    """The form again with status 409, the comparison and the stored version."""
    diffs = verschillen(form, conflict)
    form.version.data = conflict.version
    return render_template(template, form=form, conflict=CONFLICT, verschillen=diffs,
                           **context), 409


def ongeldig(template: str, **context):
    """A form that does not validate: the same page with its errors, status 422."""
    return render_template(template, **context), ONGELDIG


def formulier_stap(form, template: str, context: dict, opslaan: Callable[[str], object],
                   gedaan: str | Callable[[object], str], terug: str | Callable[[object], str],
                   foutveld: str | None = None):
    """The one create/edit step of a form page (Indico's shape, views only parse and call):

    a valid POST calls `opslaan(version)` — an operation that writes nothing on a refusal — then
    flashes `gedaan` and goes to `terug` (either may be a function of what opslaan returned);
    a `Conflict` shows the 409 comparison; an `OperatieFout` shows its Dutch message on
    `foutveld` (else above the form) with 422; an invalid form its errors with 422; a GET the
    form. The request's commit point commits only the success.
    """
    context = dict(context, form=form)
    if form.validate_on_submit():
        try:
            uitkomst = opslaan(ingediende_versie())
        except Conflict as conflict:
            return conflict_pagina(template, form, conflict,
                                   **{k: v for k, v in context.items() if k != "form"})
        except OperatieFout as fout:
            veld = getattr(form, foutveld, None) if foutveld else None
            if veld is not None:
                veld.errors = [*veld.errors, str(fout)]
            else:
                context["formulierfout"] = str(fout)
            return ongeldig(template, **context)
        flash(gedaan(uitkomst) if callable(gedaan) else gedaan, "success")
        return redirect(terug(uitkomst) if callable(terug) else terug)
    if form.errors:
        return ongeldig(template, **context)
    return render_template(template, **context)


def bevestig_verwijderen(form, context: dict, gedaan: str, terug: str,
                         verwijder: Callable[[str], None]):
    """The one delete confirmation (templates/verwijderen.html): a GET asks; a POST carrying the
    version the user saw calls `verwijder(version)` (an operation), flashes `gedaan` and goes back
    to `terug`; a stale version shows the question again with status 409."""
    context = dict(context, form=form, terug=context.get("terug", terug))
    if form.validate_on_submit():
        try:
            verwijder(ingediende_versie())
        except Conflict as conflict:
            form.version.data = conflict.version
            return render_template("verwijderen.html", gewijzigd=True, **context), 409
        flash(gedaan, "success")
        return redirect(terug)
    return render_template("verwijderen.html", **context)
