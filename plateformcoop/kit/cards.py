"""A printed card: what its two faces say, and how much of it fits.

The back of a card holds the steps and pitfalls "in short". Most cards fit at
the normal size; a long one is tried again smaller, then with each item cut to
its first sentence, then with only the first items (the rest is online, behind
the QR code). Whether a level fits is decided by rendering the card (see
``pdf.render_card``), never guessed from its length.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..content import Content
from ..model.practice import Practice
from ..render.markdown import french_date
from ..render.paths import practice_path
from ..render.settings import SiteSettings
from .markup import first_sentence, to_html
from .qr import qr_data_uri

# Fit levels, tried in this order: CSS class, items cut to a sentence, items kept at most.
FIT_LEVELS: tuple[tuple[str, bool, int | None], ...] = (
    ("normal", False, None),
    ("compact", False, None),
    ("compact", True, None),
    ("tight", True, None),
    ("tight", True, 4),
    ("tight", True, 2),
)


@dataclass(frozen=True)
class PrintedCard:
    id: str
    title: str
    summary: str
    principles: tuple[str, ...]
    audiences: tuple[str, ...]
    effort: str
    impact: str
    url: str | None
    qr: str | None
    short_url: str
    license: str
    updated: str
    steps: tuple[str, ...] = field(repr=False)  # Markdown
    pitfalls: tuple[str, ...] = field(repr=False)
    level: int = 0

    @property
    def fit(self) -> str:
        return FIT_LEVELS[self.level][0]

    def _items(self, items: tuple[str, ...]) -> tuple[list[Any], int]:
        _, short, keep = FIT_LEVELS[self.level]
        kept = items if keep is None else items[:keep]
        return [to_html(first_sentence(i) if short else i, inline=True) for i in kept], len(items) - len(kept)

    @property
    def steps_html(self) -> list[Any]:
        return self._items(self.steps)[0]

    @property
    def more_steps(self) -> int:
        return self._items(self.steps)[1]

    @property
    def pitfalls_html(self) -> list[Any]:
        return self._items(self.pitfalls)[0]

    @property
    def more_pitfalls(self) -> int:
        return self._items(self.pitfalls)[1]

    def at_level(self, level: int) -> PrintedCard:
        return replace(self, level=level)


def printed_card(content: Content, card: Practice, settings: SiteSettings) -> PrintedCard:
    lang = settings.language
    vocab = content.vocabularies
    url = settings.absolute(practice_path(card.id))
    short = url.split("://", 1)[-1] if url else practice_path(card.id)
    return PrintedCard(
        id=card.id,
        title=card.title,
        summary=card.summary,
        principles=tuple(vocab["principles"].label(p, lang) for p in card.principles),
        audiences=tuple(vocab["audiences"].label(a, lang) for a in card.audiences),
        effort=vocab["levels"].label(card.effort, lang),
        impact=vocab["levels"].label(card.impact, lang),
        url=url,
        qr=qr_data_uri(url) if url else None,
        short_url=short,
        license=vocab["licenses"].label(card.license, lang) if card.license in vocab["licenses"].ids else card.license,
        updated=french_date(card.updated, lang),
        steps=tuple(card.steps),
        pitfalls=tuple(card.pitfalls),
    )
