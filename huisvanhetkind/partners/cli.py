"""`flask hvk …` commands of the partners module (domein.md §8)."""
from ..cli import hvk  # noqa: F401
