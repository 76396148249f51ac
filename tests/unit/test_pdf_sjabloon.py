"""The dossier PDF's cache key follows its templates and stylesheet (erkenning/pdf_cache.py): a
deployment that changes how the PDF looks never serves one made the old way."""
from __future__ import annotations

from huisvanhetkind.erkenning import pdf_cache


def test_the_key_covers_every_template_the_pdf_includes_and_its_stylesheet():
    namen = {"/".join(p.parts[-2:]) for p in pdf_cache.pdf_bronnen()}
    assert {"css/dossier.css", "erkenning/dossier_pdf.html", "erkenning/_dossier.html",
            "erkenning/_macros.html", "zelfevaluatie/_evaluatie.html",
            "zelfevaluatie/_verloop.html", "bevraging/_macros.html"} <= namen
    assert all(p.is_file() for p in pdf_cache.pdf_bronnen())


def test_a_changed_file_changes_the_fingerprint(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.css"
    a.write_text("<p>{{ x }}</p>")
    b.write_text("p { color: black }")
    voor = pdf_cache.vingerafdruk([a, b])
    assert pdf_cache.vingerafdruk([a, b]) == voor
    b.write_text("p { color: navy }")
    assert pdf_cache.vingerafdruk([a, b]) != voor
    assert pdf_cache.sjabloon().startswith(pdf_cache.SJABLOON_NAAM + "-")
