"""Reference data: taxonomies of domein.md §3 and the municipalities."""
import collections

from huisvanhetkind.domein import gemeenten, taxonomie


def test_285_flemish_and_19_brussels_municipalities():
    alle = gemeenten.alle()
    per = collections.Counter(g.provincie for g in alle)
    assert per[gemeenten.BRUSSEL] == 19
    assert len(alle) - per[gemeenten.BRUSSEL] == 285
    assert set(per) == {"Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant",
                        "West-Vlaanderen", gemeenten.BRUSSEL}


def test_lookup_by_name_ignores_case_accents_and_hyphens():
    assert gemeenten.zoek("Sint-Niklaas").nis == "46021"
    assert gemeenten.zoek("sint niklaas").nis == "46021"
    assert gemeenten.zoek("SINT-NIKLAAS").nis == "46021"
    assert gemeenten.zoek("46025").naam == "Temse"
    assert gemeenten.zoek("Nergenshuizen") is None
    assert gemeenten.zoek("Kortrijk").provincie == "West-Vlaanderen"


def test_taxonomies_follow_domein_md():
    assert len(taxonomie.AANBODVORM) == 16
    assert [c.code for c in taxonomie.AANBODVORM if c.pgo] == [
        "consultatiebureau", "prenatale_ondersteuning", "opvoedingsondersteuning",
        "spel_en_ontmoeting", "ambulante_gezinsondersteuning", "mobiele_gezinsondersteuning",
        "onderwijskansen", "inloopteam"]
    assert sorted(c.subsidiebestemming for c in taxonomie.AANBODVORM
                  if c.subsidiebestemming) == [1, 2, 3, 4, 5]
    assert len(taxonomie.FUNCTIE) == 7
    assert taxonomie.LEEFTIJDSGROEP.keys() == ["prenataal", "0-3", "3-6", "6-12", "12-18",
                                                "18-25", "ouders"]
    assert taxonomie.DOELGROEP.keys() == ["universeel", "kwetsbaar", "beide"]
    assert taxonomie.WERKVORM.keys() == ["locatie", "mobiel", "online"]
    assert len(taxonomie.SECTOR) == 11
    assert taxonomie.VERWIJZINGSSOORT.keys() == ["doorverwijzing", "warme_overdracht",
                                                  "zorgafstemming", "samenwerking"]


def test_lookup_accepts_code_or_label_case_insensitively():
    assert taxonomie.AANBODVORM.lookup("Spel en ontmoeting").code == "spel_en_ontmoeting"
    assert taxonomie.AANBODVORM.lookup("SPEL_EN_ONTMOETING").code == "spel_en_ontmoeting"
    assert taxonomie.SECTOR.lookup("Lokaal bestuur").code == "lokaal_bestuur"
    assert taxonomie.FUNCTIE.lookup("geen functie") is None
