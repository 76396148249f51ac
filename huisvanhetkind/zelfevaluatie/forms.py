"""Forms of the zelfevaluatie: a score (1–4) and a remark per kernprincipe; linking an action."""
from __future__ import annotations

from datetime import date

from wtforms import DateField, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from ..domein.zelfevaluatie import KERNPRINCIPE, KERNPRINCIPES, SCORES
from ..editing import VersionMixin
from ..forms import VERPLICHT, NlForm

SCORE_KEUZES = [(0, "— kies een score —")] + [(s, f"{s} – {t}") for s, t in SCORES.items()]


def _score_gekozen(form, field):
    if field.data not in SCORES:
        raise ValidationError("Kies een score van 1 tot 4.")


class ZelfevaluatieForm(VersionMixin, NlForm):
    datum = DateField("Datum van de zelfevaluatie", format="%Y-%m-%d",
                      validators=[InputRequired(VERPLICHT)], default=date.today,
                      description="De dag waarop het netwerk zichzelf scoorde.")
    toelichting = TextAreaField("Toelichting", validators=[
        Optional(), Length(max=4000, message="Maximaal 4000 tekens.")],
        description="Optioneel: wie scoorde mee, hoe verliep het gesprek?")

    def score(self, code: str):
        return self[f"score_{code}"]

    def opmerking(self, code: str):
        return self[f"opmerking_{code}"]

    def scores(self) -> dict[str, tuple[int, str]]:
        return {c: (self.score(c).data, self.opmerking(c).data or "") for c in KERNPRINCIPES}

    def vul_in(self, z) -> None:
        """Fill the scores of an earlier (or this) evaluation, for a GET."""
        for s in z.scores:
            if s.kernprincipe in KERNPRINCIPE:
                self.score(s.kernprincipe).data = s.score
                self.opmerking(s.kernprincipe).data = s.opmerking


for _code in KERNPRINCIPES:
    _label = KERNPRINCIPE[_code].label
    setattr(ZelfevaluatieForm, f"score_{_code}", SelectField(
        f"Score: {_label}", choices=SCORE_KEUZES, coerce=int, default=0,
        validators=[_score_gekozen]))
    setattr(ZelfevaluatieForm, f"opmerking_{_code}", TextAreaField(
        f"Opmerking: {_label}", validators=[
            Optional(), Length(max=2000, message="Maximaal 2000 tekens.")]))


class KoppelForm(VersionMixin, NlForm):
    actie_id = SelectField("Actie uit het engagementenplan", coerce=int, validate_choice=False,
                           description="De actie die dit zwakke punt aanpakt.")

    def __init__(self, *args, acties: list[tuple[int, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.actie_id.choices = [(0, "— geen actie —")] + list(acties)

    def validate_actie_id(self, field):
        if field.data not in {i for i, _ in field.choices}:
            raise ValidationError("Kies een actie van het engagementenplan van dit netwerk.")
