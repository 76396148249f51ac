"""Forms of the partners module."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, URL, ValidationError

from ..editing import VersionMixin
from ..forms import VERPLICHT
from ..referentie import gemeenten
from ..referentie.taxonomie import SECTOR
from . import kbo


class OrganisatieForm(VersionMixin, FlaskForm):
    naam = StringField("Naam", validators=[DataRequired(VERPLICHT), Length(max=200)])
    kbo = StringField("KBO-nummer", validators=[Optional()],
                      description="Tien cijfers, bv. 0123.456.749. Leeg als er geen is.")
    sector = SelectField("Sector", choices=[("", "— kies —")] + SECTOR.choices(),
                         validators=[DataRequired("Kies een sector.")])
    gemeenten = SelectMultipleField("Gemeenten waar de organisatie werkt",
                                    choices=gemeenten.choices())
    straat = StringField("Straat en nummer", validators=[Optional(), Length(max=200)])
    postcode = StringField("Postcode", validators=[Optional(), Length(max=10)])
    plaats = StringField("Plaats", validators=[Optional(), Length(max=100)])
    email = EmailField("Algemeen e-mailadres", validators=[
        Optional(), Email("Geen geldig e-mailadres."), Length(max=254)])
    telefoon = StringField("Telefoon", validators=[Optional(), Length(max=50)])
    website = StringField("Website", validators=[
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
