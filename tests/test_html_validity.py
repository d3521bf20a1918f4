"""HTML validity: the Nu Html Checker (vnu, the W3C validator) on every built page.

The fixture site and the real content are each checked in one Java run (``--errors-only``);
every error is reported as ``site/file:line: message``. The checker comes from
tools/ (``make tools``: npm ``vnu-jar``, pinned in tools/package-lock.json) and
needs Java 11 or later. Without them the tests are skipped, except in CI (CI=1),
where they fail.

The theme's own invalid markup is fixed by copies of Material's templates in
overrides/; ``test_theme_copies_only_differ_by_the_fixes`` keeps those copies in
step with the installed theme.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO, BuildResult

VNU_JAR = REPO / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The command that runs the Nu Html Checker."""
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("Java (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR.relative_to(REPO)} (make tools)")
    if missing:
        message = "the Nu Html Checker needs " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", str(VNU_JAR)]


def run_vnu(vnu: list[str], files: list[Path]) -> list[dict]:
    """vnu's error messages for these files, in one Java run."""
    result = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # Exit status 1 means "errors found"; anything else but 0 is a crash.
    assert result.returncode in (0, 1), f"vnu failed ({result.returncode}):\n{result.stderr}{result.stdout}"
    return json.loads(result.stdout)["messages"]


def message_path(message: dict) -> Path:
    return Path(unquote(urlsplit(message["url"]).path)).resolve()


def describe(message: dict, root: Path, label: str) -> str:
    path = message_path(message)
    where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    line = message.get("lastLine", message.get("firstLine", "?"))
    extract = " ".join((message.get("extract") or "").split())
    return f"{label}/{where}:{line}: {message['message']}" + (f" [{extract}]" if extract else "")


def validate_site(vnu: list[str], site: Path, label: str, minimum: int) -> list[str]:
    """Every built page of a site validated in one Java run: the errors, readable."""
    root = site.resolve()
    files = sorted(root.rglob("*.html"))
    assert len(files) >= minimum, f"only {len(files)} pages in {root}"
    return [describe(message, root, label) for message in run_vnu(vnu, files)]


def test_fixture_site_is_valid_html(vnu: list[str], fixture_site: BuildResult) -> None:
    errors = validate_site(vnu, fixture_site.site, "fixture-site", minimum=20)
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


def test_real_site_is_valid_html(vnu: list[str], real_site: BuildResult) -> None:
    errors = validate_site(vnu, real_site.site, "real-site", minimum=40)
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


def test_checker_reports_invalid_markup(vnu: list[str], tmp_path: Path) -> None:
    """The gate can fail: the kinds of errors fixed in overrides/ are reported, with their line."""
    page = tmp_path / "invalid.html"
    page.write_text(
        "<!doctype html>\n<html lang=fr><head><meta charset=utf-8><title>t</title></head><body>\n"
        '<input type="checkbox" id="a" autocomplete="off">\n'
        '<label for="a" tabindex="">a</label>\n'
        '<label for="missing">b</label>\n'
        "<p>practices/<identifiant>.yml</p>\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    errors = [describe(m, tmp_path, "tmp") for m in run_vnu(vnu, [page])]
    text = "\n".join(errors)
    assert "tmp/invalid.html:3: Attribute “autocomplete”" in text, text
    assert "tmp/invalid.html:4: Bad value “” for attribute “tabindex”" in text, text
    assert "tmp/invalid.html:5: The value of the “for” attribute" in text, text
    assert "“identifiant”" in text, text


# --- Copies of Material's templates -------------------------------------------------

# Each copy in overrides/ is the theme's file with these replacements, and nothing
# else (apart from the leading comment). After a Material upgrade this test fails
# if the theme's file changed: copy it again and redo the replacements.
THEME_COPIES: dict[str, list[tuple[str, str]]] = {
    "base.html": [
        (' type="checkbox" id="__drawer" autocomplete="off">', ' type="checkbox" id="__drawer">'),
        (' type="checkbox" id="__search" autocomplete="off">', ' type="checkbox" id="__search">'),
    ],
    "partials/nav-item.html": [
        (' tabindex="{{ tabindex }}">', '{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>'),
    ],
    "partials/header.html": [
        (
            '    {% if "material/search" in config.plugins %}\n'
            '      {% set search = config.plugins["material/search"] | attr("config") %}\n'
            "      {% if search.enabled %}\n"
            '        <label class="md-header__button md-icon" for="__search">\n'
            '          {% set icon = config.theme.icon.search or "material/magnify" %}\n'
            '          {% include ".icons/" ~ icon ~ ".svg" %}\n'
            "        </label>\n"
            '        {% include "partials/search.html" %}\n'
            "      {% endif %}\n"
            "    {% endif %}\n",
            "    {#- The site search (Pagefind, partials/site-search.html) instead of Material's plugin. -#}\n"
            '    {% include "partials/site-search.html" %}\n',
        ),
    ],
    "partials/toc.html": [
        (
            '    <label class="md-nav__title" for="__toc">\n',
            "    {#- The nav renders the \"__toc\" checkbox only for a page shown as a leaf of\n"
            "        the navigation (not for pages kept out of the nav, nor for section\n"
            "        index pages with navigation.indexes): point the label at it only then. -#}\n"
            '    {% set is_index = page.is_index and page.parent and "navigation.indexes" in (config.theme.features or []) %}\n'
            "    {% if page in nav.pages and not is_index %}\n"
            '      <label class="md-nav__title" for="__toc">\n'
            "    {% else %}\n"
            '      <label class="md-nav__title">\n'
            "    {% endif %}\n",
        ),
    ],
}

LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def theme_templates() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


def test_every_theme_copy_is_listed() -> None:
    copies = {p.relative_to(REPO / "overrides").as_posix() for p in (REPO / "overrides").rglob("*.html")}
    theme = theme_templates()
    # main.html is the project's own entry point (it extends base.html), not a copy.
    copied = {name for name in copies if (theme / name).exists()} - {"main.html"}
    assert copied == set(THEME_COPIES), "overrides/ replaces theme files not listed in THEME_COPIES (or the reverse)"


@pytest.mark.parametrize("name", sorted(THEME_COPIES))
def test_theme_copies_only_differ_by_the_fixes(name: str) -> None:
    upstream = (theme_templates() / name).read_text(encoding="utf-8")
    ours = (REPO / "overrides" / name).read_text(encoding="utf-8")
    expected = LEADING_COMMENT.sub("", upstream, count=1)
    for old, new in THEME_COPIES[name]:
        assert old in expected, f"{name}: Material's file no longer contains {old!r}: copy it again and redo the fix"
        expected = expected.replace(old, new)
    assert LEADING_COMMENT.sub("", ours, count=1) == expected, (
        f"overrides/{name} differs from Material's templates/{name} by more than the listed fixes"
    )
