"""Test helpers of the graaf module: a small linked network around the shared `wereld`."""
from __future__ import annotations

from huisvanhetkind.extensions import db
from tests import factories as f
from tests.sql_count import count_statements

XSS = "<img src=x onerror=alert(1)> href"


def count_queries(fn):
    """(result, number of SQL statements) of fn()."""
    return count_statements(fn)


def xss_partner(app, wereld) -> int:
    """Add a member with a script-like name to network X, linked to A; returns its id."""
    from huisvanhetkind.partners.models import Organisatie
    with app.app_context():
        a = db.session.get(Organisatie, wereld.org_a)
        x = f.organisatie(XSS, sector="gezondheid", gemeenten=("46021",))
        from huisvanhetkind.partners.models import Netwerk
        f.lid(db.session.get(Netwerk, wereld.netwerk_x), x)
        f.verwijzing(a, x, "doorverwijzing", aantal_per_jaar=4)
        f.verwijzing(x, a, "warme_overdracht", bevestigd=True)
        f.aanbod(x, XSS, aanbodvorm="spel_en_ontmoeting")
        db.session.commit()
        return x.id


def groot_netwerk(app, n_partners: int, naam: str = "Groot netwerk") -> int:
    """A network of n members, a ring of verwijzingen plus chords, aanbod for each; its id."""
    from huisvanhetkind.domein.taxonomie import SECTOR
    with app.app_context():
        net = f.netwerk(naam, gemeenten=("46021", "46025"))
        sectoren = SECTOR.keys()
        orgs = [f.organisatie(f"Partner {i:04d}", sector=sectoren[i % len(sectoren)],
                              gemeenten=("46021",) if i % 2 else ("46025",))
                for i in range(n_partners)]
        for i, o in enumerate(orgs):
            f.lid(net, o)
            f.aanbod(o, f"Aanbod {i}", leeftijdsgroepen=("0-3",) if i % 3 else ("3-6", "ouders"))
            if i:
                f.verwijzing(orgs[i - 1], o, bevestigd=i % 2 == 0)
            if i > 10 and i % 7 == 0:
                f.verwijzing(o, orgs[i // 2], "samenwerking")
        db.session.commit()
        return net.id
