"""Where a build's time goes: ``python -m benchmarks.breakdown PROJECT_DIR SITE_DIR``.

Runs one strict ``mkdocs build`` in this process with processor-time counters
around MkDocs' plugin events, the page work of MkDocs and of each plugin, the
glossary tooltips and the garbage collector, and prints them as JSON. Counters
rather than a profiler: the build runs at nearly full speed, so the same
breakdown of the project and of the stock reference build can be compared
(``benchmarks.run`` does, at one size).
"""

from __future__ import annotations

import functools
import gc
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path


def _counted(totals: Counter, name: str, function: Callable) -> Callable:
    @functools.wraps(function)
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - any signature
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] += time.process_time() - start

    return wrapper


def _count(totals: Counter, owner: object, attribute: str, name: str) -> None:
    setattr(owner, attribute, _counted(totals, name, getattr(owner, attribute)))


def measure(project: Path, site: Path) -> dict:
    totals: Counter = Counter()
    started = time.process_time()
    from mkdocs import plugins
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.structure import pages

    # Every event, all handlers together (plugins, then hooks).
    run_event = plugins.PluginCollection.run_event

    def timed_event(self, name, item=None, **kwargs):  # noqa: ANN001, ANN003, ANN202
        start = time.process_time()
        try:
            return run_event(self, name, item, **kwargs)
        finally:
            totals[f"event {name}"] += time.process_time() - start

    plugins.PluginCollection.run_event = timed_event
    _count(totals, pages.Page, "render", "pages: Markdown to HTML")
    _count(totals, build, "_build_page", "pages: template and page events")
    try:
        from material.plugins.search.plugin import SearchPlugin

        _count(totals, SearchPlugin, "on_page_context", "search index, per page")
    except ImportError:  # pragma: no cover - Material is a dependency
        pass
    try:
        from mkdocs_macros.plugin import MacrosPlugin

        _count(totals, MacrosPlugin, "on_page_markdown", "macros, per page")
    except ImportError:  # pragma: no cover
        pass
    from plateformcoop.render.tooltips import TooltipTreeprocessor

    _count(totals, TooltipTreeprocessor, "run", "glossary tooltips")

    collecting = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            collecting[0] = time.perf_counter()
        else:
            totals["garbage collector"] += time.perf_counter() - collecting[0]

    gc.callbacks.append(on_gc)
    imported = time.process_time()
    previous = Path.cwd()
    os.chdir(project)
    try:
        start = time.process_time()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        totals["configuration (plugins and hooks imported)"] += time.process_time() - start
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        os.chdir(previous)
        gc.callbacks.remove(on_gc)
    return {
        "cpu_s": round(time.process_time() - started, 3),
        "imports_s": round(imported - started, 3),
        "components_s": {name: round(value, 3) for name, value in totals.most_common() if value >= 0.0005},
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m benchmarks.breakdown PROJECT_DIR SITE_DIR", file=sys.stderr)
        return 2
    print(json.dumps(measure(Path(args[0]).resolve(), Path(args[1]).resolve())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
