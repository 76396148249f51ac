"""Personal API tokens: made, listed and revoked by their own user (domein.md §13)."""
from __future__ import annotations

from flask import abort, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from ..domein.permissions import can_manage_token, is_authenticated
from ..editing import bevestig_verwijderen, ongeldig
from ..extensions import db
from ..forms import VerwijderForm
from ..fouten import OperatieFout
from . import bp
from .forms import TokenForm
from .guard import authorize
from .models import ApiToken
from .operations import maak_token, trek_token_in

TEMPLATE = "auth/tokens.html"


def _eigen_tokens() -> list[ApiToken]:
    return db.session.scalars(select(ApiToken).where(ApiToken.gebruiker_id == current_user.id)
                              .order_by(ApiToken.ingetrokken_op.is_not(None),
                                        ApiToken.created_at.desc(), ApiToken.id.desc())).all()


@bp.route("/account/api-tokens", methods=["GET", "POST"])
def tokens():
    authorize(is_authenticated)
    form = TokenForm()
    context = dict(form=form)
    if form.validate_on_submit():
        try:
            token, geheim = maak_token(current_user.id, form.naam.data, form.scope.data,
                                       form.verloopt_op.data)
        except OperatieFout as fout:
            form.verloopt_op.errors = [*form.verloopt_op.errors, str(fout)]
            return ongeldig(TEMPLATE, tokens=_eigen_tokens(), **context)
        # the one time the secret is shown: rendered, never flashed (the session cookie is
        # signed, not encrypted) and never stored (Cache-Control: no-store for sessions)
        return render_template(TEMPLATE, tokens=_eigen_tokens(), nieuw=token, geheim=geheim,
                               form=TokenForm(formdata=None))
    if form.errors:
        return ongeldig(TEMPLATE, tokens=_eigen_tokens(), **context)
    return render_template(TEMPLATE, tokens=_eigen_tokens(), **context)


@bp.route("/account/api-tokens/<int:token_id>/intrekken", methods=["GET", "POST"])
def token_intrekken(token_id: int):
    token = db.session.get(ApiToken, token_id)
    authorize(can_manage_token, token.gebruiker_id if token else -1)
    if token is None or token.ingetrokken_op is not None:
        abort(404)
    lijst = url_for("auth.tokens")
    context = dict(titel=f"API-token {token.naam} intrekken", knop="Intrekken",
                   uitleg=f"Het token '{token.naam}' ({token.begin}…) werkt meteen niet meer. "
                          "Koppelingen die het gebruiken, krijgen voortaan 401.",
                   gevolg="Een ingetrokken token kan je niet opnieuw activeren.")
    return bevestig_verwijderen(VerwijderForm(version=token.version), context,
                                f"API-token {token.naam} is ingetrokken.", lijst,
                                lambda version: trek_token_in(token, version))
