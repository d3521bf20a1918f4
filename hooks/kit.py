"""MkDocs glue for the workshop kit: register the PDFs (so that links to them are
checked like any other), then write them once the site is built.

All logic lives in plateformcoop.kit; the PDFs come from the same plan as the
download pages (plateformcoop/render/kit_pages.py). Built PDFs are kept in
.cache/kits/ by their inputs: a build where nothing printed changed copies them.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from content_pages import _settings
from plateformcoop import kit
from plateformcoop.content import load_content_cached

log = logging.getLogger("mkdocs.plugins.plateformcoop.kits")

_state: dict[str, object] = {}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        # Every rebuild would lay out again the decks of an edited card: serve skips
        # the kit unless PLATEFORMCOOP_KITS=1 (content_pages reads the same switch).
        os.environ.setdefault("PLATEFORMCOOP_KITS", "0")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Same cached content as content_pages.py (this hook is a module of its own).
    content = load_content_cached(_root(config))
    settings = _settings(config, content)
    _state.pop("plan", None)
    if not settings.kits:
        return files
    planned = kit.plan(content, settings)
    _state["plan"] = (content, settings, planned)
    for item in planned:
        # A placeholder, replaced in on_post_build: MkDocs then knows the file and checks links to it.
        files.append(File.generated(config, item.path, content=b""))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    state = _state.pop("plan", None)
    if state is None:
        return
    content, settings, planned = state
    if content.problems:
        return  # the build fails on them (strict): no PDF from invalid content
    started = time.perf_counter()
    report = kit.build(content, settings, Path(config.site_dir), cache_dir=_root(config) / ".cache" / "kits", files=planned)
    log.info(
        "Kits d'atelier : %d PDF (%d repris du cache) en %.1f s", len(report.files), len(report.cached), time.perf_counter() - started
    )
