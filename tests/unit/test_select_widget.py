"""The forms' select widget (huisvanhetkind/forms._Select) writes exactly WTForms' HTML."""
from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form, SelectChoice, SelectField, widgets
from wtforms.validators import InputRequired

from huisvanhetkind.forms import _SELECT, NlFilterMeta, _Select


class _Veelsoortig(Form):
    Meta = NlFilterMeta
    tekst = SelectField("Tekst", choices=[("", "Alle"), ("x<y", 'X & "Y"'), ("leeg", "")])
    getal = SelectField("Getal", coerce=int, choices=[(1, "één"), (2, "twee")], default=2)
    extra = SelectField("Extra", choices=[("1", "a"), ("2", "b", {"disabled": True})])
    waar = SelectField("Waar", coerce=bool, choices=[(True, "Ja"), (False, "Nee")])
    nodig = SelectField("Nodig", choices=[("a", "A")], validators=[InputRequired()])
    uit = SelectField("Uit", choices=[("a", "A")], render_kw={"disabled": True})
    groepen = SelectField("Groepen", choices=[SelectChoice("a", "A", optgroup="Eerste"),
                                              SelectChoice("b", "B & C", optgroup="Tweede")])


@pytest.mark.parametrize("data", [{}, {"tekst": "x<y", "extra": "2"}])
def test_every_kind_of_option_is_written_as_wtforms_writes_it(data):
    form = _Veelsoortig(MultiDict(data))
    for field in form:
        assert isinstance(field.widget, _Select)
        for kwargs in ({"class_": "form-select"}, {"required": False, "id": "ander"}):
            ons = str(field(**kwargs))
            field.widget = widgets.Select()  # WTForms' own, through the same field.__call__
            assert ons == str(field(**kwargs)), field.name
            field.widget = _SELECT


def test_a_multiple_select_keeps_wtforms_widget():
    from wtforms import SelectMultipleField

    class F(Form):
        Meta = NlFilterMeta
        veel = SelectMultipleField("Veel", choices=[("a", "A")])
    assert not isinstance(F().veel.widget, _Select)
