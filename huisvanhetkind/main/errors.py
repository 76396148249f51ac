"""Dutch error pages (HTML) and error documents (JSON for /api)."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError

from ..extensions import db
from ..fouten import NietGevonden

MESSAGES = {
    400: ("Ongeldige aanvraag", "De aanvraag kon niet verwerkt worden."),
    401: ("Niet aangemeld", "Meld je aan om verder te gaan."),
    403: ("Geen toegang", "Je hebt geen toegang tot deze pagina of handeling."),
    404: ("Niet gevonden", "Deze pagina bestaat niet (meer)."),
    405: ("Niet toegelaten", "Deze handeling is hier niet toegelaten."),
    409: ("Conflict", "Iemand anders heeft dit record intussen gewijzigd."),
    413: ("Bestand te groot", "Het bestand is te groot: maximaal 5 MB."),
    429: ("Te veel verzoeken", "Je vroeg in korte tijd te veel pagina's op. Wacht een minuut en "
                               "probeer het dan opnieuw."),
    500: ("Er ging iets mis", "Er liep iets mis aan onze kant. Je wijziging is niet bewaard; "
                              "probeer het later opnieuw."),
}


def render_error(code: int, detail: str | None = None):
    """The Dutch error page (or JSON document for /api) with this status."""
    titel, uitleg = MESSAGES.get(code, MESSAGES[500])
    # Unrouted /api paths (a 404 or 405 from routing) have no blueprint yet: JSON for them too.
    if (request.blueprint == "api" or request.path.startswith("/api/")
            or request.accept_mimetypes.best == "application/json"):
        return jsonify({"fout": titel, "uitleg": detail or uitleg}), code
    return render_template("errors/error.html", code=code, titel=titel,
                           uitleg=detail or uitleg), code


def register(app: Flask) -> None:
    for code in (400, 401, 403, 404, 409, 413, 429):
        app.register_error_handler(code, lambda e, code=code: render_error(code))

    # queries raise NietGevonden (a LookupError) instead of calling abort(): the web answer is 404
    app.register_error_handler(NietGevonden, lambda e: render_error(404))

    @app.errorhandler(405)
    def method_not_allowed(e):
        # RFC 9110: a 405 names the methods the resource does support.
        body, code = render_error(405)
        return body, code, {"Allow": ", ".join(sorted(e.valid_methods or ()))}

    @app.errorhandler(CSRFError)
    def csrf_error(e):
        return render_error(400, "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw en "
                            "probeer nog eens.")

    @app.errorhandler(500)
    def server_error(e):
        db.session.rollback()
        return render_error(500)
