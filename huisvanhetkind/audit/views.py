"""The audit log per network and per record."""
from __future__ import annotations

from flask import abort, render_template, request
from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import aliased

from ..auth.guard import authorize
from ..domein.permissions import can_view_audit, can_view_organisatie_audit, is_beheerder
from ..extensions import db
from ..partners.models import Lidmaatschap, Netwerk
from ..partners.refs import netwerk_ref, organisatie_ref
from . import bp, weergave
from .models import AuditEntry

PER_RECORD_TABLES = {"organisatie", "aanbod", "contactpersoon", "netwerk", "lidmaatschap",
                     "verwijzing", "engagement", "actie", "gebruiker", "werkingsgebied"}


def _page(stmt):
    return db.paginate(stmt.order_by(AuditEntry.tijdstip.desc(), AuditEntry.id.desc()),
                       per_page=50, error_out=False)


def _lid_toen(netwerk_id: int, organisatie_id):
    """EXISTS: the organisation was a member of the network when the entry was written."""
    m = aliased(Lidmaatschap)
    return exists().where(
        m.netwerk_id == netwerk_id, m.organisatie_id == organisatie_id,
        or_(m.lid_sinds.is_(None), AuditEntry.tijdstip >= m.lid_sinds),
        or_(m.lid_tot.is_(None), AuditEntry.tijdstip < m.lid_tot))


def netwerk_log_stmt(netwerk_id: int):
    """A network's log (domein.md §10): entries about its own records, and about its members'
    own records (details, contacts, aanbod, their referrals to fellow members) while they were
    members — never another network's records that name a shared member."""
    van_een_lid = and_(AuditEntry.netwerk_id.is_(None), AuditEntry.organisatie_id.is_not(None),
                       _lid_toen(netwerk_id, AuditEntry.organisatie_id),
                       or_(AuditEntry.tegenpartij_id.is_(None),
                           _lid_toen(netwerk_id, AuditEntry.tegenpartij_id)))
    return select(AuditEntry).where(or_(AuditEntry.netwerk_id == netwerk_id, van_een_lid))


@bp.get("/netwerken/<int:netwerk_id>/audit")
def netwerk_log(netwerk_id: int):
    netwerk = db.get_or_404(Netwerk, netwerk_id)
    authorize(can_view_audit, netwerk_ref(netwerk_id))
    stmt = netwerk_log_stmt(netwerk_id)
    return render_template("audit/log.html", titel=f"Wijzigingen in {netwerk.naam}",
                           pagina=_page(stmt), netwerk=netwerk)


def _recordnaam(tabel: str, record_id: int) -> str:
    """'Partner A' while the record exists and has a name, else 'organisatie 7'."""
    model = next((m.class_ for m in db.Model.registry.mappers
                  if getattr(m.class_, "__tablename__", None) == tabel
                  and getattr(m.class_, "__audit__", False)), None)
    obj = db.session.get(model, record_id) if model is not None else None
    naam = None
    if obj is not None:
        naam = getattr(obj, "naam", None) or getattr(obj, "email", None)
        if not naam and not str(obj).startswith("<"):
            naam = str(obj)
    return naam or f"{weergave.TABELLEN.get(tabel, tabel)} {record_id}"


@bp.get("/audit/<tabel>/<int:record_id>")
def record_log(tabel: str, record_id: int):
    """Every audited record has an integer id: the bounded <int:> converter answers 404 for
    anything else ('¹' is a digit to str.isdigit() but not to int(); 20 digits overflow)."""
    if tabel not in PER_RECORD_TABLES:
        abort(404)
    if tabel == "organisatie":
        authorize(can_view_organisatie_audit, organisatie_ref(record_id))
    elif tabel == "netwerk":
        authorize(can_view_audit, netwerk_ref(record_id))
    else:
        authorize(is_beheerder)
    stmt = select(AuditEntry).where(AuditEntry.tabel == tabel,
                                    AuditEntry.record_id == str(record_id))
    return render_template("audit/log.html", titel=f"Geschiedenis van {_recordnaam(tabel, record_id)}",
                           pagina=_page(stmt), netwerk=None)


@bp.get("/audit")
def alles():
    authorize(is_beheerder)
    actie = request.args.get("actie", "")
    stmt = select(AuditEntry)
    if actie:
        stmt = stmt.where(AuditEntry.actie == actie)
    return render_template("audit/log.html", titel="Auditlog", pagina=_page(stmt), netwerk=None)


from . import privacy_views  # noqa: E402,F401
