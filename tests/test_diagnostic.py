"""The self-assessment diagnostic: generated from the cards, scored in the browser.

Expected numbers are computed by hand from the fixture cards:
- cooperative-de-test: 1 question (weight 1), principles [gouvernance-inclusive],
  effort faible (1), impact moyen (2), stages [lancement];
- deuxieme-fiche: 1 question (weight 2), principles [partage-de-la-valeur,
  gouvernance-inclusive], effort eleve (3), impact eleve (3), stages
  [developpement, consolidation].
Scale: pas-commence 0, en-cours 0.5, en-place 1, non-applicable (ignored).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from plateformcoop.content import load_content

from conftest import BuildResult, make_project
from test_site import article, soup

URL = "diagnostic/"


def test_diagnostic_pages_are_built_from_the_cards(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "diagnostic/index.html"))
    questions = page.select("fieldset.pc-diag__question")
    assert [q["data-question"] for q in questions] == ["cooperative-de-test-1", "deuxieme-fiche-1"]
    first = questions[0]
    assert first.legend.get_text() == "Vos règles de vote sont-elles écrites ?"
    assert [label.get_text(strip=True) for label in first.select("label")] == ["Pas commencé", "En cours", "En place", "Non applicable"]
    assert first.select_one(".pc-diag__card a")["href"] == "../pratiques/cooperative-de-test/"
    data = json.loads(page.select_one("script.pc-diag__data").string)
    assert data["levels"]["eleve"]["value"] == 3 and data["stageBonus"] == 1.5
    svg = page.select_one("svg.pc-diag__chart")
    assert svg["role"] == "img" and svg.title.get_text() == "Score par principe de la charte"
    assert page.select_one(".pc-diag__table caption")
    # The local-authority variant only asks the questions of cards for local authorities.
    other = article(soup(fixture_site.site, "diagnostic/collectivites/index.html"))
    assert [q["data-question"] for q in other.select("fieldset.pc-diag__question")] == ["deuxieme-fiche-1"]


def test_diagnostic_settings_are_validated(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    path = project / "data" / "diagnostic.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  eleve: 3\n", "").replace("stage_bonus: 1.5", "stage_bonus: beaucoup").replace("audiences: [collectivites]", "audiences: [elus]"), encoding="utf-8")
    problems = [p for p in load_content(project).problems if p.path == "data/diagnostic.yml"]
    messages = "\n".join(p.one_line() for p in problems)
    assert "« elus » n'est pas un terme du vocabulaire « audiences »" in messages
    assert "stage_bonus" in messages
    assert all(p.line > 1 for p in problems), messages


@pytest.mark.browser
def test_answer_score_plan_reload_export_import_compare(page: Page, fixture_server: str, tmp_path: Path) -> None:
    page.goto(fixture_server + URL)
    page.get_by_label("Nom de la plateforme ou de la collectivité (il reste sur cet appareil)").fill("Coop du Nord")
    q1 = page.locator('fieldset[data-question="cooperative-de-test-1"]')
    q2 = page.locator('fieldset[data-question="deuxieme-fiche-1"]')
    q1.get_by_label("En place").check()
    page.get_by_role("button", name="Étape suivante").click()  # one principle per step
    q2.get_by_label("En cours").check()
    expect(page.locator(".pc-diag__answered")).to_have_text("2 question(s) répondue(s) sur 2")
    score = lambda principle: page.locator(f'.pc-diag__table tr[data-principle="{principle}"] .pc-diag__score')  # noqa: E731
    # gouvernance-inclusive: (1×1 + 2×0.5) / 3 = 67 %; partage-de-la-valeur: (2×0.5) / 2 = 50 %.
    expect(score("gouvernance-inclusive")).to_have_text("67 %")
    expect(score("partage-de-la-valeur")).to_have_text("50 %")
    expect(score("ethique-des-donnees")).to_have_text("non évalué")
    plan = page.locator(".pc-diag__plan > li")
    expect(plan).to_have_count(1)
    expect(plan.first).to_have_attribute("data-card", "deuxieme-fiche")
    expect(plan.first).to_contain_text("écart 50 %, impact élevé, effort élevé")
    expect(page.locator(".pc-diag__strengths")).to_contain_text("Aucun principe n'atteint encore le seuil de 75 %")

    # Export this state.
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Exporter mes réponses (fichier JSON)").click()
    export = tmp_path / "avant.json"
    download_info.value.save_as(export)
    exported = json.loads(export.read_text(encoding="utf-8"))
    assert exported["answers"] == {"cooperative-de-test-1": "en-place", "deuxieme-fiche-1": "en-cours"}
    assert exported["name"] == "Coop du Nord"

    # Change an answer: plan order follows priority = gap × impact ÷ effort.
    page.get_by_role("button", name="Étape précédente").click()
    q1.get_by_label("Pas commencé").check()
    # gouvernance-inclusive: (0 + 1) / 3 = 33 %. Priorities: cooperative-de-test 1×2÷1 = 2; deuxieme-fiche 0.5×3÷3 = 0.5.
    expect(score("gouvernance-inclusive")).to_have_text("33 %")
    expect(plan).to_have_count(2)
    expect(plan.nth(0)).to_have_attribute("data-card", "cooperative-de-test")
    expect(plan.nth(1)).to_have_attribute("data-card", "deuxieme-fiche")

    # Reload: answers are kept.
    page.reload()
    expect(q1.get_by_label("Pas commencé")).to_be_checked()
    expect(q2.get_by_label("En cours")).to_be_checked()
    expect(page.get_by_label("Nom de la plateforme ou de la collectivité (il reste sur cet appareil)")).to_have_value("Coop du Nord")
    expect(score("gouvernance-inclusive")).to_have_text("33 %")

    # Compare with the earlier export: side by side, with the change.
    page.get_by_label("Comparer avec un export précédent").set_input_files(str(export))
    row = page.locator('.pc-diag__compare-table tr[data-principle="gouvernance-inclusive"]')
    expect(row.locator("td").nth(0)).to_have_text("67 %")
    expect(row.locator("td").nth(1)).to_have_text("33 %")
    expect(row.locator("td").nth(2)).to_have_text("-34 points")

    # Import into a fresh browser profile: the answers come back.
    fresh = page.context.browser.new_context()
    other = fresh.new_page()
    other.goto(fixture_server + URL)
    other.get_by_label("Importer des réponses").set_input_files(str(export))
    expect(other.locator(".pc-diag__message")).to_have_text("Réponses importées (2).")
    expect(other.locator('fieldset[data-question="cooperative-de-test-1"]').get_by_label("En place")).to_be_checked()
    expect(other.locator('.pc-diag__table tr[data-principle="gouvernance-inclusive"] .pc-diag__score')).to_have_text("67 %")
    fresh.close()


@pytest.mark.browser
def test_stage_bonus_and_not_applicable(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server + URL)
    page.locator('fieldset[data-question="cooperative-de-test-1"]').get_by_label("En cours").check()
    page.get_by_role("button", name="Étape suivante").click()  # one principle per step
    page.locator('fieldset[data-question="deuxieme-fiche-1"]').get_by_label("Pas commencé").check()
    # Priorities: cooperative-de-test 0.5×2÷1 = 1; deuxieme-fiche 1×3÷3 = 1 → tie, sorted by title:
    # "Ouvrir le capital…" before "Partager les décisions…".
    plan = page.locator(".pc-diag__plan > li")
    expect(plan.nth(0)).to_have_attribute("data-card", "deuxieme-fiche")
    # Stage "lancement" boosts cooperative-de-test: 1 × 1.5 = 1.5 > 1.
    page.get_by_label("Étape de vie actuelle").select_option("lancement")
    expect(plan.nth(0)).to_have_attribute("data-card", "cooperative-de-test")
    # "Non applicable" removes a question from the scores and the plan.
    page.locator('fieldset[data-question="deuxieme-fiche-1"]').get_by_label("Non applicable").check()
    expect(plan).to_have_count(1)
    expect(page.locator('.pc-diag__table tr[data-principle="partage-de-la-valeur"] .pc-diag__score')).to_have_text("non évalué")


@pytest.mark.browser
def test_printable_report(page: Page, fixture_server: str) -> None:
    page.goto(fixture_server + URL)
    page.get_by_label("Nom de la plateforme ou de la collectivité (il reste sur cet appareil)").fill("Coop du Nord")
    page.emulate_media(media="print")
    expect(page.locator(".pc-diag__questions")).to_be_hidden()
    expect(page.locator(".pc-diag__report-head")).to_be_visible()
    expect(page.locator(".pc-diag__report-name")).to_have_text("Coop du Nord")
    expect(page.locator(".pc-diag__results")).to_be_visible()
