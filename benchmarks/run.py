"""Performance harness: ``make bench`` (or ``python -m benchmarks.run --help``).

Generates synthetic corpora (benchmarks/corpus.py) in a temporary folder and
measures, in one run:

- the strict build of the project against stock MkDocs + Material building the
  very pages the engine generates, written as Markdown files (same nav,
  extensions and theme, no hooks, macros or overrides): the engine's overhead;
  and against the cards' and lessons' own text alone as plain pages: what the
  richer pages cost (benchmarks/process.py: wall time, processor time, peak
  memory);
- the cost of one more card at each size (scaling), from the difference with a
  one-card project, so that start-up costs do not hide a growth;
- validation only (``plateformcoop check``);
- page weight at a first visit and the search index (benchmarks/metrics.py);
- the rebuild time of ``mkdocs serve`` after one card is edited (benchmarks/serve.py).

Prints a table and writes bench-results/report.json (benchmarks/report.py).
Targets are reported, never asserted. Timings are the best of ``--runs`` runs
(the least disturbed by the rest of the machine); builds of the project and of
the reference pages are interleaved. The default sizes take a few minutes;
``--large`` adds the 5,000-card build and the 10,000-card check.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus, metrics, process, report  # noqa: E402
from benchmarks.project import REPO  # noqa: E402
from benchmarks.report import log  # noqa: E402
from benchmarks.serve import serve_rebuild  # noqa: E402

# Card counts of the builds and of the checks. A one-card project is always built
# too: the fixed cost the other sizes are compared with.
PRESETS = {
    "default": ((100, 1000), (100, 1000)),  # a few minutes
    "large": ((100, 1000, 5000), (1000, 10000)),  # the Performances page's sizes: several times longer, > 600 MB a build
    "quick": ((5,), (5, 20)),  # does everything work?
}


def _repeats(cards: int, runs: int) -> int:
    # Big builds vary less and cost minutes: fewer runs.
    return runs if cards <= 1000 else max(1, min(runs, 2))


def _page_weights(generated: corpus.Corpus, project: Path, plain: Path) -> dict:
    course, lessons = next(iter(generated.courses.items()))
    first_card = sorted(generated.cards)[0]
    pages = {
        "home": "index.html",
        "catalog": "pratiques/index.html",
        "card": f"pratiques/{first_card}/index.html",
        "lesson": f"formations/{course}/{lessons[0]}/index.html",
    }
    return {
        "page_weight": {name: metrics.page_weight(project / "site", page) for name, page in pages.items()},
        "plain_page_weight": {"card": metrics.page_weight(plain / "site", pages["card"])},
    }


def measure_size(work: Path, cards: int, runs: int, keep_project: bool, with_weight: bool = True) -> tuple[dict, corpus.Corpus]:
    """Build the project, the same pages as Markdown files and the plain text at one size."""
    log(f"· {cards} fiches : génération")
    project, plain, rendered = work / f"project-{cards}", work / f"plain-{cards}", work / f"rendered-{cards}"
    generated = corpus.generate(project, cards, plain=plain)
    rendered_bytes = corpus.write_rendered_project(project, rendered)
    sides = {"project": project, "rendered": rendered, "plain": plain}
    done: dict[str, list[process.Run]] = {side: [] for side in sides}
    for number in range(_repeats(cards, runs)):
        log(f"  construction {number + 1} (projet, mêmes pages en Markdown, texte des fiches seul)")
        for side, root in sides.items():
            done[side].append(process.build(root))
    result = {
        "cards": cards,
        "lessons": generated.lessons,
        "card_words_mean": round(generated.card_words / cards),
        "card_file_bytes_mean": round(sum((project / "practices" / f"{i}.yml").stat().st_size for i in generated.cards) / cards),
        "generated_markdown_bytes": rendered_bytes,
        **{side: {**process.summary(done[side]), **metrics.site_stats(root / "site")} for side, root in sides.items()},
    }
    # The engine's own cost: the same pages built by stock MkDocs + Material from Markdown files.
    result["overhead"] = round(result["project"]["best_s"] / result["rendered"]["best_s"] - 1, 3)
    if result["project"]["best_cpu_s"] and result["rendered"]["best_cpu_s"]:
        result["overhead_cpu"] = round(result["project"]["best_cpu_s"] / result["rendered"]["best_cpu_s"] - 1, 3)
    # What the richer pages cost (facts, related cards, backlinks, catalogs) against the cards' own text.
    result["pages_vs_text"] = round(result["project"]["best_s"] / result["plain"]["best_s"] - 1, 3)
    result["engine"] = process.engine_timing(project)
    result["search_index"] = metrics.search_index(project / "site", cards, generated.raw_text_bytes)
    result["plain_search_index"] = metrics.search_index(plain / "site", cards, generated.raw_text_bytes)
    if with_weight:
        result.update(_page_weights(generated, project, plain))
    shutil.rmtree(plain, ignore_errors=True)
    shutil.rmtree(rendered, ignore_errors=True)
    shutil.rmtree(project / "site" if keep_project else project, ignore_errors=True)
    return result, generated


def measure_check(work: Path, cards: int, runs: int) -> dict:
    log(f"· vérification seule : {cards} fiches")
    project = work / f"check-{cards}"
    corpus.generate(project, cards)
    done = [process.check(project) for _ in range(runs)]
    shutil.rmtree(project, ignore_errors=True)
    match = re.search(r"(\d[\d  ]*) fichiers", done[-1].output)
    files = int(re.sub(r"\D", "", match.group(1))) if match else None
    timing = process.summary(done)
    return {"cards": cards, "files": files, **timing, "ms_per_card": round(timing["best_s"] * 1000 / cards, 3)}


def measure_serve(generated: corpus.Corpus, edits: int) -> dict:
    """mkdocs serve on a kept project; a failure is reported, the other measures are still worth it."""
    cards = len(generated.cards)
    log(f"· mkdocs serve : {cards} fiches, {edits} modification(s)")
    card_id = sorted(generated.cards)[cards // 2]
    try:
        return {"cards": cards, "card": card_id, **serve_rebuild(generated.root, card_id, edits)}
    except (RuntimeError, TimeoutError, OSError) as error:
        return {"cards": cards, "skipped": f"échec : {error}"}


def _sizes(parser: argparse.ArgumentParser, text: str | None, default: tuple[int, ...]) -> list[int]:
    if not text:
        return list(default)
    try:
        values = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        parser.error(f"liste de tailles invalide : {text}")
    if not values or min(values) < 1:
        parser.error("les tailles sont des nombres de fiches, au moins 1")
    return values


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Mesures de performance de Plateformcoop (make bench). Un projet d'une fiche est toujours construit (coût fixe).",
    )
    parser.add_argument("--sizes", help="nombres de fiches à construire, séparés par des virgules (défaut : 100,1000)")
    parser.add_argument("--check-sizes", help="nombres de fiches pour la vérification seule (défaut : 100,1000)")
    parser.add_argument("--large", action="store_true", help="grandes tailles : constructions de 100, 1 000 et 5 000 fiches, vérification de 1 000 et 10 000 (plusieurs fois plus long, plus de 600 Mo de mémoire par construction)")
    parser.add_argument("--quick", action="store_true", help="petit corpus (5 fiches), une seule mesure : vérifie que tout marche")
    parser.add_argument("--runs", "--repeat", dest="runs", type=int, default=None, help="mesures par taille, la meilleure est retenue (défaut : 3, 1 en --quick)")
    parser.add_argument("--serve-size", type=int, help="taille du corpus pour mkdocs serve, parmi --sizes (défaut : 1000, ou la plus petite taille)")
    parser.add_argument("--serve-edits", type=int, default=None, help="modifications successives mesurées sous mkdocs serve (défaut : 3)")
    parser.add_argument("--no-serve", action="store_true", help="ne pas mesurer mkdocs serve")
    parser.add_argument("--out", default=str(REPO / "bench-results" / "report.json"), help="rapport JSON (défaut : bench-results/report.json)")
    parser.add_argument("--work-dir", help="dossier de travail (défaut : un dossier temporaire, supprimé à la fin)")
    args = parser.parse_args(argv)
    if args.quick and args.large:
        parser.error("--quick et --large s'excluent")
    default_sizes, default_checks = PRESETS["quick" if args.quick else "large" if args.large else "default"]
    # One card is the fixed-cost build, always made.
    args.sizes = [size for size in _sizes(parser, args.sizes, default_sizes) if size > 1]
    if not args.sizes:
        parser.error("--sizes : il faut au moins une taille de plus d'une fiche (une fiche est toujours construite)")
    args.check_sizes = _sizes(parser, args.check_sizes, default_checks)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs doit valoir au moins 1")
    args.runs = args.runs or (1 if args.quick else 3)
    args.serve_edits = args.serve_edits or (1 if args.quick else 3)
    if args.serve_size is None:
        args.serve_size = 1000 if 1000 in args.sizes else args.sizes[0]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(args.work_dir) if args.work_dir else Path(tempfile.mkdtemp(prefix="plateformcoop-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result: dict = {
        "format": "plateformcoop-bench",
        "version": 2,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": report.machine(),
        "settings": {
            "sizes": args.sizes,
            "check_sizes": args.check_sizes,
            "runs": args.runs,
            "serve_size": None if args.no_serve else args.serve_size,
            "courses": 3,
            "lessons_per_course": 4,
        },
        "targets_definition": report.TARGETS,
    }
    try:
        log("· coût fixe : projet d'une seule fiche")
        result["base"], _ = measure_size(work, 1, args.runs, keep_project=False, with_weight=False)
        result["builds"] = []
        serve_project = None
        for cards in args.sizes:
            keep = not args.no_serve and cards == args.serve_size
            entry, generated = measure_size(work, cards, args.runs, keep_project=keep)
            result["builds"].append(entry)
            if keep:
                serve_project = generated
        result["scaling"] = report.scaling(result["base"], result["builds"])
        result["check"] = [measure_check(work, cards, args.runs) for cards in args.check_sizes]
        if args.no_serve:
            result["serve"] = {"skipped": "--no-serve"}
        elif serve_project is None:
            result["serve"] = {"skipped": f"--serve-size {args.serve_size} absent de --sizes"}
        else:
            result["serve"] = measure_serve(serve_project, args.serve_edits)
        result["targets"] = report.evaluate(result)
        result["duration_s"] = round(time.perf_counter() - started, 1)
    finally:
        if not args.work_dir:
            shutil.rmtree(work, ignore_errors=True)
    report.write_report(result, Path(args.out), report.table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
