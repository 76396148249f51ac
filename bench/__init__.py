"""Benchmarks on the Flanders-scale data set: `make bench` (see run.py)."""
