"""A returning visitor after a deploy: the service worker must not keep old styles,
scripts or search data beside the new pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from conftest import build, make_project, serve

pytestmark = pytest.mark.browser

OLD_FOOTER = ".md-footer-meta {\n  background-color: #000000;\n}"
NEW_FOOTER = ".md-footer-meta {\n  background-color: #102030;\n}"
# A search through Pagefind's own API, from the catalog page: the titles found.
SEARCH = """async term => {
  const pagefind = await import(new URL('../pagefind/pagefind.js', location.href).href);
  const found = await pagefind.search(term);
  const data = await Promise.all(found.results.map(result => result.data()));
  return data.map(page => page.meta.title);
}"""
CACHED = """url => caches.keys()
  .then(names => Promise.all(names.map(name => caches.open(name).then(cache => cache.keys()))))
  .then(lists => lists.flat().some(request => request.url.includes(url)))"""


def _cached(page, fragment: str) -> None:
    page.wait_for_function(CACHED, arg=fragment, timeout=10_000)


def test_returning_visitor_gets_the_new_assets_after_a_deploy(browser: Browser, tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = build(project)
    assert first.returncode == 0, first.output
    url, server = serve(first.site)
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.goto(url + "pratiques/")
        page.wait_for_function("navigator.serviceWorker.ready.then(() => true)")
        # Once the worker controls the page, what the page loads goes through it.
        page.reload()
        page.wait_for_function("Boolean(navigator.serviceWorker.controller)")
        assert "Partager les décisions entre sociétaires" in page.evaluate(SEARCH, "sociétaires")
        for fragment in ("stylesheets/accessibility.css", "javascripts/common.js", "pagefind/pagefind-entry.json"):
            _cached(page, fragment)
        footer = page.locator(".md-footer-meta")
        expect(footer).to_have_css("background-color", "rgb(0, 0, 0)")
        page.close()

        # A deploy: a colour, a script and a card title change; same folder, same server.
        css = project / "docs" / "assets" / "stylesheets" / "accessibility.css"
        text = css.read_text(encoding="utf-8")
        assert OLD_FOOTER in text
        css.write_text(text.replace(OLD_FOOTER, NEW_FOOTER), encoding="utf-8")
        script = project / "docs" / "assets" / "javascripts" / "common.js"
        script.write_text(script.read_text(encoding="utf-8") + '\ndocument.documentElement.setAttribute("data-deploy", "2");\n', encoding="utf-8")
        card = project / "practices" / "cooperative-de-test.yml"
        card.write_text(card.read_text(encoding="utf-8").replace("title: Partager les décisions entre sociétaires", "title: Partager les décisions entre coopérateurs"), encoding="utf-8")
        second = build(project)
        assert second.returncode == 0, second.output

        # The same browser comes back (service worker and caches kept).
        page = context.new_page()
        page.goto(url + "pratiques/")
        expect(page.locator(".md-footer-meta")).to_have_css("background-color", "rgb(16, 32, 48)")
        expect(page.locator("html")).to_have_attribute("data-deploy", "2")
        titles = page.evaluate(SEARCH, "coopérateurs")
        assert "Partager les décisions entre coopérateurs" in titles, titles
    finally:
        context.close()
        server.shutdown()


def test_module_stored_before_a_deploy_still_works_offline(browser: Browser, tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = build(project)
    assert first.returncode == 0, first.output
    url, server = serve(first.site)
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.goto(url + "formations/module-test/")
        page.wait_for_function("navigator.serviceWorker.ready.then(() => true)")
        page.get_by_role("button", name="Garder ce module disponible hors connexion").click()
        expect(page.locator(".pc-offline__status")).to_contain_text("Le module est enregistré sur cet appareil")

        css = project / "docs" / "assets" / "stylesheets" / "accessibility.css"
        css.write_text(css.read_text(encoding="utf-8").replace(OLD_FOOTER, NEW_FOOTER), encoding="utf-8")
        second = build(project)
        assert second.returncode == 0, second.output
        # Back online after the deploy: the course page brings the new styles.
        page.goto(url + "formations/module-test/")
        expect(page.locator(".md-footer-meta")).to_have_css("background-color", "rgb(16, 32, 48)")
        _cached(page, "accessibility.css?v=")

        # Offline, a lesson stored before the deploy (older asset URLs) is styled
        # and its quiz works.
        context.set_offline(True)
        page.goto(url + "formations/module-test/deuxieme-lecon/")
        expect(page.locator("h1")).to_contain_text("Deuxième leçon")
        expect(page.locator(".md-footer-meta")).to_have_css("background-color", "rgb(16, 32, 48)")
        quiz = page.locator("#quiz-deuxieme-lecon-1")
        quiz.get_by_label("Entrer au capital d'une SCIC").check()
        quiz.get_by_label("Verser une subvention").check()
        quiz.get_by_role("button", name="Vérifier ma réponse").click()
        expect(quiz.locator(".pc-quiz__result")).to_contain_text("Bonne réponse !")
    finally:
        context.close()
        server.shutdown()
