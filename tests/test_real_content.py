"""The repository's real content: valid, complete, and built strictly."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from plateformcoop.content import load_content

from conftest import REPO, BuildResult


def test_real_content_has_no_problem() -> None:
    content = load_content(REPO)
    assert content.problems == [], "\n".join(p.one_line() for p in content.problems)


def test_real_cards_cover_the_charter_and_local_authorities() -> None:
    content = load_content(REPO)
    cards = content.practices
    assert len(cards) >= 20
    for principle in content.vocabularies["principles"].ids:
        assert content.practices_with("principles", principle), f"no card for {principle}"
    assert len(content.practices_with("audiences", "collectivites")) >= 5
    for card in cards.values():
        assert card.resources and card.examples and card.self_assessment


def test_real_courses_are_complete() -> None:
    """Every published course has lessons with a quiz and a card citation."""
    content = load_content(REPO)
    for course in content.courses.values():
        assert 1 <= len(course.lessons)
        for lesson in course.lessons:
            assert lesson.quizzes, f"{lesson.source} has no quiz"
            assert lesson.citations, f"{lesson.source} cites no card"


def test_every_card_file_gives_one_page_and_one_catalog_entry(real_site: BuildResult) -> None:
    ids = sorted(p.stem for p in (REPO / "practices").glob("*.yml"))
    pages = sorted(p.parent.name for p in (real_site.site / "pratiques").glob("*/index.html"))
    assert pages == ids
    catalog = BeautifulSoup((real_site.site / "pratiques" / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = sorted(a["href"].strip("/") for a in catalog.select("#pc-catalog > li h2 a"))
    assert entries == ids
    export = json.loads((real_site.site / "donnees" / "pratiques.json").read_text(encoding="utf-8"))
    assert sorted(p["id"] for p in export["practices"]) == ids
