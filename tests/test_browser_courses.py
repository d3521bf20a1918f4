"""A learner's journey in a real browser: quiz, progress kept across reloads, attestation."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

BASE = "formations/module-test/"


def test_learner_completes_the_course(page: Page, fixture_server: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(fixture_server + BASE)
    resume = page.locator(".pc-progress__resume")
    expect(resume).to_have_text("Commencer le module")
    expect(page.locator(".pc-progress__reset")).to_be_hidden()
    resume.click()
    expect(page).to_have_url(fixture_server + BASE + "premiere-lecon/")

    # Answer the quiz with the keyboard only: wrong answer first, then the right one.
    quiz = page.locator("#quiz-premiere-lecon-1")
    result = quiz.locator(".pc-quiz__result")
    # The deferred script must have taken the form over: before it, Enter submits the
    # form to the server (the no-script path), which is not what this test drives.
    expect(quiz).to_have_attribute("data-ready", "1")
    wrong = quiz.get_by_label("Un actionnaire unique")
    wrong.focus()
    page.keyboard.press("Space")
    expect(wrong).to_be_checked()
    quiz.get_by_role("button", name="Vérifier ma réponse").focus()
    page.keyboard.press("Enter")
    expect(result).to_contain_text("Ce n'est pas la bonne réponse.")
    expect(result).to_contain_text("Non : c'est le cas d'une société classique.")
    right = quiz.get_by_label("Ses membres")
    right.check()
    quiz.get_by_role("button", name="Vérifier ma réponse").press("Enter")
    expect(result).to_contain_text("Bonne réponse !")
    expect(page.locator("#quiz-premiere-lecon-1-explanation")).to_be_visible()
    # The static answer list (for readers without JavaScript) is hidden once the quiz is interactive.
    expect(page.locator("#quiz-premiere-lecon-1-answers")).to_be_hidden()

    done = page.get_by_role("button", name="Marquer cette leçon comme terminée")
    done.click()
    expect(page.locator(".pc-lesson__done")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".pc-lesson__status")).to_have_text("Leçon enregistrée comme terminée.")

    # Reload: progress and quiz answer are kept.
    page.reload()
    expect(page.locator(".pc-lesson__done")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#quiz-premiere-lecon-1").get_by_label("Ses membres")).to_be_checked()
    expect(page.locator("#quiz-premiere-lecon-1 .pc-quiz__result")).to_contain_text("Bonne réponse !")

    # The course page shows the progress and resumes at the next lesson.
    page.goto(fixture_server + BASE)
    expect(page.locator(".pc-progress__text")).to_have_text("1 leçon(s) terminée(s) sur 2")
    expect(page.locator('.pc-lesson-status[data-lesson="premiere-lecon"]')).to_have_text("✓ terminée")
    expect(resume).to_have_text("Reprendre où je me suis arrêté")
    resume.click()
    expect(page).to_have_url(fixture_server + BASE + "deuxieme-lecon/")

    # The attestation is not available before the end.
    page.goto(fixture_server + BASE + "attestation/")
    expect(page.locator(".pc-att__complete")).to_be_hidden()
    expect(page.locator('.pc-att__remaining li[data-lesson="deuxieme-lecon"]')).to_be_visible()
    expect(page.locator('.pc-att__remaining li[data-lesson="premiere-lecon"]')).to_be_hidden()

    # Second lesson: a multiple-choice quiz answered partly right, then finish.
    page.goto(fixture_server + BASE + "deuxieme-lecon/")
    quiz = page.locator("#quiz-deuxieme-lecon-1")
    quiz.get_by_label("Entrer au capital d'une SCIC").check()
    quiz.get_by_role("button", name="Vérifier ma réponse").click()
    expect(quiz.locator(".pc-quiz__result")).to_contain_text("Pas tout à fait.")
    page.get_by_role("button", name="Marquer cette leçon comme terminée").click()

    page.get_by_role("link", name="Terminer : voir mon attestation de suivi →").click()
    complete = page.locator(".pc-att__complete")
    expect(complete).to_be_visible()
    page.get_by_label("Votre nom et prénom (il reste sur cet appareil)").fill("Camille Martin")
    expect(page.locator(".pc-att__name")).to_have_text("Camille Martin")
    rows = page.locator(".pc-att__table tbody tr")
    expect(rows.nth(0).locator(".pc-att__score")).to_have_text("1 / 1")
    expect(rows.nth(1).locator(".pc-att__score")).to_have_text("0 / 1")
    expect(rows.nth(0).locator(".pc-att__date")).not_to_be_empty()
    expect(page.locator(".pc-att__disclaimer")).to_contain_text("ni un diplôme")

    # Everything stays in this browser: one localStorage key, no request elsewhere.
    stored = json.loads(page.evaluate("localStorage.getItem('plateformcoop:progress:v1')"))
    assert set(stored["courses"]["module-test"]["done"]) == {"premiere-lecon", "deuxieme-lecon"}
    assert stored["name"] == "Camille Martin"
    assert all(url.startswith(fixture_server) for url in requests), [u for u in requests if not u.startswith(fixture_server)]

    # Reset from the course page.
    page.goto(fixture_server + BASE)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".pc-progress__reset").click()
    expect(page.locator(".pc-progress__text")).to_have_text("0 leçon(s) terminée(s) sur 2")


def test_lesson_prints_without_navigation_and_with_solutions(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server + BASE + "premiere-lecon/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".pc-lesson-nav")).to_be_hidden()
    expect(page.locator(".pc-solution")).to_have_attribute("open", "")
    expect(page.get_by_text("Par exemple une SCIC de covoiturage.")).to_be_visible()
    expect(page.locator("#quiz-premiere-lecon-1-answers")).to_be_visible()


def test_module_kept_for_offline_use(browser, fixture_server: str) -> None:
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.goto(fixture_server + BASE)
    page.wait_for_function("navigator.serviceWorker.ready.then(() => true)")
    page.get_by_role("button", name="Garder ce module disponible hors connexion").click()
    expect(page.locator(".pc-offline__status")).to_contain_text("Le module est enregistré sur cet appareil")
    context.set_offline(True)
    page.goto(fixture_server + BASE + "deuxieme-lecon/")
    expect(page.locator("h1")).to_contain_text("Deuxième leçon")
    # The quiz still works offline: everything it needs is on the page.
    quiz = page.locator("#quiz-deuxieme-lecon-1")
    quiz.get_by_label("Entrer au capital d'une SCIC").check()
    quiz.get_by_label("Verser une subvention").check()
    quiz.get_by_role("button", name="Vérifier ma réponse").click()
    expect(quiz.locator(".pc-quiz__result")).to_contain_text("Bonne réponse !")
    context.close()
