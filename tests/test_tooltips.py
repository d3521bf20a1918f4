"""Glossary tooltips: the first appearance of each term on a page, outside code, links and headings."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from plateformcoop.theme.tooltips import GlossaryTooltips, trie_pattern

GROUPS = [
    ("Société coopérative d'intérêt collectif.", ["SCIC", "Scic"]),
    ("Entreprise détenue par ses membres.", ["coopérative"]),
    ("Coopérative qui salarie des entrepreneurs.", ["coopérative d'activité et d'emploi", "CAE"]),
]


def convert(text: str, groups: list[tuple[str, list[str]]] = GROUPS) -> BeautifulSoup:
    html = markdown.Markdown(extensions=["abbr", "attr_list", "toc", GlossaryTooltips(groups)]).convert(text)
    return BeautifulSoup(html, "html.parser")


def abbrs(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [(abbr.get_text(), abbr["title"]) for abbr in page.find_all("abbr")]


def test_first_appearance_only_and_text_kept() -> None:
    page = convert("Une SCIC est une coopérative.\n\nUne autre SCIC, une autre coopérative.")
    assert abbrs(page) == [("SCIC", GROUPS[0][0]), ("coopérative", GROUPS[1][0])]
    assert page.get_text() == "Une SCIC est une coopérative.\nUne autre SCIC, une autre coopérative."


def test_an_alias_shares_its_entry_tooltip() -> None:
    page = convert("La Scic de Lille, puis la SCIC de Lens.")
    assert abbrs(page) == [("Scic", GROUPS[0][0])]


def test_longest_spelling_wins_and_whole_words_only() -> None:
    page = convert("Une coopérative d'activité et d'emploi (CAE) ; des coopératives ; la SCICA.")
    assert abbrs(page) == [("coopérative d'activité et d'emploi", GROUPS[2][0])]


def test_document_order_across_inline_elements() -> None:
    # The first "SCIC" sits in the tail after an emphasis, the next in a later
    # paragraph: the tooltip goes on the first, and the tail's text stays in place.
    page = convert("Avant *mot* puis SCIC et coopérative.\n\nEnfin une SCIC.")
    first = page.find("p")
    assert [a.get_text() for a in first.find_all("abbr")] == ["SCIC", "coopérative"]
    assert first.get_text() == "Avant mot puis SCIC et coopérative."
    assert page.find_all("p")[1].find("abbr") is None


@pytest.mark.parametrize(
    "text",
    [
        "# La SCIC\n\nUne SCIC.",  # headings keep their text; the body gets the tooltip
        "Le code `SCIC` puis une SCIC.",
        "[La SCIC du coin](https://example.org) puis une SCIC.",
        "    SCIC en bloc de code\n\nPuis une SCIC.",
    ],
)
def test_never_in_headings_code_or_links(text: str) -> None:
    page = convert(text)
    assert abbrs(page) == [("SCIC", GROUPS[0][0])]
    assert page.find("abbr").parent.name == "p"
    assert page.find("abbr").find_parent(["a", "code", "h1"]) is None


def test_an_authors_own_abbreviation_wins() -> None:
    page = convert("Une SCIC.\n\n*[SCIC]: Définition propre à la page.")
    assert abbrs(page) == [("SCIC", "Définition propre à la page.")]


def test_each_page_starts_afresh() -> None:
    extension = GlossaryTooltips(GROUPS)
    for _ in range(2):  # one extension object serves every page of a build
        html = markdown.Markdown(extensions=[extension]).convert("Une SCIC.")
        assert html.count("<abbr") == 1


def test_no_terms_no_change() -> None:
    assert abbrs(convert("Une SCIC.", [])) == []


def test_trie_pattern_matches_exactly_the_words() -> None:
    import re

    words = ["coop", "coopérative", "coopératives", "CAE", "C.A.E."]
    pattern = re.compile(rf"(?<!\w){trie_pattern(words)}(?!\w)")
    for word in words:
        assert pattern.fullmatch(word), word
    assert [m.group() for m in pattern.finditer("coopérativesX coopératives coopé coop")] == ["coopératives", "coop"]
