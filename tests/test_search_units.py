"""The search's engine side (plateformcoop/search.py), without a build: which pages are
indexed, what their results say they are, and how a failed index run is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from plateformcoop import search, theme
from plateformcoop.content import load_content
from plateformcoop.render.practice_page import render_practice
from plateformcoop.render.settings import SiteSettings
from conftest import make_project


def front_matter(markdown: str) -> dict:
    """The front matter of a generated page, read as MkDocs reads it (YAML)."""
    import yaml

    assert markdown.startswith("---\n")
    return yaml.safe_load(markdown[4 : markdown.index("\n---\n", 4)])


def test_page_kinds_give_result_types_and_hand_written_pages_are_pages() -> None:
    assert search.page_search({"pc_kind": "practice"}).label == "Fiche"
    assert search.page_search({"pc_kind": "lesson"}).label == "Leçon"
    assert search.page_search({"pc_kind": "glossary"}).label == "Terme du glossaire"
    assert search.page_search({"pc_kind": "principles"}).label == "Principe de la charte"
    platform = search.page_search({"pc_kind": "platform"})
    assert (platform.type, platform.label, platform.weight) == ("platform", "Plateforme de l'annuaire", None)
    page = search.page_search({"title": "À propos"})
    assert (page.type, page.label, page.filters) == ("page", "Page", (("type", "Page"),))
    assert page.weight == 0.5 and search.page_search({"pc_kind": "practice"}).weight is None
    assert search.page_search(None).type == "page"


def test_pages_written_with_search_false_are_not_indexed() -> None:
    header = theme.page_header("Catalogue", "catalog", search=False)
    assert search.page_search(front_matter(header)) is None
    assert search.page_search(front_matter(theme.page_header("Fiche", "practice"))) is not None
    # Material's flag, written by hand in a page of docs/, is honoured too.
    assert search.page_search({"title": "Brouillon", "search": {"exclude": True}}) is None


def test_cards_carry_their_principles_as_a_filter(tmp_path: Path) -> None:
    content = load_content(make_project(tmp_path))
    practice = content.practices["deuxieme-fiche"]
    meta = front_matter(render_practice(content, practice, SiteSettings()))
    found = search.page_search(meta)
    assert found.meta == (("kind", "practice"), ("type", "Fiche"))
    assert found.filters == (
        ("type", "Fiche"),
        ("principle", "Partage équitable de la valeur"),
        ("principle", "Gouvernance inclusive"),
    )


def test_whole_sections_are_kept_out_of_the_index() -> None:
    kept = theme.section(2, "Fiches liées", "- [Une fiche](x.md)\n")
    assert theme.SEARCH_EXCLUDE not in kept
    excluded = theme.section(2, "Fiches liées", "- [Une fiche](x.md)\n", searchable=False)
    assert excluded.startswith('<div class="pc-section" markdown data-pagefind-ignore>')
    assert "## Fiches liées" in excluded and "- [Une fiche](x.md)" in excluded


def test_material_search_assets_are_recognised() -> None:
    assert search.is_material_search_asset("assets/javascripts/lunr/min/lunr.fr.min.js")
    assert search.is_material_search_asset("assets/javascripts/workers/search.a7633da7.min.js")
    assert not search.is_material_search_asset("assets/javascripts/search.js")


def test_ui_strings_come_from_the_locale_file() -> None:
    strings = search.ui_strings()
    assert strings["none"] == "Aucun résultat pour « {query} »."
    assert strings["types"]["glossary"] == "Terme du glossaire"
    assert search.ui_label("label") == "Rechercher sur le site"


def test_a_failed_index_run_is_reported_for_people(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A site without any page to index: Pagefind writes nothing usable.
    (tmp_path / "index.html").write_text("<!doctype html><html lang=fr><body><p>Rien</p></body></html>", encoding="utf-8")
    with pytest.raises(search.SearchIndexError) as error:
        search.build_index(tmp_path)
    message = str(error.value)
    assert message.startswith(f"{tmp_path}: ") and "→" in message and "Traceback" not in message
    # And without the binary: the hint says how to install it.
    monkeypatch.setattr(search, "_executable", lambda site: (_ for _ in ()).throw(search.SearchIndexError(site, "search.build.missing")))
    with pytest.raises(search.SearchIndexError, match="make setup"):
        search.build_index(tmp_path)


def test_the_index_run_writes_the_bundle_without_stock_interfaces(tmp_path: Path) -> None:
    page = '<!doctype html><html lang="fr"><body><div data-pagefind-body><h1>Titre</h1><p>Une coopérative.</p></div></body></html>'
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    run = search.build_index(tmp_path)
    assert run.pages == 1 and run.seconds > 0
    bundle = sorted(p.name for p in (tmp_path / "pagefind").iterdir())
    assert "pagefind.js" in bundle and "pagefind-ui.js" not in bundle and "pagefind-highlight.js" not in bundle
    # A second run (mkdocs serve rebuilds into the same folder) starts from an empty bundle.
    (tmp_path / "pagefind" / "stale.txt").write_text("old", encoding="utf-8")
    search.build_index(tmp_path)
    assert not (tmp_path / "pagefind" / "stale.txt").exists()
