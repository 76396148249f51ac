"""The one edit pattern: optimistic locking on every edit form, with a Dutch conflict report.

Forms carry the record's `version` in a hidden field. When somebody else saved in between, nothing
is written: the form comes back with status 409 listing, per field, the value now stored next to
the value the user submitted, so they can merge by hand.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import flash, redirect, render_template
from sqlalchemy.orm.exc import StaleDataError
from wtforms import HiddenField

from .extensions import db

CONFLICT = ("Iemand anders heeft dit record intussen gewijzigd. Je wijzigingen zijn niet "
            "opgeslagen: vergelijk hieronder en bewaar opnieuw.")


class VersionField(HiddenField):
    """The version the user started from. On a POST only the submitted value counts: WTForms
    would otherwise keep the stored object's version when the field is missing, and a scripted
    POST without it would skip the optimistic lock."""

    def process_formdata(self, valuelist):
        self.data = valuelist[0] if valuelist else ""


class VersionMixin:
    version = VersionField()


@dataclass(frozen=True)
class Verschil:
    veld: str
    opgeslagen: str
    ingediend: str


def _text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in sorted(value, key=str)) or "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def differences(obj, form, fields) -> list[Verschil]:
    out = []
    for name in fields:
        stored, submitted = getattr(obj, name), getattr(form, name).data
        if _text(stored) != _text(submitted):
            out.append(Verschil(getattr(form, name).label.text, _text(stored), _text(submitted)))
    return out


def save_form(obj, form, fields) -> list[Verschil] | None:
    """Copy `fields` from form to obj and commit; on a stale version return the differences."""
    try:
        submitted_version = int(form.version.data or 0)
    except ValueError:
        submitted_version = 0
    if obj.version != submitted_version:
        diffs = differences(obj, form, fields)
        form.version.data = obj.version
        return diffs or [Verschil("versie", str(obj.version), str(submitted_version))]
    for name in fields:
        setattr(obj, name, getattr(form, name).data)
    try:
        db.session.commit()
    except StaleDataError:  # a concurrent save between our read and our write
        db.session.rollback()
        fresh = db.session.get(type(obj), obj.id)
        form.version.data = fresh.version
        return differences(fresh, form, fields)
    return None


def render_conflict(template: str, diffs: list[Verschil], **context):
    return render_template(template, conflict=CONFLICT, verschillen=diffs, **context), 409


def confirm_delete(obj, form, template: str, context: dict, gedaan: str, terug: str, verwijder):
    """The confirmation step of a delete: a POST carrying the version the user saw deletes,
    commits, flashes `gedaan` and goes back to `terug`; a stale version shows the page again with
    status 409; a GET shows the question."""
    if form.validate_on_submit():
        if form.version.data != str(obj.version):
            return render_template(template, gewijzigd=True, **context), 409
        verwijder(obj)
        db.session.commit()
        flash(gedaan, "success")
        return redirect(terug)
    return render_template(template, **context)
