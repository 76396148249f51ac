"""The network form: name, werkingsgebied (whole municipalities and named parts), dossier data."""
from __future__ import annotations

from dataclasses import dataclass

from wtforms import EmailField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields import Label
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from ..editing import VersionMixin
from ..forms import VERPLICHT, NlForm
from ..domein import gemeenten
from ..domein.taxonomie import RECHTSVORM
from .forms import GEMEENTEKIEZER, datum_veld
from .importer.rapport import werkingsgebied_tekst


def parse_delen(tekst: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Lines 'Gemeente: deel' → ([(nis, deel)], [Dutch errors with the line number])."""
    delen, fouten = [], []
    for nr, regel in enumerate((tekst or "").splitlines(), start=1):
        regel = regel.strip()
        if not regel:
            continue
        gemeente_tekst, sep, deel = regel.partition(":")
        deel = deel.strip()
        if not sep or not deel:
            fouten.append(f"Regel {nr} ('{regel}'): schrijf 'Gemeente: naam van het deel'.")
            continue
        g = gemeenten.zoek(gemeente_tekst)
        if g is None:
            fouten.append(f"Regel {nr}: '{gemeente_tekst.strip()}' is geen Vlaamse of Brusselse "
                          "gemeente.")
            continue
        if len(deel) > 200:
            fouten.append(f"Regel {nr}: de naam van het deel is te lang (max. 200 tekens).")
            continue
        delen.append((g.nis, deel))
    return delen, fouten


def delen_als_tekst(delen) -> str:
    return "\n".join(f"{gemeenten.naam(nis)}: {deel}" for nis, deel in delen if deel)


@dataclass(frozen=True)
class Samenvatting:
    """Several fields read as one value (not rendered): what the conflict comparison
    (editing.verschillen) shows for a key of the operation that is no single field."""
    label: Label
    data: str


class NetwerkVelden(NlForm):
    naam = StringField("Naam", validators=[DataRequired(VERPLICHT), Length(max=200)])
    gemeenten = SelectMultipleField(
        "Werkingsgebied: volledige gemeenten", choices=gemeenten.choices,
        render_kw=GEMEENTEKIEZER,
        description="Kies de gemeenten die het netwerk volledig bedient.")
    delen = TextAreaField(
        "Werkingsgebied: delen van een gemeente", validators=[Optional()],
        render_kw={"rows": 3, "placeholder": "Gent: Brugse Poort"},
        description="Eén deel per regel, als 'Gemeente: deel' (wijk, deelgemeente, district). "
                    "Kies die gemeente dan niet hierboven als geheel.")
    rechtsvorm = SelectField("Rechtsvorm", choices=RECHTSVORM.choices(), default="geen")
    aanvraagdatum = datum_veld("Aanvraagdatum")
    erkenningsdatum = datum_veld("Erkenningsdatum")
    coordinator_naam = StringField("Naam van de coördinator",
                                   validators=[Optional(), Length(max=200)])
    coordinator_email = EmailField("E-mailadres van de coördinator", validators=[
        Optional(), Email("Geen geldig e-mailadres."), Length(max=254)])
    beschrijving = TextAreaField("Beschrijving", validators=[Optional(), Length(max=5000)],
                                 render_kw={"rows": 3})
    coordinatoren = SelectMultipleField(
        "Coördinatoren (gebruikers met toegang)", coerce=int, choices=[],
        description="Gebruikers met de rol coördinator die dit netwerk beheren.")

    def validate_delen(self, field):
        delen, fouten = parse_delen(field.data)
        if fouten:
            raise ValidationError(" ".join(fouten))
        heel = set(self.gemeenten.data or ())
        dubbel = sorted({gemeenten.naam(nis) for nis, _ in delen if nis in heel})
        if dubbel:
            raise ValidationError(
                f"{', '.join(dubbel)} staat hierboven al volledig in het werkingsgebied: geef "
                "ofwel de hele gemeente, ofwel delen ervan.")

    def validate_erkenningsdatum(self, field):
        if field.data and self.aanvraagdatum.data and field.data < self.aanvraagdatum.data:
            raise ValidationError("De erkenningsdatum ligt vóór de aanvraagdatum.")

    def delen_van_werkingsgebied(self) -> list[tuple[str, str]]:
        """The validated werkingsgebied as (nis, deel) pairs; deel '' = whole municipality."""
        return [(nis, "") for nis in self.gemeenten.data or ()] + parse_delen(self.delen.data)[0]

    @property
    def werkingsgebied(self) -> Samenvatting:
        """Both werkingsgebied fields as the text the import uses ('Sint-Niklaas; Temse:
        Tielrode'): wijzig_netwerk's Conflict names the stored werkingsgebied so."""
        return Samenvatting(Label("gemeenten", "Werkingsgebied"),
                            werkingsgebied_tekst(self.delen_van_werkingsgebied()))

    def vul_werkingsgebied(self, delen) -> None:
        self.gemeenten.data = [nis for nis, deel in delen if not deel]
        self.delen.data = delen_als_tekst(delen)


class NetwerkForm(VersionMixin, NetwerkVelden):
    """Edit a network."""
