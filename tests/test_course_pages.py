"""Generated training pages, parsed: catalog, course, lesson, attestation, facilitator guide."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from conftest import BuildResult
from test_site import article, soup

BASE = "formations/module-test"


def test_course_catalog(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "formations/index.html"))
    heading = page.find("h2")
    assert heading.get_text(strip=True) == "Module de test"
    assert heading.a["href"] == "module-test/"
    facts = page.select_one(".pc-facts").get_text(" ", strip=True)
    for expected in ("Public : Collectivités locales", "Niveau : Découverte", "Durée totale : 45 min", "Leçons : 2"):
        assert expected in facts
    assert "Reconnaître une plateforme coopérative." in page.get_text()


def test_course_page(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, f"{BASE}/index.html"))
    assert [h.get_text(strip=True) for h in page.find_all("h2")] == [
        "Objectifs", "Prérequis", "Votre progression", "Les leçons", "Pour aller plus loin",
    ]
    progress = page.select_one(".pc-progress")
    assert progress["data-lessons"] == "premiere-lecon deuxieme-lecon"
    assert json.loads(progress["data-urls"]) == {"premiere-lecon": "premiere-lecon/", "deuxieme-lecon": "deuxieme-lecon/"}
    assert page.select_one("progress")["max"] == "2"
    assert page.select_one(".pc-progress__resume").get_text() == "Commencer le module"
    lessons = page.find("h2", string="Les leçons").find_next_sibling("ol").find_all("li")
    assert [li.a.get_text() for li in lessons] == ["Première leçon", "Deuxième leçon"]
    assert "20 min" in lessons[0].get_text() and "25 min" in lessons[1].get_text()
    assert page.find("a", href="attestation/") and page.find("a", href="guide-animation/")


def test_lesson_page(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, f"{BASE}/premiere-lecon/index.html"))
    assert page.h1.get_text(strip=True) == "Première leçon"
    assert "Leçon 1 sur 2" in page.select_one(".pc-lesson__position").get_text()
    headings = [h.get_text(strip=True) for h in page.find_all("h2")]
    assert headings[0] == "Objectifs de la leçon" and headings[-1] == "À retenir"
    # The card citation became a link titled with the card's title.
    cite = page.find("a", string="Partager les décisions entre sociétaires")
    assert cite["href"] == "../../../pratiques/cooperative-de-test/"
    # Facilitator notes never reach learners.
    assert "binômes" not in page.get_text()
    quiz = page.select_one("form.pc-quiz")
    assert quiz["id"] == "quiz-premiere-lecon-1" and quiz["data-multiple"] == "false"
    inputs = quiz.select("input[type=radio]")
    assert [i["data-correct"] for i in inputs] == ["true", "false"]
    for field in inputs:
        assert quiz.find("label", attrs={"for": field["id"]})
    assert quiz.select_one("legend").get_text(" ", strip=True).startswith("Quiz : Qui détient une coopérative ?")
    result = quiz.select_one(".pc-quiz__result")
    assert result["role"] == "status" and result["aria-live"] == "polite"
    assert "Oui : chaque membre a une voix." in quiz.get_text()
    answers = page.select_one("details.pc-quiz__answers")
    assert "le pouvoir suit les personnes" in answers.get_text()
    solution = page.select_one(".pc-block--exercice details.pc-solution")
    assert "SCIC de covoiturage" in solution.get_text()
    done = page.select_one(".pc-lesson__done")
    assert done["aria-pressed"] == "false" and done.has_attr("hidden")
    nav = page.select_one("nav.pc-lesson-nav")
    assert nav.find("a", string="Leçon suivante : Deuxième leçon →")["href"] == "../deuxieme-lecon/"
    assert nav.find("a", string="Modifier cette leçon")["href"].endswith("/edit/main/courses/module-test/01-premiere-lecon.md")


def test_last_lesson_leads_to_the_attestation(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, f"{BASE}/deuxieme-lecon/index.html"))
    assert "Leçon 2 sur 2" in page.get_text()
    nav = page.select_one("nav.pc-lesson-nav")
    assert nav.find("a", string="← Leçon précédente : Première leçon")
    assert nav.find("a", string="Terminer : voir mon attestation de suivi →")["href"] == "../attestation/"
    quiz = page.select_one("form.pc-quiz")
    assert quiz["data-multiple"] == "true" and len(quiz.select("input[type=checkbox]")) == 3


def test_attestation_page(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, f"{BASE}/attestation/index.html"))
    box = page.select_one(".pc-attestation")
    assert box["data-lessons"] == "premiere-lecon deuxieme-lecon"
    assert box.select_one(".pc-att__complete").has_attr("hidden")
    assert "ni un diplôme ni une certification" in box.select_one(".pc-att__disclaimer").get_text()
    rows = box.select(".pc-att__table tbody tr")
    assert [r["data-quizzes"] for r in rows] == ["1", "1"]
    assert box.find("label", attrs={"for": "pc-att-name"})
    assert "« Module de test »" in box.select_one(".pc-certificate").get_text()


def test_facilitator_guide(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, f"{BASE}/guide-animation/index.html"))
    text = page.get_text(" ", strip=True)
    assert page.h1.get_text(strip=True) == "Guide d'animation : Module de test"
    rows = [[c.get_text(strip=True) for c in tr.find_all("td")] for tr in page.select("table tbody tr")]
    assert rows[0] == ["1", "Première leçon", "20 min", "0:00 – 0:20"]
    assert rows[1] == ["2", "Deuxième leçon", "25 min", "0:20 – 0:45"]
    assert rows[2][2] == "45 min"
    # Facilitator notes, discussion prompts, solutions and every quiz answer are there.
    for expected in (
        "Prévoir 5 minutes d'échange en binômes.",
        "Quels leviers votre collectivité utilise-t-elle déjà ?",
        "Par exemple une SCIC de covoiturage.",
        "✓ Ses membres (bonne réponse)",
        "✗ Un actionnaire unique (mauvaise réponse)",
        "Plusieurs leviers se combinent.",
    ):
        assert expected in text, expected
    cited = page.find("h2", string="Toutes les fiches citées dans le module").find_next_sibling("ul")
    assert [a.get_text() for a in cited.find_all("a")] == ["Partager les décisions entre sociétaires", "Ouvrir le capital à la collectivité"]


def test_courses_are_not_in_the_sidebar(fixture_site: BuildResult) -> None:
    page = soup(fixture_site.site, "index.html")
    links = [a["href"] for a in page.select("nav.md-nav--primary a[href]")]
    assert any(h.endswith("formations/") for h in links)
    assert not [h for h in links if "premiere-lecon" in h]
