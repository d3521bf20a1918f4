"""The observatory: published diagnostics validated, aggregated without exposing anyone, compared in the browser.

Fixture exports (tests/fixtures/diagnostics/<platform>/diagnostic-<year>.json), with
the two fixture questions of the "plateformes" variant:
q1 = cooperative-de-test-1 (weight 1, gouvernance-inclusive),
q2 = deuxieme-fiche-1 (weight 2, partage-de-la-valeur and gouvernance-inclusive);
scale: pas-commence 0, en-cours 0.5, en-place 1, non-applicable (no score).

  platform             year  q1            q2              GI = (q1 + 2 q2) / 3   PV = q2
  velo-coop-arras      2025  en-cours      pas-commence    0.1667                 0
  velo-coop-arras      2026  en-place      en-cours        0.6667                 0.5
  reseau-national      2025  en-place      en-cours        0.6667                 0.5
  reseau-national      2026  en-place      en-place        1                      1
  vieille-fiche        2026  pas-commence  en-cours        0.3333                 0.5
  ancienne-plateforme  2025  en-cours      non-applicable  0.5 (q1 only)          none

Latest of each platform: velo 2026, reseau 2026, vieille 2026, ancienne 2025.
- GI: 0.3333, 0.5, 0.6667, 1 -> count 4, median 0.5833, quartiles (inclusive: at
  positions 0.75 and 2.25 of the ranked values) 0.4583 and 0.75.
- PV: 0.5, 0.5, 1 -> count 3, median 0.5, quartiles 0.5 and 0.75.
- Other principles: no score -> not shown.
- cooperative-de-test: 1, 1, 0, 0.5 -> 4 platforms, in place 50 %, in progress 25 %,
  not started 25 %, mean 0.625; deuxieme-fiche: 0.5, 1, 0.5 -> 3 platforms, in place
  33 %, in progress 67 %, none not started, mean 0.6667. Least adopted: cooperative-de-test first.
- 2025 (velo, reseau, ancienne): GI 0.1667, 0.5, 0.6667 -> median 0.5, quartiles 0.3333
  and 0.5833; PV has 2 values -> not shown. 2026 (velo, reseau, vieille): GI 0.3333,
  0.6667, 1 -> median 0.6667, quartiles 0.5 and 0.8333; PV 0.5, 0.5, 1 -> 0.5, 0.5, 0.75.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from plateformcoop.content import load_content
from plateformcoop.observatory import THRESHOLD, percent, score_answers, variant_cards

from conftest import FIXTURES, BuildResult, build, check, make_project
from test_site import article, soup

DIAGNOSTICS = FIXTURES / "diagnostics"
OTHER_PRINCIPLES = ("ethique-des-donnees", "conditions-de-travail", "cooperation-entre-plateformes")


def _rows(page, figure: str) -> dict[str, list[str]]:
    table = page.select_one(f'table[data-figure="{figure}"]')
    assert table is not None, figure
    return {tr["data-row"]: [td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")}


def _json(site: Path) -> dict:
    return json.loads((site / "donnees" / "observatoire.json").read_text(encoding="utf-8"))


def _variant(data: dict, variant: str = "plateformes") -> dict:
    return next(v for v in data["variants"] if v["id"] == variant)


def _by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


# --- Scoring -------------------------------------------------------------------------


def test_scores_follow_the_diagnostic_rules() -> None:
    """The numbers tests/test_diagnostic.py reads on the page, computed by the engine."""
    content = load_content(make_project(Path(__import__("tempfile").mkdtemp())))
    config = content.diagnostic
    variant = config.variants[0]
    cards = variant_cards(content.sorted_practices(), variant)
    scale = {s.id: s.score for s in config.scale}
    principles = content.vocabularies["principles"].ids
    scores = score_answers(cards, scale, principles, {"cooperative-de-test-1": "en-place", "deuxieme-fiche-1": "en-cours"})
    assert percent(scores.principles["gouvernance-inclusive"]) == 67 and percent(scores.principles["partage-de-la-valeur"]) == 50
    assert scores.principles["ethique-des-donnees"] is None and (scores.answered, scores.total) == (2, 2)
    assert scores.cards == {"deuxieme-fiche": 0.5, "cooperative-de-test": 1.0}
    # "Non applicable" is answered but weighs nothing; unknown steps and questions are ignored.
    scores = score_answers(cards, scale, principles, {"cooperative-de-test-1": "pas-commence", "deuxieme-fiche-1": "non-applicable", "x-1": "en-place"})
    assert scores.principles["partage-de-la-valeur"] is None and scores.principles["gouvernance-inclusive"] == 0
    assert scores.answered == 2 and scores.cards["deuxieme-fiche"] is None
    assert percent(0.625) == 63 and percent(0.125) == 13  # half up, as Math.round


# --- Pages and open data of the fixture site ---------------------------------------------


def test_principles_are_aggregated_on_the_page_and_in_the_json(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "observatoire/index.html"))
    text = page.get_text(" ", strip=True)
    assert "4 plateformes ont publié ce diagnostic" in text and "(2025, 2026)" in text
    rows = _rows(page, "pc-obs-plateformes-principles")
    assert rows["gouvernance-inclusive"] == ["4", "46 %", "58 %", "75 %"]
    assert rows["partage-de-la-valeur"] == ["3", "50 %", "50 %", "75 %"]
    for principle in OTHER_PRINCIPLES:
        assert rows[principle] == ["moins de 3 plateformes"]
    # The chart is an image named by its title and description, inside a figure with the table.
    figure = page.select_one("#pc-obs-plateformes-principles-figure")
    svg = figure.select_one("svg.pc-chart")
    assert svg["role"] == "img" and svg.title.get_text() == "Répartition des scores par principe de la charte"
    assert svg["aria-labelledby"].split() == [svg.title["id"], svg.desc["id"]]
    assert figure.figcaption.get_text() == "Répartition des scores par principe de la charte" and figure.table
    assert "moins de 3 plateformes" in svg.get_text()
    # Least adopted practices, in order, with their shares.
    least = page.select_one("#moins-adoptees-plateformes").find_next("ol").find_all("li")
    assert [li.a["href"] for li in least] == ["../pratiques/cooperative-de-test/", "../pratiques/deuxieme-fiche/"]
    assert "en place dans 50 % des 4 plateformes, pas commencée dans 25 %" in least[0].get_text()
    assert "Confidentialité : un chiffre qui porterait sur moins de 3 plateformes n'est jamais montré" in text

    data = _json(fixture_site.site)
    assert data["format"] == "plateformcoop-observatory" and data["threshold"] == THRESHOLD == 3
    latest = _variant(data)["latest"]
    assert latest["platforms"] == 4
    principles = _by_id(latest["principles"])
    assert principles["gouvernance-inclusive"] == {
        "id": "gouvernance-inclusive", "label": "Gouvernance inclusive", "shown": True, "count": 4, "q1": 0.4583, "median": 0.5833, "q3": 0.75
    }
    assert {k: principles["partage-de-la-valeur"][k] for k in ("count", "q1", "median", "q3")} == {"count": 3, "q1": 0.5, "median": 0.5, "q3": 0.75}
    for principle in OTHER_PRINCIPLES:
        assert principles[principle] == {"id": principle, "label": principles[principle]["label"], "shown": False}
    assert _variant(data)["least_adopted"] == ["cooperative-de-test", "deuxieme-fiche"]
    # Documented on the page and listed on the data page.
    assert all(f"{field}" in text for field in ("threshold", "least_adopted", "in_progress", "median"))
    data_page = article(soup(fixture_site.site, "donnees/index.html"))
    assert "observatoire.json" in {a["href"] for a in data_page.find_all("a")}


def test_cards_are_aggregated_on_the_page_and_in_the_json(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "observatoire/pratiques/index.html"))
    rows = _rows(page, "pc-obs-plateformes-cards")
    assert rows["cooperative-de-test"] == ["4", "50 %", "25 %", "25 %", "63 %"]
    assert rows["deuxieme-fiche"] == ["3", "33 %", "67 %", "0 %", "67 %"]
    link = page.select_one('tr[data-row="cooperative-de-test"] th a')
    assert link["href"] == "../../pratiques/cooperative-de-test/"
    cards = _by_id(_variant(_json(fixture_site.site))["latest"]["cards"])
    assert {k: cards["cooperative-de-test"][k] for k in ("count", "in_place", "in_progress", "not_started", "adoption")} == {
        "count": 4, "in_place": 0.5, "in_progress": 0.25, "not_started": 0.25, "adoption": 0.625
    }
    assert cards["deuxieme-fiche"]["in_place"] == 0.3333 and cards["deuxieme-fiche"]["not_started"] == 0
    assert cards["deuxieme-fiche"]["url"] == "https://plateformcoop.github.io/plateformcoop/pratiques/deuxieme-fiche/"


def test_evolution_year_to_year(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "observatoire/evolution/index.html"))
    rows = _rows(page, "pc-obs-plateformes-years")
    assert rows["gouvernance-inclusive-2025"] == ["3", "33 %", "50 %", "58 %"]
    assert rows["gouvernance-inclusive-2026"] == ["3", "50 %", "67 %", "83 %"]
    assert rows["partage-de-la-valeur-2025"] == ["moins de 3 plateformes"]  # two platforms answered q2 in 2025
    assert rows["partage-de-la-valeur-2026"] == ["3", "50 %", "50 %", "75 %"]
    years = [li.get_text() for li in page.select_one("#annees-plateformes").find_next("ul").find_all("li")]
    assert years == ["2025 : 3", "2026 : 3"]
    data = _variant(_json(fixture_site.site))["years"]
    assert [(y["year"], y["platforms"]) for y in data] == [(2025, 3), (2026, 3)]
    assert _by_id(data[0]["principles"])["partage-de-la-valeur"]["shown"] is False
    assert _by_id(data[1]["principles"])["gouvernance-inclusive"]["median"] == 0.6667


def test_own_results_only_on_the_page_of_a_platform_that_asks(fixture_site: BuildResult) -> None:
    asked = article(soup(fixture_site.site, "annuaire/reseau-national/index.html"))
    assert asked.select_one("#diagnostics")
    rows = _rows(asked, "pc-obs-plateformes-own")
    assert rows["gouvernance-inclusive"] == ["67 %", "100 %"] and rows["partage-de-la-valeur"] == ["50 %", "100 %"]
    assert rows["ethique-des-donnees"] == ["non évalué", "non évalué"]
    # velo-coop-arras published two years but its entry does not say show_diagnostic: true.
    silent = article(soup(fixture_site.site, "annuaire/velo-coop-arras/index.html"))
    assert silent.select_one("#diagnostics") is None and not silent.select("table[data-figure]")
    # No page nor data file names who published what.
    data = (fixture_site.site / "donnees" / "observatoire.json").read_text(encoding="utf-8")
    assert "velo-coop-arras" not in data and "Vélo Coop" not in data


# --- Privacy threshold, stale questions, bad exports --------------------------------------


def test_a_figure_about_fewer_than_three_platforms_is_never_shown(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "platforms" / "vieille-fiche" / "diagnostic-2026.json").unlink()
    result = build(project)
    assert result.returncode == 0, result.output
    page = article(soup(result.site, "observatoire/index.html"))
    rows = _rows(page, "pc-obs-plateformes-principles")
    # GI: 3 platforms (0.5, 0.6667, 1) is shown; PV: 2 platforms (0.5, 1) is not.
    assert rows["gouvernance-inclusive"] == ["3", "58 %", "67 %", "83 %"]
    assert rows["partage-de-la-valeur"] == ["moins de 3 plateformes"]
    data = _variant(_json(result.site))
    assert _by_id(data["latest"]["principles"])["partage-de-la-valeur"] == {"id": "partage-de-la-valeur", "label": "Partage équitable de la valeur", "shown": False}
    assert _by_id(data["latest"]["cards"])["deuxieme-fiche"]["shown"] is False and data["least_adopted"] == ["cooperative-de-test"]
    # 2026 now has two diagnostics: even their number is not published.
    assert data["years"][1] == {**data["years"][1], "year": 2026, "shown": False, "platforms": None}
    evolution = article(soup(result.site, "observatoire/evolution/index.html"))
    assert "2026 : moins de 3" in evolution.get_text()
    # Two platforms left: nothing at all.
    for name in ("velo-coop-arras", "reseau-national"):
        shutil.rmtree(project / "platforms" / name)
    result = build(project)
    assert result.returncode == 0, result.output
    page = article(soup(result.site, "observatoire/index.html"))
    assert "Moins de 3 plateformes ont publié ce diagnostic : aucun chiffre n'est encore montré." in page.get_text()
    assert not page.select("table[data-figure]")
    latest = _variant(_json(result.site))["latest"]
    assert latest["platforms"] is None and not any(p["shown"] for p in latest["principles"] + latest["cards"])


def test_stale_questions_are_notices_and_new_questions_unanswered(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    path = project / "platforms" / "velo-coop-arras" / "diagnostic-2026.json"
    export = json.loads(path.read_text(encoding="utf-8"))
    export["answers"]["ancienne-fiche-2"] = "en-place"
    path.write_text(json.dumps(export, indent=2, ensure_ascii=False), encoding="utf-8")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "ancienne-fiche-2" in text)
    # A question added to a card since the exports: nobody answered it.
    card = project / "practices" / "cooperative-de-test.yml"
    card.write_text(card.read_text(encoding="utf-8").replace(
        "  - question: Vos règles de vote sont-elles écrites ?\n",
        "  - question: Vos règles de vote sont-elles écrites ?\n  - question: Sont-elles relues chaque année ?\n",
    ), encoding="utf-8")
    result = check(project)
    assert result.returncode == 0, result.stdout
    expected = f"platforms/velo-coop-arras/diagnostic-2026.json:{line}:5: la question « ancienne-fiche-2 » n'existe plus : sa réponse est ignorée"
    assert expected in result.stdout
    content = load_content(project)
    published = next(p for p in content.observatory.published if p.platform == "velo-coop-arras" and p.year == 2026)
    assert "ancienne-fiche-2" not in published.answers
    config = content.diagnostic
    cards = variant_cards(content.sorted_practices(), config.variants[0])
    scores = score_answers(cards, {s.id: s.score for s in config.scale}, content.vocabularies["principles"].ids, published.answers)
    assert (scores.answered, scores.total) == (2, 3)
    build_result = build(project)
    assert build_result.returncode == 0, build_result.output
    # The figures are those of the fixtures: the stale answer and the new question change nothing.
    rows = _rows(article(soup(build_result.site, "observatoire/index.html")), "pc-obs-plateformes-principles")
    assert rows["gouvernance-inclusive"] == ["4", "46 %", "58 %", "75 %"]


def _write(project: Path, relative: str, text: str) -> Path:
    path = project / "platforms" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_exports_are_reported_at_their_lines(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    good = (DIAGNOSTICS / "velo-coop-arras" / "diagnostic-2026.json").read_text(encoding="utf-8")
    # A comma lost while editing by hand: line 5 ("name") ends without its comma; reported just after its value.
    broken = good.replace('"name": "Vélo Coop d\'essai",', '"name": "Vélo Coop d\'essai"')
    _write(project, "velo-coop-arras/diagnostic-2026.json", broken)
    values = (good.replace('"variant": "plateformes"', '"variant": "plateforme"').replace('"date": "2026-04-20"', '"date": "2025-04-20"')
              .replace('"deuxieme-fiche-1": "en-cours"', '"deuxieme-fiche-1": "en-cous"'))
    path = _write(project, "reseau-national/diagnostic-2026.json", values)
    _write(project, "inconnue/diagnostic-2026.json", good)
    _write(project, "vieille-fiche/resultats.json", good)
    _write(project, "vieille-fiche/diagnostic-2025.json", good.replace('"version": 1', '"version": 2').replace('"answers"', '"reponses"'))
    result = check(project)
    assert result.returncode == 1
    out = result.stdout

    def line_of(text: str) -> int:
        return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)

    expected = [
        "platforms/velo-coop-arras/diagnostic-2026.json:5:30: ce fichier n'est pas du JSON valide : une virgule est attendue ici",
        f"platforms/reseau-national/diagnostic-2026.json:{line_of('variant')}:14: variante du diagnostic inconnue : « plateforme »",
        "→ Vouliez-vous dire « plateformes » ?",
        f"platforms/reseau-national/diagnostic-2026.json:{line_of('date')}:11: la date 2025-04-20 n'est pas de l'année du nom du fichier « diagnostic-2026.json »",
        f"platforms/reseau-national/diagnostic-2026.json:{line_of('en-cous')}:25: réponse inconnue « en-cous » à la question « deuxieme-fiche-1 »",
        "→ Vouliez-vous dire « en-cours » ?",
        "platforms/inconnue/diagnostic-2026.json:1:1: aucune fiche de l'annuaire ne correspond au dossier « inconnue »",
        "platforms/vieille-fiche/resultats.json:1:1: fichier inattendu dans le dossier d'une plateforme : « resultats.json »",
        "platforms/vieille-fiche/diagnostic-2025.json:3:14:",
        "platforms/vieille-fiche/diagnostic-2025.json:",
    ]
    for line in expected:
        assert line in out, f"missing: {line}\n---\n{out}"
    assert "« reponses »" in out
    assert "Traceback" not in out + result.stderr
    # mkdocs build --strict reports the same problems and fails.
    built = build(project)
    assert built.returncode == 1
    assert expected[0] in built.output and "réponse inconnue « en-cous »" in built.output


def test_without_published_diagnostics_the_section_explains_how_to_publish(tmp_path: Path) -> None:
    project = make_project(tmp_path, diagnostics=None)
    result = build(project)
    assert result.returncode == 0, result.output
    page = article(soup(result.site, "observatoire/index.html"))
    text = page.get_text(" ", strip=True)
    assert "Aucune plateforme n'a encore publié de diagnostic" in text
    steps = [li.get_text(" ", strip=True) for li in page.find("ol").find_all("li", recursive=False)]
    assert len(steps) == 6
    assert steps[1].startswith("Exportez vos réponses") and steps[2].startswith("Relisez le fichier") and "demande de fusion" in steps[4]
    assert "platforms/<identifiant>/" in steps[3]
    assert not page.select("table[data-figure]")
    assert _json(result.site)["variants"] == []
    publish = article(soup(result.site, "observatoire/publier/index.html"))
    assert len(publish.find("ol").find_all("li", recursive=False)) == 6 and "show_diagnostic: true" in publish.get_text()


# --- In the browser: compare with the network ---------------------------------------------


@pytest.mark.browser
def test_compare_with_the_network_in_the_browser(page: Page, fixture_server: str, fixture_site: BuildResult) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(fixture_server + "diagnostic/")
    box = page.locator(".pc-obs-compare")
    expect(box).to_be_hidden()  # nothing to compare before the first answer
    q1 = page.locator('fieldset[data-question="cooperative-de-test-1"]')
    q2 = page.locator('fieldset[data-question="deuxieme-fiche-1"]')
    q1.get_by_label("En place").evaluate("input => input.click()")  # its step may be hidden (the diagnostic is in steps)
    expect(box).to_be_visible()
    q2.get_by_label("Pas commencé").evaluate("input => input.click()")  # its step may be hidden (the diagnostic is in steps)
    page.get_by_role("button", name="Comparer avec le réseau").click()
    expect(page.locator(".pc-obs-compare__message")).to_have_text("Comparaison avec 4 plateformes du réseau.")
    row = lambda principle: page.locator(f'.pc-obs-compare__table tr[data-principle="{principle}"] td')  # noqa: E731
    # GI: (1×1 + 2×0) / 3 = 33 %, network median 58 % (quartiles 46–75 %): 25 points below.
    expect(row("gouvernance-inclusive")).to_have_text(["33 %", "58 %", "46 % – 75 %", "en dessous de la médiane (-25 points)"])
    # PV: 0 %, median 50 %.
    expect(row("partage-de-la-valeur")).to_have_text(["0 %", "50 %", "50 % – 75 %", "en dessous de la médiane (-50 points)"])
    expect(row("ethique-des-donnees")).to_have_text(["non évalué", "moins de 3 plateformes", "—", "—"])
    # Changing an answer updates the comparison: GI (1 + 2) / 3 = 100 %.
    q2.get_by_label("En place").evaluate("input => input.click()")  # its step may be hidden (the diagnostic is in steps)
    expect(row("gouvernance-inclusive")).to_have_text(["100 %", "58 %", "46 % – 75 %", "au-dessus de la médiane (+42 points)"])
    expect(row("partage-de-la-valeur").nth(3)).to_have_text("au-dessus de la médiane (+50 points)")
    # The comparison has no WCAG A/AA violation (axe), at phone width too.
    from axe_playwright_python.sync_playwright import Axe

    from test_accessibility import WCAG_AA

    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 844})
        found = Axe().run(page, context=".pc-obs-compare", options=WCAG_AA).response["violations"]
        assert found == [], found
    # The only request for the comparison is the site's own data file; the answers go nowhere.
    compared = [url for url in requests if "observatoire" in url]
    assert compared == [fixture_server + "donnees/observatoire.json"]
    assert all(url.startswith(fixture_server) for url in requests)


@pytest.mark.browser
def test_engine_scores_match_the_diagnostic_page(page: Page, fixture_server: str, tmp_path: Path) -> None:
    """The same answers scored by diagnostic.js (its results table) and by score_answers."""
    content = load_content(make_project(tmp_path))
    config = content.diagnostic
    cards = variant_cards(content.sorted_practices(), config.variants[0])
    scale = {s.id: s.score for s in config.scale}
    principles = content.vocabularies["principles"].ids
    page.goto(fixture_server + "diagnostic/")
    steps = ["pas-commence", "en-cours", "en-place", "non-applicable"]
    labels = {"pas-commence": "Pas commencé", "en-cours": "En cours", "en-place": "En place", "non-applicable": "Non applicable"}
    for first in steps:
        for second in steps:
            answers = {"cooperative-de-test-1": first, "deuxieme-fiche-1": second}
            for question, step in answers.items():
                page.locator(f'fieldset[data-question="{question}"]').get_by_label(labels[step], exact=True).evaluate("input => input.click()")  # its step may be hidden (the diagnostic is in steps)
            scores = score_answers(cards, scale, principles, answers)
            for principle in principles:
                value = scores.principles[principle]
                expected = "non évalué" if value is None else f"{percent(value)} %"
                expect(page.locator(f'.pc-diag__table tr[data-principle="{principle}"] .pc-diag__score')).to_have_text(expected)
