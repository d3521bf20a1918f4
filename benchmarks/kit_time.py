"""What the workshop kit (PDFs) adds to a build: ``python -m benchmarks.kit_time``.

Measures, on today's content and on a synthetic corpus (benchmarks/corpus.py,
``--cards 1000``): the strict site build without the kit (``PLATEFORMCOOP_KITS=0``),
then ``plateformcoop.kit.build`` in this process, file by file: the card
layout shared by every A6 deck, each deck, each set of A4 sheets, each handout,
the paper diagnostic; then the same build again from its cache. From the
measured rates (seconds per card laid out, per A6 page written, per card on
sheets) it also estimates the kit without limits (``plateformcoop.kit.Limits``).

Prints a table and writes bench-results/kit-time.json. Run it alone: the
machine's other work shows in the timings.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):  # python benchmarks/kit_time.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus  # noqa: E402

REPO = corpus.REPO
BIN = Path(sys.executable).parent


def site_build_seconds(project: Path, site: Path) -> tuple[float, float]:
    """A strict build of the site alone (kits switched off), in a subprocess: (wall, processor) seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLATEFORMCOOP_KITS": "0"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)], cwd=project, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - started, cpu


def measure_kit(project: Path, site: Path, cache: Path) -> dict:
    from plateformcoop import kit
    from plateformcoop.content import load_content
    from plateformcoop.render.settings import SiteSettings

    import yaml

    content = load_content(project)
    if content.problems:
        raise SystemExit(f"{project}: {content.problems[0].one_line()}")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    settings = SiteSettings(site_url=config.get("site_url"))
    files = kit.plan(content, settings)
    unlimited = kit.plan(content, settings, kit.Limits(None, None))
    kinds = {item.path: item for item in files}

    marks: list[tuple[float, str]] = []
    cpu_started = time.process_time()
    started = time.perf_counter()
    report = kit.build(content, settings, site, cache_dir=cache, files=files, progress=lambda path: marks.append((time.perf_counter(), path)))
    total = time.perf_counter() - started
    cpu_total = time.process_time() - cpu_started
    # progress() is called before each file: a file's time runs to the next call (the last one to the end).
    per_kind: dict[str, float] = defaultdict(float)
    layout = marks[0][0] - started if marks else total
    for (when, path), (following, _) in zip(marks, [*marks[1:], (started + total, "")]):
        per_kind[kinds[path].kind] += following - when
    pages = defaultdict(int)
    for path, count in report.files.items():
        pages[kinds[path].kind] += count
    sheet_cards = sum(len(item.deck.cards) for item in files if item.kind == "sheets")
    started = time.perf_counter()
    again = kit.build(content, settings, site, cache_dir=cache, files=files)
    cached = time.perf_counter() - started
    assert len(again.cached) == len(files)

    rates = {
        "layout_s_per_card": layout / max(report.cards_laid_out, 1),
        "a6_write_s_per_page": per_kind["deck"] / max(pages["deck"], 1),
        "sheets_s_per_card": per_kind["sheets"] / max(sheet_cards, 1),
    }
    extra_a6 = sum(item.pages for item in unlimited if item.kind == "deck") - pages["deck"]
    extra_sheet_cards = sum(len(item.deck.cards) for item in unlimited if item.kind == "sheets") - sheet_cards
    estimate = total + extra_a6 * rates["a6_write_s_per_page"] + extra_sheet_cards * rates["sheets_s_per_card"]
    return {
        "cards": len(content.practices),
        "pdf_files": len(files),
        "pdf_files_unlimited": len(unlimited),
        "kit_s": round(total, 1),
        "kit_cpu_s": round(cpu_total, 1),
        "card_layout_s": round(layout, 1),
        "by_kind_s": {kind: round(seconds, 1) for kind, seconds in sorted(per_kind.items())},
        "pages": dict(sorted(pages.items())),
        "cached_rebuild_s": round(cached, 1),
        "rates": {key: round(value, 4) for key, value in rates.items()},
        "unlimited_estimate_s": round(estimate, 1),
        "pdf_bytes": sum((site / path).stat().st_size for path in report.files),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, nargs="*", default=[1000], help="synthetic corpus sizes (default 1000)")
    parser.add_argument("--skip-real", action="store_true", help="do not measure today's content")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "kit-time.json")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="kit-time-") as tmp_dir:
        tmp = Path(tmp_dir)
        projects: list[tuple[str, Path]] = [] if args.skip_real else [("today", REPO)]
        for size in args.cards:
            corpus.generate(tmp / f"corpus-{size}", size)
            projects.append((f"{size} cards", tmp / f"corpus-{size}"))
        for label, project in projects:
            print(f"{label}: site build without the kit…", file=sys.stderr, flush=True)
            site_s, site_cpu = site_build_seconds(project, tmp / f"site-{len(results)}")
            print(f"{label}: kit…", file=sys.stderr, flush=True)
            result = measure_kit(project, tmp / f"kit-{len(results)}", tmp / f"cache-{len(results)}")
            result.update(label=label, site_build_s=round(site_s, 1), site_build_cpu_s=round(site_cpu, 1), load_average=os.getloadavg()[0])
            results.append(result)
            print(json.dumps(result, ensure_ascii=False), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n{'corpus':<12} {'cards':>6} {'site s (cpu)':>13} {'kit s (cpu)':>13} {'cached s':>9} {'PDFs':>5} {'no limits (est.) s':>19}")
    for r in results:
        print(
            f"{r['label']:<12} {r['cards']:>6} {r['site_build_s']:>6} ({r['site_build_cpu_s']:>4})"
            f" {r['kit_s']:>6} ({r['kit_cpu_s']:>4}) {r['cached_rebuild_s']:>9} {r['pdf_files']:>5} {r['unlimited_estimate_s']:>19}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
