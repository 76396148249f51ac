"""The guide's search form (GET, for families) and the coordinator's publishing form."""
from __future__ import annotations

from wtforms import BooleanField, Form, SearchField, SelectField, TextAreaField
from wtforms.validators import Optional, ValidationError

from ..domein.gids import OngeldigeOrigin, parse_origins
from ..domein.taxonomie import FUNCTIE, LEEFTIJDSGROEP, WERKVORM
from ..editing import VersionMixin
from ..forms import NlFilterMeta, NlForm
from ..partners.forms_aanbod import ALLE


class GidsZoekForm(Form):
    """Search and filters of the guide; an unknown value means 'all' (partners.filter_waarden)."""
    Meta = NlFilterMeta
    q = SearchField("Zoek", render_kw={"placeholder": "bv. oudercafé, babymassage"})
    leeftijdsgroep = SelectField("Leeftijd", choices=ALLE + LEEFTIJDSGROEP.choices())
    functie = SelectField("Waarvoor", choices=ALLE + FUNCTIE.choices())
    gemeente = SelectField("Gemeente", choices=[])
    werkvorm = SelectField("Hoe", choices=ALLE + WERKVORM.choices())


# what the way back from an aanbod to the list keeps of the search
ZOEKVELDEN = ("q", "leeftijdsgroep", "functie", "gemeente", "werkvorm", "page")


class PublicatieForm(VersionMixin, NlForm):
    """Publish the guide or not, and the websites that may show it in a frame."""
    publiek = BooleanField("De publieke gids is online",
                           description="Iedereen kan dan het aanbod van de partners opzoeken, "
                                       "zonder aan te melden.")
    gids_origins = TextAreaField(
        "Websites die de gids mogen insluiten", validators=[Optional()],
        render_kw={"rows": 3, "placeholder": "https://www.gemeente.be"},
        description="Eén website per regel, alleen het begin van het adres (https://…). Leeg: "
                    "de gids kan niet in een andere website getoond worden.")

    def validate_gids_origins(self, field):
        try:
            parse_origins(field.data)
        except OngeldigeOrigin as fout:
            raise ValidationError(str(fout)) from None

    def origins(self) -> tuple[str, ...]:
        """The validated websites (none when the field is empty)."""
        return parse_origins(self.gids_origins.data)
