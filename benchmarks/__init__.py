"""Performance harness: synthetic corpora and build, check, serve and page-weight measures.

Run it with ``make bench`` (or ``python -m benchmarks.run --help``).
"""
