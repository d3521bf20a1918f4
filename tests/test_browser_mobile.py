"""Made for a phone first: catalog results before the filters, filters in a
disclosure with removable chips and sorting, the diagnostic in steps, the card's
"en bref" block, and each page loading only the scripts it needs."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import BuildResult, serve
from test_site import article, soup

PHONE = {"width": 390, "height": 844}
CARD = "pratiques/cooperative-de-test/index.html"


# --- Without a browser: the built HTML --------------------------------------------


def _scripts(site, path: str) -> list[str]:
    return [tag["src"] for tag in soup(site, path).select("script[src]")]


def test_each_page_loads_only_the_scripts_it_needs(fixture_site: BuildResult) -> None:
    card = " ".join(_scripts(fixture_site.site, CARD))
    for name in ("catalog.js", "diagnostic.js", "scoring.js", "courses.js"):
        assert name not in card, card
    assert re.search(r"common\.js\?v=\w+", card), card
    catalog = " ".join(_scripts(fixture_site.site, "pratiques/index.html"))
    assert re.search(r"catalog\.js\?v=\w+", catalog) and "diagnostic.js" not in catalog, catalog
    directory = " ".join(_scripts(fixture_site.site, "annuaire/index.html"))
    assert "catalog.js?v=" in directory, directory
    diagnostic = " ".join(_scripts(fixture_site.site, "diagnostic/index.html"))
    assert "diagnostic.js?v=" in diagnostic and "scoring.js?v=" in diagnostic and "catalog.js" not in diagnostic, diagnostic
    home = " ".join(_scripts(fixture_site.site, "index.html"))
    assert "courses.js" not in home and "catalog.js" not in home, home


def test_card_page_starts_with_en_bref(fixture_site: BuildResult) -> None:
    body = article(soup(fixture_site.site, CARD))
    brief = body.select_one("section.pc-brief")
    assert brief is not None
    assert brief.select_one("h2").get_text(strip=True) == "En bref"
    text = " ".join(brief.get_text(" ").split())
    assert "Principes : Gouvernance inclusive" in text
    assert "Publics : Plateformes coopératives" in text
    # Effort faible and impact moyen on the three-level scale, in words.
    assert "Effort : Faible, 1 sur 3" in text
    assert "Impact : Moyen, 2 sur 3" in text
    assert "Étapes de vie : Lancement" in text
    assert len(brief.select(".pc-scale__dot--on")) == 3 and all(s["aria-hidden"] == "true" for s in brief.select(".pc-scale"))
    # Before the text: the summary, then "en bref", then the first section.
    headings = [h.get_text(strip=True) for h in body.select("h2")]
    assert headings[:2] == ["En bref", "Le problème"], headings


# --- In the browser ---------------------------------------------------------------


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    yield context.new_page()
    context.close()


@pytest.mark.browser
def test_first_catalog_result_is_on_the_first_phone_screen(browser, real_site: BuildResult) -> None:
    url, server = serve(real_site.site)
    try:
        for scripts in (True, False):
            context = browser.new_context(viewport=PHONE, locale="fr-FR", java_script_enabled=scripts)
            page = context.new_page()
            page.goto(url + "pratiques/")
            first = page.locator("#pc-catalog > li").first
            expect(first).to_be_visible()
            box = first.locator("h2").bounding_box()
            assert box is not None and box["y"] + box["height"] <= PHONE["height"], (scripts, box)
            context.close()
    finally:
        server.shutdown()


@pytest.mark.browser
def test_filters_open_and_close_with_the_keyboard(phone: Page, fixture_server: str) -> None:
    phone.goto(fixture_server + "pratiques/")
    toggle = phone.locator("#pc-filters-panel > summary")
    form = phone.locator("#pc-filters")
    expect(form).to_be_hidden()
    toggle.focus()
    phone.keyboard.press("Enter")
    expect(form).to_be_visible()
    phone.keyboard.press("Tab")
    expect(form.get_by_label(re.compile("Gouvernance inclusive"))).to_be_focused()
    phone.keyboard.press("Space")
    expect(phone.locator("#pc-results")).to_have_text("2 fiches affichées")
    expect(toggle).to_contain_text("(1 actif)")
    toggle.focus()
    phone.keyboard.press("Space")
    expect(form).to_be_hidden()


@pytest.mark.browser
def test_filters_open_and_close_without_javascript(browser, fixture_server: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_server + "pratiques/")
    toggle = page.locator("#pc-filters-panel > summary")
    note = page.locator(".pc-finder__nojs")
    expect(note).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(note).to_be_visible()
    expect(note).to_contain_text("toutes les fiches sont listées")
    # Checkboxes that would not filter are not offered; every card is listed.
    expect(page.locator("#pc-filters")).to_be_hidden()
    expect(page.locator("#pc-catalog > li:visible")).to_have_count(2)
    toggle.click()
    expect(note).to_be_hidden()
    context.close()


@pytest.mark.browser
def test_chips_show_and_remove_the_active_filters(phone: Page, fixture_server: str) -> None:
    phone.goto(fixture_server + "pratiques/?public=collectivites&principe=gouvernance-inclusive")
    status = phone.locator("#pc-results")
    expect(status).to_have_text("1 fiche affichée")
    chips = phone.locator("#pc-chips button")
    expect(chips).to_have_count(2)
    chip = phone.get_by_role("button", name="Retirer le filtre Public : Collectivités locales")
    expect(chip).to_have_text("Public : Collectivités locales ×")
    chip.click()
    expect(status).to_have_text("2 fiches affichées")
    expect(chips).to_have_count(1)
    assert phone.url.endswith("pratiques/?principe=gouvernance-inclusive")
    expect(phone.locator('#pc-filters input[name="public"][value="collectivites"]')).not_to_be_checked()
    # Focus stays on the chips, then goes back to the toggle when none is left.
    expect(chips.first).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone.locator("#pc-chips")).to_be_hidden()
    expect(phone.locator("#pc-filters-panel > summary")).to_be_focused()
    assert phone.url.endswith("pratiques/")


@pytest.mark.browser
def test_sorting_changes_the_order_and_is_kept_in_the_url(phone: Page, fixture_server: str) -> None:
    phone.goto(fixture_server + "pratiques/")
    titles = phone.locator("#pc-catalog > li h2")
    az = ["Ouvrir le capital à la collectivité", "Partager les décisions entre sociétaires"]
    expect(titles).to_have_text(az)
    phone.get_by_label("Trier par").select_option("effort")  # faible before élevé
    expect(titles).to_have_text(az[::-1])
    assert phone.url.endswith("pratiques/?tri=effort")
    phone.reload()
    expect(titles).to_have_text(az[::-1])
    phone.get_by_label("Trier par").select_option("az")
    expect(titles).to_have_text(az)
    # The directory: A to Z, or the most recently verified first.
    phone.goto(fixture_server + "annuaire/")
    names = phone.locator("#pc-catalog > li h2")
    expect(names.first).to_have_text("Ancienne plateforme d'essai")
    phone.get_by_label("Trier par").select_option("verified")
    expect(names.first).to_have_text("Vélo Coop d'essai")
    expect(names.last).to_have_text("Plateforme à revérifier")


@pytest.mark.browser
def test_diagnostic_in_steps_keeps_answers_and_step_across_a_reload(phone: Page, fixture_server: str) -> None:
    phone.goto(fixture_server + "diagnostic/")
    progress = phone.locator(".pc-diag__progress")
    q1 = phone.locator('fieldset[data-question="cooperative-de-test-1"]')
    q2 = phone.locator('fieldset[data-question="deuxieme-fiche-1"]')
    expect(progress).to_have_text("Étape 1 sur 2 · réponses : 0 sur 1")
    expect(q1).to_be_visible()
    expect(q2).to_be_hidden()
    expect(phone.get_by_role("button", name="Étape précédente")).to_be_disabled()
    q1.get_by_label("En place").check()
    # The step's count follows the answers; the line stays under the header as the step scrolls.
    expect(progress).to_have_text("Étape 1 sur 2 · réponses : 1 sur 1")
    assert progress.evaluate("element => getComputedStyle(element).position") == "sticky"
    # Next by keyboard: focus goes to the new step's heading.
    phone.get_by_role("button", name="Étape suivante").focus()
    phone.keyboard.press("Enter")
    expect(progress).to_have_text("Étape 2 sur 2 · réponses : 0 sur 1")
    expect(phone.locator("#principe-partage-de-la-valeur")).to_be_focused()
    expect(q1).to_be_hidden()
    q2.get_by_label("En cours").check()
    phone.reload()
    # Resumed where it was left, with every answer kept.
    expect(progress).to_have_text("Étape 2 sur 2 · réponses : 1 sur 1")
    expect(q2.get_by_label("En cours")).to_be_checked()
    expect(phone.locator(".pc-diag__answered")).to_have_text("2 question(s) répondue(s) sur 2")
    phone.get_by_role("button", name="Étape précédente").click()
    expect(q1.get_by_label("En place")).to_be_checked()
    expect(q1).to_be_visible()
    # Last step: "next" leads to the results, unchanged below.
    phone.get_by_role("button", name="Étape suivante").click()
    phone.get_by_role("button", name="Voir les résultats").click()
    expect(phone.locator("#pc-diag-results")).to_be_focused()


@pytest.mark.browser
def test_diagnostic_is_one_form_without_javascript(browser, fixture_server: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_server + "diagnostic/")
    expect(page.locator(".pc-diag__question")).to_have_count(2)
    expect(page.locator(".pc-diag__question:visible")).to_have_count(2)
    expect(page.locator(".pc-diag__stepper")).to_be_hidden()
    page.locator('fieldset[data-question="deuxieme-fiche-1"]').get_by_label("En cours").check()
    context.close()
