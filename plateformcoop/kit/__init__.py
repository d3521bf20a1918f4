"""Workshop kit: printed card decks, course handouts, facilitator packs and the
paper diagnostic, as PDF files built from the same content as the site.

``plan`` says which PDFs exist (the download pages link them, the hook registers
them); ``build`` writes them with WeasyPrint (``pdf``). Nothing here imports MkDocs.

Modules: ``decks`` (which cards in which deck), ``cards`` (a card's two faces
and how they fit), ``handouts`` (a course on paper), ``questionnaire`` (the
diagnostic on paper), ``markup`` (Markdown fields as HTML), ``qr`` (QR codes),
``templates`` (Jinja, autoescaped), ``pdf`` (WeasyPrint).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..content import Content
from ..i18n import t
from ..render.paths import deck_pdf_path, handout_pdf_path, questionnaire_pdf_path
from ..render.settings import SiteSettings
from .decks import Deck, decks
from .questionnaire import printed_variants

CARDS_PER_SHEET = 4


@dataclass(frozen=True)
class Limits:
    """How big a printed deck may get (measured: docs/performances.md, "Kits d'atelier").

    Laying out a card costs about half a second of processor time, once per card
    for every A6 deck and once more per deck for its A4 sheets. A deck of more
    than ``deck_max_cards`` cards is not built (no workshop prints hundreds of
    cards; they are all online, and in the smaller decks); A4 sheets are made
    for decks of at most ``sheets_max_cards`` cards, the few dozen a workshop
    cuts out. ``None``: no limit.
    """

    deck_max_cards: int | None = 150
    sheets_max_cards: int | None = 60


LIMITS = Limits()


@dataclass(frozen=True)
class KitFile:
    path: str  # site path (render/paths.py)
    kind: str  # deck | sheets | handout | facilitator | questionnaire
    title: str
    deck: Deck | None = None
    course_id: str | None = None
    variant_id: str | None = None

    @property
    def pages(self) -> int | None:
        """Known before building for decks (2 per card) and sheets (2 per 4 cards)."""
        if self.deck is None:
            return None
        count = len(self.deck.cards)
        return 2 * count if self.kind == "deck" else 2 * -(-count // CARDS_PER_SHEET)


def _within(count: int, limit: int | None) -> bool:
    return limit is None or count <= limit


def too_large(content: Content, settings: SiteSettings, limits: Limits = LIMITS) -> list[Deck]:
    """The decks left out of the kit because they hold more than ``limits.deck_max_cards`` cards."""
    return [deck for deck in decks(content, settings.language) if not _within(len(deck.cards), limits.deck_max_cards)]


def plan(content: Content, settings: SiteSettings, limits: Limits = LIMITS) -> list[KitFile]:
    """Every PDF of the kit, in the order the download pages list them."""
    lang = settings.language
    files: list[KitFile] = []
    for deck in decks(content, lang):
        if not _within(len(deck.cards), limits.deck_max_cards):
            continue
        files.append(KitFile(deck_pdf_path(deck.id), "deck", t("kit.deck_file", lang, deck=deck.title), deck, deck.course_id))
        if _within(len(deck.cards), limits.sheets_max_cards):
            title = t("kit.sheets_file", lang, deck=deck.title)
            files.append(KitFile(deck_pdf_path(deck.id, sheet=True), "sheets", title, deck, deck.course_id))
    for course_id, data in content.courses.items():
        if not data.lessons:
            continue
        for facilitator in (False, True):
            kind = "facilitator" if facilitator else "handout"
            title = t("kit.facilitator_title" if facilitator else "kit.handout_title", lang, title=data.course.title)
            files.append(KitFile(handout_pdf_path(course_id, facilitator), kind, title, course_id=course_id))
    for variant, _first in printed_variants(content):
        title = t("kit.questionnaire_file", lang, title=variant.title.get(lang) or next(iter(variant.title.values())))
        files.append(KitFile(questionnaire_pdf_path(variant.id), "questionnaire", title, variant_id=variant.id))
    return files


@dataclass
class BuildReport:
    files: dict[str, int] = field(default_factory=dict)  # site path -> pages
    cached: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cards_laid_out: int = 0


def _code_fingerprint() -> str:
    """The kit's code, templates, stylesheet and UI strings: a change in any makes every PDF stale."""
    package = resources.files("plateformcoop.kit")
    entries = [*package.iterdir(), *package.joinpath("templates").iterdir(), resources.files("plateformcoop").joinpath("locales")]
    digest = hashlib.sha256()
    for item in sorted(entries, key=lambda entry: str(entry)):
        for path in sorted(item.iterdir(), key=str) if item.is_dir() else [item]:
            if path.is_file() and not path.name.endswith(".pyc"):
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build(
    content: Content,
    settings: SiteSettings,
    site_dir: Path,
    *,
    cache_dir: Path | None = None,
    files: list[KitFile] | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Write every planned PDF under ``site_dir``. With ``cache_dir``, a PDF whose
    inputs (content, templates, stylesheet, WeasyPrint version) did not change
    since a previous build is copied from there instead of being laid out again."""
    from . import pdf
    from .cards import printed_card
    from .handouts import course_document
    from .questionnaire import questionnaire_data

    started = time.perf_counter()
    report = BuildReport()
    planned = plan(content, settings) if files is None else files
    lang = settings.language
    base_key = f"{pdf.engine_version()}|{_code_fingerprint()}|{lang}|{settings.site_url}"
    practices = content.practices
    printed = {pid: printed_card(content, practices[pid], settings) for kit in planned if kit.deck for pid in kit.deck.cards}

    def key_of(kit: KitFile) -> str:
        parts = [base_key, kit.kind, kit.path, kit.title]
        if kit.deck is not None:
            parts += [repr(printed[pid]) for pid in kit.deck.cards]
        elif kit.course_id is not None:
            data = content.courses[kit.course_id]
            parts += [repr(data.course), *(repr(lesson.meta) + repr(lesson.segments) for lesson in data.lessons)]
            parts += [practices[c].title for c in data.cited_cards() if c in practices]
        elif kit.variant_id is not None:
            parts += [repr(content.diagnostic), *(repr(p) for p in content.sorted_practices())]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    todo: list[tuple[KitFile, Path | None]] = []
    for kit in planned:
        target = site_dir / kit.path
        cached = cache_dir / f"{key_of(kit)}.pdf" if cache_dir is not None else None
        if cached is not None and cached.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
            report.files[kit.path] = kit.pages or 0
            report.cached.append(kit.path)
        else:
            todo.append((kit, cached))
    if not todo:
        report.seconds = time.perf_counter() - started
        return report

    engine = pdf.Engine(lang)
    needed = list(dict.fromkeys(pid for kit, _ in todo if kit.deck for pid in kit.deck.cards))
    laid_out = engine.render_cards([printed[pid] for pid in needed]) if needed else {}
    report.cards_laid_out = len(laid_out)
    template = None
    for kit, cached in todo:
        target = site_dir / kit.path
        if progress:
            progress(kit.path)
        if kit.kind == "deck":
            assert kit.deck is not None
            pages = [page for pid in kit.deck.cards for page in laid_out[pid][1]]
            if template is None:
                template = engine.render_template("cards.html", kit.title, cards=[])
            count = engine.write(pages, template, target, kit.title)
        elif kit.kind == "sheets":
            assert kit.deck is not None
            cards = [laid_out[pid][0] for pid in kit.deck.cards]
            groups = [cards[i : i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]
            document = engine.render_template("sheets.html", kit.title, groups=groups, deck_title=kit.deck.title)
            count = engine.write_document(document, target, kit.title)
        elif kit.kind in ("handout", "facilitator"):
            assert kit.course_id is not None
            handout = course_document(content, content.courses[kit.course_id], settings, kit.kind == "facilitator")
            document = engine.render_template("handout.html", handout.title, base_url=handout.base_url, **handout.data)
            count = engine.write_document(document, target, handout.title)
        else:
            variant, first = next((v, f) for v, f in printed_variants(content) if v.id == kit.variant_id)
            data = questionnaire_data(content, variant, first, settings)
            document = engine.render_template("questionnaire.html", kit.title, **data)
            count = engine.write_document(document, target, kit.title)
        report.files[kit.path] = count
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, cached)
    report.seconds = time.perf_counter() - started
    return report
