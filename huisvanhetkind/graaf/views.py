"""Views of this module arrive with its issue."""
from . import bp  # noqa: F401
