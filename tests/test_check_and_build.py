"""`plateformcoop check` and `mkdocs build --strict` fail on the same problems."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import FIXTURES, build, check, make_project

BAD = FIXTURES / "bad"


def _project_with(tmp_path: Path, *names: str) -> Path:
    project = make_project(tmp_path)
    for name in names:
        shutil.copy(BAD / name, project / "practices" / name)
    return project


def test_check_passes_on_valid_content(tmp_path: Path) -> None:
    result = check(make_project(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "aucun problème" in result.stdout


def test_check_and_strict_build_report_the_same_problems(tmp_path: Path) -> None:
    project = _project_with(tmp_path, "unknown-term.yml", "template.yml", "duplicate-key.yml", "not-utf8.yml")
    result = check(project, "--format", "json")
    assert result.returncode == 1
    from_check = {f"{p['path']}:{p['line']}:{p['col']}: {p['message']}" for p in json.loads(result.stdout)["problems"]}
    built = build(project)
    assert built.returncode != 0
    assert "Traceback" not in built.output
    from_build = set()
    for line in built.output.splitlines():
        match = re.match(r"WARNING\s+-\s+(practices/\S+:\d+:\d+: .*?)(?: → .*)?$", line)
        if match:
            from_build.add(match.group(1))
    assert from_check and from_check == from_build


def test_check_human_output_is_grouped_with_hints(tmp_path: Path) -> None:
    project = _project_with(tmp_path, "unknown-key.yml", "bad-urls.yml")
    result = check(project)
    assert result.returncode == 1
    out = result.stdout
    assert "── practices/bad-urls.yml" in out and "── practices/unknown-key.yml" in out
    assert "practices/unknown-key.yml:3:1: clé inconnue « sumary »\n    → Vouliez-vous dire « summary » ?" in out
    assert re.search(r"✗ 5 problèmes dans 2 fichiers", out), out
    assert "Traceback" not in result.stderr


def test_check_github_format_annotates_lines(tmp_path: Path) -> None:
    project = _project_with(tmp_path, "unknown-key.yml")
    result = check(project, "--format", "github")
    assert result.returncode == 1
    assert "::error file=practices/unknown-key.yml,line=3,col=1," in result.stdout


def test_check_only_given_files_but_resolves_references_everywhere(tmp_path: Path) -> None:
    project = _project_with(tmp_path, "unknown-related.yml", "unknown-term.yml")
    # cooperative-de-test.yml links to deuxieme-fiche.yml: valid because the whole corpus is read.
    ok = check(project, str(project / "practices" / "cooperative-de-test.yml"))
    assert ok.returncode == 0, ok.stdout
    bad = check(project, str(project / "practices" / "unknown-related.yml"))
    assert bad.returncode == 1
    assert "unknown-term.yml" not in bad.stdout
    assert "unknown-related.yml:6:26: la fiche liée « fiche-inexistante » n'existe pas" in bad.stdout


def test_template_in_card_is_never_executed_by_the_build(tmp_path: Path) -> None:
    marker = Path("/tmp/plateformcoop-pwned")
    marker.unlink(missing_ok=True)
    project = _project_with(tmp_path, "template.yml")
    result = build(project)
    assert result.returncode != 0
    assert not marker.exists()
    # Even a non-strict build (as in serve) never runs it: the card is reported, not rendered by Jinja.
    import subprocess, sys, os

    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build"], cwd=project, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert not marker.exists()
    assert not (project / "site" / "pratiques" / "template").exists()


def test_a_file_with_many_problems_shows_the_first_ones_and_counts_the_rest(tmp_path: Path) -> None:
    """Thirty unknown keys in one card: people see 20 of them and a line counting the 10 others,
    in the check and in the strict build alike; the JSON report keeps all thirty."""
    project = make_project(tmp_path)
    card = project / "practices" / "cooperative-de-test.yml"
    card.write_text(card.read_text(encoding="utf-8") + "".join(f"champ{i:02d}: x\n" for i in range(30)), encoding="utf-8")
    where = "practices/cooperative-de-test.yml:"

    human = check(project)
    assert human.returncode == 1
    located = [line for line in human.stdout.splitlines() if line.startswith(where)]
    assert len(located) == 21, human.stdout
    assert located[-1].endswith("… et 10 autres problèmes dans ce fichier, non affichés"), located[-1]
    assert "champ19" in human.stdout and "champ20" not in human.stdout
    assert "✗ 30 problèmes dans 1 fichier" in human.stdout

    everything = json.loads(check(project, "--format", "json").stdout)["problems"]
    assert len(everything) == 30 and {p["code"] for p in everything} != {"truncated"}

    github = [line for line in check(project, "--format", "github").stdout.splitlines() if line.startswith("::error ")]
    assert len(github) == 21 and "title=truncated::" in github[-1]

    built = build(project)
    assert built.returncode != 0
    warned = [line for line in built.output.splitlines() if re.match(r"WARNING\s+-\s+" + re.escape(where), line)]
    assert [re.sub(r"^WARNING\s+-\s+", "", line).split(" → ")[0] for line in warned] == [
        line.split("\n")[0] for line in located
    ]
