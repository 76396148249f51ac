"""Who may do what (domein.md §2 and the ownership and consent of §10), as pure functions.

`can_*(actor, target) -> bool`. No Flask, no SQLAlchemy: views build the plain references and call
these through the one guard helper (auth/guard.py), which also logs refusals.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import aanvraag

BEHEERDER, COORDINATOR, PARTNER, CONSULTANT = "beheerder", "coordinator", "partner", "consultant"


@dataclass(frozen=True)
class Actor:
    id: int | None = None
    rol: str | None = None
    coordinator_van: frozenset[int] = frozenset()  # networks a coordinator is assigned to
    organisatie_id: int | None = None  # a partner's own organisation
    lid_van: frozenset[int] = frozenset()  # networks the partner's organisation belongs to
    provincies: frozenset[str] = frozenset()  # a consultant's provinces; empty = all

    @property
    def authenticated(self) -> bool:
        return self.id is not None and self.rol is not None


ANONIEM = Actor()


@dataclass(frozen=True)
class NetwerkRef:
    id: int
    provincies: frozenset[str] = frozenset()


@dataclass(frozen=True)
class OrganisatieRef:
    id: int
    netwerk_ids: frozenset[int] = frozenset()  # networks it is an active member of
    provincies: frozenset[str] = frozenset()  # provinces of those networks
    # at least one active partner account: "beheerd door de organisatie" (§10), only its own
    # users and a beheerder change it; otherwise its networks' coordinators steward it
    beheerd: bool = False


@dataclass(frozen=True)
class VerwijzingRef:
    """A referral between two organisations. It has no network of its own: it counts in every
    network where both ends are active members (`netwerk_ids`), so all of those rely on it."""
    van: OrganisatieRef
    naar: OrganisatieRef
    netwerk_ids: frozenset[int] = frozenset()


def _consultant_covers(actor: Actor, provincies: frozenset[str]) -> bool:
    return not actor.provincies or bool(actor.provincies & provincies)


def is_authenticated(actor: Actor, _=None) -> bool:
    return actor.authenticated


def is_beheerder(actor: Actor, _=None) -> bool:
    return actor.rol == BEHEERDER


can_manage_users = is_beheerder
can_manage_reference_data = is_beheerder


def can_create_netwerk(actor: Actor, _=None) -> bool:
    return actor.rol == BEHEERDER


def can_view_netwerk(actor: Actor, netwerk: NetwerkRef) -> bool:
    if actor.rol == BEHEERDER:
        return True
    if actor.rol == COORDINATOR:
        return netwerk.id in actor.coordinator_van
    if actor.rol == PARTNER:
        return netwerk.id in actor.lid_van
    if actor.rol == CONSULTANT:
        return _consultant_covers(actor, netwerk.provincies)
    return False


def can_edit_netwerk(actor: Actor, netwerk: NetwerkRef) -> bool:
    """Edit the network, its members, engagements, actions and referrals; import."""
    return actor.rol == BEHEERDER or (
        actor.rol == COORDINATOR and netwerk.id in actor.coordinator_van)


def can_edit_indicator(actor: Actor, netwerk: NetwerkRef, nis: str,
                       gemeenten: frozenset[str]) -> bool:
    """Import an indicator of a municipality (domein.md §12) through a network: its coordinator
    for the municipalities of its werkingsgebied (other networks there share the figure), the
    beheerder for any municipality."""
    return actor.rol == BEHEERDER or (can_edit_netwerk(actor, netwerk) and nis in gemeenten)


def can_publish_gids(actor: Actor, netwerk: NetwerkRef) -> bool:
    """Switch the network's public guide on and off, choose the websites that may embed it and
    preview it before it is public: the network's coordinators and the beheerder."""
    return can_edit_netwerk(actor, netwerk)


def can_view_gids(actor: Actor, netwerk: NetwerkRef, publiek: bool) -> bool:
    """The public guide (domein.md §13): anyone, anonymous visitors too, when the network
    publishes it; otherwise only as a preview for those who may publish it."""
    return publiek or can_publish_gids(actor, netwerk)


def can_view_zelfevaluatie(actor: Actor, netwerk: NetwerkRef) -> bool:
    """Read the network's zelfevaluaties (domein.md §12): whoever reads the network — its
    coordinators and partners, the consultants of its province, the beheerder."""
    return can_view_netwerk(actor, netwerk)


def can_edit_zelfevaluatie(actor: Actor, netwerk: NetwerkRef) -> bool:
    """Score the kernprincipes and link a weak point to an action: the network's coordinators
    and the beheerder (the engagementenplan is theirs)."""
    return can_edit_netwerk(actor, netwerk)


def can_review(actor: Actor, netwerk: NetwerkRef) -> bool:
    """Write review comments and verdicts: consultants of the network's province."""
    return actor.rol == CONSULTANT and _consultant_covers(actor, netwerk.provincies)


def can_answer_review(actor: Actor, netwerk: NetwerkRef) -> bool:
    return can_edit_netwerk(actor, netwerk)


def can_view_review(actor: Actor, netwerk: NetwerkRef) -> bool:
    """The review dialogue is between the consultant and the network's coordinators."""
    return can_review(actor, netwerk) or can_answer_review(actor, netwerk)


def can_view_audit(actor: Actor, netwerk: NetwerkRef) -> bool:
    return actor.rol == BEHEERDER or (
        actor.rol in (COORDINATOR, CONSULTANT) and can_view_netwerk(actor, netwerk))


def can_view_organisatie(actor: Actor, org: OrganisatieRef) -> bool:
    if actor.rol == BEHEERDER:
        return True
    if actor.rol == PARTNER:
        return org.id == actor.organisatie_id or bool(org.netwerk_ids & actor.lid_van)
    if actor.rol == COORDINATOR:
        return bool(org.netwerk_ids & actor.coordinator_van)
    if actor.rol == CONSULTANT:
        return bool(org.netwerk_ids) and _consultant_covers(actor, org.provincies)
    return False


def can_edit_organisatie(actor: Actor, org: OrganisatieRef) -> bool:
    """Change the organisation's details, contacts and aanbod (§10): the beheerder; its own
    partner users; a coordinator only for an organisation without a partner account whose every
    active membership lies in networks this coordinator coordinates — no coordinator changes what
    another network relies on. Everyone else may propose (can_propose_organisatie)."""
    if actor.rol == BEHEERDER:
        return True
    if actor.rol == PARTNER:
        return org.id == actor.organisatie_id
    if actor.rol == COORDINATOR:
        return (not org.beheerd and bool(org.netwerk_ids)
                and org.netwerk_ids <= actor.coordinator_van)
    return False


def can_propose_organisatie(actor: Actor, org: OrganisatieRef) -> bool:
    """Propose a change to a member organisation one may not change, or ask it to review its
    aanbod: the coordinators of its networks. The organisation (or a beheerder) decides."""
    return (actor.rol == COORDINATOR and bool(org.netwerk_ids & actor.coordinator_van)
            and not can_edit_organisatie(actor, org))


def can_answer_proposal(actor: Actor, org: OrganisatieRef) -> bool:
    """Accept or decline a proposed change: the organisation's own partner users, and a
    beheerder (who decides for an organisation without a partner account)."""
    return actor.rol == BEHEERDER or (actor.rol == PARTNER and org.id == actor.organisatie_id)


def can_invite(actor: Actor, netwerk: NetwerkRef) -> bool:
    """Invite an existing organisation to become a member (membership needs its consent)."""
    return can_edit_netwerk(actor, netwerk)


def can_answer_invitation(actor: Actor, org: OrganisatieRef) -> bool:
    """Accept or decline a membership invitation: a partner user of the organisation, or for an
    organisation without one, a beheerder (§10)."""
    if actor.rol == PARTNER:
        return org.id == actor.organisatie_id
    return actor.rol == BEHEERDER and not org.beheerd


def can_search_registry(actor: Actor, _=None) -> bool:
    """Search every organisation of the registry, public directory fields only, to invite one."""
    return actor.rol in (BEHEERDER, COORDINATOR)


def can_edit_verwijzing(actor: Actor, v: VerwijzingRef) -> bool:
    """Record, change or delete a referral: the sending organisation's partner users; a
    coordinator only when every network that relies on it (both ends members) is theirs."""
    if actor.rol == BEHEERDER:
        return True
    if actor.rol == PARTNER:
        return v.van.id == actor.organisatie_id
    if actor.rol == COORDINATOR:
        return bool(v.netwerk_ids) and v.netwerk_ids <= actor.coordinator_van
    return False


def can_record_verwijzing(actor: Actor, van: OrganisatieRef, netwerk: NetwerkRef) -> bool:
    """Start recording a referral from `van`, a member of this network: its own partner users,
    the network's coordinators (saving it then needs can_edit_verwijzing)."""
    if actor.rol == PARTNER:
        return van.id == actor.organisatie_id and netwerk.id in van.netwerk_ids
    return can_edit_netwerk(actor, netwerk) and netwerk.id in van.netwerk_ids


def can_confirm_verwijzing(actor: Actor, v: VerwijzingRef) -> bool:
    """Confirm a referral: the receiving organisation's partner users, or as for editing."""
    if actor.rol == PARTNER:
        return v.naar.id == actor.organisatie_id
    return can_edit_verwijzing(actor, v)


def can_view_organisatie_audit(actor: Actor, org: OrganisatieRef) -> bool:
    """An organisation's change history: those who may edit it, the coordinators of its
    networks and the consultants who read it (as in the network's audit log, which holds the
    same entries); not the other partners."""
    return can_edit_organisatie(actor, org) or (
        actor.rol == COORDINATOR and bool(org.netwerk_ids & actor.coordinator_van)) or (
        actor.rol == CONSULTANT and can_view_organisatie(actor, org))


def can_view_contacts(actor: Actor, org: OrganisatieRef) -> bool:
    """Contact persons are personal data: those who work with the organisation (its own users,
    the partners and coordinators of a network it is an active member of, the consultants who
    read such a network), not all readers — and not a network it was only invited to."""
    if can_edit_organisatie(actor, org):
        return True
    if actor.rol == PARTNER:
        return bool(org.netwerk_ids & actor.lid_van)
    if actor.rol == COORDINATOR:
        return bool(org.netwerk_ids & actor.coordinator_van)
    return actor.rol == CONSULTANT and can_view_organisatie(actor, org)


def can_view_overview(actor: Actor, provincie: str | None = None) -> bool:
    """The consultants' side-by-side overview of networks: beheerder any province, consultant
    their own (all when unrestricted); coordinators and partners never."""
    if actor.rol == BEHEERDER:
        return True
    if actor.rol == CONSULTANT:
        return provincie is None or _consultant_covers(actor, frozenset({provincie}))
    return False


def can_export_netwerk(actor: Actor, netwerk: NetwerkRef) -> bool:
    """Download the whole register (it holds partners' e-mail addresses): the beheerder, the
    network's coordinators and the consultants who read it — not every partner of the network."""
    return actor.rol == BEHEERDER or (
        actor.rol in (COORDINATOR, CONSULTANT) and can_view_netwerk(actor, netwerk))


# Who may take each step of the erkenningsaanvraag (§2, §11): the beheerder may do what a
# coordinator may; the review (nemen, adviseren) is the consultants' work, the decision is the
# beheerder's alone. The states and which step leads where: domein/aanvraag.py.
AANVRAAG_ROLLEN: dict[str, frozenset[str]] = {
    aanvraag.INDIENEN: frozenset({COORDINATOR, BEHEERDER}),
    aanvraag.HERINDIENEN: frozenset({COORDINATOR, BEHEERDER}),
    aanvraag.INTREKKEN: frozenset({COORDINATOR, BEHEERDER}),
    aanvraag.RAPPORTEREN: frozenset({COORDINATOR, BEHEERDER}),
    aanvraag.NEMEN: frozenset({CONSULTANT}),
    aanvraag.ADVISEREN: frozenset({CONSULTANT}),
    aanvraag.BESLISSEN: frozenset({BEHEERDER}),
}
assert AANVRAAG_ROLLEN.keys() == aanvraag.OVERGANGEN.keys()


def can_aanvraag(actor: Actor, netwerk: NetwerkRef, stap: str) -> bool:
    """Take this step of the network's aanvraag: the step's roles, each within its own reach
    (a coordinator their networks, a consultant their provinces). Whether the step fits the
    aanvraag's state is the state machine's business (aanvraag.volgende)."""
    if actor.rol not in AANVRAAG_ROLLEN.get(stap, ()):
        return False
    if actor.rol == CONSULTANT:
        return can_review(actor, netwerk)
    return can_edit_netwerk(actor, netwerk)


def can_view_aanvraag(actor: Actor, netwerk: NetwerkRef) -> bool:
    """The aanvraag, its frozen versions and the advice: the network's coordinators, the
    consultants of its province and the beheerder (as the review dialogue)."""
    return can_view_review(actor, netwerk)


def aanvraag_stappen(actor: Actor, netwerk: NetwerkRef, toestand: str,
                     beslissing: str | None = None) -> list[str]:
    """The steps this actor may take now (the buttons on the aanvraag page)."""
    return [s for s in aanvraag.mogelijk(toestand, beslissing=beslissing)
            if can_aanvraag(actor, netwerk, s)]


def can_manage_token(actor: Actor, eigenaar_id: int) -> bool:
    """A personal API token is managed (listed, revoked) by its own user only (domein.md §13)."""
    return actor.authenticated and actor.id == eigenaar_id


# The samenwerkingsbevraging (domein.md §12): the network's coordinators open and close a
# meetmoment and see who has not answered yet (never what anyone answered); each member answers
# for its own organisation only; readers of the network see only the aggregated results.

def can_manage_bevraging(actor: Actor, netwerk: NetwerkRef) -> bool:
    """Open or close a meetmoment, see who has not answered: the coordinators, the beheerder."""
    return can_edit_netwerk(actor, netwerk)


def can_view_bevraging(actor: Actor, netwerk: NetwerkRef) -> bool:
    """The aggregated results (response rate; scores once enough organisations answered): the
    coordinators, the member partners, the consultants of the province and the beheerder."""
    return can_view_netwerk(actor, netwerk)


def can_answer_bevraging(actor: Actor, organisatie_id: int) -> bool:
    """Fill in (and read) an organisation's own answers: its partner users, nobody else."""
    return actor.rol == PARTNER and actor.organisatie_id == organisatie_id
