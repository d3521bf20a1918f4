"""User journeys in a real browser: French search, catalog filters."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_search_finds_a_card_with_an_accented_query(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server)
    box = page.locator("input.md-search__input")
    box.click()
    # Accented French input: the query must reach lunr intact (the card's title says "décisions").
    box.press_sequentially("décisions", delay=30)
    card = page.locator('.md-search-result__link[href*="pratiques/cooperative-de-test/"]')
    expect(card.first).to_be_visible(timeout=10_000)


def test_search_finds_a_card_by_the_start_of_a_word_of_its_steps(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server + "pratiques/")
    box = page.locator("input.md-search__input")
    box.click()
    # "assemblée" is only in one step of the card's body; a word's start is enough.
    box.press_sequentially("assembl", delay=30)
    card = page.locator('.md-search-result__link[href*="pratiques/cooperative-de-test/"]')
    expect(card.first).to_be_visible(timeout=10_000)
    # The result list is rendered in one go: read it in one go too.
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert not any("pratiques/deuxieme-fiche/" in h for h in hrefs), hrefs


def test_catalog_filter_narrows_counts_and_restores_from_url(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server + "pratiques/")
    form = page.locator("#pc-filters")
    page.locator("#pc-filters-panel > summary").click()
    expect(form).to_be_visible()
    items = page.locator("#pc-catalog > li")
    expect(items).to_have_count(2)
    status = page.locator("#pc-results")
    expect(status).to_have_text("2 fiches affichées")
    page.get_by_role("group", name="Public").get_by_label(re.compile("Collectivités locales")).check()
    expect(status).to_have_text("1 fiche affichée")
    expect(page.locator("#pc-catalog > li:visible")).to_have_count(1)
    expect(page.locator("#pc-catalog > li:visible h2")).to_have_text("Ouvrir le capital à la collectivité")
    assert page.url.endswith("pratiques/?public=collectivites")
    # Counts follow the other groups: with "collectivités" chosen, one card has this theme.
    expect(page.locator('[data-count-for="principe:gouvernance-inclusive"]')).to_have_text("(1)")
    # The URL is shareable: a new visit restores the same filter.
    page.goto(fixture_server + "pratiques/?public=collectivites&effort=faible")
    expect(status).to_have_text("Aucune fiche ne correspond à ces filtres.")
    page.locator("#pc-filters-panel > summary").click()
    expect(page.get_by_role("group", name="Effort").get_by_label(re.compile("Faible"))).to_be_checked()
    page.get_by_role("button", name="Tout afficher").click()
    expect(status).to_have_text("2 fiches affichées")
    assert page.url.endswith("pratiques/")


def test_catalog_lists_every_card_without_javascript(browser, fixture_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_server + "pratiques/")
    expect(page.locator("#pc-catalog > li:visible")).to_have_count(2)
    expect(page.locator("#pc-filters")).to_be_hidden()
    context.close()
