"""What the site search costs a visitor and the build: ``python -m benchmarks.search_weight``.

For the real content and for a synthetic corpus (benchmarks/corpus.py, 1,000 cards
by default), builds the site and measures in Chromium, with an empty cache and
service workers blocked:

- the bytes a page load transfers (home page: HTML, styles, scripts, and what they
  fetch by themselves), and among them the search's;
- the bytes a first search adds (the field focused, a query typed key by key);
- the time Pagefind takes in the build (hooks/search.py logs it).

With ``--lunr-ref REF`` (a commit that still has Material's lunr search), the same
is measured on that commit's site, built from ``git archive REF`` with its own
engine (PYTHONPATH), for the comparison.

Bytes are counted after gzip (level 6), as a server compressing text sends them;
files that are already compressed (Pagefind's WebAssembly, index chunks and
fragments) count at their own size. Prints a table and writes a JSON report.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

if __package__ in (None, ""):  # python benchmarks/search_weight.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus  # noqa: E402

REPO = corpus.REPO
BIN = Path(sys.executable).parent
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
QUERY = "coopérative"  # a word of nearly every page: the most fragments a first search loads
TARGET_FIRST_SEARCH_KB = 150.0
GLUE = ("mkdocs.yml", "CONTRIBUTING.md", "docs", "hooks", "overrides", "data")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def gzip_size(data: bytes) -> int:
    return min(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


# --- Builds ---------------------------------------------------------------------------


def build(project: Path, site: Path, pythonpath: Path | None = None) -> dict:
    env = dict(ENV)
    if pythonpath is not None:  # the archived commit's own engine, not this checkout's
        env["PYTHONPATH"] = str(pythonpath)
    start = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, env=env, timeout=3600, check=False,
    )
    seconds = time.perf_counter() - start
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{output[-3000:]}")
    match = re.search(r"Index de recherche : (\d+) pages en ([\d.]+) s", output)
    return {
        "build_s": round(seconds, 2),
        "pagefind_s": float(match.group(2)) if match else None,
        "indexed_pages": int(match.group(1)) if match else None,
        "html_pages": sum(1 for _ in site.rglob("*.html")),
    }


def archive(ref: str, dest: Path) -> Path:
    """The files of commit ``ref`` (git archive), engine included."""
    dest.mkdir(parents=True)
    tar_path = dest.parent / f"{dest.name}.tar"
    subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", "-o", str(tar_path), ref], check=True)
    with tarfile.open(tar_path) as tar:
        tar.extractall(dest, filter="data")
    tar_path.unlink()
    return dest


def synthetic(dest: Path, cards: int, glue_from: Path | None = None) -> Path:
    corpus.generate(dest, cards)
    if glue_from is not None:  # the same cards and courses, with another commit's site glue
        for name in GLUE:
            target = dest / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            source = glue_from / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, target)
    return dest


# --- Browser measurement -----------------------------------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _file_for(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _is_search(url: str) -> bool:
    path = urlsplit(url).path
    return "/pagefind/" in path or "/search/" in path or "/lunr/" in path or "/workers/search" in path or path.endswith("search.js")


def measure(site: Path, label: str, delay_ms: int = 60) -> dict:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"
    phase = {"name": "load"}
    seen: dict[str, list[tuple[str, int]]] = {"load": [], "search": []}
    foreign: list[str] = []

    def on_request(request) -> None:
        if not request.url.startswith(url):
            if not request.url.startswith(("data:", "blob:")):
                foreign.append(request.url)
            return
        target = _file_for(site, request.url)
        seen[phase["name"]].append((request.url, gzip_size(target.read_bytes()) if target else 0))

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context(locale="fr-FR", service_workers="block", viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("request", on_request)
            page.goto(url)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            phase["name"] = "search"
            pagefind = page.locator("#pc-search-input")
            box = pagefind if pagefind.count() else page.locator("input.md-search__input")
            box.click()
            box.press_sequentially(QUERY, delay=delay_ms)
            results = ".pc-search__option" if pagefind.count() else ".md-search-result__item"
            page.locator(results).first.wait_for(state="visible", timeout=30_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            shown = page.locator(results).count()
            browser.close()
    finally:
        server.shutdown()

    def total(entries: list[tuple[str, int]], only_search: bool = False) -> dict:
        chosen = [(u, size) for u, size in entries if not only_search or _is_search(u)]
        return {"requests": len(chosen), "gzip_kb": round(sum(size for _, size in chosen) / 1024, 1)}

    report = {
        "site": label,
        "page_load": total(seen["load"]),
        "page_load_search_part": total(seen["load"], only_search=True),
        "page_load_search_files": sorted({urlsplit(u).path for u, _ in seen["load"] if _is_search(u)}),
        "first_search": total(seen["search"]),
        "first_search_files": [f"{urlsplit(u).path} {size}" for u, size in seen["search"]],
        "results_shown": shown,
        "third_party": foreign,
    }
    index = site / "search" / "search_index.json"
    if index.is_file():
        report["lunr_index"] = {"bytes": index.stat().st_size, "gzip_kb": round(gzip_size(index.read_bytes()) / 1024, 1)}
    bundle = site / "pagefind"
    if bundle.is_dir():
        files = [p for p in bundle.rglob("*") if p.is_file()]
        report["pagefind_bundle"] = {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}
    return report


# --- Report ------------------------------------------------------------------------------


def table(rows: list[dict]) -> str:
    head = f"{'site':34} {'build s':>8} {'pagefind s':>10} {'load KB':>8} {'of which search':>16} {'1st search KB':>14} {'req':>4}"
    lines = [head, "-" * len(head)]
    for row in rows:
        m = row["measure"]
        pagefind = f"{row['build']['pagefind_s']:.2f}" if row["build"]["pagefind_s"] is not None else "-"
        lines.append(
            f"{row['name']:34} {row['build']['build_s']:8.1f} {pagefind:>10} {m['page_load']['gzip_kb']:8.1f} "
            f"{m['page_load_search_part']['gzip_kb']:16.1f} {m['first_search']['gzip_kb']:14.1f} {m['first_search']['requests']:4d}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=1000, help="cards of the synthetic corpus (default 1000)")
    parser.add_argument("--lunr-ref", help="a commit with Material's lunr search, measured for the comparison")
    parser.add_argument("--delay", type=int, default=60, help="ms between two keys of the query (default 60; 400: a slow typist)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-results" / "search-weight.json")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium is needed at {CHROMIUM} (apt-get install chromium)")

    rows = []
    with tempfile.TemporaryDirectory(prefix="search-weight-") as tmp_name:
        tmp = Path(tmp_name)
        plans = [("real content, Pagefind", REPO, None), (f"{args.cards} cards, Pagefind", None, None)]
        if args.lunr_ref:
            old = archive(args.lunr_ref, tmp / "lunr-ref")
            plans += [(f"real content, lunr ({args.lunr_ref[:10]})", old, old), (f"{args.cards} cards, lunr", None, old)]
        for number, (name, project, engine) in enumerate(plans):
            log(f"[{number + 1}/{len(plans)}] {name}")
            if project is None:
                project = synthetic(tmp / f"corpus-{number}", args.cards, glue_from=engine)
            site = tmp / f"site-{number}"
            built = build(project, site, pythonpath=engine)
            rows.append({"name": name, "build": built, "measure": measure(site, name, args.delay)})
    print(table(rows))
    largest = next(row for row in rows if row["name"] == f"{args.cards} cards, Pagefind")
    first = largest["measure"]["first_search"]["gzip_kb"]
    print(f"\nTarget: page load fetches no index; first search < {TARGET_FIRST_SEARCH_KB:.0f} KB gzip at {args.cards} cards: "
          f"{first} KB ({'met' if first < TARGET_FIRST_SEARCH_KB else 'missed'})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"query": QUERY, "delay_ms": args.delay, "cards": args.cards, "lunr_ref": args.lunr_ref, "rows": rows}, indent=2, ensure_ascii=False), encoding="utf-8")
    log(f"report: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
