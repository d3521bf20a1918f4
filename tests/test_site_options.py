"""extra.plateformcoop in mkdocs.yml is validated like content: located, in French,
by `plateformcoop check` and by the strict build alike."""

from __future__ import annotations

import re
from pathlib import Path

from plateformcoop.content import load_content, load_site_options

from conftest import build, check, make_project


def _edit_config(project: Path, old: str, new: str) -> int:
    """Replace ``old`` in the project's mkdocs.yml; the 1-based line it is on."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_options_are_read_into_the_content(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    # Tags elsewhere in mkdocs.yml (MkDocs reads them; this loader refuses them in content) are left alone.
    _edit_config(project, "extra:\n", "extra:\n  analytics_key: !ENV [PLATEFORMCOOP_KEY, \"\"]\n")
    options, problems = load_site_options(project)
    assert problems == []
    assert options.source_edit_url == "https://github.com/plateformcoop/plateformcoop/edit/main/"
    assert load_content(project).site_options == options


def test_misspelt_key_and_http_url_are_located(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    edit_line = _edit_config(project, "    source_edit_url:", "    source_edt_url:")
    new_line = _edit_config(project, "source_new_url: https://", "source_new_url: http://")
    result = check(project)
    assert result.returncode == 1, result.stdout
    assert f"mkdocs.yml:{edit_line}:5: clé inconnue « source_edt_url »" in result.stdout
    assert "Vouliez-vous dire « source_edit_url » ?" in result.stdout
    assert re.search(rf"mkdocs\.yml:{new_line}:21: adresse « http://[^»]+ » invalide", result.stdout), result.stdout
    built = build(project)
    assert built.returncode != 0
    assert "Traceback" not in built.output
    assert f"mkdocs.yml:{edit_line}:5: clé inconnue « source_edt_url »" in built.output
    assert f"mkdocs.yml:{new_line}:21: adresse « http://" in built.output


def test_options_must_be_a_mapping(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"  plateformcoop:\n(    .*\n)+", "  plateformcoop: oui\n", text), encoding="utf-8")
    options, problems = load_site_options(project)
    assert options.source_edit_url is None
    assert [p.one_line().split(" → ")[0] for p in problems] == [
        f"mkdocs.yml:{problems[0].line}:18: « extra.plateformcoop » doit contenir des paires « clé: valeur »"
    ]
