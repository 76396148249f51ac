"""The network-level navigation: one list, shown for the network chosen in the switcher.

Entries whose view does not exist (yet) are skipped, so modules can be added independently.
"""
NETWERK_NAV = [
    ("partners.netwerk", "Overzicht"),
    ("partners.leden", "Partners"),
    ("partners.aanbod_lijst", "Aanbod"),
    ("erkenning.dashboard", "Erkenning"),
    ("erkenning.engagementen", "Engagementen"),
    ("graaf.netwerk_graaf", "Samenwerking"),
    ("graaf.dekking", "Lacunes en overlap"),
    ("graaf.verwijzingen", "Verwijzingen"),
    ("partners.import_upload", "Import"),
    ("partners.export", "Export"),
    ("audit.netwerk_log", "Wijzigingen"),
]

# Entries that need more than reading the network: endpoint → the can_* check
# (domein/permissions.py) its view authorizes with. Without it a partner saw Import, Export and
# Wijzigingen and got a 403.
NAV_PERMISSIE = {
    "partners.import_upload": "can_edit_netwerk",
    "partners.export": "can_export_netwerk",
    "audit.netwerk_log": "can_view_audit",
}
