"""The notification settings form and the one-button forms of this module."""
from wtforms import SelectField
from wtforms.validators import InputRequired

from ..forms import NlForm
from .models import MAILKEUZES


class VoorkeurForm(NlForm):
    mail = SelectField("Meldingen per e-mail", choices=MAILKEUZES,
                      validators=[InputRequired("Kies hoe je meldingen wil krijgen.")])


class KnopForm(NlForm):
    """A POST with only its CSRF token (mark as read, confirm 'nog actueel')."""
