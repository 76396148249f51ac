"""The domain core: plain Python over plain facts (docs/architectuur.md).

Nothing in this package imports Flask, SQLAlchemy or another part of the application: the
snapshot (facts), the taxonomies and municipalities as data, the conditions E1–E12 and S1–S7 with
their registry, the engagement rule, graph analysis, coverage (lacunes and overlaps), graph drawing
data, 'wat als' and the permissions. tests/unit/test_zuiver.py proves it in a fresh interpreter.
"""
