"""Every page of a network costs the same number of SQL statements for 3 or 30 partners
(issue 6: bounded and independent of the data size) — walked from the url_map, so a new page
is covered without being listed here."""
import pytest

from huisvanhetkind import cache
from tests.graaf_helpers import count_queries, groot_netwerk

# pages whose only argument is the network (downloads included: they are read by the same code)
SKIP = {"erkenning.dossier_pdf",  # same queries as erkenning.dossier; WeasyPrint is slow in tests
        "erkenning.wat_als"}  # needs ?partner=; graaf.wat_als (same service) is in test_graaf

CEL = "?functie=ontmoeting&leeftijdsgroep=0-3"
QUERY = {"graaf.dekking_cel": CEL, "graaf.bewust_niet": CEL}


def _network_pages(app):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and set(rule.arguments) == {"netwerk_id"} \
                and rule.endpoint not in SKIP:
            yield rule


def test_every_network_page_uses_bounded_sql(app, wereld, login):
    small = groot_netwerk(app, 3, "Klein netwerk")
    big = groot_netwerk(app, 30, "Groter netwerk")
    c = login(wereld.beheerder)
    rules = list(_network_pages(app))
    assert len(rules) >= 15, [r.endpoint for r in rules]
    grown, failed = {}, {}
    for rule in rules:
        counts = []
        for nid in (small, big):
            url = rule.build({"netwerk_id": nid})[1] + QUERY.get(rule.endpoint, "")
            cache.clear()  # cold: what a first visitor pays
            with app.app_context():
                r, n = count_queries(lambda: c.get(url))
            if r.status_code not in (200, 302):
                failed[url] = r.status_code
            counts.append(n)
        if counts[1] > counts[0]:
            grown[rule.endpoint] = counts
    assert not failed
    assert not grown, f"statements grow with the network: {grown}"


@pytest.mark.parametrize("url", ["/", "/overzicht", "/netwerken", "/audit"])
def test_pages_across_networks_use_bounded_sql(app, wereld, login, url):
    c = login(wereld.beheerder)
    counts = []
    for i in range(2):
        groot_netwerk(app, 3 + 20 * i, f"Netwerk {i}")
        cache.clear()
        with app.app_context():
            r, n = count_queries(lambda: c.get(url))
        assert r.status_code == 200
        counts.append(n)
    assert counts[1] <= counts[0], counts
