"""Performance harness (``make bench``; ``python -m benchmarks.run --help``).

corpus: synthetic projects; process: measured builds and checks; metrics: page
weight and search index; serve: ``mkdocs serve`` rebuilds; report: targets,
table and JSON; lighthouse: Lighthouse scores; project: the project copy and
local server, shared with the tests.
"""
