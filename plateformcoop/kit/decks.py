"""Which cards go in which deck: all cards, one deck per charter principle, the
cards for local authorities, and the cards each course cites."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Content
from ..i18n import t

# Audience whose cards make the local authorities' deck (vocabulary "audiences").
LOCAL_AUTHORITIES = "collectivites"


@dataclass(frozen=True)
class Deck:
    id: str  # file name stem: toutes-les-fiches, principe-<id>, collectivites, formation-<course id>
    kind: str  # all | principle | audience | course
    title: str
    cards: tuple[str, ...]  # card ids, in print order
    course_id: str | None = None


def all_cards_deck(content: Content, lang: str) -> Deck:
    return Deck("toutes-les-fiches", "all", t("kit.deck_all", lang), tuple(p.id for p in content.sorted_practices()))


def principle_decks(content: Content, lang: str) -> list[Deck]:
    principles = content.vocabularies["principles"]
    decks = []
    for principle in principles.ids:
        cards = tuple(p.id for p in content.practices_with("principles", principle))
        if cards:
            label = principles.label(principle, lang)
            decks.append(Deck(f"principe-{principle}", "principle", t("kit.deck_principle", lang, principle=label), cards))
    return decks


def audience_deck(content: Content, lang: str, audience: str = LOCAL_AUTHORITIES) -> Deck | None:
    cards = tuple(p.id for p in content.practices_with("audiences", audience))
    if not cards or audience not in content.vocabularies["audiences"].ids:
        return None
    label = content.vocabularies["audiences"].label(audience, lang)
    return Deck(audience, "audience", t("kit.deck_audience", lang, audience=label), cards)


def course_deck(content: Content, course_id: str, lang: str) -> Deck | None:
    """The cards a course cites, in the order the course first cites them."""
    data = content.courses[course_id]
    cards = tuple(card for card in data.cited_cards() if card in content.practices)
    if not cards:
        return None
    return Deck(f"formation-{course_id}", "course", t("kit.deck_course", lang, title=data.course.title), cards, course_id)


def decks(content: Content, lang: str) -> list[Deck]:
    """Every deck, in the order the decks page lists them (``plan`` leaves out the largest)."""
    found = [all_cards_deck(content, lang)] if content.practices else []
    found += principle_decks(content, lang)
    local = audience_deck(content, lang)
    if local is not None:
        found.append(local)
    for course_id, data in content.courses.items():
        deck = course_deck(content, course_id, lang) if data.lessons else None
        if deck is not None:
            found.append(deck)
    return found
