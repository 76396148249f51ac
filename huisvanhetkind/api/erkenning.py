"""API: the erkenning document of a network (domein.md §8)."""
from . import bp, openapi  # noqa: F401
