from flask import Blueprint

# The Open Referral HSDS 3.0 API (domein.md §13), mounted at /api/hsds
bp = Blueprint("hsds", __name__)

VIEWS = ("views",)
