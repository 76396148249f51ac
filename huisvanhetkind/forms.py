"""Shared form pieces: Dutch messages and multi-select fields over the taxonomies."""
from __future__ import annotations

from wtforms import SelectMultipleField, widgets
from wtforms.validators import ValidationError

VERPLICHT = "Dit veld is verplicht."


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes (accessible: one label per option, a fieldset legend)."""
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def at_least_one(message: str = "Kies minstens één waarde."):
    def _check(form, field):
        if not field.data:
            raise ValidationError(message)
    return _check
