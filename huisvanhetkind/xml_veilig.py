"""Text for the XML the app writes by hand (the SVG images, GEXF/GraphML exports).

Its own module: the graph export and every image need it, and importing it must not load the
coverage matrix's layout (each CLI call imports the export's view module; issue 16).
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape

# Characters XML 1.0 forbids even escaped (C0 controls but tab/newline/CR, surrogates, FFFE/FFFF).
_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_tekst(tekst) -> str:
    """Text that XML can carry (the graph exports use it as is); escaping is the writer's job."""
    return _ONGELDIG.sub("\ufffd", str(tekst))


def xml_escape(tekst) -> str:
    """Text for SVG content, quotes escaped too: the SVG is also inlined in HTML (the dossier),
    where nothing in a name may read as an attribute."""
    return escape(xml_tekst(tekst), {'"': "&quot;", "'": "&#39;"})
