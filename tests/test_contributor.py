"""Contributor workflow: scaffolding, schemas for editors, CI templates, generated reference."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from plateformcoop.model.course import Course, LessonMeta
from plateformcoop.model.practice import Practice
from plateformcoop.vocabularies import VOCABULARY_NAMES

from conftest import BIN, FIXTURES, REPO, BuildResult, check, make_project
from test_site import article, soup


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "plateformcoop"), *args, "--root", str(project)], capture_output=True, text=True, timeout=120)


def test_new_files_pass_check_at_once(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    created = run(project, "new", "practice", "caisse-de-solidarite")
    assert created.returncode == 0, created.stderr
    assert "créé : practices/caisse-de-solidarite.yml" in created.stdout
    text = (project / "practices" / "caisse-de-solidarite.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/practice.schema.json")
    assert "# Titre court et concret, sans mise en forme. (obligatoire ; 90 caractères au plus)" in text
    assert run(project, "new", "course", "nouveau-module").returncode == 0
    assert run(project, "new", "lesson", "nouveau-module", "seconde-lecon").returncode == 0
    course = yaml.safe_load((project / "courses" / "nouveau-module" / "course.yml").read_text(encoding="utf-8"))
    assert course["lessons"] == ["introduction", "seconde-lecon"]
    result = check(project)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("new", "practice", "Ma_Fiche"), "identifiant de fiche « Ma_Fiche » invalide"),
        (("new", "practice", "cooperative-de-test"), "« practices/cooperative-de-test.yml » existe déjà"),
        (("new", "course", "module-test"), "« courses/module-test » existe déjà"),
        (("new", "lesson", "module-inconnu", "x"), "le module « module-inconnu » n'existe pas"),
        (("new", "lesson", "module-test", "premiere-lecon"), "« courses/module-test/01-premiere-lecon.md » existe déjà"),
    ],
)
def test_new_refuses_bad_or_existing_ids(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    project = make_project(tmp_path)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = run(project, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_committed_schemas_are_up_to_date(tmp_path: Path) -> None:
    assert subprocess.run([str(BIN / "plateformcoop"), "schema", "--check", "--root", str(REPO)]).returncode == 0
    copy = tmp_path / "copy"
    shutil.copytree(REPO / "schemas", copy / "schemas")
    shutil.copytree(REPO / "data", copy / "data")
    vocab = copy / "data" / "vocabularies" / "themes.yml"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "  - id: nouveau-theme\n    label: {fr: Nouveau}\n    description: {fr: Un thème de plus.}\n", encoding="utf-8")
    stale = subprocess.run([str(BIN / "plateformcoop"), "schema", "--check", "--root", str(copy)], capture_output=True, text=True)
    assert stale.returncode == 1 and "practice.schema.json" in stale.stderr


def _jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "check-jsonschema"), "--schemafile", str(REPO / "schemas" / schema), *map(str, files)], capture_output=True, text=True)


def test_real_files_validate_against_the_schemas_with_check_jsonschema(tmp_path: Path) -> None:
    cards = sorted((REPO / "practices").glob("*.yml")) + sorted((FIXTURES / "practices").glob("*.yml"))
    assert _jsonschema("practice.schema.json", *cards).returncode == 0
    courses = sorted(REPO.glob("courses/*/course.yml")) + [FIXTURES / "courses" / "module-test" / "course.yml"]
    assert _jsonschema("course.schema.json", *courses).returncode == 0
    vocabularies = sorted((REPO / "data" / "vocabularies").glob("*.yml"))
    assert _jsonschema("vocabulary.schema.json", *vocabularies).returncode == 0
    # The schema catches what the checker catches: an unknown theme, an unknown key.
    bad = tmp_path / "bad.yml"
    bad.write_text((FIXTURES / "practices" / "cooperative-de-test.yml").read_text(encoding="utf-8").replace("themes: [gouvernance]", "themes: [gouvernanse]\nsumary: x"), encoding="utf-8")
    result = _jsonschema("practice.schema.json", bad)
    assert result.returncode == 1 and "gouvernanse" in result.stdout


WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def test_ci_templates_pass_their_linters() -> None:
    for schema, files in (
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.gitlab-ci", [REPO / ".gitlab-ci.yml"]),
        ("vendor.github-issue-forms", [p for p in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"]),
    ):
        result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_use_only_pinned_actions() -> None:
    uses = [m.group(1) for path in WORKFLOWS for m in re.finditer(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))]
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{action} is not pinned to a commit"


def test_editor_schema_mapping() -> None:
    import json

    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (REPO / schema).exists()
    assert mapping["./schemas/practice.schema.json"] == ["practices/*.yml"]


def test_field_reference_page_matches_the_model(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "contribuer/reference/index.html"))
    codes = {code.get_text() for code in page.find_all("code")}
    for model in (Practice, Course, LessonMeta):
        for name in model.model_fields:
            assert name in codes, name
    for name in VOCABULARY_NAMES:
        assert page.find(id=f"vocabulaire-{name}") is not None, name
    # Labels of vocabulary terms come from the data files.
    assert "Partage équitable de la valeur" in page.get_text()
    assert "::: quiz" in codes


def test_template_page_offers_a_prefilled_forge_link(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "contribuer/modele-de-fiche/index.html"))
    link = page.find("a", string="Créer une fiche sur GitHub à partir de ce modèle")
    assert link["href"].startswith("https://github.com/plateformcoop/plateformcoop/new/main/practices?filename=identifiant-de-la-fiche.yml&value=")
    template = page.select_one("pre code").get_text()
    assert yaml.safe_load(template)["id"] == "identifiant-de-la-fiche"


def test_contribution_guide_is_on_the_site(fixture_site: BuildResult) -> None:
    page = article(soup(fixture_site.site, "contribuer/index.html"))
    text = page.get_text(" ", strip=True)
    assert "Proposer une fiche depuis le navigateur, sans rien installer" in text
    assert "critères de relecture" in text
