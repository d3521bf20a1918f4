"""HTML -> PDF with WeasyPrint: tagged PDF/UA-1, document language and title set,
fonts embedded (subsets), no network (only ``file:`` and ``data:`` URLs are fetched).

WeasyPrint is imported here only: the rest of the engine (and ``plateformcoop
check``) runs without it.
"""

from __future__ import annotations

import copy
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cards import FIT_LEVELS, PrintedCard
from .templates import render_template

if TYPE_CHECKING:  # pragma: no cover
    from weasyprint import Document

# Tagged PDF for accessibility: structure tree in DOM order, /Lang, /Title shown
# as the window title. WeasyPrint calls its PDF/UA support experimental.
PDF_VARIANT = "pdf/ua-1"
AUTHOR = "Plateformcoop"
# Lowest point a card face's content may reach on its A6 page, in CSS pixels:
# page margin 7 mm + card box 134 mm - bottom padding 4.5 mm - border 0.3 mm (kit.css).
_PX_PER_MM = 96 / 25.4
CARD_CONTENT_BOTTOM = (7 + 134 - 4.5 - 0.3) * _PX_PER_MM


def stylesheet_text() -> str:
    return resources.files("plateformcoop.kit").joinpath("templates/kit.css").read_text(encoding="utf-8")


def engine_version() -> str:
    import weasyprint

    return weasyprint.__version__


class Engine:
    """One WeasyPrint set-up (fonts, parsed stylesheet, URL fetcher) for a whole build."""

    def __init__(self, lang: str = "fr") -> None:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        self.lang = lang
        self._weasyprint = weasyprint
        self.fonts = FontConfiguration()
        self.fetcher = weasyprint.URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.css = weasyprint.CSS(string=stylesheet_text(), font_config=self.fonts)

    def render(self, html: str, base_url: str | None = None) -> Document:
        document = self._weasyprint.HTML(string=html, base_url=base_url or ".", url_fetcher=self.fetcher)
        return document.render(stylesheets=[self.css], font_config=self.fonts)

    def render_template(self, name: str, title: str, base_url: str | None = None, **data: Any) -> Document:
        return self.render(render_template(name, self.lang, title=title, author=AUTHOR, **data), base_url)

    def render_cards(self, cards: list[PrintedCard]) -> dict[str, tuple[PrintedCard, list[Any]]]:
        """Every card on two A6 pages (front, back), at the first fit level where
        each face stays on its page: a face that overflows adds a page, and its
        card is laid out again at the next level. All cards of a level share one
        layout run (WeasyPrint's set-up per document costs more than a card)."""
        done: dict[str, tuple[PrintedCard, list[Any]]] = {}
        pending = list(cards)
        for level in range(len(FIT_LEVELS)):
            if not pending:
                break
            batch = [card.at_level(level) for card in pending]
            document = self.render_template("cards.html", "cards", cards=batch)
            pages_of = _pages_by_card(document, [card.id for card in batch])
            pending = []
            for card in batch:
                pages = pages_of.get(card.id, [])
                if _fits(card.id, pages) or level == len(FIT_LEVELS) - 1:
                    done[card.id] = (card, pages[:2])
                else:
                    pending.append(card)
        return done

    def write(self, pages: list[Any], template: Document, target: Path, title: str) -> int:
        """``pages`` (from any documents rendered by this engine) as one PDF; returns its page count."""
        combined = template.copy(pages)
        combined.metadata = copy.copy(combined.metadata)  # the template document may be reused
        combined.metadata.title = title
        combined.metadata.authors = [AUTHOR]
        combined.metadata.lang = self.lang
        target.parent.mkdir(parents=True, exist_ok=True)
        combined.write_pdf(target, pdf_variant=PDF_VARIANT, pdf_identifier=target.name.encode())
        return len(pages)

    def write_document(self, document: Document, target: Path, title: str) -> int:
        return self.write(list(document.pages), document, target, title)


def _fits(card_id: str, pages: list[Any]) -> bool:
    """Two pages, and each face's end marker on its own page, above the card box's bottom padding."""
    if len(pages) != 2:
        return False
    for page, face in zip(pages, ("recto", "verso")):
        position = page.anchors.get(f"{card_id}-{face}-end")
        if position is None or position[1] > CARD_CONTENT_BOTTOM:
            return False
    return True


def _pages_by_card(document: Document, ids: list[str]) -> dict[str, list[Any]]:
    """The pages each card's faces landed on, found by the faces' anchors (their ids)."""
    starts: dict[int, str] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.endswith("-recto"):
                starts[index] = anchor[: -len("-recto")]
    result: dict[str, list[Any]] = {}
    current: str | None = None
    for index, page in enumerate(document.pages):
        current = starts.get(index, current)
        if current is not None:
            result.setdefault(current, []).append(page)
    return result
