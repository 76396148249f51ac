"""Import matching rules: partners by KBO, sleutel or name; the netwerk sheet; CSV variants;
every error listed and nothing saved."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from huisvanhetkind.extensions import db
from huisvanhetkind.partners import importer
from huisvanhetkind.domein import kbo
from huisvanhetkind.partners.importer import ImportGeweigerd
from huisvanhetkind.partners.models import Lidmaatschap, Netwerk, Organisatie
from tests import factories as f
from tests.io_helpers import KOPPEN, csv_bytes, groot_netwerk, tellingen, werkmap, zip_van

FOUT_17 = "aanbod, rij 17, kolom aanbodvorm: 'speelotheek' is geen gekende aanbodvorm"


def _met_fout(bladen):
    bladen["aanbod"][16][3] = "speelotheek"  # list index 16 = Excel row 17
    return bladen


def test_import_function_is_all_or_nothing_and_reports_every_error(app, wereld):
    bladen = _met_fout(groot_netwerk())
    bladen["partners"][3][3] = "bakkerij"  # sector, row 4
    bladen["verwijzingen"][5][1] = "p99"  # unknown partner, row 6
    with app.app_context():
        voor = tellingen()
        with pytest.raises(ImportGeweigerd) as e:
            importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"),
                               netwerk_id=wereld.netwerk_x)
        regels = [str(x) for x in e.value.fouten]
        assert regels[0].startswith("partners, rij 4, kolom sector: 'bakkerij'")
        assert any(r.startswith(FOUT_17) for r in regels)
        assert tellingen() == voor
    # the unknown reference is only found once the cells are right
    bladen["aanbod"][16][3] = "spel_en_ontmoeting"
    bladen["partners"][3][3] = "welzijn"
    with app.app_context():
        with pytest.raises(ImportGeweigerd) as e:
            importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"),
                               netwerk_id=wereld.netwerk_x)
        assert [str(x) for x in e.value.fouten] == [
            "verwijzingen, rij 6, kolom naar: onbekende partner 'p99': niet in het blad partners "
            "en geen partner van dit netwerk."]
        assert tellingen() == voor


def test_matching_by_kbo_sleutel_and_name_updates_instead_of_duplicating(app, wereld):
    with app.app_context():
        a = db.session.get(Organisatie, wereld.org_a)
        bladen = {"partners": [KOPPEN["partners"],
                               ["pa", "Partner A (nieuwe naam)", a.kbo, "welzijn", "Temse",
                                "a@a.be", None, "ja"],
                               ["pb", "partner b", None, "kinderopvang", "", None, None, "nee"]]}
        rapport = importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"),
                                     netwerk_id=wereld.netwerk_x)
        assert rapport.blad("partners").aantal("nieuw") == 0
        assert rapport.blad("partners").aantal("gewijzigd") == 2
        a = db.session.get(Organisatie, wereld.org_a)
        assert a.naam == "Partner A (nieuwe naam)" and a.gemeenten == ("46025",)
        leden = {m.organisatie_id: m for m in db.session.scalars(
            select(Lidmaatschap).where(Lidmaatschap.netwerk_id == wereld.netwerk_x))}
        assert leden[wereld.org_a].sleutel == "pa" and leden[wereld.org_b].sleutel == "pb"
        # now by sleutel, the name changed again; an empty kbo cell keeps the KBO number
        bladen["partners"][1][1:3] = ["Partner A", None]
        rapport = importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"),
                                     netwerk_id=wereld.netwerk_x)
        assert rapport.blad("partners").van_soort("gewijzigd")[0].velden == [
            ("naam", "Partner A (nieuwe naam)", "Partner A")]
        assert db.session.get(Organisatie, wereld.org_a).kbo == f.kbo_nummer(1234567)


def test_an_organisation_of_another_network_joins_by_kbo(app, wereld):
    with app.app_context():
        y = db.session.get(Organisatie, wereld.org_y)
        y.kbo = f.kbo_nummer(7654321)
        db.session.commit()
        bladen = {"partners": [KOPPEN["partners"][:4],
                               ["py", "Partner Y", "BE " + kbo.formatted(y.kbo), "welzijn"]]}
        rapport = importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"),
                                     netwerk_id=wereld.netwerk_x)
        w = rapport.blad("partners").wijzigingen[0]
        assert w.soort == "nieuw" and "bestaande organisatie, nieuw lid" in w.label
        assert db.session.scalar(select(Lidmaatschap).where(
            Lidmaatschap.netwerk_id == wereld.netwerk_x,
            Lidmaatschap.organisatie_id == wereld.org_y)) is not None


def test_sleutel_of_another_partner_with_a_known_kbo_is_refused(app, wereld):
    with app.app_context():
        m = db.session.scalar(select(Lidmaatschap).where(
            Lidmaatschap.organisatie_id == wereld.org_b))
        m.sleutel = "b"
        db.session.commit()
        a = db.session.get(Organisatie, wereld.org_a)
        bladen = {"partners": [KOPPEN["partners"][:4], ["b", "Partner A", a.kbo, "welzijn"]]}
        with pytest.raises(ImportGeweigerd) as e:
            importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"),
                               netwerk_id=wereld.netwerk_x)
        assert str(e.value.fouten[0]).startswith(
            "partners, rij 2, kolom sleutel: deze sleutel hoort in dit netwerk al bij 'Partner B'")


def test_netwerk_sheet_must_match_the_network(app, wereld):
    with app.app_context():
        bladen = {"netwerk": [KOPPEN["netwerk"][:1], ["Huis van het Kind Y"]]}
        with pytest.raises(ImportGeweigerd) as e:
            importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"),
                               netwerk_id=wereld.netwerk_x)
        assert str(e.value.fouten[0]) == ("netwerk, rij 2, kolom naam: dit bestand is voor "
                                          "netwerk 'Huis van het Kind Y', niet voor "
                                          "'Huis van het Kind X'.")


def test_werkingsgebied_parts_and_former_member_rejoins(app, wereld):
    with app.app_context():
        m = db.session.scalar(select(Lidmaatschap).where(
            Lidmaatschap.organisatie_id == wereld.org_b))
        m.lid_tot = date(2024, 6, 30)
        db.session.commit()
        bladen = {"netwerk": [["naam", "werkingsgebied"],
                              ["huis van het kind x",
                               "Sint-Niklaas; Temse: Tielrode; Temse: Elversele"]],
                  "partners": [["naam", "sector"], ["Partner B", "kinderopvang"]]}
        rapport = importer.importeer(importer.lees(werkmap(bladen), "x.xlsx"),
                                     netwerk_id=wereld.netwerk_x)
        (w,) = rapport.blad("netwerk").wijzigingen
        assert w.velden == [("werkingsgebied", "Sint-Niklaas; Temse",
                             "Sint-Niklaas; Temse: Elversele; Temse: Tielrode")]
        assert rapport.blad("partners").wijzigingen[0].velden[-1][0] == "lid_tot"
        n = db.session.scalar(select(Netwerk).where(Netwerk.id == wereld.netwerk_x))
        assert db.session.get(Lidmaatschap, m.id).lid_tot is None
        assert n.naam == "Huis van het Kind X"


def test_csv_zip_and_single_csv_import(app, wereld):
    partners = csv_bytes([["naam", "sector", "gemeenten"], ["Crèche Élise", "Kinderopvang",
                                                           "Temse"]], encoding="cp1252")
    aanbod = csv_bytes([["partner", "naam", "aanbodvorm", "functies", "leeftijdsgroepen"],
                        ["Crèche Élise", "Opvang", "kinderopvang", "opvang_onderwijs",
                         "0-3; 3-6"]], sep=",", bom=True)
    with app.app_context():
        rapport = importer.importeer(importer.lees(zip_van({"export/partners.csv": partners,
                                                            "export/aanbod.csv": aanbod}),
                                                   "x.zip"), netwerk_id=wereld.netwerk_x)
        assert rapport.samenvatting().startswith("partners: 1 nieuw")
        org = db.session.scalar(select(Organisatie).where(Organisatie.naam == "Crèche Élise"))
        assert org.sector == "kinderopvang"
        los = csv_bytes([["partner", "naam", "aanbodvorm", "functies", "leeftijdsgroepen"],
                         ["Crèche Élise", "Opvang", "kinderopvang", "opvang_onderwijs", "0-3"]])
        rapport = importer.importeer(importer.lees(los, "Aanbod.csv"),
                                     netwerk_id=wereld.netwerk_x)
        assert rapport.blad("aanbod").wijzigingen[0].velden == [
            ("leeftijdsgroepen", "0 tot 3 jaar; 3 tot 6 jaar", "0 tot 3 jaar")]


