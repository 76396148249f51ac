"""`flask hvk …` commands of the erkenning module (domein.md §8)."""
from ..cli import hvk  # noqa: F401
