"""Benchmarks and quality evaluations, run from the repository root as `python -m bench.NAME`."""
