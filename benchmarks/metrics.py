"""What a built site weighs: pages at a first visit (gzip), the search index,
the number of pages."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import urlsplit


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class _PageAssets(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css: list[str] = []
        self.js: list[str] = []
        self.other: list[str] = []
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rel = values.get("rel", "").split()
        if tag == "link" and "stylesheet" in rel and values.get("href"):
            self.css.append(values["href"])
        elif tag == "link" and ("icon" in rel or "preload" in rel) and values.get("href"):
            self.other.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.js.append(values["src"])
        elif tag == "script" and values.get("id") == "__config":
            self._in_config = True

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data


def _resolve(site: Path, page_dir: str, href: str) -> Path | None:
    """A site file from a link in a page (None for another site: a third-party request)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    target = normpath(path.lstrip("/")) if path.startswith("/") else normpath(f"{page_dir}/{path}" if page_dir else path)
    candidate = site / target
    return candidate / "index.html" if candidate.is_dir() else candidate


def _search_downloads(site: Path, page_dir: str, config: dict) -> tuple[set[Path], Path | None]:
    """Material's search worker, the lunr language scripts it imports, and the
    index it fetches at load (None without search)."""
    scripts: set[Path] = set()
    if not config.get("search"):
        return scripts, None
    worker = _resolve(site, page_dir, config["search"])
    if worker is not None and worker.is_file():
        scripts.add(worker)
    index = _resolve(site, page_dir, f"{config.get('base', '.')}/search/search_index.json")
    if index is None or not index.is_file():
        return scripts, None
    langs = json.loads(index.read_bytes()).get("config", {}).get("lang", ["en"])
    names = [f"lunr.{lang}.min.js" for lang in langs if lang != "en"]
    if names:
        names.append("lunr.stemmer.support.min.js")
    if len(langs) > 1:
        names.append("lunr.multi.min.js")
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    scripts.update(lunr / name for name in names if (lunr / name).is_file())
    return scripts, index


def page_weight(site: Path, page: str) -> dict:
    """What a browser downloads on a first visit (empty cache), sizes after gzip.

    HTML, stylesheets and scripts of the page; the scripts started at load
    (Material's search worker and the lunr languages it imports, this site's
    service worker); the search index, which Material fetches at load over
    http(s) — counted apart. Checked against the requests Chromium makes.
    """
    html = (site / page).read_bytes()
    parser = _PageAssets()
    parser.feed(html.decode("utf-8"))
    parent = Path(page).parent.as_posix()
    page_dir = "" if parent == "." else parent
    files: dict[str, set[Path]] = {"css": set(), "js": set(), "other": set()}
    external: list[str] = []
    for kind, hrefs in (("css", parser.css), ("js", parser.js), ("other", parser.other)):
        for href in hrefs:
            target = _resolve(site, page_dir, href)
            if target is None:
                external.append(href)
            elif target.is_file():
                files[kind].add(target)
    config = json.loads(parser.config) if parser.config.strip() else {}
    search_scripts, index_file = _search_downloads(site, page_dir, config)
    files["js"] |= search_scripts
    # This site's scripts register a service worker at the site root on every page.
    if (site / "sw.js").is_file() and any(b"serviceWorker.register" in path.read_bytes() for path in files["js"]):
        files["js"].add(site / "sw.js")
    raw = {"html": len(html)}
    gz = {"html": gzip_size(html)}
    for kind, paths in files.items():
        raw[kind] = sum(path.stat().st_size for path in paths)
        gz[kind] = sum(gzip_size(path.read_bytes()) for path in paths)
    critical = gz["html"] + gz["css"] + gz["js"]
    index_gz = gzip_size(index_file.read_bytes()) if index_file else 0
    return {
        "page": page,
        "requests": 1 + sum(len(paths) for paths in files.values()) + (1 if index_file else 0),
        "gzip_bytes": gz,
        "raw_bytes": raw,
        "html_css_js_gzip_kb": round(critical / 1024, 1),
        "search_index_gzip_kb": round(index_gz / 1024, 1),
        "first_visit_total_gzip_kb": round((critical + gz["other"] + index_gz) / 1024, 1),
        "third_party": external,
    }


def _kind(location: str) -> str:
    """The kind of page a search entry belongs to, from its location."""
    page = location.split("#")[0]
    first = page.split("/")[0]
    if first == "pratiques":
        return "catalog" if page in ("pratiques/", "pratiques/index.html") else "cards"
    return {"principes": "taxonomy", "themes": "taxonomy", "formations": "courses"}.get(first, "other pages")


def _pagefind_index(site: Path, cards: int, raw_text_bytes: int) -> dict:
    """Size of the Pagefind index (site/pagefind/: chunks and fragments, fetched a
    few at a time per query, never whole; benchmarks/search_weight.py measures that)."""
    files = [path for path in (site / "pagefind").rglob("*") if path.is_file()]
    total = sum(path.stat().st_size for path in files)
    return {
        "engine": "pagefind",
        "bytes": total,
        "gzip_bytes": total,  # Pagefind's files are compressed already
        "entries": sum(1 for path in files if path.parent.name == "fragment"),
        "bytes_per_card": round(total / max(cards, 1)),
        "raw_text_bytes": raw_text_bytes,
        "ratio_to_raw_text": round(total / raw_text_bytes, 3) if raw_text_bytes else None,
        "bytes_by_page_kind": {},
        "card_sections_bytes": {},
    }


def search_index(site: Path, cards: int, raw_text_bytes: int) -> dict:
    """Size of the search index: Material's (lunr, downloaded whole), per card, against
    the text, by kind of page and the ten heaviest card sections; or Pagefind's."""
    if not (site / "search" / "search_index.json").is_file() and (site / "pagefind").is_dir():
        return _pagefind_index(site, cards, raw_text_bytes)
    data = (site / "search" / "search_index.json").read_bytes()
    docs = json.loads(data)["docs"]
    by_kind: Counter[str] = Counter()
    sections: Counter[str] = Counter()
    for doc in docs:
        size = len(json.dumps(doc, separators=(",", ":")))
        kind = _kind(doc["location"])
        by_kind[kind] += size
        if kind == "cards" and "#" in doc["location"]:
            sections[doc["title"]] += size
    return {
        "engine": "lunr",
        "bytes": len(data),
        "gzip_bytes": gzip_size(data),
        "entries": len(docs),
        "bytes_per_card": round(len(data) / max(cards, 1)),
        "raw_text_bytes": raw_text_bytes,
        "ratio_to_raw_text": round(len(data) / raw_text_bytes, 3) if raw_text_bytes else None,
        "bytes_by_page_kind": dict(by_kind.most_common()),
        "card_sections_bytes": dict(sections.most_common(10)),
    }


def site_stats(site: Path) -> dict:
    files = [path for path in site.rglob("*") if path.is_file()]
    return {"html_pages": sum(path.suffix == ".html" for path in files), "site_bytes": sum(path.stat().st_size for path in files)}
