"""Shared fixtures: throwaway projects built from fixture content, real MkDocs builds.

Copying the project and serving a built site are shared with the benchmarks
(benchmarks/project.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks import project
from benchmarks.project import BIN, REPO, copy_skeleton, mkdocs_build, serve_site

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def make_project(
    tmp: Path,
    practices: Path | None = FIXTURES / "practices",
    glossary: Path | None = FIXTURES / "glossary.yml",
    courses: Path | None = FIXTURES / "courses",
    platforms: Path | None = FIXTURES / "platforms",
    diagnostics: Path | None = FIXTURES / "diagnostics",
) -> Path:
    """A copy of the project's engine glue and vocabularies, with fixture cards, glossary, courses and directory
    (``diagnostics``: a folder of <platform-id>/diagnostic-<year>.json, published beside the entries)."""
    copy_skeleton(tmp)
    if glossary is not None:
        shutil.copy(glossary, tmp / "data" / "glossary.yml")
    (tmp / "practices").mkdir()
    if courses is not None:
        shutil.copytree(courses, tmp / "courses")
    else:
        (tmp / "courses").mkdir()
    if practices is not None:
        for path in practices.iterdir():
            shutil.copy(path, tmp / "practices" / path.name)
    if platforms is not None:
        for path in platforms.iterdir():
            shutil.copy(path, tmp / "platforms" / path.name)
    if diagnostics is not None:
        shutil.copytree(diagnostics, tmp / "platforms", dirs_exist_ok=True)
    return tmp


def build(project: Path, *extra: str) -> BuildResult:
    result = mkdocs_build(project, *extra, timeout=600)
    return BuildResult(result.returncode, result.stdout + result.stderr, project / "site")


def check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "plateformcoop"), "check", "--root", str(project), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The fixture cards built into a real site (strict)."""
    project = make_project(tmp_path_factory.mktemp("fixture-site"))
    result = build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The repository's real content built strictly, into a temporary folder."""
    out = tmp_path_factory.mktemp("real-site")
    result = mkdocs_build(REPO, "--site-dir", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return BuildResult(result.returncode, result.stdout + result.stderr, out)


# --- Real browser (Playwright driving Debian's Chromium) ---------------------------

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def serve(directory: Path):
    """Serve a built site on localhost, with gzip; returns (base_url, server)."""
    return serve_site(directory)


SITE_PATH = project.SITE_PATH.lstrip("/")  # the path of site_url in mkdocs.yml: "plateformcoop/"


def serve_as_published(site: Path, tmp: Path | None = None):
    """Serve a built site under the same path as site_url, so that pages using
    absolute URLs (404.html) load their assets; returns (base_url, server).
    ``tmp`` is no longer needed (kept for existing callers)."""
    return serve_site(site, SITE_PATH)


@pytest.fixture(scope="session")
def fixture_server(fixture_site: BuildResult):
    url, server = serve(fixture_site.site)
    yield url
    server.shutdown()


@pytest.fixture()
def page(browser):
    context = browser.new_context(locale="fr-FR")
    tab = context.new_page()
    yield tab
    context.close()
