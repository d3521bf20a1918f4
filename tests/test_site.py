"""The generated site, parsed: card pages, catalog, taxonomy pages, glossary, export, search index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, BuildResult

CARDS = sorted(p.stem for p in (FIXTURES / "practices").glob("*.yml"))


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def article(page: BeautifulSoup):
    """The page's main content, without the "¶" permalinks of headings."""
    body = page.select_one("article.md-content__inner")
    for link in body.select("a.headerlink"):
        link.decompose()
    return body


def test_card_page_structure(fixture_site: BuildResult) -> None:
    page = soup(fixture_site.site, "pratiques/cooperative-de-test/index.html")
    body = article(page)
    assert body.h1.get_text(strip=True) == "Partager les décisions entre sociétaires"
    # The summary comes first, right after the title.
    first = body.h1.find_next_sibling()
    assert "pc-summary" in first.get("class", []) and "gouvernance partagée" in first.get_text()
    sections = [h2.get_text(strip=True) for h2 in body.find_all("h2")]
    assert sections == [
        "En bref", "Le problème", "La pratique", "Étapes", "Pièges à éviter", "Exemples",
        "Ressources et sources", "Pour faire le point", "Des plateformes du réseau qui l'appliquent", "Fiches liées",
    ]
    steps = body.find("h2", string=re.compile("Étapes")).find_next_sibling("ol").find_all("li", recursive=False)
    assert len(steps) == 2 and "Puis les publier." in steps[1].get_text()
    badges = {a.get_text(strip=True): a["href"] for a in body.select("a.pc-badge")}
    assert badges == {"Gouvernance inclusive": "../../principes/gouvernance-inclusive/", "Gouvernance et sociétariat": "../../themes/gouvernance/"}
    facts = body.select_one(".pc-facts").get_text(" ", strip=True)
    for expected in ("Plateformes coopératives", "Lancement", "Effort : Faible", "Impact : Moyen"):
        assert expected in facts
    footer = body.select_one(".pc-card-footer").get_text(" ", strip=True)
    assert "Mise à jour le 15 janvier 2026" in footer and "Licence CC BY-SA 4.0" in footer
    assert "Faits et sources vérifiés le 20 janvier 2026" in footer
    edit = body.select_one("a.pc-edit")
    assert edit.get_text(strip=True) == "Modifier cette fiche"
    assert edit["href"] == "https://github.com/plateformcoop/plateformcoop/edit/main/practices/cooperative-de-test.yml"
    example = body.find("a", string="site de Mobicoop")
    assert example["href"] == "https://www.mobicoop.fr/"


def test_related_and_backlinks(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "pratiques/deuxieme-fiche/index.html"))
    heading = page.find("h2", string=re.compile("Ces fiches renvoient ici"))
    assert heading is not None
    link = heading.find_next_sibling("ul").a
    assert link["href"] == "../cooperative-de-test/" and link.get_text() == "Partager les décisions entre sociétaires"
    assert page.find("h2", string=re.compile("Fiches liées")) is None


def test_catalog_lists_every_card_once_with_accessible_filters(fixture_site: BuildResult) -> None:
    page = soup(fixture_site.site, "pratiques/index.html")
    items = page.select("#pc-catalog > li.pc-catalog__item")
    hrefs = [li.select_one("h2 a")["href"] for li in items]
    assert sorted(h.strip("/") for h in hrefs) == CARDS
    for href in hrefs:
        assert (fixture_site.site / "pratiques" / href / "index.html").exists()
    item = next(li for li in items if "deuxieme-fiche" in li.a["href"])
    assert item["data-principe"] == "partage-de-la-valeur gouvernance-inclusive"
    assert item["data-public"] == "collectivites cooperatives" and item["data-effort"] == "eleve"
    form = page.select_one("form#pc-filters")
    assert form.has_attr("hidden"), "without JavaScript the filters stay hidden and every card shows"
    legends = [fs.legend.get_text(strip=True) for fs in form.find_all("fieldset")]
    assert legends == ["Principe de la charte", "Thème", "Public", "Étape de vie", "Effort"]
    status = page.select_one("#pc-results")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    assert status.get_text(strip=True) == "2 fiches affichées"
    assert form.select_one('[data-count-for="principe:gouvernance-inclusive"]').get_text() == "(2)"


def test_one_page_per_card_and_cards_stay_out_of_the_nav(fixture_site: BuildResult) -> None:
    pages = sorted(p.parent.name for p in (fixture_site.site / "pratiques").glob("*/index.html"))
    assert pages == CARDS
    page = soup(fixture_site.site, "index.html")
    nav_links = [a["href"] for a in page.select("nav.md-nav--primary a[href]")]
    assert not [h for h in nav_links if re.search(r"pratiques/[a-z0-9-]+/$", h)]
    assert any(h.endswith("pratiques/") for h in nav_links)


@pytest.mark.parametrize(
    ("path", "title", "cards"),
    [
        ("principes/gouvernance-inclusive/index.html", "Gouvernance inclusive", 2),
        ("principes/partage-de-la-valeur/index.html", "Partage équitable de la valeur", 1),
        ("principes/ethique-des-donnees/index.html", "Éthique des données", 0),
        ("themes/action-publique/index.html", "Action publique locale", 1),
    ],
)
def test_principle_and_theme_pages(fixture_site: BuildResult, path: str, title: str, cards: int) -> None:
    page = article(soup(fixture_site.site, path))
    assert page.h1.get_text(strip=True) == title
    links = [a for a in page.select("ul a") if "pratiques/" in a["href"]]
    assert len(links) == cards


def test_principles_index_lists_the_five_principles(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "principes/index.html"))
    assert len(page.find_all("h2")) == 5


def test_glossary_page_and_tooltips(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "glossaire/index.html"))
    assert [h.get("id") for h in page.find_all("h2")] == ["cooperative", "scic"]
    card = article(soup(fixture_site.site, "pratiques/cooperative-de-test/index.html"))
    abbrs = card.find_all("abbr")
    tooltips = {abbr.get_text(): abbr["title"] for abbr in abbrs}
    assert tooltips["SCIC"] == "Société coopérative d'intérêt collectif."
    assert tooltips["coopérative"] == "Entreprise détenue et gérée par ses membres."
    # The term recurs on the page; only its first appearance carries the tooltip.
    assert card.get_text().count("coopérative") > 1
    assert len(abbrs) == len(tooltips)


def test_json_export(fixture_site: BuildResult) -> None:
    data = json.loads((fixture_site.site / "donnees" / "pratiques.json").read_text(encoding="utf-8"))
    assert data["format"] == "plateformcoop-practices" and data["count"] == len(CARDS)
    assert sorted(p["id"] for p in data["practices"]) == CARDS
    record = next(p for p in data["practices"] if p["id"] == "deuxieme-fiche")
    assert record["url"] == "https://plateformcoop.github.io/plateformcoop/pratiques/deuxieme-fiche/"
    assert record["backlinks"] == ["cooperative-de-test"]
    assert record["updated"] == "2026-02-01"
    assert record["reviewed"] is None  # never verified: said so, not invented
    assert next(p for p in data["practices"] if p["id"] == "cooperative-de-test")["reviewed"] == "2026-01-20"
    assert [t["id"] for t in data["vocabularies"]["principles"]][0] == "gouvernance-inclusive"


def search_fragments(site: Path) -> dict[str, dict]:
    """Pagefind's page fragments (what a result shows), by URL: gzip, then a signature, then JSON."""
    import gzip

    fragments = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data[:12] == b"pagefind_dcd", path
        fragment = json.loads(data[12:])
        fragments[fragment["url"].lstrip("/")] = fragment
    return fragments


def test_search_index_covers_cards_lessons_and_glossary_not_catalogs_or_forms(fixture_site: BuildResult) -> None:
    fragments = search_fragments(fixture_site.site)
    for card in CARDS:
        assert f"pratiques/{card}/" in fragments
    for url in ("formations/module-test/premiere-lecon/", "glossaire/", "a-propos/", "principes/gouvernance-inclusive/"):
        assert url in fragments, sorted(fragments)
    # The catalog repeats every summary; forms and printable pages hold no text of their own.
    for url in ("pratiques/", "diagnostic/", "formations/module-test/attestation/", "formations/module-test/guide-animation/"):
        assert url not in fragments
    # Each result says what it is; cards carry their charter principles as a filter.
    card = fragments["pratiques/deuxieme-fiche/"]
    assert card["meta"]["type"] == "Fiche" and card["meta"]["kind"] == "practice"
    assert card["meta"]["title"] == "Ouvrir le capital à la collectivité"  # no "¶" permalink
    filters = {name: sorted(values) for name, values in card["filters"].items()}
    assert filters == {"type": ["Fiche"], "principle": ["Gouvernance inclusive", "Partage équitable de la valeur"]}
    assert fragments["formations/module-test/premiere-lecon/"]["meta"]["type"] == "Leçon"
    assert fragments["a-propos/"]["meta"]["type"] == "Page"
    glossary = fragments["glossaire/"]
    assert glossary["meta"]["type"] == "Terme du glossaire"
    # A glossary entry is a heading with the term's id: a result links to it.
    assert {"scic", "cooperative"} <= {a["id"] for a in glossary["anchors"] if a["element"] == "h2"}
    assert "coopérative" in card["content"] or "coopérative" in fragments["pratiques/cooperative-de-test/"]["content"]


def test_no_lunr_search_is_shipped(fixture_site: BuildResult) -> None:
    site = fixture_site.site
    assert not (site / "search").exists()  # Material's search_index.json
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    assert not list((site / "assets" / "javascripts").rglob("search*.min.js"))  # its web worker
    assert list(site.rglob("*lunr*")) == []
    # Pagefind's stock interfaces are not used either: the site has its own.
    bundle = sorted(p.name for p in (site / "pagefind").iterdir())
    assert "pagefind.js" in bundle and not [name for name in bundle if "-ui" in name or "highlight" in name], bundle
    page = soup(site, "index.html")
    assert page.select('[data-md-component="search"]') == [] and page.select('form[name="search"]') == []
    assert page.select_one("#pc-search-input[role=combobox]") is not None


def test_home_page_counts_come_from_the_content(fixture_site: BuildResult) -> None:
    text = article(soup(fixture_site.site, "index.html")).get_text(" ", strip=True)
    assert "2 fiches de bonnes pratiques" in text
    assert "5 principes" in text
    assert "4 plateformes coopératives" in " ".join(text.split())  # the fixture directory


def test_no_third_party_request_in_any_page(fixture_site: BuildResult) -> None:
    for path in fixture_site.site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                if tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                    continue  # metadata for crawlers, never fetched by the browser
                url = element.get(attr, "")
                assert not re.match(r"^(https?:)?//", url), f"{path}: {tag} loads {url}"
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8")


def test_search_index_holds_each_text_once(fixture_site: BuildResult) -> None:
    """Listings of other cards, facts and footers are repeated on many pages: the index
    keeps the card's own text only (a word finds the card that says it)."""
    fragments = search_fragments(fixture_site.site)
    card = fragments["pratiques/deuxieme-fiche/"]
    assert "La pratique" in card["content"]
    assert "Ces fiches renvoient ici" not in card["content"] and "Fiches liées" not in card["content"]
    assert "Partager les décisions entre sociétaires" not in card["content"]  # the backlink's title
    assert "Thèmes :" not in card["content"] and "Licence" not in card["content"]  # facts and footer
    theme = fragments["themes/action-publique/"]
    assert "Partager les décisions" not in theme["content"] and "Ouvrir le capital" not in theme["content"]
    # The pages themselves still show all of it.
    page = article(soup(fixture_site.site, "pratiques/deuxieme-fiche/index.html")).get_text(" ", strip=True)
    assert "Partager les décisions entre sociétaires" in page and "Thèmes" in page
    theme_page = article(soup(fixture_site.site, "themes/action-publique/index.html")).get_text(" ", strip=True)
    assert "Ouvrir le capital à la collectivité" in theme_page

