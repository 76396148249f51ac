"""Forms of the erkenning module (Dutch labels and messages)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..editing import VersionMixin
from ..forms import VERPLICHT, NlForm
from ..domein.aanvraag import ADVIEZEN, BESLISSINGEN
from ..domein.beoordeling import PER_ID
from ..domein.taxonomie import ACTIESTATUS, ENGAGEMENTEN, OORDEEL


def http_link(form, field):
    """Evidence links must be plain web addresses: no javascript:, data: or file: URLs."""
    waarde = field.data or ""  # trimmed by NlForm
    if not waarde:
        return
    delen = urlsplit(waarde)
    if delen.scheme.lower() not in ("http", "https") or not delen.netloc or " " in waarde:
        raise ValidationError("Geef een webadres dat begint met http:// of https://.")


class ActieForm(VersionMixin, NlForm):
    beschrijving = TextAreaField("Beschrijving", validators=[
        DataRequired(VERPLICHT), Length(max=2000, message="Maximaal 2000 tekens.")],
        description="Wat doet het netwerk concreet?")
    trekker_id = SelectField("Trekker", coerce=int, validate_choice=False,
                             validators=[InputRequired(VERPLICHT)],
                             description="De partner die de actie trekt (een actief lid).")
    deadline = DateField("Deadline", format="%Y-%m-%d", validators=[InputRequired(VERPLICHT)])
    status = SelectField("Status", choices=ACTIESTATUS.choices(), default="gepland")
    bewijs = TextAreaField("Bewijs", validators=[
        Optional(), Length(max=2000, message="Maximaal 2000 tekens.")],
        description="Wat toont aan dat de actie gerealiseerd is (verslag, beslissing, …).")
    bewijs_link = StringField("Link naar bewijs", validators=[
        Length(max=500, message="Maximaal 500 tekens."), http_link],
        description="Optioneel: een webadres (http:// of https://).")
    gerealiseerd_op = DateField(
        "Gerealiseerd op", format="%Y-%m-%d", validators=[Optional()],
        description="Enkel bij status Gerealiseerd. Leeg: vandaag, als de actie nu gerealiseerd "
                    "wordt.")

    def __init__(self, *args, leden: list[tuple[int, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.trekker_id.choices = [(-1, "— kies een partner —")] + list(leden)

    def validate_trekker_id(self, field):
        if field.data not in {i for i, _ in field.choices if i != -1}:
            raise ValidationError("Kies een actieve partner van het netwerk als trekker.")


def engagement_keuzes() -> list[tuple[str, str]]:
    """(id, 'E6 – titel') of every engagement, for the engagement select of a new action."""
    return [(e, f"{e} – {PER_ID[e].titel.removeprefix('Engagement: ')}") for e in ENGAGEMENTEN]


class NieuweActieForm(ActieForm):
    voorwaarde = SelectField("Engagement", validators=[DataRequired(VERPLICHT)])

    def __init__(self, *args, engagementen: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.voorwaarde.choices = list(engagementen)

    def __iter__(self):
        # the engagement first: it says what the action is for
        velden = list(super().__iter__())
        return iter(sorted(velden, key=lambda f: f.name != "voorwaarde"))


class ZorgregioForm(NlForm):
    bestand = FileField("CSV-bestand (nis;zorgregio)", validators=[
        FileRequired("Kies een CSV-bestand.")],
        description="Eén gemeente per rij: NIS-code of naam, dan de zorgregio. Kopregel mag; "
                    "scheidingsteken ; of , ; UTF-8 of Windows-1252.")


class ReviewForm(NlForm):
    oordeel = SelectField("Oordeel", choices=[("", "— kies —")] + OORDEEL.choices(),
                          validators=[DataRequired(VERPLICHT)])
    tekst = TextAreaField("Opmerking", validators=[
        DataRequired(VERPLICHT), Length(max=4000, message="Maximaal 4000 tekens.")])


class AntwoordForm(NlForm):
    tekst = TextAreaField("Antwoord", validators=[
        DataRequired(VERPLICHT), Length(max=4000, message="Maximaal 4000 tekens.")])


class AanvraagStapForm(VersionMixin, NlForm):
    """One step of the aanvraag: carries the version and the state the user saw, so a step
    someone else took in between is refused instead of taken twice."""
    toestand = HiddenField(validators=[DataRequired(VERPLICHT)])
    toelichting = TextAreaField("Toelichting", validators=[
        Optional(), Length(max=4000, message="Maximaal 4000 tekens.")])


class HerindienenForm(AanvraagStapForm):
    toelichting = TextAreaField("Wat veranderde je, in antwoord op het advies?", validators=[
        DataRequired(VERPLICHT), Length(max=4000, message="Maximaal 4000 tekens.")])


class AdviesForm(AanvraagStapForm):
    advies = RadioField("Advies", choices=list(ADVIEZEN.items()),
                        validators=[InputRequired("Kies een advies.")])
    motivatie = TextAreaField("Motivatie", validators=[
        DataRequired(VERPLICHT), Length(max=4000, message="Maximaal 4000 tekens.")])


class BeslissingForm(AanvraagStapForm):
    beslissing = RadioField("Beslissing", choices=list(BESLISSINGEN.items()),
                            validators=[InputRequired("Kies een beslissing.")])
    datum = DateField("Datum van de beslissing", format="%Y-%m-%d",
                      validators=[InputRequired(VERPLICHT)],
                      description="Bij een erkenning de erkenningsdatum: de termijn van twee "
                                  "jaar loopt vanaf deze dag.")
    motivatie = TextAreaField("Motivatie", validators=[
        Optional(), Length(max=4000, message="Maximaal 4000 tekens.")])
