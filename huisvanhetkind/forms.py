"""The one Dutch base form and the shared form pieces.

Every form of the application derives from `NlForm` (GET filter forms use `NlFilterMeta`):
WTForms' own Dutch messages (Flask-WTF translates only through Babel) and every text field
trimmed of surrounding white space before validation, so "  " is empty and " Gent " is "Gent".
Passwords are never trimmed.
"""
from __future__ import annotations

from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import PasswordField, SelectMultipleField, widgets
from wtforms.meta import DefaultMeta
from wtforms.validators import ValidationError

from .editing import VersionMixin

VERPLICHT = "Dit veld is verplicht."


def _trim(value):
    return value.strip() if isinstance(value, str) else value


class _Select(widgets.Select):
    """WTForms' select, its plain options written directly: the same HTML at a fifth of the
    cost (WTForms sorts and escapes every option's attributes one by one; the aanbod list's
    filters have 74 options, the guide's 300 municipalities). WTForms 3.3 also inspects
    render_option's signature at every render (~40 µs a select, nine on the aanbod list)."""

    def __call__(self, field, **kwargs):
        if self.multiple or field.has_groups():
            return super().__call__(field, **kwargs)
        kwargs.setdefault("id", field.id)
        gezet = vars(field.flags)  # WTForms takes the flags dir() lists: the ones that are set
        for k in self.validation_attrs:
            if k in gezet and k not in kwargs:
                kwargs[k] = gezet[k]
        html = [f"<select {widgets.html_params(name=field.name, **kwargs)}>"]
        html.extend(self.render_option(c) for c in field._iter_choices_normalized())
        html.append("</select>")
        return Markup("".join(html))

    @classmethod
    def render_option(cls, choice, **kwargs):
        if kwargs or choice.render_kw or isinstance(choice.value, bool):
            return super().render_option(choice, **kwargs)
        selected = "selected " if choice.selected else ""
        return Markup(f'<option {selected}value="{escape(choice.value)}">'
                      f'{escape(choice.label or choice.value)}</option>')


_SELECT = _Select()


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
        if type(field.widget) is widgets.Select and not field.widget.multiple:
            field.widget = _SELECT
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
