"""User journeys in a real browser: French search (Pagefind), catalog filters."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from conftest import serve_as_published

pytestmark = pytest.mark.browser


# --- Search (Pagefind, assets/javascripts/search.js) ---------------------------------

# (query as a visitor types it, page expected among the first results). Each covers a
# case lunr missed or the search must keep: the words' own form is in the comment.
FIXTURE_QUERIES = [
    ("cooperative", "glossaire/#cooperative"),  # no accent: the term "coopérative"
    ("decisions", "pratiques/cooperative-de-test/"),  # no accent: title "Partager les décisions…"
    ("SOCIETAIRES", "pratiques/cooperative-de-test/"),  # upper case, no accent: title "sociétaires"
    ("assemblées", "pratiques/cooperative-de-test/"),  # plural: only "assemblée" is written
    ("assembl", "pratiques/cooperative-de-test/"),  # the start of a word, as it is being typed
    ("souscri", "pratiques/deuxieme-fiche/"),  # start of "souscrivent", "souscrire", "souscrit"
    ("parts sociales", "pratiques/deuxieme-fiche/"),  # two words
    ("actionnaire unique", "formations/module-test/premiere-lecon/"),  # a lesson (its quiz)
    ("subventions", "formations/module-test/deuxieme-lecon/"),  # a lesson; "subvention" is written
    ("interet collectif", "glossaire/#scic"),  # a glossary term, by its definition
    ("velo coop", "annuaire/velo-coop-arras/"),  # a directory entry, by its name: "Vélo Coop d'essai"
    ("livraison a velo", "annuaire/velo-coop-arras/"),  # a directory entry, by its summary, without accents
]

REAL_QUERIES = [
    ("reviseurs", "pratiques/revision-cooperative/"),  # "réviseur": accent and plural
    ("REVISION COOPERATIVE", "pratiques/revision-cooperative/"),  # upper case, two words
    ("impartageable", "pratiques/reserves-impartageables/"),  # singular: the text says "impartageables"
    ("mutualis", "pratiques/mutualiser-fonctions-support/"),  # start of a word
    ("démocratiques", "glossaire/#ess"),  # plural: the glossary says "gouvernance démocratique"
    ("agrement esus", "glossaire/#agrement-esus"),  # a glossary term, without accent
    ("forme juridique gouvernance", "formations/lancer-une-plateforme-cooperative/choisir-sa-forme-et-ecrire-sa-gouvernance/"),
    ("covoiturage", "annuaire/mobicoop/"),  # a directory entry
]

FIRST = 5  # "among the first results"


def search(page: Page, query: str) -> list[str]:
    """Type a query as a visitor does (key by key) and return the result links shown."""
    box = page.locator("#pc-search-input")
    box.click()
    box.press_sequentially(query, delay=40)
    page.wait_for_function(
        "q => document.querySelector('[data-pc-search]').getAttribute('data-query') === q", arg=query.strip(), timeout=15_000
    )
    return page.eval_on_selector_all(".pc-search__option", "links => links.map(a => a.getAttribute('href'))")


def results_path(hrefs: list[str], base: str) -> list[str]:
    path = urlsplit(base).path
    return [h[len(path):] if h.startswith(path) else h.lstrip("/") for h in hrefs]


@pytest.fixture(scope="module")
def real_server(real_site, tmp_path_factory: pytest.TempPathFactory):
    url, server = serve_as_published(real_site.site, tmp_path_factory.mktemp("real-search"))
    yield url
    server.shutdown()


@pytest.mark.parametrize("query, expected", FIXTURE_QUERIES, ids=[q for q, _ in FIXTURE_QUERIES])
def test_search_finds_french_queries_as_typed(page: Page, fixture_server: str, query: str, expected: str) -> None:
    page.goto(fixture_server)
    found = results_path(search(page, query), fixture_server)
    assert expected in found[:FIRST], f"{query!r}: {found}"


@pytest.mark.parametrize("query, expected", REAL_QUERIES, ids=[q for q, _ in REAL_QUERIES])
def test_search_finds_french_queries_on_the_real_site(page: Page, real_server: str, query: str, expected: str) -> None:
    page.goto(real_server)
    found = results_path(search(page, query), real_server)
    assert expected in found[:FIRST], f"{query!r}: {found}"


def test_search_results_say_what_they_are_and_show_the_words_found(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server)
    search(page, "cooperative")
    options = page.locator("#pc-search-listbox [role=option]")
    card = options.filter(has=page.locator(".pc-search__title", has_text="Partager les décisions entre sociétaires"))
    expect(card).to_have_count(1)
    expect(card.locator(".pc-search__kind")).to_have_text("Fiche")
    # The excerpt marks the word found, in its accented form.
    assert "coopérative" in [m.lower() for m in card.locator(".pc-search__excerpt mark").all_text_contents()]
    kinds = set(page.locator(".pc-search__kind").all_text_contents())
    assert {"Fiche", "Leçon", "Terme du glossaire"} <= kinds, kinds
    # The count is announced by a live region.
    status = page.locator(".pc-search__status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    expect(status).to_have_text(re.compile(r"^\d+ résultats"))
    # The glossary term links to its entry on the glossary page.
    term = options.filter(has=page.locator(".pc-search__kind", has_text="Terme du glossaire")).first
    assert term.get_attribute("href").endswith("glossaire/#cooperative")
    # A first search loads a few results' excerpts; the next ones on demand.
    shown = options.count()
    expect(status).to_contain_text(f"les {shown} premiers affichés")
    page.get_by_role("button", name="Afficher plus de résultats").click()
    expect(options).not_to_have_count(shown)
    assert options.count() > shown
    expect(page.locator("#pc-search-input")).to_be_focused()
    expect(options.nth(shown)).to_have_attribute("aria-selected", "true")


def test_search_filters_by_kind_and_by_principle(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server)
    search(page, "cooperative")
    assert len(page.locator(".pc-search__option").all()) > 2
    page.get_by_label("Type", exact=True).select_option("Leçon")
    page.wait_for_function("() => [...document.querySelectorAll('.pc-search__kind')].every(k => k.textContent === 'Leçon')")
    assert set(page.locator(".pc-search__kind").all_text_contents()) == {"Leçon"}
    page.get_by_label("Type", exact=True).select_option("")
    page.locator("#pc-search-input").fill("")
    # Both cards speak of votes; only the second serves this principle.
    hrefs = search(page, "votes")
    assert {h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs} >= {"cooperative-de-test", "deuxieme-fiche"}
    page.get_by_label("Principe de la charte", exact=True).select_option("Partage équitable de la valeur")
    page.wait_for_function("() => document.querySelectorAll('.pc-search__option').length === 1")
    hrefs = page.eval_on_selector_all(".pc-search__option", "links => links.map(a => a.getAttribute('href'))")
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs] == ["deuxieme-fiche"]


def test_search_result_for_a_directory_entry_says_it_is_one(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server)
    search(page, "velo coop")
    entry = page.locator("#pc-search-listbox [role=option]").filter(has=page.locator(".pc-search__title", has_text="Vélo Coop d'essai"))
    expect(entry).to_have_count(1)
    expect(entry.locator(".pc-search__kind")).to_have_text("Plateforme de l'annuaire")
    # The kinds filter offers the directory's entries too.
    page.get_by_label("Type", exact=True).select_option("Plateforme de l'annuaire")
    page.wait_for_function("() => [...document.querySelectorAll('.pc-search__kind')].every(k => k.textContent === \"Plateforme de l'annuaire\")")
    assert "annuaire/velo-coop-arras/" in results_path(
        page.eval_on_selector_all(".pc-search__option", "links => links.map(a => a.getAttribute('href'))"), fixture_server
    )


def test_search_without_result_says_so_and_links_to_the_catalog(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server + "a-propos/")
    assert search(page, "kangourou") == []
    expect(page.locator(".pc-search__status")).to_have_text("Aucun résultat pour « kangourou ».")
    none = page.locator(".pc-search__none")
    expect(none).to_be_visible()
    link = none.get_by_role("link", name="le catalogue des bonnes pratiques")
    link.click()
    page.wait_for_url(fixture_server + "pratiques/")


def test_search_with_the_keyboard_only(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server + "a-propos/")
    page.keyboard.press("/")
    box = page.locator("#pc-search-input")
    expect(box).to_be_focused()
    expect(box).to_have_attribute("role", "combobox")
    page.keyboard.type("assembl", delay=40)
    page.wait_for_function("() => document.querySelector('[data-pc-search]').getAttribute('data-query') === 'assembl'")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    first = page.locator("#pc-search-listbox [role=option]").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    expect(first).to_have_attribute("aria-selected", "true")
    # Escape closes the list; typing again reopens it.
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.press("ArrowDown")
    target = page.locator("#pc-search-listbox [role=option][aria-selected=true]").get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target.lstrip("./").split("#")[0]) + "$"))
    assert page.url.endswith("pratiques/cooperative-de-test/")


def test_search_loads_nothing_before_use_and_nothing_from_elsewhere(page: Page, fixture_server: str) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(fixture_server))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(fixture_server + "pratiques/cooperative-de-test/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not [url for url in requests if "/pagefind/" in url or "search_index" in url], requests
    search(page, "cooperative")
    fetched = [url for url in requests if "/pagefind/" in url]
    assert any(url.endswith("pagefind.js") for url in fetched) and any(".pf_fragment" in url for url in fetched), fetched
    assert [url for url in requests if not url.startswith((origin, "data:", "blob:"))] == []


def test_search_works_offline_once_used(browser, fixture_server: str) -> None:
    """A visitor searched once online; offline, a new search and a stored page's search still answer."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(fixture_server)
        page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=10_000)
        page.goto(fixture_server + "a-propos/")  # stored by the service worker, which now controls the pages
        assert "pratiques/cooperative-de-test/" in results_path(search(page, "cooperative"), fixture_server)
        context.set_offline(True)
        page.locator("#pc-search-input").fill("")
        # Another query, never typed online: other words, the same stored index and fragments.
        assert "pratiques/cooperative-de-test/" in results_path(search(page, "assembl"), fixture_server)
        # The stored page, opened again offline, loads the search from the cache.
        page.reload()
        assert "formations/module-test/premiere-lecon/" in results_path(search(page, "actionnaire"), fixture_server)
    finally:
        context.close()


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
