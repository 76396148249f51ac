"""Ownership and consent in a shared registry (domein.md §10), as pure rules.

The attack of issue 12: the coordinator of Waasland-Noord (Y) made network X's organisation a
member of Y and then edited or deleted what X relies on. Every rule below is the refusal of one
step of it, or the permission the owner keeps.
"""
from huisvanhetkind.domein.permissions import (
    Actor, NetwerkRef, OrganisatieRef, VerwijzingRef, can_answer_invitation, can_answer_proposal,
    can_confirm_verwijzing, can_edit_netwerk, can_edit_organisatie, can_edit_verwijzing, can_invite,
    can_propose_organisatie, can_search_registry, can_view_contacts)

X, Y = NetwerkRef(1), NetwerkRef(2)
coord_x = Actor(2, "coordinator", coordinator_van=frozenset({1}))
coord_y = Actor(3, "coordinator", coordinator_van=frozenset({2}))
coord_xy = Actor(4, "coordinator", coordinator_van=frozenset({1, 2}))
beheerder = Actor(1, "beheerder")
partner_a = Actor(5, "partner", organisatie_id=10, lid_van=frozenset({1}))
consultant = Actor(6, "consultant")

# a: managed by its own partner account, member of X; s: stewarded (no account), member of X;
# gedeeld: no account, member of X and Y; los: no membership at all
A = OrganisatieRef(10, frozenset({1}), beheerd=True)
S = OrganisatieRef(11, frozenset({1}))
GEDEELD = OrganisatieRef(12, frozenset({1, 2}))
LOS = OrganisatieRef(13)


def test_an_organisation_with_a_partner_account_is_changed_only_by_itself_and_the_beheerder():
    assert can_edit_organisatie(partner_a, A) and can_edit_organisatie(beheerder, A)
    assert not can_edit_organisatie(coord_x, A)  # its own network's coordinator proposes
    assert can_propose_organisatie(coord_x, A) and not can_propose_organisatie(coord_y, A)
    assert can_answer_proposal(partner_a, A) and can_answer_proposal(beheerder, A)
    assert not can_answer_proposal(coord_x, A)


def test_a_stewarded_organisation_is_changed_by_a_coordinator_of_all_its_networks_only():
    assert can_edit_organisatie(coord_x, S)
    assert not can_edit_organisatie(coord_x, GEDEELD) and can_propose_organisatie(coord_x, GEDEELD)
    assert not can_edit_organisatie(coord_y, GEDEELD) and can_propose_organisatie(coord_y, GEDEELD)
    assert can_edit_organisatie(coord_xy, GEDEELD)
    assert not can_edit_organisatie(coord_x, LOS) and not can_propose_organisatie(coord_x, LOS)


def test_membership_needs_the_organisations_consent():
    assert can_invite(coord_y, Y) and not can_invite(coord_y, X)
    assert can_answer_invitation(partner_a, A) and not can_answer_invitation(coord_y, A)
    assert not can_answer_invitation(beheerder, A)  # it has its own account: it answers itself
    assert can_answer_invitation(beheerder, S) and not can_answer_invitation(coord_x, S)
    assert can_search_registry(coord_y) and not can_search_registry(partner_a)
    assert not can_search_registry(consultant)


def test_contacts_are_for_those_who_work_with_the_organisation():
    assert can_view_contacts(coord_x, A) and can_view_contacts(partner_a, S)
    assert not can_view_contacts(coord_y, A)  # an invitation makes no member
    assert not can_view_contacts(coord_x, LOS)


def test_a_referral_is_changed_only_when_every_network_relying_on_it_agrees():
    binnen_x = VerwijzingRef(A, S, frozenset({1}))
    in_beide = VerwijzingRef(GEDEELD, OrganisatieRef(14, frozenset({1, 2})), frozenset({1, 2}))
    assert can_edit_verwijzing(coord_x, binnen_x) and not can_edit_verwijzing(coord_y, binnen_x)
    assert not can_edit_verwijzing(coord_y, in_beide) and not can_edit_verwijzing(coord_x, in_beide)
    assert can_edit_verwijzing(coord_xy, in_beide)
    assert can_edit_verwijzing(partner_a, binnen_x)  # its own referral
    assert not can_confirm_verwijzing(partner_a, binnen_x)  # the receiver confirms
    assert can_confirm_verwijzing(Actor(7, "partner", organisatie_id=11), binnen_x)


def test_membership_terms_belong_to_the_network():
    assert can_edit_netwerk(coord_x, X) and not can_edit_netwerk(coord_y, X)
