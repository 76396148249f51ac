"""The dossier PDF: rendered once per network state and peildatum, kept in the database.

WeasyPrint needs seconds for a large network, and twenty simultaneous requests made every page
of the site slow (issue 12). So:
- the PDF is stored per (facts, peildatum) — the facts' `bron` holds the network's revisie, so a
  change makes a new key and nothing needs invalidating — in the database, shared by every
  worker and host (issue 16: several app servers on one database);
- a render first claims its key with a row without PDF, in a transaction of its own: whoever
  finds the claim gets the Dutch "wordt gemaakt" page that refreshes itself, instead of
  rendering the same PDF again (single flight across processes); a claim older than
  CLAIM_VERLOOPT (a killed worker) is taken over;
- each process renders at most MAX_GELIJKTIJDIG PDFs at once; more requests get the same page;
- the render runs in a thread of its own: the request that claimed it waits a few seconds, then
  gets the same page too while the PDF is finished and kept (issue 16: no request over 5 s).
The newest BEWAARD PDFs of a network are kept, older ones are deleted.
"""
from __future__ import annotations

import functools
import hashlib
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from flask import current_app
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from .. import templates_dir
from ..db import aparte_schrijftransactie, utcnow
from ..extensions import db
from .models import DossierPdf

MAX_GELIJKTIJDIG = 1  # renders per process (WeasyPrint is CPU-bound: one per core's worker)
CLAIM_VERLOOPT = timedelta(minutes=2)
BEWAARD = 5  # PDFs kept per network
# The version of the PDF's content and look, part of every key: a deployment that changes how
# the PDF is made never serves one made the old way. The templates and the stylesheet are
# hashed (a change to them used to need a hand-bumped name, which was forgotten); bump the
# name when Python code changes what the dossier shows.
SJABLOON_NAAM = "dossier-7"


def vingerafdruk(bestanden) -> str:
    """A short hash of these files' contents, in the order given (a missing file counts as
    empty: an installed package without a checkout's templates still starts)."""
    h = hashlib.sha256()
    for pad in bestanden:
        h.update(str(pad.name).encode())
        h.update(pad.read_bytes() if pad.is_file() else b"")
    return h.hexdigest()[:16]


def pdf_bronnen() -> list[Path]:
    """dossier.css and every template the PDF's template includes or imports, followed to the
    end (a template named by a variable cannot be followed: the PDF's have none)."""
    from jinja2 import Environment, meta
    templates, env = Path(templates_dir()), Environment()
    gezien: set[str] = set()
    te_doen = ["erkenning/dossier_pdf.html"]
    while te_doen:
        naam = te_doen.pop()
        if naam in gezien:
            continue
        gezien.add(naam)
        pad = templates / naam
        if pad.is_file():
            te_doen += [t for t in meta.find_referenced_templates(
                env.parse(pad.read_text(encoding="utf-8"))) if t]
    css = Path(__file__).resolve().parent.parent / "static" / "css" / "dossier.css"
    return [css] + [templates / naam for naam in sorted(gezien)]


@functools.cache
def sjabloon() -> str:
    """Read on the first key, not at import: the command line never needs it."""
    return f"{SJABLOON_NAAM}-{vingerafdruk(pdf_bronnen())}"

_renders = threading.BoundedSemaphore(MAX_GELIJKTIJDIG)


def sleutel(bron: tuple | None, peildatum: date) -> str | None:
    """The cache key of these facts at this peildatum; None when the facts have no identity."""
    if bron is None:
        return None
    return hashlib.sha256(repr((sjabloon(), bron, peildatum.isoformat())).encode()).hexdigest()


def bewaard(bron: tuple | None, peildatum: date) -> bytes | None:
    """The finished PDF of these facts at this peildatum, if one was made already."""
    key = sleutel(bron, peildatum)
    if key is None:
        return None
    return db.session.scalar(select(DossierPdf.pdf).where(DossierPdf.sleutel == key))


BEZIG = b""  # stand(): a render of this key is under way (a falsy marker, never a PDF)


def stand(bron: tuple | None, peildatum: date) -> bytes | None:
    """The finished PDF, BEZIG while a live claim is being rendered, or None: nothing yet (or
    a dead worker's claim), the caller may render. Read before building the dossier, so that a
    kept PDF and the 'wordt gemaakt' page cost one query instead of the whole dossier."""
    key = sleutel(bron, peildatum)
    if key is None:
        return None
    rij = db.session.execute(select(DossierPdf.pdf, DossierPdf.gestart_op)
                             .where(DossierPdf.sleutel == key)).first()
    if rij is None:
        return None
    if rij.pdf is not None:
        return rij.pdf
    return BEZIG if utcnow() - rij.gestart_op < CLAIM_VERLOOPT else None


def pdf_of_bezig(netwerk_id: int, bron: tuple | None, peildatum: date,
                 html: Callable[[], str], render: Callable[[str], bytes],
                 tot: float) -> bytes | None:
    """The PDF (from the database, or rendered now), or None while it is being made: then ask
    again in a moment. The key is claimed before `html()` builds the dossier, so that others
    get the 'wordt gemaakt' page at once; `render(html)` runs in a thread of its own, and this
    request waits for it only until `tot` (a time.monotonic() deadline): a longer render goes
    on and keeps its PDF for the next ask (issue 16: no request over 5 s)."""
    key = sleutel(bron, peildatum)
    gevonden = stand(bron, peildatum)
    if gevonden is not None:
        return gevonden or None
    if not _renders.acquire(blocking=False):
        return None
    if key is None:  # uncommitted facts: render now, keep nothing
        try:
            return render(html())
        finally:
            _renders.release()
    try:
        if not _claim(netwerk_id, key, peildatum):
            _renders.release()
            return None
    except BaseException:
        _renders.release()
        raise
    try:
        tekst = html()
    except BaseException:
        _geef_vrij(key)
        _renders.release()
        raise
    klaar, uit = threading.Event(), {}
    threading.Thread(target=_render_en_bewaar, name=f"dossier-pdf-{netwerk_id}",
                     args=(current_app._get_current_object(), netwerk_id, key, tekst, render,
                           klaar, uit)).start()
    if not klaar.wait(max(0.0, tot - time.monotonic())):
        return None
    if "fout" in uit:
        raise uit["fout"]
    return uit["pdf"]


def _render_en_bewaar(app, netwerk_id: int, key: str, html: str, render, klaar, uit) -> None:
    """The render thread: the PDF is stored (or the claim given up) before anyone is told."""
    try:
        with app.app_context():
            try:
                pdf = render(html)
                _bewaar(netwerk_id, key, pdf)
                uit["pdf"] = pdf
            except BaseException as fout:  # told to the waiting request, if it still waits
                uit["fout"] = fout
                _geef_vrij(key)
    finally:
        _renders.release()
        klaar.set()


def _geef_vrij(key: str) -> None:
    """Give up a claim (a failed render): the next request tries again."""
    with aparte_schrijftransactie(db.engine) as conn:
        conn.execute(delete(DossierPdf.__table__).where(DossierPdf.__table__.c.sleutel == key))


def _claim(netwerk_id: int, key: str, peildatum: date) -> bool:
    """Take the key for this render (its own committed transaction, visible to every process)."""
    t = DossierPdf.__table__
    with aparte_schrijftransactie(db.engine) as conn:
        # a claim left behind by a killed render is taken over
        conn.execute(delete(t).where(t.c.sleutel == key, t.c.pdf.is_(None),
                                     t.c.gestart_op < utcnow() - CLAIM_VERLOOPT))
        try:
            with conn.begin_nested():
                conn.execute(insert(t).values(netwerk_id=netwerk_id, sleutel=key,
                                              peildatum=peildatum, sha256="", gestart_op=utcnow()))
        except IntegrityError:  # another request claimed it first
            return False
    return True


def _bewaar(netwerk_id: int, key: str, pdf: bytes) -> None:
    t = DossierPdf.__table__
    with aparte_schrijftransactie(db.engine) as conn:
        conn.execute(update(t).where(t.c.sleutel == key).values(
            pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest(), gemaakt_op=utcnow()))
        oud = conn.execute(select(t.c.id).where(t.c.netwerk_id == netwerk_id, t.c.pdf.is_not(None))
                           .order_by(t.c.gemaakt_op.desc(), t.c.id.desc())
                           .offset(BEWAARD)).scalars().all()
        if oud:
            conn.execute(delete(t).where(t.c.id.in_(oud)))
