"""Where generated pages go (source paths as MkDocs expects them) and how to link them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

PRACTICES = "pratiques"
PRINCIPLES = "principes"
THEMES = "themes"
GLOSSARY = "glossaire.md"
EXPORT = "donnees/pratiques.json"

# Which taxonomy gets pages, and where (vocabulary field of a card -> folder).
TAXONOMY_FOLDERS = {"principles": PRINCIPLES, "themes": THEMES}


def practice_path(practice_id: str) -> str:
    return f"{PRACTICES}/{practice_id}.md"


def catalog_path() -> str:
    return f"{PRACTICES}/index.md"


def term_path(field: str, term_id: str) -> str:
    return f"{TAXONOMY_FOLDERS[field]}/{term_id}.md"


def index_path(field: str) -> str:
    return f"{TAXONOMY_FOLDERS[field]}/index.md"


@lru_cache(maxsize=65536)  # pages link the same few folders and cards again and again
def relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-relative paths, without its two ``getcwd`` calls.

    Same result: for relative paths that do not climb above the site root the
    current directory is a common prefix of both and cancels out. Other paths
    go through ``posixpath.relpath`` itself. (Linking every card from catalog,
    taxonomy and diagnostic pages made ``getcwd`` a visible cost.)
    """
    if not path:
        return posixpath.relpath(path, start)  # raises ValueError, as before
    path_norm, start_norm = posixpath.normpath(path), posixpath.normpath(start)
    if path_norm.startswith(("/", "..")) or start_norm.startswith(("/", "..")):
        return posixpath.relpath(path, start)
    start_parts = [part for part in start_norm.split("/") if part and part != "."]
    path_parts = [part for part in path_norm.split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(start_parts, path_parts):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    return "/".join(parts) if parts else "."


def md_link(from_path: str, to_path: str) -> str:
    """Relative link between two source pages; the site generator turns .md into URLs."""
    return relpath(to_path, posixpath.dirname(from_path) or ".")


@dataclass(frozen=True)
class UrlStyle:
    """How a source path becomes a URL, for links written in raw HTML."""

    directory_urls: bool = True

    def url(self, src_path: str) -> str:
        if not src_path.endswith(".md"):
            return src_path  # static files keep their path
        base = src_path[: -len(".md")]
        if not self.directory_urls:
            return base + ".html"
        if base == "index" or base.endswith("/index"):
            return base[: -len("index")]
        return base + "/"

    def link(self, from_path: str, to_path: str) -> str:
        from_url, to_url = self.url(from_path), self.url(to_path)
        from_dir = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url)
        relative = relpath(to_url or ".", from_dir or ".")
        if to_url.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return "./" if relative in (".", "./") else relative
