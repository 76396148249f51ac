"""Template helpers for what repeats per row, built once per page (issue 16): url_per_rij (893
partner links were 893 url_for calls, two thirds of the network page's rendering), pagina_link,
and ja_nee (a function, not a macro)."""
import pytest
from flask import url_for

from huisvanhetkind.main.template_helpers import url_per_rij


def test_the_row_link_is_the_link_url_for_makes(app):
    with app.test_request_context("/", base_url="http://hvk.example/sub/"):
        organisatie = url_per_rij("partners.organisatie", "organisatie_id")
        for i in (1, 42, 7_919_191_919 // 7):
            assert organisatie(i) == url_for("partners.organisatie", organisatie_id=i)
        assert organisatie(5).startswith("/sub/")
        cel = url_per_rij("graaf.bewust_niet_verwijderen", "markering_id", netwerk_id=3)
        assert cel(9) == url_for("graaf.bewust_niet_verwijderen", netwerk_id=3, markering_id=9)
        with pytest.raises(ValueError):
            organisatie("1/../../x")  # only ints: nothing to escape


def test_a_query_argument_works_too(app):
    with app.test_request_context("/"):
        pagina = url_per_rij("partners.aanbod_lijst", "page", netwerk_id=1, q="a b")
        assert pagina(3) == url_for("partners.aanbod_lijst", netwerk_id=1, q="a b", page=3)


def test_a_string_part_is_quoted_as_werkzeug_quotes_it(app):
    with app.test_request_context("/", base_url="http://hvk.example/sub/"):
        review = url_per_rij("erkenning.review", "voorwaarde", tekst=True, netwerk_id=4,
                             op="2026-11-30")
        for v in ("E1", "S7", "a b/c?d#é"):
            assert review(v) == url_for("erkenning.review", netwerk_id=4, voorwaarde=v,
                                        op="2026-11-30")


def test_the_fix_links_of_every_condition_are_the_links_url_for_makes(app):
    """erkenning.links.herstel_links keeps each screen's URL for the next condition."""
    from huisvanhetkind.domein.beoordeling import VOORWAARDEN
    from huisvanhetkind.erkenning.links import HERSTEL, NETWERK, herstel_links
    with app.test_request_context("/"):
        basis: dict = {}
        for v in VOORWAARDEN:
            verwacht = [(url_for(e, netwerk_id=7, _anchor=f"engagement-{v}"
                                 if e == "erkenning.engagementen" else None), label)
                        for e, label in HERSTEL.get(v, (NETWERK,))]
            assert herstel_links(v, 7, basis) == verwacht, v


def test_the_pagination_keeps_the_filters_and_ignores_what_is_no_filter(app):
    """pagina_link: the current list's page links, its query and view arguments kept; url_for's
    own options and a stray `endpoint` argument are left out, never a 500."""
    from huisvanhetkind.main.template_helpers import pagina_link
    with app.test_request_context(
            "/netwerken/3/aanbod?q=a%20b&sorteer=partner&page=2&_external=1&endpoint=x"):
        pagina = pagina_link()
        assert pagina(5) == url_for("partners.aanbod_lijst", netwerk_id=3, q="a b",
                                    sorteer="partner", page=5)


def test_ja_nee_writes_the_sign_hidden_and_escapes_its_words():
    from huisvanhetkind.main.template_helpers import ja_nee
    assert ja_nee(True) == '<span aria-hidden="true">✓</span> ja'
    assert ja_nee(0) == '<span aria-hidden="true">✗</span> nee'
    assert ja_nee(False, nee="<b>niet</b>") == '<span aria-hidden="true">✗</span> &lt;b&gt;niet&lt;/b&gt;'
