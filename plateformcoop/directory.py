"""The directory of platforms: load, validate and cross-check platforms/<id>.yml.

Every problem is located like a card's. Staleness is reported apart, as notices:
an entry not verified for too long must be re-checked, but time alone never
fails a build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import t
from .layout import Layout
from .model.fields import suggestion
from .model.platform import Commune, Departement, Platform, TerritoriesFile
from .problems import Problem
from .render.paths import DIRECTORY_PAGES
from .validation import validate
from .vocabularies import Vocabulary
from .entries import read_entry
from .yamlsource import load_yaml


# An entry verified longer ago than this is listed for re-checking.
DEFAULT_STALE_AFTER_MONTHS = 12


@dataclass(frozen=True)
class Territories:
    """Départements and communes (Insee codes) a directory entry may name."""

    departements: tuple[Departement, ...] = ()
    communes: tuple[Commune, ...] = ()

    def name(self, code: str) -> str:
        for item in (*self.departements, *self.communes):
            if item.code == code:
                return item.name
        raise KeyError(code)

    def departement_of(self, code: str) -> str:
        """The département a territory code lies in (a département is its own)."""
        for commune in self.communes:
            if commune.code == code:
                return commune.departement
        return code

    @property
    def codes(self) -> set[str]:
        return {item.code for item in (*self.departements, *self.communes)}

    @property
    def region(self) -> list[Departement]:
        return [d for d in self.departements if d.region]


@dataclass
class Directory:
    platforms: dict[str, Platform] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    territories: Territories = field(default_factory=Territories)
    stale: list[str] = field(default_factory=list)  # ids of entries to re-check, oldest first

    def sorted_platforms(self) -> list[Platform]:
        return sorted(self.platforms.values(), key=lambda p: p.name.casefold())

    def applying(self, card_id: str) -> list[Platform]:
        """Platforms of the network that apply a card (closed ones excluded: examples must be current)."""
        return [p for p in self.sorted_platforms() if not p.is_closed and any(a.card == card_id for a in p.practices)]

    def departements_served(self, platform: Platform) -> list[str]:
        """Départements a platform serves: those it names, and every one of the region if it works nationally."""
        own = [self.territories.departement_of(code) for code in platform.territories]
        if platform.scope == "national":
            own += [d.code for d in self.territories.region]
        return list(dict.fromkeys(own))

    def serving(self, departement: str) -> list[Platform]:
        """Platforms that currently serve a département (closed ones excluded), national ones included."""
        return [p for p in self.sorted_platforms() if not p.is_closed and departement in self.departements_served(p)]


def load_territories(layout: Layout) -> tuple[Territories, list[Problem]]:
    path = layout.territories
    display = layout.display(path)
    if not path.exists():
        return Territories(), [Problem(display, 1, 1, t("territories.missing_file", path=display), t("territories.missing_file.hint"), "file")]
    document, problems = load_yaml(path, display)
    if document is None:
        return Territories(), problems
    parsed, found = validate(TerritoriesFile, document, {})
    problems += found
    if parsed is None:
        return Territories(), problems
    seen: set[str] = set()
    for section in ("departements", "communes"):
        for index, item in enumerate(getattr(parsed, section)):
            if item.code in seen:
                problems.append(document.problem((section, index, "code"), t("territories.duplicate", code=item.code)))
            seen.add(item.code)
    departements = {d.code for d in parsed.departements}
    for index, commune in enumerate(parsed.communes):
        if commune.departement not in departements:
            problems.append(document.problem(("communes", index, "departement"), t("territories.unknown_departement", code=commune.departement)))
    return Territories(tuple(parsed.departements), tuple(parsed.communes)), problems


def platform_files(layout: Layout) -> tuple[list[Path], list[Problem]]:
    """Every platforms/<id>.yml (subfolders hold a platform's published files, e.g. diagnostics)."""
    if not layout.platforms.is_dir():
        return [], []
    files, problems = [], []
    for path in sorted(layout.platforms.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix != ".yml":
            suggested = f"platforms/{path.stem}.yml"
            problems.append(Problem(layout.display(path), 1, 1, t("file.wrong_extension"), t("file.wrong_extension.hint", suggested=suggested), "file"))
            continue
        files.append(path)
    return files, problems


def load_directory(
    layout: Layout,
    vocabularies: dict[str, Vocabulary],
    card_ids: set[str],
    *,
    today: dt.date | None = None,
    stale_after_months: int = DEFAULT_STALE_AFTER_MONTHS,
) -> tuple[Directory, list[Problem], list[Problem], int]:
    """The directory, its problems, its notices (entries to re-check) and how many files were read."""
    territories, problems = load_territories(layout)
    files, found = platform_files(layout)
    problems += found
    today = today or dt.date.today()
    directory = Directory(territories=territories)
    names: dict[str, str] = {}
    ids: dict[str, str] = {}
    notices: list[Problem] = []
    for path in files:
        display, document, found = read_entry(layout, path)
        problems += found
        if document is None:
            continue
        platform, found = validate(Platform, document, {"vocabularies": vocabularies})
        problems += found
        if platform is None:
            continue
        local: list[Problem] = []
        if platform.id != path.stem:
            local.append(document.problem(("id",), t("corpus.id_mismatch", id=platform.id, stem=path.stem), t("corpus.id_mismatch.hint", id=platform.id, stem=path.stem), code="id"))
        if platform.id in DIRECTORY_PAGES:  # its page would replace one of the directory's own
            local.append(document.problem(("id",), t("corpus.id_reserved", id=platform.id), t("corpus.id_reserved.hint"), code="id"))
        if platform.id in ids:
            local.append(document.problem(("id",), t("corpus.id_duplicate", id=platform.id, other=ids[platform.id]), t("corpus.id_duplicate.hint"), code="id"))
        key = platform.name.casefold()
        if key in names:
            local.append(document.problem(("name",), t("directory.duplicate_name", name=platform.name, other=names[key]), t("directory.duplicate_name.hint"), code="name"))
        for index, code in enumerate(platform.territories):
            if code not in territories.codes:
                guess = suggestion(code, sorted(territories.codes))
                hint = t("hint.did_you_mean", guess=guess) if guess else t("directory.unknown_territory.hint")
                local.append(document.problem(("territories", index), t("directory.unknown_territory", code=code), hint, code="territory"))
        cited: set[str] = set()
        for index, applied in enumerate(platform.practices):
            if applied.card not in card_ids:
                guess = suggestion(applied.card, sorted(card_ids))
                hint = t("hint.did_you_mean", guess=guess) if guess else t("directory.unknown_card.hint")
                local.append(document.problem(("practices", index, "card"), t("directory.unknown_card", id=applied.card), hint, code="card"))
            elif applied.card in cited:
                local.append(document.problem(("practices", index, "card"), t("directory.duplicate_card", id=applied.card), t("directory.duplicate_card.hint"), code="card"))
            cited.add(applied.card)
        ids.setdefault(platform.id, display)
        names.setdefault(key, display)
        problems += local
        if local:
            continue
        directory.platforms[platform.id] = platform
        directory.sources[platform.id] = display
        months = platform.age_of_verification(today)
        if months >= stale_after_months and not platform.is_closed:
            line, col = document.position(("verified",))
            notices.append(
                Problem(
                    display, line, col,
                    t("directory.stale", date=platform.verified.isoformat(), who=platform.verified_by, months=months, limit=stale_after_months),
                    t("directory.stale.hint"),
                    "stale",
                )
            )
    stale_files = {notice.path for notice in notices}
    directory.stale = sorted(
        (pid for pid, source in directory.sources.items() if source in stale_files),
        key=lambda pid: directory.platforms[pid].verified,
    )
    return directory, problems, notices, len(files) + (1 if layout.territories.exists() else 0)
