"""Lighthouse scores of the real site: ``make lighthouse`` (also run by ``make bench``).

Builds the repository's content (``mkdocs build --strict``, into a temporary
folder) unless ``--site`` names a built site, serves it on localhost under the
path of ``site_url`` (/plateformcoop/) with gzip, as GitHub Pages serves it, and
runs Lighthouse (npm, tools/node_modules, ``make tools``) in Debian's Chromium on
four page types: the home page, the card catalog, a card and a lesson.

Lighthouse's defaults are kept: mobile form factor, simulated slow 4G and 4x CPU
slowdown. Each page is measured ``--runs`` times; the run with the median
performance score is kept (as Lighthouse's own ``computeMedianRun`` does). Prints
a table with the failing audits of every category below its target and writes
bench-results/lighthouse.json. Targets are reported, never asserted.

    python -m benchmarks.lighthouse [--runs 3] [--site DIR] [--page NAME=PATH ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

if __package__ in (None, ""):  # python benchmarks/lighthouse.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.project import REPO, SITE_PATH, published_site  # noqa: E402
from benchmarks.report import aligned, log, write_report  # noqa: E402

LIGHTHOUSE = REPO / "tools" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LABELS = {"performance": "performance", "accessibility": "accessibilité", "best-practices": "bonnes pratiques", "seo": "référencement"}


# --- The pages ---------------------------------------------------------------------------


def default_pages() -> dict[str, str]:
    """Home, catalog, the first card and the first lesson of the first course."""
    card = sorted(path.stem for path in (REPO / "practices").glob("*.yml"))[0]
    course_file = sorted((REPO / "courses").glob("*/course.yml"))[0]
    course = yaml.safe_load(course_file.read_text(encoding="utf-8"))
    return {
        "accueil": "",
        "catalogue": "pratiques/",
        "fiche": f"pratiques/{card}/",
        "leçon": f"formations/{course['id']}/{course['lessons'][0]}/",
    }


# --- Lighthouse -----------------------------------------------------------------------------


def lighthouse_version() -> str:
    package = REPO / "tools" / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def run_lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url} ({result.returncode}):\n{result.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def scores(lhr: dict) -> dict[str, int | None]:
    return {
        name: (None if lhr["categories"][name]["score"] is None else round(lhr["categories"][name]["score"] * 100))
        for name in CATEGORIES
    }


def failing_audits(lhr: dict) -> dict[str, list[dict]]:
    """For every category, the weighted audits that did not pass (what costs points)."""
    found: dict[str, list[dict]] = {}
    for name in CATEGORIES:
        items = []
        for ref in lhr["categories"][name]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                items.append({
                    "id": ref["id"],
                    "title": audit.get("title"),
                    "score": audit["score"],
                    "weight": ref["weight"],
                    "value": audit.get("displayValue"),
                })
        found[name] = sorted(items, key=lambda item: (item["score"] - 1) * item["weight"])
    return found


METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")


def measure(url: str, runs: int, work: Path, name: str) -> dict:
    results = []
    for index in range(runs):
        lhr = run_lighthouse(url, work / f"{name}-{index + 1}.json")
        results.append(lhr)
    ordered = sorted(results, key=lambda lhr: lhr["categories"]["performance"]["score"] or 0)
    median = ordered[len(ordered) // 2]
    return {
        "url": urlsplit(url).path,
        "scores": scores(median),
        "performance_runs": [scores(lhr)["performance"] for lhr in results],
        "metrics": {key: median["audits"][key].get("displayValue") for key in METRICS if key in median["audits"]},
        "failing_audits": failing_audits(median),
        "warnings": median.get("runWarnings", []),
    }


# --- Report ---------------------------------------------------------------------------------


def table(report: dict) -> str:
    header = ("page", *(LABELS[c] for c in CATEGORIES))
    lines = [header, ("objectif", *(f"≥ {TARGETS[c]}" if TARGETS[c] < 100 else "100" for c in CATEGORIES))]
    for name, page in report["pages"].items():
        cells = []
        for category in CATEGORIES:
            value = page["scores"][category]
            mark = "" if value is not None and value >= TARGETS[category] else " ✗"
            cells.append(("—" if value is None else str(value)) + mark)
        lines.append((name, *cells))
    rows = [
        f"Lighthouse {report['lighthouse']} ({report['form_factor']}, réseau et processeur simulés), "
        f"{report['runs']} mesure(s) par page, médiane de la performance retenue ; Chromium {report['chromium']}",
        "",
    ]
    rows += aligned(lines, right=False)
    for name, page in report["pages"].items():
        below = [c for c in CATEGORIES if page["scores"][c] is None or page["scores"][c] < TARGETS[c]]
        if len(page["performance_runs"]) > 1:
            rows.append(f"  {name} : performance par mesure {page['performance_runs']} ; " + ", ".join(f"{k} {v}" for k, v in page["metrics"].items()))
        for category in below:
            for audit in page["failing_audits"][category]:
                value = f" ({audit['value']})" if audit["value"] else ""
                rows.append(f"  {name} / {LABELS[category]} : {audit['id']} — {audit['title']}{value}, score {audit['score']}, poids {audit['weight']}")
    rows += ["", "Objectifs : " + ("tous atteints" if report["met"] else "MANQUÉS (voir ci-dessus)")]
    return "\n".join(rows)


def chromium_version() -> str:
    try:
        result = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, timeout=30)
        found = re.search(r"\d+(\.\d+)+", result.stdout)
        return found.group(0) if found else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lighthouse", description="Scores Lighthouse de Plateformcoop (make lighthouse).")
    parser.add_argument("--runs", type=int, default=3, help="mesures par page, la médiane de la performance est retenue (défaut : 3)")
    parser.add_argument("--site", help="site déjà construit à mesurer (défaut : construction du contenu réel dans un dossier temporaire)")
    parser.add_argument("--page", action="append", default=[], metavar="NOM=CHEMIN", help="page à mesurer, chemin sous /plateformcoop/ (remplace les quatre pages par défaut)")
    parser.add_argument("--out", default=str(REPO / "bench-results" / "lighthouse.json"), help="rapport JSON (défaut : bench-results/lighthouse.json)")
    parser.add_argument("--keep-reports", help="dossier où garder les rapports Lighthouse complets (JSON)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs doit valoir au moins 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    missing = [str(path) for path in (LIGHTHOUSE, CHROMIUM) if not path.exists()]
    if shutil.which("node") is None:
        missing.append("node")
    if missing:
        log("Lighthouse non mesuré : il manque " + ", ".join(missing) + " (make tools ; apt-get install chromium nodejs).")
        return 1
    pages = dict(item.split("=", 1) for item in args.page) if args.page else default_pages()
    started = time.perf_counter()
    site = Path(args.site).resolve() if args.site else None
    with published_site(site, max_age=600, log=log) as (base, site, work):  # GitHub Pages' max-age
        for name, path in pages.items():
            if not (site / path / "index.html").exists() and not (site / path).is_file():
                raise SystemExit(f"page {name} absente du site construit : {path}")
        reports_dir = Path(args.keep_reports) if args.keep_reports else work / "reports"
        reports_dir.mkdir(parents=True, exist_ok=True)
        report: dict = {
            "format": "plateformcoop-lighthouse",
            "version": 1,
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "lighthouse": lighthouse_version(),
            "chromium": chromium_version(),
            "form_factor": "mobile",
            "server": "http.server local, gzip, sous " + SITE_PATH,
            "runs": args.runs,
            "targets": TARGETS,
            "pages": {},
        }
        for name, path in pages.items():
            log(f"· Lighthouse : {name} ({SITE_PATH}{path}), {args.runs} mesure(s)")
            slug = "".join(c if c.isalnum() else "-" for c in name)
            report["pages"][name] = measure(base + path, args.runs, reports_dir, slug)
        report["met"] = all(
            page["scores"][c] is not None and page["scores"][c] >= TARGETS[c] for page in report["pages"].values() for c in CATEGORIES
        )
        report["duration_s"] = round(time.perf_counter() - started, 1)
    write_report(report, Path(args.out), table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
