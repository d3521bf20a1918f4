"""MkDocs glue for the site search (Pagefind); the logic is in plateformcoop/search.py.

- on_files: Material's lunr search files are not copied into the site;
- on_env: the search box's texts, for the templates;
- on_page_context: each page's result type and filters (overrides/main.html writes
  them as Pagefind attributes, or leaves the page out of the index);
- on_post_build: Pagefind indexes the written pages (``make build``, ``make serve``
  and CI get the same index). A failure is a warning on a ``mkdocs.`` logger, so
  ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from plateformcoop import search

log = logging.getLogger("mkdocs.hooks.search")


def _language(config: MkDocsConfig) -> str:
    return (config.theme.get("language") if config.theme else None) or "fr"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if search.is_material_search_asset(f.src_uri)]:
        files.remove(file)
    return files


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    language = _language(config)
    env.globals["pc_search_ui"] = search.ui_strings(language)
    env.globals["pc_search_label"] = lambda key: search.ui_label(key, language)
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    context["pc_search"] = search.page_search(page.meta, _language(config))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    try:
        run = search.build_index(Path(config.site_dir))
    except search.SearchIndexError as error:
        log.warning(str(error))
        return
    log.info("Index de recherche : %d pages en %.1f s (Pagefind)", run.pages, run.seconds)
