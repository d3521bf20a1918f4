"""The benchmark harness (make bench): its synthetic corpus is valid, a tiny run
writes a complete report, and the helpers the tests share with it (project copy,
local server) do what the tests rely on. No timing is asserted: the machine
decides those. Marked slow: make test-fast leaves it out."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from benchmarks import corpus, project
from conftest import REPO, check

pytestmark = pytest.mark.slow


def test_generated_corpus_passes_check_and_looks_real(tmp_path: Path) -> None:
    generated = corpus.generate(tmp_path / "project", 30, plain=tmp_path / "plain")
    result = check(generated.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "aucun problème" in result.stdout

    cards = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((generated.root / "practices").glob("*.yml"))]
    assert len(cards) == 30
    # Real cards have about 400 words of prose.
    assert 350 <= generated.card_words / len(cards) <= 500
    vocabularies = corpus.vocabulary_ids(generated.root)
    ids = {card["id"] for card in cards}
    for card in cards:
        assert card["related"] and set(card["related"]) <= ids - {card["id"]}
        assert set(card["principles"]) <= set(vocabularies["principles"])
        assert set(card["themes"]) <= set(vocabularies["themes"])
    # Courses with every kind of block and quizzes that cite generated cards.
    assert len(generated.courses) == 3 and generated.lessons == 12
    lesson = next((generated.root / "courses").glob("*/01-*.md")).read_text(encoding="utf-8")
    for block in ("::: quiz", "::: exercice", "::: discussion", "::: a-retenir", "::: note-animateur", "[[fiche:"):
        assert block in lesson
    # The same text as plain Markdown pages, for the reference build.
    assert len(list((generated.plain_root / "docs" / "pratiques").glob("*.md"))) == 30
    assert generated.raw_text_bytes > 0
    plain_config = yaml.safe_load((generated.plain_root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in plain_config and [p for p in plain_config["plugins"]] == [{"search": {"lang": "fr"}}]


def test_rendered_reference_holds_the_engine_pages_without_the_engine(tmp_path: Path) -> None:
    generated = corpus.generate(tmp_path / "project", 12)
    written = corpus.write_rendered_project(generated.root, tmp_path / "rendered")
    docs = tmp_path / "rendered" / "docs"
    assert written > 0
    # Every card page, the catalog and the lessons are ordinary Markdown files there.
    assert len(list((docs / "pratiques").glob("*.md"))) == 12 + 1
    card = next(iter(sorted(generated.cards)))
    assert (docs / "pratiques" / f"{card}.md").read_text(encoding="utf-8").count("## ") >= 5
    assert list((docs / "formations").rglob("*.md"))
    config = yaml.safe_load((tmp_path / "rendered" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"] and "extra_javascript" not in config
    project_config = yaml.safe_load((generated.root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["nav"] == project_config["nav"]


def test_quick_run_writes_a_complete_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Objectifs" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))

    assert report["format"] == "plateformcoop-bench" and report["quick"] is True
    assert {"cpu_count", "ram_gb", "python", "versions"} <= set(report["machine"])
    assert report["base"]["cards"] == 1
    (entry,) = report["builds"]
    assert entry["cards"] == 5
    for side in ("project", "rendered", "plain"):
        assert entry[side]["best_s"] > 0 and entry[side]["html_pages"] > 0
        assert entry[side]["max_rss_mb"] is None or entry[side]["max_rss_mb"] > 0
        # Processor time of the build itself, read by the launcher: a build takes some, at most the wall time of both CPUs.
        assert 0 < entry[side]["best_cpu_s"] <= entry[side]["best_s"] * (os.cpu_count() or 1) + 0.1
    assert isinstance(entry["overhead"], float) and isinstance(entry["pages_vs_text"], float)
    assert isinstance(entry["overhead_cpu"], float)
    assert entry["engine"]["problems"] == 0 and entry["engine"]["pages"] > 5
    index = entry["search_index"]
    assert index["engine"] == "pagefind"
    assert index["bytes"] > 0 and index["ratio_to_raw_text"] > 0 and index["bytes_per_card"] > 0
    assert set(entry["page_weight"]) == {"home", "catalog", "card", "lesson"}
    for weight in entry["page_weight"].values():
        assert weight["html_css_js_gzip_kb"] > 0
        assert weight["search_index_gzip_kb"] == 0  # Pagefind: a page load fetches no index
        assert weight["third_party"] == []  # the site makes no third-party request
    assert "5" in report["scaling"]["marginal_ms_per_card"]
    assert [c["cards"] for c in report["check"]] == [5, 20]
    assert all(c["best_s"] > 0 for c in report["check"])
    serve = report["serve"]
    assert serve.get("rebuild_s") or serve.get("skipped")
    names = [target["name"] for target in report["targets"]]
    assert any("overhead" in name for name in names) and any("search index" in name for name in names)
    assert all(target["met"] in (True, False, None) for target in report["targets"])


# --- Helpers shared with the tests (benchmarks/project.py) -------------------------


def _get(url: str, gzip_ok: bool = True, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object) -> None:
        return None


def test_local_server_serves_the_site_under_its_path_with_gzip(tmp_path: Path) -> None:
    page = "<!doctype html><title>Accueil</title><p>" + "Coopérative " * 200 + "</p>"
    (tmp_path / "pratiques").mkdir()
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "pratiques" / "index.html").write_text("<p>Catalogue</p>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    url, server = project.serve_site(tmp_path, "/plateformcoop/")
    try:
        assert url.endswith("/plateformcoop/")
        status, headers, body = _get(url)
        assert status == 200 and headers["Content-Encoding"] == "gzip" and "Cache-Control" not in headers
        assert gzip.decompress(body).decode("utf-8") == page and len(body) < len(page.encode()) / 5
        status, headers, body = _get(url + "pratiques/", gzip_ok=False)
        assert status == 200 and "Content-Encoding" not in headers and body == b"<p>Catalogue</p>"
        status, headers, _ = _get(url + "pratiques")  # as GitHub Pages: a folder without its slash is redirected
        assert status == 301 and headers["Location"].endswith("/plateformcoop/pratiques/")
        status, headers, body = _get(url + "logo.png")  # images are sent as they are
        assert status == 200 and "Content-Encoding" not in headers and body.startswith(b"\x89PNG")
        assert _get(url.replace("/plateformcoop/", "/index.html"))[0] == 404  # nothing outside the site's path
        status, headers, body = _get(url, method="HEAD")
        assert status == 200 and headers["Content-Encoding"] == "gzip" and body == b""
    finally:
        server.shutdown()
    url, server = project.serve_site(tmp_path, max_age=600)
    try:
        status, headers, _ = _get(url)
        assert status == 200 and headers["Cache-Control"] == "max-age=600"
    finally:
        server.shutdown()


def test_project_copy_holds_what_a_build_needs_and_no_content(tmp_path: Path) -> None:
    copy = project.copy_skeleton(tmp_path / "copy")
    config = yaml.safe_load((copy / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["hooks"] and all((copy / hook).is_file() for hook in config["hooks"])
    assert (copy / config["theme"]["custom_dir"]).is_dir() and (copy / "CONTRIBUTING.md").is_file()
    # Whole folders: a file added to hooks/ (a module a hook imports) is copied too.
    for folder in ("docs", "hooks", "overrides", "data"):
        expected = {p.relative_to(REPO) for p in (REPO / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
        assert {p.relative_to(copy) for p in (copy / folder).rglob("*") if p.is_file()} == expected
    assert not (copy / "practices").exists() and not (copy / "courses").exists()
