"""Dutch and details (issue 16, item 9): counts with the right noun form, one helper."""
import re
from pathlib import Path

from flask import render_template_string

ROOT = Path(__file__).resolve().parent.parent


def test_no_template_or_message_writes_a_plural_in_brackets():
    """`netwerk(en)`, `partner(s)`: every count goes through the one `aantal` helper."""
    # code such as `status(s)` or `.append(s)` is not text
    verdacht = re.compile(r"[a-z](?<!status|aantal|append)\((en|s|pen)\)|/-personen|verstreken sinds"
                          r"|\}\} \{\{ '[a-z ]+' if [^}]*[!=]= 1 else|\{'(en|n|s)' if")
    bestanden = [*(ROOT / "templates").rglob("*.html"), *(ROOT / "huisvanhetkind").rglob("*.py")]
    treffers = [f"{p.relative_to(ROOT)}: {regel.strip()}" for p in bestanden
                for regel in p.read_text(encoding="utf-8").splitlines()
                if verdacht.search(regel) and "partner(s) reach" not in regel]
    assert treffers == []


def test_the_filter_uses_singular_plural_and_thousands(app):
    with app.test_request_context():
        assert render_template_string("{{ 1|aantal('gemeente', 'gemeenten') }}") == "1 gemeente"
        assert render_template_string("{{ 1234|aantal('gemeente', 'gemeenten') }}") == \
            "1.234 gemeenten"
        macro = "{% from 'erkenning/_macros.html' import aftelling %}{{ aftelling(d, t) }}"
        from datetime import date
        assert render_template_string(macro, d=-32, t=date(2026, 1, 1)) == \
            "32 dagen geleden verstreken (01/01/2026)"
        assert render_template_string(macro, d=1, t=date(2026, 1, 1)) == \
            "nog 1 dag (tot 01/01/2026)"


def test_one_municipality_reads_singular_on_the_coverage_page(wereld, login):
    html = login(wereld.coordinator_y).get(f"/netwerken/{wereld.netwerk_y}/dekking") \
        .get_data(as_text=True)
    assert "Heel het werkingsgebied (1 gemeente)" in html and "1 gemeenten" not in html


def test_a_coordinator_of_one_network_reads_netwerk(wereld, login):
    html = login(wereld.coordinator_x).get("/").get_data(as_text=True)
    assert "Je coördineert 1 netwerk." in html and "netwerk(en)" not in html


def test_the_new_user_form_preselects_no_role(wereld, login):
    c = login(wereld.beheerder)
    html = c.get("/gebruikers/nieuw").get_data(as_text=True)
    select = html[html.index('name="rol"'):]
    select = select[:select.index("</select>")]
    assert "— kies een rol —" in select and "selected" not in select
    r = c.post("/gebruikers/nieuw", data={"email": "nieuw@test.be",
                                          "wachtwoord": "een-lang-wachtwoord-2026"})
    assert r.status_code == 422 and "Kies een rol." in r.get_data(as_text=True)


def _website(app, waarde):
    from werkzeug.datastructures import MultiDict
    from huisvanhetkind.partners.forms import OrganisatieVelden
    with app.test_request_context(method="POST"):
        form = OrganisatieVelden(formdata=MultiDict({"naam": "Knikker", "sector": "onderwijs",
                                                     "website": waarde}), meta={"csrf": False})
        form.validate()
        return form.website.data, form.website.errors


def test_a_website_without_scheme_is_completed_to_https(app):
    assert _website(app, "knikker.be") == ("https://knikker.be", [])
    assert _website(app, " www.knikker.be/over ") == ("https://www.knikker.be/over", [])
    assert _website(app, "http://knikker.be") == ("http://knikker.be", [])
    assert _website(app, "") == ("", [])
    for slecht in ("javascript:alert(1)", "data:text/html,<b>x</b>", "knik ker.be",
                   "https://knikker.be/a b", "//evil.example", "knikker"):
        assert _website(app, slecht)[1], slecht


def test_buttons_with_a_hidden_name_read_as_one_phrase(wereld, login):
    """Not 'Bewerken : Sarah' from a hidden span with a leading colon, but one aria-label."""
    assert [p.name for p in (ROOT / "templates").rglob("*.html")
            if re.search(r'visually-hidden">\s*[:;,]', p.read_text(encoding="utf-8"))] == []
    html = login(wereld.beheerder).get(f"/organisaties/{wereld.org_a}").get_data(as_text=True)
    assert 'aria-label="Bewerken: Sarah De Smet">Bewerken</a>' in html


def test_the_history_shows_dutch_labels_and_readable_values(wereld, login, app):
    from huisvanhetkind.extensions import db
    from huisvanhetkind.partners.models import Organisatie
    with app.app_context():
        org = db.session.get(Organisatie, wereld.org_a)
        org.gemeenten = ["46021", "46025"]
        org.website = "https://partner-a.be"
        db.session.commit()
    html = login(wereld.beheerder).get(f"/audit/organisatie/{wereld.org_a}").get_data(as_text=True)
    assert "<h1 class=\"h3\">Geschiedenis van Partner A</h1>" in html
    assert "<strong>Gemeenten waar de organisatie werkt</strong>: Sint-Niklaas " \
           '<span aria-hidden="true">→</span><span class="visually-hidden">wordt</span> ' \
           "Sint-Niklaas, Temse" in html
    assert "['46021'" not in html and "gemeenten:" not in html
    assert "<strong>Sector</strong>" in html and "<strong>sector</strong>" not in html


def test_history_values_read_as_dates_yes_no_and_labels():
    from huisvanhetkind.audit.weergave import leesbaar, veldlabel
    assert leesbaar("lidmaatschap", {"overeenkomst_getekend": [False, True],
                                     "overeenkomst_datum": [None, "2025-03-01"],
                                     "rol": ["", "trekker"]}) == [
        ("Samenwerkingsovereenkomst getekend", "nee", "ja"),
        ("Datum van ondertekening", "—", "01/03/2025"),
        ("Rol in het netwerk", "—", "trekker")]
    assert leesbaar("aanbod", {"functies": [["ontmoeting"], []]})[0][1:] == ("Ontmoeting en versterken sociale cohesie", "—")
    assert veldlabel("gebruiker", "rol") == "Rol"
    assert leesbaar("gebruiker", {"rol": ["partner", "beheerder"]})[0][1:] == \
        ("Partner", "Beheerder")


def test_history_of_a_deleted_record_names_the_table(wereld, login):
    html = login(wereld.beheerder).get("/audit/organisatie/99999").get_data(as_text=True)
    assert "Geschiedenis van organisatie 99999" in html


def test_list_counts_read_singular_and_aanbod_has_no_plural(wereld, login):
    c = login(wereld.coordinator_y)
    assert "1 partner." in c.get(f"/netwerken/{wereld.netwerk_y}/partners").get_data(as_text=True)
    html = login(wereld.coordinator_x).get(f"/netwerken/{wereld.netwerk_x}/aanbod") \
        .get_data(as_text=True)
    assert "Aanbod (1)." in html and "1 aanbod" not in html


def test_the_import_counts_the_rest_of_its_errors_in_dutch():
    from huisvanhetkind.partners.importer.fouten import MAX_GETOOND, Fout, ImportGeweigerd
    fouten = [Fout("partners", i + 2, "naam", "leeg") for i in range(MAX_GETOOND + 1)]
    assert ImportGeweigerd(fouten).regels()[-1] == "… en nog 1 fout."
