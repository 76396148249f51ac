"""Forms of consent: answering an invitation or a proposal, and proposing a change."""
from __future__ import annotations

from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..editing import VersionMixin
from ..forms import VERPLICHT, NlForm
from .forms import OrganisatieVelden
from .forms_aanbod import AanbodVelden

TOELICHTING = TextAreaField("Toelichting voor de organisatie", validators=[
    Optional(), Length(max=2000, message="Maximaal 2000 tekens.")])


class AntwoordForm(VersionMixin, NlForm):
    keuze = RadioField("Je antwoord", choices=[("aanvaarden", "Aanvaarden"),
                                                ("weigeren", "Weigeren")],
                       validators=[DataRequired(VERPLICHT)])
    antwoord = TextAreaField("Reden (bij weigeren, optioneel)", validators=[
        Optional(), Length(max=2000, message="Maximaal 2000 tekens.")])


class IntrekkenForm(VersionMixin, NlForm):
    """Withdraw an invitation (only the version)."""


class OrganisatieVoorstelForm(OrganisatieVelden):
    toelichting = TOELICHTING


class AanbodVoorstelForm(AanbodVelden):
    toelichting = TOELICHTING
