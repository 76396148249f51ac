"""The audit log per network and per record."""
from __future__ import annotations

from flask import abort, render_template, request
from sqlalchemy import or_, select

from ..auth.guard import authorize
from ..domein.permissions import can_view_audit, can_view_organisatie_audit, is_beheerder
from ..extensions import db
from ..partners.models import Lidmaatschap, Netwerk
from ..partners.refs import netwerk_ref, organisatie_ref
from . import bp
from .models import AuditEntry

PER_RECORD_TABLES = {"organisatie", "aanbod", "contactpersoon", "netwerk", "lidmaatschap",
                     "verwijzing", "engagement", "actie", "gebruiker", "werkingsgebied"}


def _page(stmt):
    return db.paginate(stmt.order_by(AuditEntry.tijdstip.desc(), AuditEntry.id.desc()),
                       per_page=50, error_out=False)


@bp.get("/netwerken/<int:netwerk_id>/audit")
def netwerk_log(netwerk_id: int):
    netwerk = db.get_or_404(Netwerk, netwerk_id)
    authorize(can_view_audit, netwerk_ref(netwerk_id))
    members = select(Lidmaatschap.organisatie_id).where(Lidmaatschap.netwerk_id == netwerk_id)
    stmt = select(AuditEntry).where(or_(AuditEntry.netwerk_id == netwerk_id,
                                        AuditEntry.organisatie_id.in_(members)))
    return render_template("audit/log.html", titel=f"Wijzigingen in {netwerk.naam}",
                           pagina=_page(stmt), netwerk=netwerk)


@bp.get("/audit/<tabel>/<record_id>")
def record_log(tabel: str, record_id: str):
    if tabel not in PER_RECORD_TABLES:
        abort(404)
    if tabel in ("organisatie",):
        authorize(can_view_organisatie_audit, organisatie_ref(int(record_id)) if record_id.isdigit()
                  else abort(404))
    elif tabel == "netwerk":
        authorize(can_view_audit, netwerk_ref(int(record_id)) if record_id.isdigit() else abort(404))
    else:
        authorize(is_beheerder)
    stmt = select(AuditEntry).where(AuditEntry.tabel == tabel, AuditEntry.record_id == record_id)
    return render_template("audit/log.html", titel=f"Geschiedenis van {tabel} {record_id}",
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
