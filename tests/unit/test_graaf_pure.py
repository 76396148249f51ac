"""Pure parts of the graaf pages: matrix image, 'wat als' comparison, graph export (no Flask)."""
import io
import xml.etree.ElementTree as ET
from datetime import date

import networkx as nx

from huisvanhetkind.domein import dekking
from huisvanhetkind.domein.bundel import Bundel, wat_als
from huisvanhetkind import xml_veilig
from huisvanhetkind.graaf import export, matrix_image
from huisvanhetkind.partners.export import bestandsnaam
from huisvanhetkind.domein.snapshot import Aanbod, Deel, Netwerk, Partner, Verwijzing

XSS = "<img src=x onerror=alert(1)> href"
SN, TEMSE = "46021", "46025"


def netwerk():
    partners = (Partner(1, "OCMW", "lokaal_bestuur", frozenset({SN, TEMSE})),
                Partner(2, XSS, "welzijn", frozenset({SN})),
                Partner(3, "Kind en Gezin", "kind_en_gezin", frozenset({SN, TEMSE})),
                Partner(4, "Bib\x01", "vrije_tijd_cultuur", frozenset({TEMSE})))
    aanbod = (Aanbod(10, 2, "Babbelbox", "spel_en_ontmoeting", frozenset({"ontmoeting"}),
                     frozenset({"0-3"}), werkvormen=frozenset({"locatie"})),
              Aanbod(11, 1, "Ontmoeting OCMW", "spel_en_ontmoeting", frozenset({"ontmoeting"}),
                     frozenset({"0-3"}), werkvormen=frozenset({"locatie"}),
                     gemeenten=frozenset({SN})),
              Aanbod(12, 3, "Consultatiebureau", "consultatiebureau",
                     frozenset({"gezinsondersteuning"}), frozenset({"0-3", "3-6"}),
                     werkvormen=frozenset({"locatie"})))
    verwijzingen = (Verwijzing(1, 2, "doorverwijzing", 10, bevestigd=True),
                    Verwijzing(2, 3, "warme_overdracht"), Verwijzing(3, 4, "samenwerking", 2))
    return Netwerk(7, f"HvK {XSS}", werkingsgebied=(Deel(SN), Deel(TEMSE)), partners=partners,
                   aanbod=aanbod, verwijzingen=verwijzingen)


def test_cell_lines_tell_status_in_words():
    m = dekking.matrix(netwerk())
    cel = m.cel("ontmoeting", "0-3")
    assert cel.status == "lacune" and cel.overlap  # Temse lacks it; SN has two partners
    assert matrix_image.cel_regels(cel, 2) == ["✗ LACUNE", "in 1 van 2 gem.", "aanbod: 2",
                                               "⚠ overlap"]
    w = matrix_image.cel_weergave(m.cel("gezinsondersteuning", "3-6"), 2)
    assert (w["woord"], w["regels"], w["overlap"]) == ("gedekt", ["aanbod: 1"], False)
    assert matrix_image.cel_regels(m.cel("vrije_tijd", "prenataal"), 2) == ["– niet vereist"]


def test_svg_is_well_formed_and_escapes_every_text():
    n = netwerk()
    t = matrix_image.tekening(dekking.matrix(n), f"Dekking {n.naam}", "Heel het gebied <&>")
    svg = matrix_image.svg(t)
    assert "<img" not in svg and "&lt;img src=x onerror=alert(1)&gt; href" in svg
    root = ET.fromstring(svg)
    teksten = [e.text for e in root.iter("{http://www.w3.org/2000/svg}text")]
    assert teksten[:2] == [f"Dekking {n.naam}", "Heel het gebied <&>"]
    assert sum(1 for x in teksten if x == "✗ LACUNE") > 10
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    rects = list(root.iter("{http://www.w3.org/2000/svg}rect"))
    assert len(rects) == 1 + 8 + 7 * 8  # background, header row, 7 functies x (label + 7 ages)


def test_the_parents_header_breaks_between_words_and_fits_its_column():
    from PIL import ImageFont
    t = matrix_image.tekening(dekking.matrix(netwerk()), "Dekking", "Heel het gebied")
    kop = [s for s in t.teksten if s.midden and s.x == matrix_image.RAND
           + matrix_image.EERSTE_KOLOM + 6.5 * matrix_image.KOLOM]
    assert [s.tekst for s in kop] == ["Ouders en", "opvoedings-", "verantwoordelijken"]
    for s in kop:  # measured in the face the PNG uses (DejaVu, Debian's fonts-dejavu-core)
        breedte = ImageFont.truetype("DejaVuSans-Bold.ttf", s.grootte).getlength(s.tekst)
        assert breedte <= matrix_image.KOLOM - 4


def test_png_is_drawn_from_the_same_layout():
    from PIL import Image
    t = matrix_image.tekening(dekking.matrix(netwerk(), SN), "Dekking", "Sint-Niklaas")
    beeld = Image.open(io.BytesIO(matrix_image.png(t, schaal=1)))
    assert beeld.format == "PNG" and beeld.size == (t.breedte, t.hoogte)


def test_control_characters_never_reach_xml():
    assert xml_veilig.xml_tekst("a\x01b\x0bc\td") == "a\ufffdb\ufffdc\td"
    data = export.to_bytes(netwerk(), "graphml")
    g = nx.read_graphml(io.BytesIO(data))
    assert g.nodes["4"]["naam"] == "Bib\ufffd" and g.nodes["2"]["naam"] == XSS


def test_graph_export_is_a_directed_multigraph_of_members():
    n = netwerk()
    g = export.graaf(n)
    assert set(g) == {1, 2, 3, 4} and g.number_of_edges() == 3
    assert g.nodes[2] == {"label": XSS, "naam": XSS, "sector": "welzijn"}
    [(_, _, d)] = list(g.edges(1, data=True))
    assert d == {"soort": "doorverwijzing", "bevestigd": True, "aantal": 10}
    assert "aantal" not in g.get_edge_data(2, 3)["2-3-warme_overdracht"]
    assert bestandsnaam("Huis van het Kind <Sint-Niklaas>", "gexf") == \
        "huis-van-het-kind-sint-niklaas.gexf"
    assert bestandsnaam("???", "gexf") == "netwerk.gexf"


def test_wat_als_compares_measures_lacunes_and_conditions():
    v = wat_als(Bundel(netwerk(), date(2026, 1, 1)), 3)
    maten = {m.code: m for m in v.maten}
    assert (maten["partners"].nu, maten["partners"].zonder) == (4, 3)
    assert maten["componenten"].zonder == 2 and maten["componenten"].veranderd
    assert v.nieuw_geisoleerd == (4,)  # the library only linked to Kind en Gezin
    assert {(c.functie, c.leeftijdsgroep) for c in v.nieuwe_lacunes} == {
        ("gezinsondersteuning", "0-3"), ("gezinsondersteuning", "3-6")}
    assert v.verdwenen_overlappen == ()
    e4 = next(w for w in v.voorwaarden if w.nu.id == "E4")
    assert e4.zonder.status == "niet_voldaan" and "consultatiebureau" in e4.zonder.uitleg.lower()
    assert [w.nu.id for w in v.voorwaarden][:2] == ["E1", "E2"] and len(v.voorwaarden) == 19
    assert (v.nu.beoordeling.erkenbaar, v.zonder.beoordeling.erkenbaar) == (False, False)


def test_can_view_overview():
    from huisvanhetkind.domein.permissions import ANONIEM, Actor, can_view_overview
    ov = Actor(4, "consultant", provincies=frozenset({"Oost-Vlaanderen"}))
    assert can_view_overview(ov) and can_view_overview(ov, "Oost-Vlaanderen")
    assert not can_view_overview(ov, "Antwerpen")
    assert can_view_overview(Actor(5, "consultant"), "Antwerpen")  # unrestricted consultant
    assert can_view_overview(Actor(1, "beheerder"), "Limburg")
    for actor in (Actor(2, "coordinator", coordinator_van=frozenset({1})),
                  Actor(3, "partner", organisatie_id=1), ANONIEM):
        assert not can_view_overview(actor)
