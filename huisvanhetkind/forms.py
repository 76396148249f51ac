"""The one Dutch base form and the shared form pieces.

Every form of the application derives from `NlForm` (GET filter forms use `NlFilterMeta`):
WTForms' own Dutch messages (Flask-WTF translates only through Babel) and every text field
trimmed of surrounding white space before validation, so "  " is empty and " Gent " is "Gent".
Passwords are never trimmed.
"""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectMultipleField, widgets
from wtforms.meta import DefaultMeta
from wtforms.validators import ValidationError

from .editing import VersionMixin

VERPLICHT = "Dit veld is verplicht."


def _trim(value):
    return value.strip() if isinstance(value, str) else value


class _NlMeta(DefaultMeta):
    locales = ("nl_BE", "nl")

    def get_translations(self, form):
        return DefaultMeta.get_translations(self, form)

    def bind_field(self, form, unbound_field, options):
        # every text field trims, passwords excepted (a space can be part of one); on the bound
        # field, so the class's shared unbound field is never changed
        field = super().bind_field(form, unbound_field, options)
        if not isinstance(field, PasswordField):
            field.filters = (*field.filters, _trim)
        return field


class NlForm(FlaskForm):
    """The base of every POST form: CSRF (Flask-WTF), Dutch messages, trimmed text."""
    Meta = type("Meta", (_NlMeta, FlaskForm.Meta), {})


class NlFilterMeta(_NlMeta):
    """Meta of the GET filter forms: no CSRF, Dutch messages, trimmed text."""
    csrf = False


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes (accessible: one label per option, a fieldset legend)."""
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def at_least_one(message: str = "Kies minstens één waarde."):
    def _check(form, field):
        if not field.data:
            raise ValidationError(message)
    return _check


class VerwijderForm(VersionMixin, NlForm):
    """The one delete confirmation form (templates/verwijderen.html): only the version."""
