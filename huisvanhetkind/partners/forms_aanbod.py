"""The aanbod form and the GET filter forms of the aanbod and members lists."""
from __future__ import annotations

from wtforms import (BooleanField, Form, SearchField, SelectField, SelectMultipleField,
                     StringField, TextAreaField)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..editing import VersionMixin
from ..forms import VERPLICHT, MultiCheckboxField, NlFilterMeta, NlForm, at_least_one
from ..domein import gemeenten
from ..domein.taxonomie import AANBODVORM, DOELGROEP, FUNCTIE, LEEFTIJDSGROEP, SECTOR, WERKVORM
from .forms import GEMEENTEKIEZER, datum_veld

ALLE = [("", "Alle")]


class AanbodVelden(NlForm):
    naam = StringField("Naam", validators=[DataRequired(VERPLICHT), Length(max=200)])
    beschrijving = TextAreaField("Beschrijving", validators=[Optional(), Length(max=5000)],
                                 render_kw={"rows": 3})
    aanbodvorm = SelectField("Aanbodvorm", choices=[("", "— kies —")] + AANBODVORM.choices(),
                             validators=[DataRequired("Kies een aanbodvorm.")])
    functies = MultiCheckboxField("Functies", choices=FUNCTIE.choices(),
                                  validators=[at_least_one("Kies minstens één functie.")])
    leeftijdsgroepen = MultiCheckboxField(
        "Leeftijdsgroepen", choices=LEEFTIJDSGROEP.choices(),
        validators=[at_least_one("Kies minstens één leeftijdsgroep.")])
    doelgroep = SelectField("Doelgroep", choices=DOELGROEP.choices(), default="universeel",
                            validators=[DataRequired("Kies een doelgroep.")])
    werkvormen = MultiCheckboxField("Werkvormen", choices=WERKVORM.choices(),
                                    validators=[at_least_one("Kies minstens één werkvorm.")])
    gemeenten = SelectMultipleField(
        "Gemeenten", choices=gemeenten.choices, render_kw=GEMEENTEKIEZER,
        description="Leeg laten: het aanbod geldt in de gemeenten van de organisatie.")
    laagdrempelig = BooleanField("Laagdrempelig aanbod")
    verplicht_kg = BooleanField("Verplicht aanbod van Kind en Gezin",
                                description="Aanbod waarbij elk Huis van het Kind in de regio moet "
                                            "aansluiten (voorwaarde E5).")
    contact = TextAreaField("Contact (voor gezinnen)", validators=[Optional(), Length(max=2000)],
                            render_kw={"rows": 2},
                            description="Hoe gezinnen het aanbod bereiken: telefoon, e-mail, "
                                        "adres.")
    openingsuren = TextAreaField("Openingsuren", validators=[Optional(), Length(max=2000)],
                                 render_kw={"rows": 2})
    startdatum = datum_veld("Startdatum")
    einddatum = datum_veld("Einddatum", description="Leeg als het aanbod doorloopt.")

    def validate_einddatum(self, field):
        if field.data and self.startdatum.data and field.data < self.startdatum.data:
            raise ValidationError("De einddatum ligt vóór de startdatum.")


def aanbod_waarden(form) -> dict:
    """The operation's values (operations.AANBOD_VELDEN) from a validated aanbod form."""
    from .operations import AANBOD_VELDEN
    out = {name: getattr(form, name).data for name in AANBOD_VELDEN}
    for name in ("naam", "beschrijving", "contact", "openingsuren"):
        out[name] = out[name] or ""  # NlForm trims; an empty optional field is ""
    return out


class AanbodForm(VersionMixin, AanbodVelden):
    """Edit an aanbod."""


class AanbodNetwerkForm(AanbodVelden):
    """New aanbod entered from the network's list: the coordinator picks the member first."""
    organisatie_id = SelectField("Partner", coerce=int, choices=[],
                                 validators=[DataRequired("Kies de partner van dit aanbod.")])


def _choices(tax):
    return ALLE + tax.choices()


class AanbodFilterForm(Form):
    """GET form of the aanbod list; unknown values are ignored, not errors."""
    Meta = NlFilterMeta
    q = SearchField("Zoeken (naam, beschrijving, partner of KBO)")
    aanbodvorm = SelectField("Aanbodvorm", choices=_choices(AANBODVORM))
    functie = SelectField("Functie", choices=_choices(FUNCTIE))
    leeftijdsgroep = SelectField("Leeftijdsgroep", choices=_choices(LEEFTIJDSGROEP))
    doelgroep = SelectField("Doelgroep", choices=_choices(DOELGROEP))
    werkvorm = SelectField("Werkvorm", choices=_choices(WERKVORM))
    gemeente = SelectField("Gemeente", choices=[])
    sector = SelectField("Sector van de partner", choices=_choices(SECTOR))
    verouderd = SelectField("Nagekeken", choices=[
        ("", "Alle"), ("ja", "Niet nagekeken in 12 maanden"), ("nee", "Nagekeken in 12 maanden")])
    sorteer = SelectField("Sorteren op", choices=[
        ("naam", "Naam"), ("vorm", "Aanbodvorm"), ("partner", "Partner"),
        ("nagekeken", "Laatst nagekeken (oudste eerst)")])


class LedenFilterForm(Form):
    Meta = NlFilterMeta
    q = SearchField("Zoeken (naam of KBO)")
    sector = SelectField("Sector", choices=_choices(SECTOR))
    gemeente = SelectField("Gemeente", choices=[])
    overeenkomst = SelectField("Samenwerkingsovereenkomst", choices=[
        ("", "Alle"), ("ja", "Getekend"), ("nee", "Niet getekend")])
    sorteer = SelectField("Sorteren op", choices=[
        ("naam", "Naam"), ("sector", "Sector"), ("lid_sinds", "Lid sinds (nieuwste eerst)")])


def filter_waarden(form: Form) -> dict[str, str]:
    """The submitted filter values that are valid choices; anything else counts as 'all'."""
    out = {}
    for f in form:
        value = (f.data or "").strip() if isinstance(f.data, str) else ""
        if isinstance(f, SelectField) and value not in {c[0] for c in f.choices}:
            f.data = value = f.choices[0][0] if f.choices else ""
        out[f.name] = value
    return out
