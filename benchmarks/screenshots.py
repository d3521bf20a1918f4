"""Screenshots of each page type, phone and desktop, light and dark: ``make screenshots``.

For looking, not for asserting: the issues ask to check the pages by eye at
390 × 844 (a phone) and 1280 × 800 (a laptop), in both colour schemes. Builds
the repository's content (``mkdocs build --strict``, into a temporary folder)
unless ``--site`` names a built site, serves it under the path of ``site_url``
and saves one PNG per page, size and scheme in ``--out``
(bench-results/screenshots/ by default): the first screen, or the whole page
with ``--full-page``.

    python -m benchmarks.screenshots [--site DIR] [--out DIR] [--full-page] [--page NAME=PATH ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # python benchmarks/screenshots.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.lighthouse import CHROMIUM, default_pages  # noqa: E402
from benchmarks.project import REPO, published_site  # noqa: E402
from benchmarks.report import log  # noqa: E402

VIEWPORTS = {"telephone": (390, 844), "ordinateur": (1280, 800)}
SCHEMES = ("light", "dark")


def pages() -> dict[str, str]:
    """Lighthouse's four page types, plus the diagnostic, the directory, a platform and the glossary."""
    chosen = default_pages()
    chosen["diagnostic"] = "diagnostic/"
    chosen["annuaire"] = "annuaire/"
    platform = sorted(path.stem for path in (REPO / "platforms").glob("*.yml"))
    if platform:
        chosen["plateforme"] = f"annuaire/{platform[0]}/"
    chosen["glossaire"] = "glossaire/"
    return chosen


def take(base: str, chosen: dict[str, str], out: Path, full_page: bool) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            for viewport, (width, height) in VIEWPORTS.items():
                for scheme in SCHEMES:
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        color_scheme=scheme,
                        locale="fr-FR",
                        is_mobile=viewport == "telephone",
                        has_touch=viewport == "telephone",
                        service_workers="block",
                    )
                    page = context.new_page()
                    for name, path in chosen.items():
                        page.goto(base + path, wait_until="networkidle")
                        target = out / f"{name}-{viewport}-{'clair' if scheme == 'light' else 'sombre'}.png"
                        page.screenshot(path=str(target), full_page=full_page)
                        saved.append(target)
                    context.close()
        finally:
            browser.close()
    return saved


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="a built site (default: build the repository's content)")
    parser.add_argument("--out", default=str(REPO / "bench-results" / "screenshots"), help="folder for the PNG files")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not only the first screen")
    parser.add_argument("--page", action="append", default=[], metavar="NAME=PATH", help="a page to take instead of the defaults")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not CHROMIUM.exists():
        log(f"Captures impossibles : {CHROMIUM} est absent (apt-get install chromium).")
        return 1
    chosen = dict(item.split("=", 1) for item in args.page) if args.page else pages()
    with published_site(Path(args.site).resolve() if args.site else None, log=log) as (base, _site, _work):
        saved = take(base, chosen, Path(args.out), args.full_page)
    log(f"{len(saved)} captures dans {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
