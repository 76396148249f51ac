"""`flask hvk …` commands of the graaf module (domein.md §8)."""
from ..cli import hvk  # noqa: F401
