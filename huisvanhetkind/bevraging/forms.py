"""Forms of the samenwerkingsbevraging (Dutch labels and messages)."""
from __future__ import annotations

from datetime import date, timedelta

from wtforms import DateField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length

from ..domein import bevraging as bv
from ..editing import VersionMixin
from ..forms import VERPLICHT, MultiCheckboxField, NlForm


class MeetmomentForm(NlForm):
    naam = StringField("Naam", validators=[DataRequired(VERPLICHT),
                                           Length(max=200, message="Maximaal 200 tekens.")],
                       description="Bv. 'Bevraging voorjaar 2027'.")
    sluit_op = DateField("Sluitingsdatum", format="%Y-%m-%d",
                         validators=[InputRequired(VERPLICHT)],
                         description="Tot en met deze dag kunnen de partners antwoorden. Een "
                                     "week en een dag vooraf krijgen wie nog niet afrondden een "
                                     "herinnering.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_submitted():
            self.sluit_op.data = date.today() + timedelta(days=21)


class SluitenForm(VersionMixin, NlForm):
    pass


GEEN = ("", "Wij werken niet samen")
LEEG = ("", "— kies —")


def veld(partner_id: int, code: str) -> str:
    return f"p{partner_id}_{code}"


def antwoord_form(partners: dict[int, str]):
    """The answer form for these other members: per partner the intensity, the six items
    (1–4) and what the organisation contributes. Saved as is (bewaren) or finished (afronden)."""
    class AntwoordForm(VersionMixin, NlForm):
        bewaren = SubmitField("Bewaren en later verder gaan")
        afronden = SubmitField("Afronden")

    for p in partners:
        setattr(AntwoordForm, veld(p, "intensiteit"), SelectField(
            "Hoe werken jullie samen?", choices=[GEEN, *bv.INTENSITEIT.items()], default=""))
        for code, label in bv.ITEMS.items():
            setattr(AntwoordForm, veld(p, code), SelectField(
                label, choices=[LEEG, *((str(w), bv.SCHAAL_LABEL[w]) for w in bv.SCHAAL)],
                default=""))
        setattr(AntwoordForm, veld(p, "bijdragen"), MultiCheckboxField(
            "Wat brengt jouw organisatie in deze samenwerking in?",
            choices=list(bv.BIJDRAGEN.items())))
    return AntwoordForm


def vul_in(form, relaties) -> None:
    """Put the stored relations (models.Relatie) in the form (a GET)."""
    for r in relaties:
        if hasattr(form, veld(r.partner_id, "intensiteit")):
            form[veld(r.partner_id, "intensiteit")].data = r.intensiteit
            for code in bv.ITEMS:
                waarde = getattr(r, code)
                form[veld(r.partner_id, code)].data = "" if waarde is None else str(waarde)
            form[veld(r.partner_id, "bijdragen")].data = list(r.bijdragen)


def lees(form, partners: dict[int, str]) -> dict[int, dict]:
    """The submitted relations: partner id → {'intensiteit', the items, 'bijdragen'}."""
    uit = {}
    for p in partners:
        r: dict = {"intensiteit": form[veld(p, "intensiteit")].data or None,
                   "bijdragen": list(form[veld(p, "bijdragen")].data or ())}
        for code in bv.ITEMS:
            waarde = form[veld(p, code)].data
            r[code] = int(waarde) if waarde else None
        uit[p] = r
    return uit
