"""Imports every model, so that Alembic and create_app see the whole schema.

The model modules (and db.py, whose mixins every model copies) do without `from __future__
import annotations`: SQLAlchemy then gets each `Mapped[...]` annotation as an object instead of
evaluating ~900 strings, ~13 ms of every start (tests/test_opstart.py checks it)."""
from .audit.models import AuditEntry  # noqa: F401
from .auth.models import Aanmeldpoging, ApiToken, Gebruiker, gebruiker_netwerk  # noqa: F401
from .erkenning.models import (  # noqa: F401
    Aanvraag, AanvraagStap, AanvraagVersie, Actie, Engagement, ReviewOpmerking, Zorgregio)
from .graaf.models import BewustNiet, Verwijzing  # noqa: F401
from .partners.models import (  # noqa: F401
    Aanbod, Contactpersoon, Lidmaatschap, Netwerk, Organisatie, WerkingsgebiedDeel)
from .partners.importer.models import ImportVoorbeeld  # noqa: F401
from .partners.models_eigendom import Uitnodiging, Wijzigingsvoorstel  # noqa: F401
from .berekening_models import Berekening, GedeeldeFeiten  # noqa: F401
from .zelfevaluatie.models import KernprincipeScore, Zelfevaluatie  # noqa: F401
from .meldingen.models import Melding, Meldingsvoorkeur, UitgaandeMail  # noqa: F401
from .bevraging.models import Deelname, Meetmoment, Relatie  # noqa: F401
from . import revisie  # noqa: F401,E402  (listeners giving changed networks a new revisie)
from .partners import gemeente_index  # noqa: F401,E402  (indexed municipality rows, kept in sync)
