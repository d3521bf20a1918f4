"""Where every generated page goes (source paths as MkDocs expects them) and how to link them.

The one home of page paths: renderers, the hooks and the tests ask here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

PRACTICES = "pratiques"
PRINCIPLES = "principes"
THEMES = "themes"
COURSES = "formations"
DIAGNOSTIC = "diagnostic"
DIRECTORY = "annuaire"
TERRITORIES = "territoires"
GLOSSARY = "glossaire.md"
DATA_PAGE = "donnees/index.md"
EXPORT = "donnees/pratiques.json"
DIRECTORY_JSON = "donnees/annuaire.json"
DIRECTORY_CSV = "donnees/annuaire.csv"
OBSERVATORY = "observatoire"
OBSERVATORY_JSON = "donnees/observatoire.json"
REFERENCE = "contribuer/reference.md"
TEMPLATE_PAGE = "contribuer/modele-de-fiche.md"
KITS = "kits"  # workshop kits: the decks page and every PDF (plateformcoop/kit)

# Which taxonomy gets pages, and where (vocabulary field of a card -> folder).
TAXONOMY_FOLDERS = {"principles": PRINCIPLES, "themes": THEMES}


def practice_path(practice_id: str) -> str:
    return f"{PRACTICES}/{practice_id}.md"


def practice_catalog_path() -> str:
    return f"{PRACTICES}/index.md"


def term_path(field: str, term_id: str) -> str:
    return f"{TAXONOMY_FOLDERS[field]}/{term_id}.md"


def index_path(field: str) -> str:
    return f"{TAXONOMY_FOLDERS[field]}/index.md"


# Pages of the directory's folder besides the entries': no entry may take their names.
DIRECTORY_PAGES = frozenset({"index", "a-reverifier"})


def directory_path() -> str:
    return f"{DIRECTORY}/index.md"


def platform_path(platform_id: str) -> str:
    return f"{DIRECTORY}/{platform_id}.md"


def stale_path() -> str:
    return f"{DIRECTORY}/a-reverifier.md"  # listed in DIRECTORY_PAGES


def territories_path() -> str:
    return f"{TERRITORIES}/index.md"


def territory_path(code: str) -> str:
    return f"{TERRITORIES}/{code}.md"


def observatory_path(page: str | None = None) -> str:
    """The observatory's index (``None``) and its pages: "pratiques", "evolution", "publier"."""
    return f"{OBSERVATORY}/index.md" if page is None else f"{OBSERVATORY}/{page}.md"


def course_catalog_path() -> str:
    return f"{COURSES}/index.md"


def course_path(course_id: str) -> str:
    return f"{COURSES}/{course_id}/index.md"


def lesson_path(course_id: str, lesson_id: str) -> str:
    return f"{COURSES}/{course_id}/{lesson_id}.md"


def attestation_path(course_id: str) -> str:
    return f"{COURSES}/{course_id}/attestation.md"


def guide_path(course_id: str) -> str:
    return f"{COURSES}/{course_id}/guide-animation.md"


def course_asset_path(course_id: str, target: str) -> str:
    return f"{COURSES}/{course_id}/{target}"


def course_kit_path(course_id: str) -> str:
    """The download page of a course's workshop kit."""
    return f"{COURSES}/{course_id}/kit.md"


def kits_page_path() -> str:
    """The page listing the card decks and every course kit."""
    return f"{KITS}/index.md"


def deck_pdf_path(deck_id: str, sheet: bool = False) -> str:
    """A card deck: one A6 card per page, or (``sheet``) A4 sheets of four with cut marks."""
    return f"{KITS}/jeux/{deck_id}{'-planches-a4' if sheet else '-a6'}.pdf"


def handout_pdf_path(course_id: str, facilitator: bool = False) -> str:
    """A course's learner handout, or its facilitator's edition."""
    return f"{KITS}/formations/{course_id}-{'animation' if facilitator else 'apprenant'}.pdf"


def questionnaire_pdf_path(variant_id: str) -> str:
    """A diagnostic variant as a paper questionnaire."""
    return f"{KITS}/diagnostic-{variant_id}.pdf"


def diagnostic_path(variant_id: str | None = None) -> str:
    """The first variant (``None``) is the section's index page; the others sit beside it."""
    return f"{DIAGNOSTIC}/index.md" if variant_id is None else f"{DIAGNOSTIC}/{variant_id}.md"


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
