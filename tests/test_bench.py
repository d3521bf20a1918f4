"""The benchmark harness (make bench): its synthetic corpus is valid and a tiny run
writes a complete report. No timing is asserted: the machine decides those."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO, check

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import corpus  # noqa: E402


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
    # Processor time per part of the build: the counters are wired to the real code
    # (the tooltips run in the project's build only, Markdown is converted in both).
    parts = {row["part"]: row for row in entry["breakdown"]}
    assert parts["total"]["project_s"] > 0 and parts["total"]["rendered_s"] > 0
    assert parts["glossary tooltips"]["project_s"] > 0 and parts["glossary tooltips"]["rendered_s"] == 0
    assert parts["pages: Markdown to HTML"]["rendered_s"] > 0
    assert parts["event config"]["project_s"] > parts["event config"]["rendered_s"]  # the engine reads the content there
    assert entry["engine"]["problems"] == 0 and entry["engine"]["pages"] > 5
    index = entry["search_index"]
    assert index["bytes"] > 0 and index["ratio_to_raw_text"] > 0 and index["bytes_per_card"] > 0
    assert set(entry["page_weight"]) == {"home", "catalog", "card", "lesson"}
    for weight in entry["page_weight"].values():
        assert weight["html_css_js_gzip_kb"] > 0
        assert weight["search_index_gzip_kb"] > 0
        assert weight["third_party"] == []  # the site makes no third-party request
    assert "5" in report["scaling"]["marginal_ms_per_card"]
    assert [c["cards"] for c in report["check"]] == [5, 20]
    assert all(c["best_s"] > 0 for c in report["check"])
    serve = report["serve"]
    assert serve.get("rebuild_s") or serve.get("skipped")
    names = [target["name"] for target in report["targets"]]
    assert any("overhead" in name for name in names) and any("search index" in name for name in names)
    assert all(target["met"] in (True, False, None) for target in report["targets"])
