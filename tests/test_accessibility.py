"""Accessibility (axe-core, WCAG 2.0/2.1 A and AA), keyboard use and privacy in a real browser.

Every page type is checked at desktop and phone widths in both palettes, with the
site served under the same path as in production (404.html uses absolute URLs).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import BuildResult, serve_as_published

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}

# One page of each type the site generates or ships, in the fixture site.
PAGE_TYPES = {
    "home": "",
    "card catalog": "pratiques/",
    "card": "pratiques/cooperative-de-test/",
    "principles": "principes/",
    "principle": "principes/gouvernance-inclusive/",
    "themes": "themes/",
    "theme": "themes/gouvernance/",
    "glossary": "glossaire/",
    "course catalog": "formations/",
    "course": "formations/module-test/",
    "lesson": "formations/module-test/premiere-lecon/",
    "attestation": "formations/module-test/attestation/",
    "facilitator guide": "formations/module-test/guide-animation/",
    "course kit": "formations/module-test/kit/",
    "workshop kits": "kits/",
    "diagnostic": "diagnostic/",
    "diagnostic for local authorities": "diagnostic/collectivites/",
    "contribution guide": "contribuer/",
    "field reference": "contribuer/reference/",
    "card template": "contribuer/modele-de-fiche/",
    "about": "a-propos/",
    "directory": "annuaire/",
    "platform": "annuaire/velo-coop-arras/",
    "closed platform": "annuaire/ancienne-plateforme/",
    "entries to re-check": "annuaire/a-reverifier/",
    "territories map": "territoires/",
    "territory": "territoires/62/",
    "open data": "donnees/",
    "observatory": "observatoire/",
    "observatory cards": "observatoire/pratiques/",
    "observatory evolution": "observatoire/evolution/",
    "publish a diagnostic": "observatoire/publier/",
    "platform with published diagnostics": "annuaire/reseau-national/",
    "not found": "404.html",
}

VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def published(fixture_site: BuildResult, tmp_path_factory: pytest.TempPathFactory):
    url, server = serve_as_published(fixture_site.site, tmp_path_factory.mktemp("a11y"))
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations(axe, page: Page) -> list[str]:
    """axe's WCAG A/AA violations on the current page, one readable line per node."""
    found = []
    for violation in axe.run(page, options=WCAG_AA).response["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            found.append(f"{violation['id']} ({violation['impact']}) {node['target']}: {summary}")
    return found


def scan(browser: Browser, axe, urls: dict[str, str], width: int, height: int, scheme: str) -> list[str]:
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, locale="fr-FR")
    page = context.new_page()
    report = []
    for name, url in urls.items():
        response = page.goto(url)
        assert response is not None and response.ok, f"{name}: {url} did not load"
        page.wait_for_load_state("networkidle")
        report += [f"{name} ({width}px, {scheme}): {problem}" for problem in violations(axe, page)]
    context.close()
    return report


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_type_has_no_wcag_violation(browser, axe, published: str, viewport: str, scheme: str) -> None:
    width, height = VIEWPORTS[viewport]
    urls = {name: published + path for name, path in PAGE_TYPES.items()}
    report = scan(browser, axe, urls, width, height, scheme)
    assert not report, "\n".join(report)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_open_search_with_results_has_no_wcag_violation(browser, axe, published: str, viewport: str, scheme: str) -> None:
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(published)
        opener = page.locator(".pc-search__open")
        if viewport == "phone":  # the header's button opens the search; on a desktop the field is there
            opener.click()
        else:
            expect(opener).to_be_hidden()
            page.locator("#pc-search-input").click()
        box = page.locator("#pc-search-input")
        expect(box).to_be_focused()
        box.press_sequentially("coopératives", delay=30)
        expect(page.locator(".pc-search__option").first).to_be_visible(timeout=10_000)
        expect(page.locator(".pc-search__filters")).to_be_visible()
        page.keyboard.press("ArrowDown")  # an active option, as a keyboard user sees it
        expect(page.locator("[role=option][aria-selected=true]")).to_be_visible()
        report = violations(axe, page)
        # And the message shown when nothing matches.
        box.fill("")
        box.press_sequentially("kangourou", delay=30)
        expect(page.locator(".pc-search__none")).to_be_visible(timeout=10_000)
        report += violations(axe, page)
        assert not report, "\n".join(report)
    finally:
        context.close()


def test_real_site_has_no_wcag_violation(browser, axe, real_site: BuildResult, tmp_path_factory) -> None:
    """Every page of the real content, on a phone in the light palette and on a desktop in the dark one."""
    url, server = serve_as_published(real_site.site, tmp_path_factory.mktemp("a11y-real"))
    try:
        pages = sorted(path.parent.relative_to(real_site.site).as_posix() for path in real_site.site.rglob("index.html"))
        urls = {path: url + ("" if path == "." else path + "/") for path in pages}
        assert len(urls) > 40
        report = scan(browser, axe, urls, 390, 844, "light")
        report += scan(browser, axe, urls, 1280, 900, "dark")
        assert not report, "\n".join(report)
    finally:
        server.shutdown()


# --- Keyboard ---------------------------------------------------------------------


def test_skip_link_is_first_visible_and_moves_to_content(page: Page, published: str) -> None:
    page.goto(published + "pratiques/cooperative-de-test/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    # Material fades it in (a short transition): wait until it is fully opaque.
    page.wait_for_function("getComputedStyle(document.querySelector('.md-skip')).opacity === '1'", timeout=2_000)
    page.keyboard.press("Enter")
    assert urlsplit(page.url).fragment == skip.get_attribute("href").lstrip("#")
    # The next Tab lands inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-content') !== null")


@pytest.mark.parametrize(
    "path, controls",
    [
        ("pratiques/", "#pc-filters-panel > summary, #pc-sort, #pc-filters input, #pc-filters button"),
        ("annuaire/", "#pc-filters-panel > summary, #pc-sort, #pc-filters input, #pc-filters button"),
        ("territoires/", ".pc-map a"),
        ("formations/module-test/premiere-lecon/", ".md-content input, .md-content button, .md-content summary"),
        ("diagnostic/", ".md-content input, .md-content button:not(:disabled)"),
    ],
)
def test_every_control_is_reachable_and_shows_focus(page: Page, published: str, path: str, controls: str) -> None:
    page.goto(published + path)
    page.wait_for_load_state("networkidle")
    # The catalogs' filters sit in a closed disclosure: opened, every one must be reachable.
    page.evaluate("() => document.querySelectorAll('#pc-filters-panel').forEach(d => { d.open = true; })")
    expected = page.locator(controls)
    visible = [i for i in range(expected.count()) if expected.nth(i).is_visible()]
    assert visible, "the page has controls to reach"
    # Radios of one group are a single tab stop (arrow keys move inside it).
    marked = [
        expected.nth(i).evaluate("(e, n) => (e.dataset.kbd = e.type === 'radio' ? 'radio:' + e.name : String(n))", i)
        for i in visible
    ]
    walk = []
    reached: set[str] = set()
    for _ in range(len(visible) * 2 + 80):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => {
              const focused = document.activeElement;
              // A visually hidden input (palette switch, filter box) shows focus on its label.
              const next = focused.nextElementSibling;
              const label = next && next.tagName === 'LABEL' ? next
                : focused.id && document.querySelector(`label[for="${focused.id}"]`);
              const hidden = focused.getBoundingClientRect().width <= 1;
              const e = hidden && label ? label : focused;
              const style = getComputedStyle(e);
              const box = e.getBoundingClientRect();
              return {
                mark: focused.dataset ? focused.dataset.kbd : undefined,
                ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
                visible: box.width > 0 && box.height > 0,
                name: e.tagName + ' ' + (e.id || e.className || ''),
              };
            }"""
        )
        walk.append(state)
        if state["mark"] is not None:
            reached.add(str(state["mark"]))
        if reached >= {str(m) for m in marked}:
            break
    assert reached >= {str(m) for m in marked}, f"not reached with Tab: {sorted(set(map(str, marked)) - reached)}"
    hidden_focus = [s["name"] for s in walk if not (s["ring"] and s["visible"])]
    assert hidden_focus == [], f"focused without a visible focus ring: {hidden_focus}"


def test_quiz_answered_with_keyboard_announces_feedback(page: Page, published: str) -> None:
    page.goto(published + "formations/module-test/premiere-lecon/")
    quiz = page.locator("#quiz-premiere-lecon-1")
    right = quiz.get_by_label("Ses membres")
    right.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(quiz.get_by_role("button", name="Vérifier ma réponse")).to_be_focused()
    page.keyboard.press("Enter")
    # A live region (role=status) carries the feedback: screen readers announce it.
    status = quiz.get_by_role("status")
    expect(status).to_contain_text("Bonne réponse !")
    assert status.get_attribute("aria-live") == "polite"


# --- Privacy ----------------------------------------------------------------------


def test_no_request_leaves_the_site_and_no_cookie_is_set(browser: Browser, published: str) -> None:
    context = browser.new_context(locale="fr-FR", service_workers="block")
    page = context.new_page()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(published))
    foreign: list[str] = []
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("request", lambda request: foreign.append(request.url) if not request.url.startswith((origin, "data:", "blob:")) else None)
    for path in PAGE_TYPES.values():
        page.goto(published + path)
        page.wait_for_load_state("networkidle")
    # A search loads Pagefind, its WebAssembly and index chunks: still nothing from elsewhere.
    page.goto(published)
    page.locator("#pc-search-input").click()
    page.locator("#pc-search-input").press_sequentially("gouvernance", delay=30)
    expect(page.locator(".pc-search__option").first).to_be_visible(timeout=10_000)
    assert any("/pagefind/" in url for url in requests)
    assert foreign == []
    assert context.cookies() == []
    context.close()


def test_pages_link_no_third_party_resource(real_site: BuildResult) -> None:
    """Static check on every built page: scripts, styles, images, fonts and frames are local."""
    from bs4 import BeautifulSoup

    offenders = []
    for path in real_site.site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute) or ""
                if tag == "link" and not set(element.get("rel") or []) & {"stylesheet", "preload", "icon", "modulepreload", "manifest"}:
                    continue
                if value.startswith(("http:", "https:", "//")) and not value.startswith("https://plateformcoop.github.io/"):
                    offenders.append(f"{path.relative_to(real_site.site)}: <{tag} {attribute}={value}>")
    assert offenders == []


# --- Printing a card ----------------------------------------------------------------


def test_card_prints_without_navigation_and_with_all_sections(page: Page, published: str) -> None:
    page.goto(published + "pratiques/cooperative-de-test/")
    sections = page.locator(".md-content h2")
    titles = [sections.nth(i).inner_text() for i in range(sections.count())]
    assert len(titles) >= 3
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        expect(page.locator(chrome).first).to_be_hidden()
    for i in range(sections.count()):
        expect(sections.nth(i)).to_be_visible()
    expect(page.locator(".md-content h1")).to_be_visible()
