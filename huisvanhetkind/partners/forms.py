"""Forms of the partners module: organisations and contact persons (see also forms_*.py)."""
from __future__ import annotations

import re

from wtforms import (DateField, EmailField, SelectField, SelectMultipleField, StringField,
                     TextAreaField)
from wtforms.validators import DataRequired, Email, Length, Optional, URL, ValidationError

from ..editing import VersionMixin
from ..forms import VERPLICHT, NlForm
from ..domein import gemeenten
from ..domein.taxonomie import SECTOR
from ..domein import kbo


def datum_veld(label: str, **kwargs) -> DateField:
    """An <input type=date> that is optional unless validators say otherwise."""
    kwargs.setdefault("validators", [Optional()])
    return DateField(label, format="%Y-%m-%d", **kwargs)


# "knikker.be:8080" has no scheme, "javascript:alert(1)" and "data:…" do (and stay refused)
_SCHEMA = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d)", re.IGNORECASE)


def met_https(value):
    """'knikker.be' → 'https://knikker.be'; anything with a scheme is left for the validators."""
    if isinstance(value, str):
        value = value.strip()
        if value and not _SCHEMA.match(value) and not value.startswith("/"):
            return "https://" + value
    return value


GEMEENTEKIEZER = {"data-gemeentekiezer": ""}  # enhanced by static/js/gemeentekiezer.js


class OrganisatieVelden(NlForm):
    naam = StringField("Naam", validators=[DataRequired(VERPLICHT), Length(max=200)])
    # empty → None (Optional() stops the chain before validate_kbo): KBO is unique when present
    kbo = StringField("KBO-nummer", validators=[Optional()],
                      filters=[lambda v: v.strip() or None if isinstance(v, str) else v],
                      description="Tien cijfers, bv. 0123.456.749. Leeg als er geen is.")
    sector = SelectField("Sector", choices=[("", "— kies —")] + SECTOR.choices(),
                         validators=[DataRequired("Kies een sector.")])
    gemeenten = SelectMultipleField("Gemeenten waar de organisatie werkt",
                                    choices=gemeenten.choices, render_kw=GEMEENTEKIEZER)
    straat = StringField("Straat en nummer", validators=[Optional(), Length(max=200)])
    postcode = StringField("Postcode", validators=[Optional(), Length(max=10)])
    plaats = StringField("Plaats", validators=[Optional(), Length(max=100)])
    email = EmailField("Algemeen e-mailadres", validators=[
        Optional(), Email("Geen geldig e-mailadres."), Length(max=254)])
    telefoon = StringField("Telefoon", validators=[Optional(), Length(max=50)])
    website = StringField("Website", filters=[met_https], validators=[
        Optional(), URL(message="Geen geldig webadres (begin met https://)."), Length(max=300)])
    beschrijving = TextAreaField("Beschrijving", validators=[Optional(), Length(max=5000)])

    def validate_kbo(self, field):
        if field.data:
            problem = kbo.problem(field.data)
            if problem:
                raise ValidationError(problem)
            field.data = kbo.normalise(field.data)
        else:
            field.data = None

    def validate_website(self, field):
        if field.data and not field.data.lower().startswith(("https://", "http://")):
            raise ValidationError("Een webadres begint met https:// of http://.")
        if field.data and any(c.isspace() for c in field.data):
            raise ValidationError("Een webadres bevat geen spaties.")


class OrganisatieForm(VersionMixin, OrganisatieVelden):
    """Edit an organisation."""


class ContactpersoonForm(VersionMixin, NlForm):
    """Only what is needed to reach someone at work (GDPR): no private data."""
    naam = StringField("Naam", validators=[DataRequired(VERPLICHT), Length(max=200)])
    functie = StringField("Functie", validators=[Optional(), Length(max=200)])
    email = EmailField("E-mailadres (werk)", validators=[
        Optional(), Email("Geen geldig e-mailadres."), Length(max=254)])
    telefoon = StringField("Telefoon (werk)", validators=[Optional(), Length(max=50)])
