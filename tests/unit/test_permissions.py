"""Pure permission functions (domein.md §2)."""

from huisvanhetkind.domein.permissions import (ANONIEM, Actor, NetwerkRef, OrganisatieRef, can_edit_netwerk, can_edit_organisatie, can_manage_users, can_review, can_view_contacts, can_view_netwerk, can_view_organisatie)

X = NetwerkRef(1, frozenset({"Oost-Vlaanderen"}))
Y = NetwerkRef(2, frozenset({"Antwerpen"}))
ORG_A = OrganisatieRef(10, frozenset({1}), frozenset({"Oost-Vlaanderen"}))
ORG_B = OrganisatieRef(11, frozenset({1}), frozenset({"Oost-Vlaanderen"}))
LOS = OrganisatieRef(12)

beheerder = Actor(1, "beheerder")
coord_x = Actor(2, "coordinator", coordinator_van=frozenset({1}))
partner_a = Actor(3, "partner", organisatie_id=10, lid_van=frozenset({1}))
cons_ov = Actor(4, "consultant", provincies=frozenset({"Oost-Vlaanderen"}))
cons_all = Actor(5, "consultant")


def test_anonymous_may_nothing():
    for check, target in [(can_view_netwerk, X), (can_edit_netwerk, X),
                          (can_view_organisatie, ORG_A), (can_edit_organisatie, ORG_A)]:
        assert not check(ANONIEM, target)
    assert not can_manage_users(ANONIEM)


def test_beheerder_may_everything():
    assert can_edit_netwerk(beheerder, Y) and can_edit_organisatie(beheerder, LOS)
    assert can_manage_users(beheerder)


def test_coordinator_scope_is_own_networks():
    assert can_view_netwerk(coord_x, X) and can_edit_netwerk(coord_x, X)
    assert not can_view_netwerk(coord_x, Y) and not can_edit_netwerk(coord_x, Y)
    assert can_edit_organisatie(coord_x, ORG_A)
    assert not can_edit_organisatie(coord_x, LOS)
    assert not can_manage_users(coord_x)


def test_partner_edits_only_own_organisation():
    assert can_edit_organisatie(partner_a, ORG_A)
    assert not can_edit_organisatie(partner_a, ORG_B)
    assert can_view_organisatie(partner_a, ORG_B)  # fellow member of network X
    assert not can_view_organisatie(partner_a, LOS)
    assert can_view_netwerk(partner_a, X) and not can_edit_netwerk(partner_a, X)
    assert not can_view_netwerk(partner_a, Y)


def test_consultant_reads_province_and_never_edits():
    assert can_view_netwerk(cons_ov, X) and not can_view_netwerk(cons_ov, Y)
    assert can_view_netwerk(cons_all, Y)
    assert can_review(cons_ov, X) and not can_review(cons_ov, Y)
    for actor in (cons_ov, cons_all):
        assert not can_edit_netwerk(actor, X) and not can_edit_organisatie(actor, ORG_A)
    assert can_view_contacts(cons_ov, ORG_A)


