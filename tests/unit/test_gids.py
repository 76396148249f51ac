"""The public guide's pure rules: which websites may embed it, who may see it."""
import pytest

from huisvanhetkind.domein.gids import OngeldigeOrigin, frame_ancestors, parse_origins
from huisvanhetkind.domein.permissions import (ANONIEM, Actor, NetwerkRef, can_publish_gids,
                                               can_view_gids)
from huisvanhetkind.domein.taxonomie import zoektekst


def test_origins_are_normalised_sorted_and_unique():
    assert parse_origins("https://www.Temse.be/\nhttps://sint-niklaas.be, https://www.temse.be"
                         " https://x.be:8443") == (
        "https://sint-niklaas.be", "https://www.temse.be", "https://x.be:8443")
    assert parse_origins("") == parse_origins(None) == ()
    assert parse_origins("http://localhost:8000") == ("http://localhost:8000",)


@pytest.mark.parametrize("fout", [
    "www.temse.be", "https://www.temse.be/gids", "https://*.temse.be", "javascript:alert(1)",
    "https://temse.be?x=1", "http://www.temse.be", "https://temse.be:0", "https://temse.be:99999",
    "'none'", "https://te mse.be", "https://-temse.be", "data:text/html,x"])
def test_anything_but_an_origin_is_refused_in_dutch(fout):
    with pytest.raises(OngeldigeOrigin) as e:
        parse_origins(fout)
    assert "website" in str(e.value) or "https" in str(e.value)


def test_at_most_twenty_origins():
    with pytest.raises(OngeldigeOrigin):
        parse_origins(" ".join(f"https://g{i}.be" for i in range(21)))


def test_frame_ancestors():
    assert frame_ancestors(()) == "'none'"
    assert frame_ancestors(("https://a.be", "https://b.be")) == "https://a.be https://b.be"


def test_who_sees_and_publishes_the_guide():
    x = NetwerkRef(1)
    coordinator = Actor(id=1, rol="coordinator", coordinator_van=frozenset({1}))
    ander = Actor(id=2, rol="coordinator", coordinator_van=frozenset({2}))
    partner = Actor(id=3, rol="partner", lid_van=frozenset({1}), organisatie_id=5)
    beheerder = Actor(id=4, rol="beheerder")
    for actor in (ANONIEM, coordinator, ander, partner, beheerder):
        assert can_view_gids(actor, x, True)
    assert [can_view_gids(a, x, False) for a in (ANONIEM, coordinator, ander, partner, beheerder)] \
        == [False, True, False, False, True]
    assert [can_publish_gids(a, x) for a in (ANONIEM, coordinator, ander, partner, beheerder)] \
        == [False, True, False, False, True]


def test_zoektekst_folds_like_a_query():
    assert zoektekst("Oudercafé Samen-Sterk", None) == "oudercafe samen sterk"
    assert zoektekst("Crèche", "  Élan  à  Gent ") == "creche elan a gent"
