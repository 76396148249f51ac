"""The dossier as PDF (WeasyPrint), rendered without any network access.

The stylesheet is read from the package and passed inline; the URL fetcher serves only files of
the app's own static folder and refuses every other URL (http, https, file, data …).
Fonts: DejaVu from the system (Debian package fonts-dejavu-core).
"""
from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flask import current_app

STATIC_PREFIX = "/static/"
DOSSIER_CSS = "css/dossier.css"
# Relative URLs in the dossier resolve against this fake origin, which only the fetcher serves.
BASE_URL = "https://hvk.invalid/"


class GeweigerdeURL(ValueError):
    """A resource the PDF may not load: only the app's static files are served."""


def _static_file(url: str) -> Path:
    delen = urlsplit(url)
    if delen.scheme != "https" or delen.netloc != urlsplit(BASE_URL).netloc \
            or not delen.path.startswith(STATIC_PREFIX):
        raise GeweigerdeURL(url)
    root = Path(current_app.static_folder).resolve()
    path = (root / unquote(delen.path[len(STATIC_PREFIX):])).resolve()
    if root not in path.parents or not path.is_file():
        raise GeweigerdeURL(url)
    return path


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves https://hvk.invalid/static/… from disk; never opens a connection."""

        def fetch(self, url, headers=None):
            path = _static_file(url)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    return StaticOnlyFetcher(allowed_protocols=("https",))


# PDF/UA-1: a tagged PDF (structure tree, headings, tables, figures with their text) that screen
# readers can follow; WeasyPrint ≥ 63 writes the tags and the UA metadata
OPTIES = {"pdf_variant": "pdf/ua-1"}


def opgemaakt(html: str):
    """The dossier laid out in pages (a weasyprint Document): what render_pdf writes, and what a
    test can measure (tests/test_dossier_pdf_opmaak.py)."""
    from weasyprint import CSS, HTML

    fetcher = _fetcher()
    css = Path(current_app.static_folder, DOSSIER_CSS).read_text(encoding="utf-8")
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
        stylesheets=[CSS(string=css, base_url=BASE_URL, url_fetcher=fetcher)], **OPTIES)


def render_pdf(html: str) -> bytes:
    return opgemaakt(html).write_pdf(**OPTIES)
