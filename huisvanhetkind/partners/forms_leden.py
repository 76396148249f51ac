"""Membership forms: join (existing or new organisation), edit, and leave the network."""
from __future__ import annotations

from datetime import date

from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..editing import VersionMixin
from ..forms import NlForm
from .forms import OrganisatieVelden, datum_veld


class LidVelden:
    """The membership fields, a mixin for the membership form and the 'new organisation' form."""
    lid_sinds = datum_veld("Lid sinds", default=date.today)
    rol = StringField("Rol in het netwerk", validators=[Optional(), Length(max=200)],
                      description="Bv. trekker werkgroep opvoedingsondersteuning.")
    overeenkomst_getekend = BooleanField("Samenwerkingsovereenkomst getekend")
    overeenkomst_datum = datum_veld("Datum van ondertekening")

    def validate_overeenkomst_datum(self, field):
        if field.data and not self.overeenkomst_getekend.data:
            raise ValidationError("Vink 'getekend' aan, of laat de datum leeg.")
        if field.data and field.data > date.today():
            raise ValidationError("De datum van ondertekening ligt in de toekomst.")


class LidmaatschapVelden(LidVelden, NlForm):
    pass


class LidmaatschapForm(VersionMixin, LidmaatschapVelden):
    """Edit a membership."""


class OrganisatieNieuwForm(OrganisatieVelden, LidVelden):
    """A new organisation that joins the network right away."""


class BeeindigForm(VersionMixin, NlForm):
    lid_tot = datum_veld("Lid tot en met", validators=[DataRequired("Geef de einddatum.")],
                         default=date.today)
