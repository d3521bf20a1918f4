"""Load, validate and cross-link all content of a project, reporting every problem."""

from __future__ import annotations

import contextlib
import gc
import os
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .courses import CourseData, load_courses
from .directory import Directory, load_directory
from .entries import read_entry
from .i18n import t
from .layout import Layout
from .model.fields import suggestion
from .model.diagnostic import DiagnosticConfig
from .model.practice import Practice
from .model.site_options import SiteOptions
from .model.vocabulary import GlossaryFile, GlossaryTerm, VocabularyFile
from .observatory import Observatory, load_observatory
from .problems import Problem, sort_problems
from .validation import validate
from .vocabularies import VOCABULARY_NAMES, Vocabulary
from .yamlsource import load_yaml



@dataclass(frozen=True, eq=False)
class Content:
    """Everything the site is built from, already validated; never changed once loaded
    (frozen, and the cards are a read-only mapping), so what is derived from it is
    computed once."""

    layout: Layout
    vocabularies: dict[str, Vocabulary]
    glossary: list[GlossaryTerm]
    practices: Mapping[str, Practice]
    sources: dict[str, str]
    problems: list[Problem]
    checked_files: int
    backlinks: dict[str, list[str]] = field(default_factory=dict)
    courses: dict[str, CourseData] = field(default_factory=dict)
    diagnostic: DiagnosticConfig | None = None
    site_options: SiteOptions = field(default_factory=SiteOptions)
    directory: Directory = field(default_factory=Directory)
    # Not problems: things to look at that never fail a check or a build (entries to re-check).
    notices: list[Problem] = field(default_factory=list)
    observatory: Observatory = field(default_factory=Observatory)  # published diagnostics

    @cached_property
    def _sorted(self) -> tuple[Practice, ...]:
        # Sorted once: every listing (catalog, taxonomy pages, export, diagnostic) asks.
        return tuple(sorted(self.practices.values(), key=lambda p: _sort_key(p.title)))

    def sorted_practices(self) -> list[Practice]:
        """The cards in title order (accents and case ignored); a new list each call."""
        return list(self._sorted)

    def practices_with(self, vocabulary_field: str, term_id: str) -> list[Practice]:
        return [p for p in self.sorted_practices() if term_id in getattr(p, vocabulary_field)]


@lru_cache(maxsize=65536)
def _sort_key(text: str) -> str:
    # Cached: every listing (catalog, each principle and theme, export, diagnostic)
    # sorts all cards again, and normalising a title costs more than the sort.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def load_vocabularies(layout: Layout) -> tuple[dict[str, Vocabulary], list[Problem]]:
    vocabularies: dict[str, Vocabulary] = {}
    problems: list[Problem] = []
    for name in VOCABULARY_NAMES:
        path = layout.vocabularies / f"{name}.yml"
        display = layout.display(path)
        if not path.exists():
            problems.append(Problem(display, 1, 1, t("vocab.missing_file", name=name, path=display), t("vocab.missing_file.hint"), "vocabulary"))
            vocabularies[name] = Vocabulary(name, ())
            continue
        document, found = load_yaml(path, display)
        problems += found
        parsed = None
        if document is not None:
            parsed, found = validate(VocabularyFile, document, {})
            problems += found
        terms = parsed.terms if parsed else ()
        seen: set[str] = set()
        for index, term in enumerate(terms):
            if term.id in seen:
                problems.append(document.problem(("terms", index, "id"), t("vocab.duplicate_term", id=term.id)))
            seen.add(term.id)
        vocabularies[name] = Vocabulary(name, tuple(terms))
    return vocabularies, problems


def load_glossary(layout: Layout) -> tuple[list[GlossaryTerm], list[Problem]]:
    path = layout.glossary
    if not path.exists():
        return [], []
    document, problems = load_yaml(path, layout.display(path))
    if document is None:
        return [], problems
    parsed, found = validate(GlossaryFile, document, {})
    problems += found
    if parsed is None:
        return [], problems
    ids_seen: set[str] = set()
    spellings_seen: set[str] = set()
    # Ids (page anchors) and spellings (tooltips) are two namespaces: each must be unique.
    for index, entry in enumerate(parsed.terms):
        checks = [(entry.id, ids_seen, ("id",)), (entry.term, spellings_seen, ("term",))]
        checks += [(alias, spellings_seen, ("aliases", n)) for n, alias in enumerate(entry.aliases)]
        for key, seen, where in checks:
            if key in seen:
                problems.append(document.problem(("terms", index, *where), t("glossary.duplicate", term=key)))
            seen.add(key)
    return sorted(parsed.terms, key=lambda e: _sort_key(e.term)), problems


def load_diagnostic(layout: Layout, vocabularies: dict[str, Vocabulary]) -> tuple[DiagnosticConfig | None, list[Problem]]:
    path = layout.diagnostic
    if not path.exists():
        return None, []
    document, problems = load_yaml(path, layout.display(path))
    if document is None:
        return None, problems
    config, found = validate(DiagnosticConfig, document, {"vocabularies": vocabularies})
    problems += found
    if config is not None:
        for level in vocabularies["levels"].ids:
            if level not in config.level_values:
                problems.append(document.problem(("level_values",), t("diagnostic.missing_levels", level=level)))
    return config, problems


SITE_CONFIG = "mkdocs.yml"
SITE_OPTIONS_AT = ("extra", "plateformcoop")


def load_site_options(root: Path) -> tuple[SiteOptions, list[Problem]]:
    """The engine's settings (mkdocs.yml, ``extra.plateformcoop``), validated like content.

    Only that part of mkdocs.yml is read as data; the defaults when it is absent
    or invalid (its problems are reported)."""
    path = Path(root) / SITE_CONFIG
    if not path.exists():
        return SiteOptions(), []
    document, problems = load_yaml(path, SITE_CONFIG, at=SITE_OPTIONS_AT)
    if document is None or document.data is None:
        return SiteOptions(), problems
    if not isinstance(document.data, dict):
        where = ".".join(SITE_OPTIONS_AT)
        return SiteOptions(), problems + [document.problem((), t("site.not_mapping", where=where), t("site.not_mapping.hint"), code="structure")]
    options, found = validate(SiteOptions, document, {})
    return options or SiteOptions(), problems + found


def _walk_files(folder: Path) -> list[Path]:
    """Every file below ``folder`` (sorted), skipping hidden files and folders."""
    found: list[Path] = []
    for directory, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(directory, name) for name in names if not name.startswith(".")]
    return sorted(found)


def practice_files(layout: Layout) -> tuple[list[Path], list[Problem]]:
    """Every .yml card file, and a problem for every other file in practices/."""
    files: list[Path] = []
    problems: list[Problem] = []
    if not layout.practices.is_dir():
        return files, problems
    for path in _walk_files(layout.practices):
        display = layout.display(path)
        if path.suffix != ".yml" or path.parent != layout.practices:
            suggested = f"practices/{path.stem}.yml"
            problems.append(Problem(display, 1, 1, t("file.wrong_extension"), t("file.wrong_extension.hint", suggested=suggested), "file"))
            continue
        files.append(path)
    return files, problems


def load_practices(
    layout: Layout, vocabularies: dict[str, Vocabulary], found_files: tuple[list[Path], list[Problem]] | None = None
) -> tuple[dict[str, Practice], dict[str, str], dict[str, list[tuple[int, int]]], list[Problem]]:
    """Valid cards by id, their source files, where their ``related`` entries sit
    (line, column: all that cross-checking needs of a file, so that its parsed
    YAML can be freed as soon as the card is validated) and every problem found."""
    files, problems = found_files if found_files is not None else practice_files(layout)
    problems = list(problems)
    context = {"vocabularies": vocabularies}
    practices: dict[str, Practice] = {}
    sources: dict[str, str] = {}
    related_at: dict[str, list[tuple[int, int]]] = {}
    claimed: dict[str, str] = {}  # id -> display path of the first file using it
    for path in files:
        display, document, found = read_entry(layout, path)
        problems += found
        if document is None:
            continue
        stem = path.stem
        raw_id = document.data.get("id") if isinstance(document.data, dict) else None
        if isinstance(raw_id, str) and raw_id:
            if raw_id != stem:
                problems.append(document.problem(("id",), t("corpus.id_mismatch", id=raw_id, stem=stem), t("corpus.id_mismatch.hint", id=raw_id, stem=stem), code="id"))
            if raw_id in claimed:
                problems.append(document.problem(("id",), t("corpus.id_duplicate", id=raw_id, other=claimed[raw_id]), t("corpus.id_duplicate.hint"), code="id"))
            else:
                claimed[raw_id] = display
        practice, found = validate(Practice, document, context)
        problems += found
        if practice is not None and practice.id == stem and not found:
            practices[practice.id] = practice
            sources[practice.id] = display
            related_at[practice.id] = [document.position(("related", index)) for index in range(len(practice.related))]
    return practices, sources, related_at, problems


def cross_check(
    practices: dict[str, Practice], sources: dict[str, str], related_at: dict[str, list[tuple[int, int]]], all_ids: set[str]
) -> tuple[dict[str, list[str]], list[Problem]]:
    """Related cards must exist; compute the reverse links ("cards that link here")."""
    problems: list[Problem] = []
    backlinks: dict[str, list[str]] = {pid: [] for pid in practices}
    for pid, practice in practices.items():
        for index, other in enumerate(practice.related):
            line, col = related_at[pid][index]
            if other == pid:
                problems.append(Problem(sources[pid], line, col, t("corpus.related_self"), t("corpus.related_self.hint", id=pid), "related"))
            elif other not in all_ids:
                guess = suggestion(other, sorted(all_ids))
                hint = t("hint.did_you_mean", guess=guess) if guess else ""
                problems.append(Problem(sources[pid], line, col, t("corpus.unknown_related", id=other), hint, "related"))
            elif other in backlinks:
                backlinks[other].append(pid)
    return backlinks, problems


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while content is read (or rendered).

    Loading allocates many long-lived objects (YAML nodes kept for locating
    problems, models) and almost no cyclic garbage; the collector kept walking
    them and took a third of the time of ``plateformcoop check`` (measured on
    1,000 cards). Reference counting still frees memory as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_content(root: Path | str) -> Content:
    """Read and validate the whole project. Problems are collected, never raised."""
    with gc_paused():
        return _load_content(root)


def _load_content(root: Path | str) -> Content:
    layout = Layout(Path(root).resolve())
    vocabularies, problems = load_vocabularies(layout)
    glossary, found = load_glossary(layout)
    problems += found
    card_files = practice_files(layout)
    practices, sources, related_at, found = load_practices(layout, vocabularies, card_files)
    problems += found
    # A card that exists but is invalid is still a valid target: report it once, not in every card linking to it.
    existing_ids = {path.stem for path in card_files[0]}
    backlinks, found = cross_check(practices, sources, related_at, existing_ids)
    problems += found
    if not existing_ids:
        problems.append(Problem("practices/", 1, 1, t("corpus.no_practices"), t("corpus.no_practices.hint"), "empty"))
    courses, found, course_files = load_courses(layout, {"vocabularies": vocabularies, "card_ids": existing_ids})
    problems += found
    diagnostic, found = load_diagnostic(layout, vocabularies)
    problems += found
    site_options, found = load_site_options(layout.root)
    problems += found
    directory, found, notices, directory_files = load_directory(
        layout, vocabularies, existing_ids, stale_after_months=site_options.stale_after_months
    )
    problems += found
    observatory, found, observatory_notices, observatory_files = load_observatory(layout, diagnostic, practices, vocabularies)
    problems += found
    data_files = sum(1 for path in (layout.glossary, layout.diagnostic) if path.exists())
    checked = len(existing_ids) + len(VOCABULARY_NAMES) + data_files + course_files + directory_files + observatory_files
    return Content(
        layout=layout,
        vocabularies=vocabularies,
        glossary=glossary,
        practices=MappingProxyType(practices),
        sources=sources,
        problems=sort_problems(problems),
        checked_files=checked,
        backlinks={pid: sorted(ids, key=lambda i: _sort_key(practices[i].title)) for pid, ids in backlinks.items()},
        courses=courses,
        diagnostic=diagnostic,
        site_options=site_options,
        directory=directory,
        notices=sort_problems(notices + observatory_notices),
        observatory=observatory,
    )


_cache: dict[Path, tuple[tuple[Any, ...], Content]] = {}


def _fingerprint(layout: Layout) -> tuple[Any, ...]:
    stats = []
    config = layout.root / SITE_CONFIG
    if config.exists():  # the engine's settings live there
        info = config.stat()
        stats.append((str(config), info.st_mtime_ns, info.st_size))
    for folder in (layout.practices, layout.data, layout.courses, layout.platforms):
        if folder.is_dir():
            for path in folder.rglob("*"):
                info = path.stat()
                stats.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(sorted(stats))


def load_content_cached(root: Path | str) -> Content:
    """Same as :func:`load_content`, reused while no content file changed (serve, macros)."""
    layout = Layout(Path(root).resolve())
    key = _fingerprint(layout)
    cached = _cache.get(layout.root)
    if cached and cached[0] == key:
        return cached[1]
    content = load_content(layout.root)
    _cache[layout.root] = (key, content)
    return content
