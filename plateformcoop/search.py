"""Site search: which pages are indexed, what each result says it is, and the index run.

The search engine is Pagefind (PyPI ``pagefind`` and ``pagefind_bin``, the binary
inside the wheel: nothing is downloaded at build time). It reads the built HTML
after the site is written and writes ``pagefind/`` beside the pages: the script
and WebAssembly a browser loads on the first use of the search field, then index
chunks and page fragments fetched per query (never the whole index). It stems
French (``<html lang="fr">``), ignores accents and case, and matches the start of
the last word typed.

A page takes part through attributes the theme writes from its front matter
(``overrides/main.html``): ``data-pagefind-body`` around the content of an
indexed page (a site with this attribute indexes only the pages that carry it),
the result type and filters as ``data-pagefind-meta`` / ``data-pagefind-filter``,
and ``data-pagefind-ignore`` (``theme.SEARCH_EXCLUDE``) on repeated parts.

Nothing here imports MkDocs: hooks/search.py calls these functions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .i18n import DEFAULT_LANGUAGE, t

# The folder Pagefind writes into the built site (its default name).
BUNDLE_DIR = "pagefind"

# Page kind (front matter ``pc_kind``, set by theme.page_header) -> result type.
# Hand-written pages have no kind: they are "pages".
RESULT_TYPES = {
    "practice": "practice",
    "lesson": "lesson",
    "course": "course",
    "glossary": "glossary",
    "principles": "principle",
    "themes": "theme",
    "platform": "platform",  # an entry of the directory
}
DEFAULT_TYPE = "page"

# Filters a search can be narrowed to: the result type on every indexed page, and
# the names a page lists in ``pc_search_filters`` (cards: their charter principles).
TYPE_FILTER = "type"
PAGE_FILTERS = ("principle",)

# Parts of indexed pages that are not text: the "¶" permalinks of headings.
EXCLUDE_SELECTORS = (".headerlink",)

# Pagefind's stock interfaces: the site has its own accessible one (search.js).
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)

# Material's own search (lunr, a worker, the whole index downloaded on every page
# load) is not used: its scripts are not copied into the site.
_MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")

# Strings search.js shows (placeholders in braces are filled in the browser).
UI_KEYS = (
    "search.hint",
    "search.loading",
    "search.count_one",
    "search.count",
    "search.shown",
    "search.none",
    "search.none_hint",
    "search.catalog_link",
    "search.error",
    "search.filter.all",
    "search.filter.type",
    "search.filter.principle",
)


# Weight of a page's words against the default (1): the site's own pages (about,
# contribution guide, index pages) come after cards, lessons and terms that say the
# same words. Pagefind applies it to the element's text (data-pagefind-weight).
TYPE_WEIGHTS = {DEFAULT_TYPE: 0.5}


@dataclass(frozen=True)
class PageSearch:
    """How one page appears in the search: its type (key and label), filters and weight."""

    type: str
    label: str
    filters: tuple[tuple[str, str], ...]
    weight: float | None = None

    @property
    def meta(self) -> tuple[tuple[str, str], ...]:
        """Metadata every result carries (search.js reads them)."""
        return (("kind", self.type), ("type", self.label))


def is_material_search_asset(src_uri: str) -> bool:
    """A file of Material's lunr search, not shipped."""
    return src_uri.startswith(_MATERIAL_SEARCH_ASSETS)


def result_label(result_type: str, language: str = DEFAULT_LANGUAGE) -> str:
    return t(f"search.kind.{result_type}", language)


def page_search(meta: Mapping[str, Any] | None, language: str = DEFAULT_LANGUAGE) -> PageSearch | None:
    """The page's place in the search, from its front matter; None: not indexed.

    Pages generated with ``page_header(search=False)`` (the catalog, forms,
    attestations, guides) are not indexed: they repeat text indexed elsewhere or
    hold no text of their own.
    """
    meta = meta or {}
    if meta.get("pc_search") is False:
        return None
    material = meta.get("search")  # Material's own flag, in a hand-written page
    if isinstance(material, Mapping) and material.get("exclude"):
        return None
    result_type = RESULT_TYPES.get(str(meta.get("pc_kind") or ""), DEFAULT_TYPE)
    label = result_label(result_type, language)
    filters: list[tuple[str, str]] = [(TYPE_FILTER, label)]
    extra = meta.get("pc_search_filters") or {}
    if isinstance(extra, Mapping):
        for name in PAGE_FILTERS:
            values = extra.get(name) or []
            filters += [(name, str(value)) for value in values if str(value).strip()]
    return PageSearch(type=result_type, label=label, filters=tuple(filters), weight=TYPE_WEIGHTS.get(result_type))


def ui_strings(language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The texts of the search box (labels in the template, messages in search.js)."""
    strings: dict[str, Any] = {key.removeprefix("search."): t(key, language) for key in UI_KEYS}
    strings["types"] = {key: result_label(key, language) for key in (*RESULT_TYPES.values(), DEFAULT_TYPE)}
    return strings


def ui_label(key: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A label of the search box's markup (``search.<key>`` in the locale file)."""
    return t(f"search.{key}", language)


# --- The index run ------------------------------------------------------------------


class SearchIndexError(Exception):
    """The search index could not be written (message in French, for people)."""

    def __init__(self, where: Path | str, key: str, **values: Any) -> None:
        message = t(key, DEFAULT_LANGUAGE, **values)
        super().__init__(f"{where}: {message} → {t(key + '.hint', DEFAULT_LANGUAGE)}")


@dataclass(frozen=True)
class IndexRun:
    pages: int
    seconds: float
    output: str


def _executable(site_dir: Path) -> str:
    try:
        from pagefind_bin import get_executable  # the binary shipped in the wheel

        return str(get_executable())
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexError(site_dir, "search.build.missing") from error


def _indexed_pages(output: str) -> int:
    for line in output.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "Indexed" and words[2] in ("page", "pages") and words[1].isdigit():
            return int(words[1])
    return 0


def build_index(site_dir: Path, *, timeout: float = 600) -> IndexRun:
    """Run Pagefind over a built site: writes ``<site_dir>/pagefind/``.

    The previous bundle is removed first (``mkdocs serve`` rebuilds into the same
    folder), and Pagefind's stock interfaces, unused, after.
    """
    site_dir = Path(site_dir)
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)
    command = [_executable(site_dir), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    start = time.perf_counter()
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env={**os.environ, "NO_COLOR": "1"}, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(site_dir, "search.build.failed", detail=str(error)) from error
    seconds = time.perf_counter() - start
    output = (result.stdout or "") + (result.stderr or "")
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        detail = " ".join(output.split())[-400:] or f"code {result.returncode}"
        raise SearchIndexError(site_dir, "search.build.failed", detail=detail)
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    pages = _indexed_pages(output)
    # Without data-pagefind-body anywhere, Pagefind would index whole pages (menus included).
    if pages == 0 or "Did not find a data-pagefind-body" in output:
        raise SearchIndexError(site_dir, "search.build.empty")
    return IndexRun(pages=pages, seconds=seconds, output=output)
