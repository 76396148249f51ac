from flask import Blueprint, abort

from ..main.converters import begrensd_getal

bp = Blueprint("audit", __name__)

# imported by app.register_blueprints, not here: importing this package's models (the facts
# adapter does) must not load every view and its imports
VIEWS = ("views",)


@bp.url_value_preprocessor
def _record_id(endpoint, values) -> None:
    """/audit/<tabel>/<record_id>: every audited record has an integer id (audit/log.py), so a
    record_id that is no integer 0..ID_MAX is a 404 before the view turns it into a query
    parameter (a '¹' passes str.isdigit() but not int(); a 20-digit id overflows the column)."""
    if values and "record_id" in values and begrensd_getal(str(values["record_id"])) is None:
        abort(404)
