"""Forms of the graaf module: a verwijzing, its confirmation, and a 'bewust niet' mark.

All derive from the one Dutch base form (forms.NlForm); a delete asks with forms.VerwijderForm.
"""
from __future__ import annotations

from wtforms import DateField, IntegerField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..editing import VersionMixin
from ..forms import VERPLICHT, NlForm
from ..domein.taxonomie import VERWIJZINGSSOORT


class VerwijzingForm(VersionMixin, NlForm):
    """A referral link from one member to another; `naar` choices are set by the view."""
    naar_id = SelectField("Naar (partner die de gezinnen ontvangt)", coerce=int,
                       validators=[DataRequired("Kies de partner naar wie je verwijst.")])
    soort = SelectField("Soort", choices=[("", "— kies —")] + VERWIJZINGSSOORT.choices(),
                        validators=[DataRequired("Kies de soort verwijzing.")])
    aantal_per_jaar = IntegerField(
        "Ongeveer hoeveel per jaar", validators=[Optional(), NumberRange(
            min=0, max=100000, message="Geef een geheel getal van 0 of meer.")],
        description="Een schatting volstaat; laat leeg als je het niet weet.")
    sinds = DateField("Sinds", format="%Y-%m-%d", validators=[Optional()])
    opmerking = TextAreaField("Opmerking", validators=[Optional(), Length(max=2000)])

    def set_naar(self, leden: list[tuple[int, str]], van_id: int) -> None:
        self.naar_id.choices = [(0, "— kies —")] + [(i, n) for i, n in leden if i != van_id]


class VerwijzingBevestigenForm(VersionMixin, NlForm):
    """The receiving partner confirms (or withdraws the confirmation of) a verwijzing: only the
    version travels, with bevestigd=1|0."""


class BewustNietForm(NlForm):
    """Mark a needed cell 'bewust niet' with a reason, for one municipality or all of them."""
    bereik = SelectField("Voor", validators=[DataRequired(VERPLICHT)])
    reden = TextAreaField("Reden", validators=[DataRequired("Geef de reden waarom het netwerk "
                                                            "dit bewust niet aanbiedt."),
                                               Length(max=2000)])
