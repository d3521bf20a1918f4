"""Performance harness: ``make bench`` (or ``python -m benchmarks.run [--quick] [--sizes 100,1000]``).

Generates synthetic corpora (benchmarks/corpus.py) in a temporary folder and
measures, in one run:

- the strict build (``mkdocs build --strict``, in a subprocess) of the project
  against stock MkDocs + Material building the very pages the engine generates,
  written as Markdown files (same nav, extensions and theme, no hooks, macros or
  overrides): the engine's overhead; and against the cards' and lessons' own
  text alone as plain pages: what the richer pages cost;
- the cost of one more card at each size (scaling), from the difference with a
  one-card project, so that start-up costs do not hide a growth;
- validation only (``plateformcoop check``);
- peak memory (maximum resident set size) of every child process;
- page weight (HTML + CSS + JS, gzip, first visit) of the home page, the
  catalog, a card page and a lesson, and the search index Material also
  fetches on the first visit;
- the search index size per card and against the raw text;
- the rebuild time of ``mkdocs serve`` after one card is edited.

Prints a table and writes bench-results/report.json. Targets are reported,
never asserted. Timings are the best of ``--repeat`` runs (the least disturbed
by the rest of the machine); builds of the project and of the plain pages are
interleaved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from posixpath import normpath
from urllib.parse import urlsplit

if __package__ in (None, ""):  # python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus  # noqa: E402

REPO = corpus.REPO
BIN = Path(sys.executable).parent
DEFAULT_SIZES = (100, 1000, 5000)
DEFAULT_CHECK_SIZES = (1000, 10000)
QUICK_SIZES = (5,)
QUICK_CHECK_SIZES = (5, 20)
# The workshop kit's PDFs are measured apart (benchmarks/kit_time.py): here, the site.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "PLATEFORMCOOP_KITS": "0"}

TARGETS = {
    "overhead": 0.10,  # the project's build takes at most 10 % more than the plain Markdown build
    "scaling": 0.15,  # one more card costs at most 15 % more at the largest size than at the smallest
    "check_1000_s": 1.0,
    "card_page_kb": 100.0,
    "search_ratio": 1.5,
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def write_report(report: dict, out: Path, summary: str) -> None:
    """Write the JSON report, then print its table and where it went."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(summary)
    print(f"\nRapport : {out} ({report['duration_s']:.0f} s)")


# --- Child processes ----------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    max_rss_kb: int | None
    returncode: int
    output: str
    cpu_seconds: float | None = None  # user + system time of the command and its children


def _command(name: str) -> list[str]:
    """The console script of the current environment, or ``python -m`` as a fallback."""
    script = BIN / name
    if script.exists():
        return [str(script)]
    module = {"mkdocs": "mkdocs", "plateformcoop": "plateformcoop.cli"}[name]
    return [sys.executable, "-m", module]


# Linux keeps a process's peak memory (ru_maxrss) across fork and exec: a child
# started from this process, grown by the search indexes it has read, would report
# this process's size. A small launcher (its own exec gives it a fresh, small
# memory) starts the measured command, waits for it and writes its peak memory and
# its processor time (user + system: what the build itself consumed, whatever else
# the machine was doing meanwhile).
_LAUNCHER = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)  # mkdocs serve gets Ctrl-C itself, from its group
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], dict(os.environ), setsigdef=(signal.SIGINT,))
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _launch(command: list[str], rss_file: Path, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER, str(rss_file), *command], env=ENV, **popen)


def _read_usage(rss_file: Path) -> tuple[int | None, float | None]:
    """Peak memory (kilobytes on Linux) and processor seconds written by the launcher."""
    try:
        rss, cpu = rss_file.read_text().split()
        return int(rss) or None, float(cpu)
    except (OSError, ValueError):
        return None, None


def run_child(command: list[str], cwd: Path, timeout: float = 3600) -> Run:
    """Run to completion; wall time and the peak memory of the command alone."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryDirectory() as scratch:
        rss_file = Path(scratch) / "rss"
        start = time.perf_counter()
        process = _launch(command, rss_file, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            process.wait()
        finally:
            timer.cancel()
        rss, cpu = _read_usage(rss_file)
        seconds = time.perf_counter() - start
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return Run(seconds, rss, process.returncode, text, cpu)


def _mb(kilobytes: int | None) -> float | None:
    return round(kilobytes / 1024, 1) if kilobytes else None


def build(project: Path) -> Run:
    run = run_child([*_command("mkdocs"), "build", "--strict", "--site-dir", str(project / "site")], project)
    if run.returncode != 0:
        raise RuntimeError(f"strict build failed in {project}:\n{run.output[-4000:]}")
    return run


def check(project: Path) -> Run:
    run = run_child([*_command("plateformcoop"), "check", "--root", str(project)], project)
    if run.returncode != 0:
        raise RuntimeError(f"plateformcoop check found problems in {project}:\n{run.output[-4000:]}")
    return run


_ENGINE_TIMING = """
import json, sys, time
t0 = time.perf_counter()
from plateformcoop.content import load_content
from plateformcoop.render.settings import SiteSettings
from plateformcoop.render.site import generated_pages
t1 = time.perf_counter()
content = load_content(sys.argv[1])
t2 = time.perf_counter()
pages = generated_pages(content, SiteSettings())
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "render_s": t3 - t2, "pages": len(pages),
                  "markdown_bytes": sum(len(p.encode()) for p in pages.values()), "problems": len(content.problems)}))
"""


def breakdown(project: Path) -> dict:
    """Processor time per part of one build (benchmarks/breakdown.py), in a child process."""
    site = project / "site-breakdown"
    run = run_child([sys.executable, "-m", "benchmarks.breakdown", str(project), str(site)], REPO)
    shutil.rmtree(site, ignore_errors=True)
    if run.returncode != 0:
        raise RuntimeError(f"breakdown failed in {project}:\n{run.output[-4000:]}")
    return json.loads(run.output.strip().splitlines()[-1])


def compare_breakdowns(project: dict, rendered: dict) -> list[dict]:
    """Each part's processor time in both builds and the difference, largest first."""
    names = set(project["components_s"]) | set(rendered["components_s"])
    rows = [
        {"part": name, "project_s": project["components_s"].get(name, 0.0), "rendered_s": rendered["components_s"].get(name, 0.0)}
        for name in names
    ]
    rows.append({"part": "total", "project_s": project["cpu_s"], "rendered_s": rendered["cpu_s"]})
    for row in rows:
        row["difference_s"] = round(row["project_s"] - row["rendered_s"], 3)
    return sorted(rows, key=lambda row: -abs(row["difference_s"]))


def engine_timing(project: Path) -> dict:
    """The engine alone (no MkDocs): read + validate, then render every page to Markdown."""
    run = run_child([sys.executable, "-c", _ENGINE_TIMING, str(project)], project)
    if run.returncode != 0:
        raise RuntimeError(run.output[-4000:])
    data = json.loads(run.output.strip().splitlines()[-1])
    return {key: round(value, 3) if isinstance(value, float) else value for key, value in data.items()}


# --- Built sites: pages, page weight, search index --------------------------------------


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class _PageAssets(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css: list[str] = []
        self.js: list[str] = []
        self.other: list[str] = []
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rel = values.get("rel", "").split()
        if tag == "link" and "stylesheet" in rel and values.get("href"):
            self.css.append(values["href"])
        elif tag == "link" and ("icon" in rel or "preload" in rel) and values.get("href"):
            self.other.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.js.append(values["src"])
        elif tag == "script" and values.get("id") == "__config":
            self._in_config = True

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config += data


def _resolve(site: Path, page_dir: str, href: str) -> Path | None:
    """A site file from a link in a page (None for another site: a third-party request)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    target = normpath(path.lstrip("/")) if path.startswith("/") else normpath(f"{page_dir}/{path}" if page_dir else path)
    candidate = site / target
    return candidate / "index.html" if candidate.is_dir() else candidate


def page_weight(site: Path, page: str) -> dict:
    """What a browser downloads on a first visit (empty cache), sizes after gzip.

    HTML, stylesheets and scripts of the page; the scripts started at load
    (Material's search worker and the lunr languages it imports, this site's
    service worker); the search index, which Material fetches at load over
    http(s) — counted apart. Checked against the requests Chromium makes.
    """
    html_path = site / page
    html = html_path.read_bytes()
    parser = _PageAssets()
    parser.feed(html.decode("utf-8"))
    parent = Path(page).parent.as_posix()
    page_dir = "" if parent == "." else parent
    files: dict[str, set[Path]] = {"css": set(), "js": set(), "other": set()}
    external: list[str] = []
    for kind, hrefs in (("css", parser.css), ("js", parser.js), ("other", parser.other)):
        for href in hrefs:
            target = _resolve(site, page_dir, href)
            if target is None:
                external.append(href)
            elif target.is_file():
                files[kind].add(target)
    config = json.loads(parser.config) if parser.config.strip() else {}
    search_index = None
    if config.get("search"):
        worker = _resolve(site, page_dir, config["search"])
        if worker is not None and worker.is_file():
            files["js"].add(worker)
        base = config.get("base", ".")
        index = _resolve(site, page_dir, f"{base}/search/search_index.json")
        if index is not None and index.is_file():
            search_index = index
            langs = json.loads(index.read_bytes()).get("config", {}).get("lang", ["en"])
            lunr = site / "assets" / "javascripts" / "lunr" / "min"
            names = [f"lunr.{lang}.min.js" for lang in langs if lang != "en"]
            if names:
                names.append("lunr.stemmer.support.min.js")
            if len(langs) > 1:
                names.append("lunr.multi.min.js")
            files["js"].update(lunr / name for name in names if (lunr / name).is_file())
    # This site's scripts register a service worker at the site root on every page.
    if (site / "sw.js").is_file() and any(b"serviceWorker.register" in path.read_bytes() for path in files["js"]):
        files["js"].add(site / "sw.js")
    raw = {"html": len(html)}
    gz = {"html": _gzip_size(html)}
    for kind, paths in files.items():
        raw[kind] = sum(path.stat().st_size for path in paths)
        gz[kind] = sum(_gzip_size(path.read_bytes()) for path in paths)
    critical = gz["html"] + gz["css"] + gz["js"]
    index_gz = _gzip_size(search_index.read_bytes()) if search_index else 0
    return {
        "page": page,
        "requests": 1 + sum(len(paths) for paths in files.values()) + (1 if search_index else 0),
        "gzip_bytes": gz,
        "raw_bytes": raw,
        "html_css_js_gzip_kb": round(critical / 1024, 1),
        "search_index_gzip_kb": round(index_gz / 1024, 1),
        "first_visit_total_gzip_kb": round((critical + gz["other"] + index_gz) / 1024, 1),
        "third_party": external,
    }


def _kind(location: str) -> str:
    first = location.split("/")[0].split("#")[0]
    if first == "pratiques":
        return "catalog" if location.split("#")[0] in ("pratiques/", "pratiques/index.html") else "cards"
    return {"principes": "taxonomy", "themes": "taxonomy", "formations": "courses"}.get(first, "other pages")


def search_index(site: Path, cards: int, raw_text_bytes: int) -> dict:
    path = site / "search" / "search_index.json"
    data = path.read_bytes()
    docs = json.loads(data)["docs"]
    by_kind: dict[str, int] = {}
    sections: dict[str, int] = {}
    for doc in docs:
        size = len(json.dumps(doc, separators=(",", ":")))
        by_kind[_kind(doc["location"])] = by_kind.get(_kind(doc["location"]), 0) + size
        if _kind(doc["location"]) == "cards" and "#" in doc["location"]:
            sections[doc["title"]] = sections.get(doc["title"], 0) + size
    top_sections = dict(sorted(sections.items(), key=lambda item: -item[1])[:10])
    return {
        "bytes": len(data),
        "gzip_bytes": _gzip_size(data),
        "entries": len(docs),
        "bytes_per_card": round(len(data) / max(cards, 1)),
        "raw_text_bytes": raw_text_bytes,
        "ratio_to_raw_text": round(len(data) / raw_text_bytes, 3) if raw_text_bytes else None,
        "bytes_by_page_kind": dict(sorted(by_kind.items(), key=lambda item: -item[1])),
        "card_sections_bytes": top_sections,
    }


def site_stats(site: Path) -> dict:
    pages = list(site.rglob("*.html"))
    return {"html_pages": len(pages), "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file())}


# --- mkdocs serve -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


def _wait_for(url: str, predicate, timeout: float, process: subprocess.Popen) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError("mkdocs serve stopped")
        status, body = _get(url)
        if status == 200 and predicate(body):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} not ready after {timeout:.0f} s")


def _stop(process: subprocess.Popen, rss_file: Path) -> int | None:
    """Stop ``mkdocs serve`` (Ctrl-C to its process group, then kill after 20 s);
    its peak memory in KB if known."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGINT)
        except ProcessLookupError:
            pass
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return _read_usage(rss_file)[0]


def serve_rebuild(project: Path, card_id: str, edits: int, timeout: float = 900) -> dict:
    """Start ``mkdocs serve``, wait for the first build, edit one card ``edits`` times and
    time each edit until the rebuilt card page is served with the change."""
    config = corpus.yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    prefix = urlsplit(config.get("site_url") or "/").path.rstrip("/")
    port = free_port()
    url = f"http://127.0.0.1:{port}{prefix}/pratiques/{card_id}/"
    card = project / "practices" / f"{card_id}.yml"
    original = card.read_text(encoding="utf-8")
    log_file = tempfile.TemporaryFile()
    scratch = tempfile.TemporaryDirectory()
    rss_file = Path(scratch.name) / "rss"
    start = time.perf_counter()
    process = _launch(
        [*_command("mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"], rss_file,
        cwd=project, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
    )
    rebuilds: list[float] = []
    try:
        _wait_for(url, lambda body: True, timeout, process)
        first_build = time.perf_counter() - start
        for number in range(1, edits + 1):
            marker = f"Repère de mesure {number} {time.time_ns()}"
            edited = re.sub(r"(?m)^summary: .*$", f'summary: "{marker}."', original, count=1)
            time.sleep(0.5)  # let the watcher settle after the previous build
            card.write_text(edited, encoding="utf-8")
            rebuilds.append(_wait_for(url, lambda body, m=marker: m in body, timeout, process))
    finally:
        card.write_text(original, encoding="utf-8")
        rss = _stop(process, rss_file)
        log_file.close()
        scratch.cleanup()
    return {
        "first_build_s": round(first_build, 2),
        "rebuild_s": [round(value, 2) for value in rebuilds],
        "rebuild_median_s": round(statistics.median(rebuilds), 2),
        "max_rss_mb": _mb(rss),
    }


# --- Machine -----------------------------------------------------------------------------


def machine() -> dict:
    info = {
        "cpu_count": os.cpu_count(),
        "cpu_model": None,
        "ram_gb": None,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "pymdown-extensions", "pydantic", "PyYAML"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    import yaml

    versions["libyaml"] = bool(getattr(yaml, "__with_libyaml__", False))
    info["versions"] = versions
    return info


# --- The run -----------------------------------------------------------------------------


def _timing(runs: list[Run]) -> dict:
    seconds = [run.seconds for run in runs]
    rss = [run.max_rss_kb for run in runs if run.max_rss_kb]
    cpu = [run.cpu_seconds for run in runs if run.cpu_seconds is not None]
    return {
        "best_s": round(min(seconds), 3),
        "best_cpu_s": round(min(cpu), 3) if cpu else None,
        "median_s": round(statistics.median(seconds), 3),
        "runs_s": [round(value, 3) for value in seconds],
        "max_rss_mb": _mb(max(rss)) if rss else None,
    }


def _repeats(cards: int, repeat: int) -> int:
    # Big builds vary less and cost minutes: fewer repeats.
    return repeat if cards <= 1000 else max(1, min(repeat, 2))


def measure_size(
    work: Path, cards: int, repeat: int, keep_project: bool, with_weight: bool = True, with_breakdown: bool = False
) -> tuple[dict, corpus.Corpus]:
    log(f"· {cards} fiches : génération")
    project, plain, rendered = work / f"project-{cards}", work / f"plain-{cards}", work / f"rendered-{cards}"
    generated = corpus.generate(project, cards, plain=plain)
    rendered_bytes = corpus.write_rendered_project(project, rendered)
    project_runs: list[Run] = []
    rendered_runs: list[Run] = []
    plain_runs: list[Run] = []
    for number in range(_repeats(cards, repeat)):
        log(f"  construction {number + 1} (projet, mêmes pages en Markdown, texte des fiches seul)")
        project_runs.append(build(project))
        rendered_runs.append(build(rendered))
        plain_runs.append(build(plain))
    result = {
        "cards": cards,
        "lessons": generated.lessons,
        "card_words_mean": round(generated.card_words / cards),
        "card_file_bytes_mean": round(sum((project / "practices" / f"{i}.yml").stat().st_size for i in generated.cards) / cards),
        "generated_markdown_bytes": rendered_bytes,
        "project": {**_timing(project_runs), **site_stats(project / "site")},
        "rendered": {**_timing(rendered_runs), **site_stats(rendered / "site")},
        "plain": {**_timing(plain_runs), **site_stats(plain / "site")},
    }
    # The engine's own cost: the same pages built by stock MkDocs + Material from Markdown files.
    result["overhead"] = round(result["project"]["best_s"] / result["rendered"]["best_s"] - 1, 3)
    if result["project"]["best_cpu_s"] and result["rendered"]["best_cpu_s"]:
        result["overhead_cpu"] = round(result["project"]["best_cpu_s"] / result["rendered"]["best_cpu_s"] - 1, 3)
    # What the richer pages cost (facts, related cards, backlinks, catalogs) against the cards' own text.
    result["pages_vs_text"] = round(result["project"]["best_s"] / result["plain"]["best_s"] - 1, 3)
    result["engine"] = engine_timing(project)
    if with_breakdown:
        log("  répartition du temps processeur (projet, puis mêmes pages en Markdown)")
        result["breakdown"] = compare_breakdowns(breakdown(project), breakdown(rendered))
    result["search_index"] = search_index(project / "site", cards, generated.raw_text_bytes)
    result["plain_search_index"] = search_index(plain / "site", cards, generated.raw_text_bytes)
    if with_weight:
        course, lessons = next(iter(generated.courses.items()))
        first_card = sorted(generated.cards)[0]
        pages = {
            "home": "index.html",
            "catalog": "pratiques/index.html",
            "card": f"pratiques/{first_card}/index.html",
            "lesson": f"formations/{course}/{lessons[0]}/index.html",
        }
        result["page_weight"] = {name: page_weight(project / "site", page) for name, page in pages.items()}
        result["plain_page_weight"] = {"card": page_weight(plain / "site", f"pratiques/{first_card}/index.html")}
    shutil.rmtree(plain, ignore_errors=True)
    shutil.rmtree(rendered, ignore_errors=True)
    if not keep_project:
        shutil.rmtree(project, ignore_errors=True)
    else:
        shutil.rmtree(project / "site", ignore_errors=True)
    return result, generated


def measure_check(work: Path, cards: int, repeat: int) -> dict:
    log(f"· vérification seule : {cards} fiches")
    project = work / f"check-{cards}"
    corpus.generate(project, cards)
    runs = [check(project) for _ in range(repeat)]
    shutil.rmtree(project, ignore_errors=True)
    match = re.search(r"(\d[\d  ]*) fichiers", runs[-1].output)
    files = int(re.sub(r"\D", "", match.group(1))) if match else None
    timing = _timing(runs)
    return {"cards": cards, "files": files, **timing, "ms_per_card": round(timing["best_s"] * 1000 / cards, 3)}


def _target(name: str, value: float | None, limit: float, unit: str, detail: str, lower_is_better: bool = True) -> dict:
    met = None if value is None else (value <= limit if lower_is_better else value >= limit)
    return {"name": name, "value": value, "limit": limit, "unit": unit, "met": met, "detail": detail}


def evaluate(report: dict) -> list[dict]:
    targets = []
    for entry in report["builds"]:
        targets.append(
            _target(
                f"engine overhead, {entry['cards']} cards", round(entry["overhead"] * 100, 1), TARGETS["overhead"] * 100, "%",
                "strict build of the project / stock MkDocs + Material building the same pages written as Markdown files, minus 1 "
                f"(wall time; processor time: {_percent(entry.get('overhead_cpu'))}); "
                f"against the cards' text alone: {_percent(entry['pages_vs_text'])}",
            )
        )
    scaling = report["scaling"]
    if scaling.get("ratio") is not None:
        targets.append(
            _target(
                f"per-card cost, {scaling['largest']} vs {scaling['smallest']} cards", round((scaling["ratio"] - 1) * 100, 1),
                TARGETS["scaling"] * 100, "%", "marginal build time of one more card (build minus the one-card build, divided by cards - 1)",
            )
        )
    check_1000 = next((c for c in report["check"] if c["cards"] == 1000), None)
    targets.append(
        _target("plateformcoop check, 1,000 cards", check_1000["best_s"] if check_1000 else None, TARGETS["check_1000_s"], "s",
                "wall time of the command, Python start-up included")
    )
    largest = report["builds"][-1] if report["builds"] else None
    if largest and "page_weight" in largest:
        card = largest["page_weight"]["card"]
        targets.append(
            _target(f"card page, first visit, {largest['cards']} cards", card["html_css_js_gzip_kb"], TARGETS["card_page_kb"], "KB gzip",
                    f"HTML + CSS + JS; Material also fetches the search index at load: +{card['search_index_gzip_kb']} KB gzip")
        )
    if largest:
        index = largest["search_index"]
        targets.append(
            _target(f"search index / raw text, {largest['cards']} cards", index["ratio_to_raw_text"], TARGETS["search_ratio"], "×",
                    f"{index['bytes_per_card']} bytes per card; stock MkDocs on the plain pages: {largest['plain_search_index']['ratio_to_raw_text']}×")
        )
    return targets


def scaling(base: dict, builds: list[dict]) -> dict:
    """Marginal cost of a card at each size: (build(N) - build(1)) / (N - 1)."""
    marginal = {}
    for entry in builds:
        if entry["cards"] > 1:
            marginal[str(entry["cards"])] = round((entry["project"]["best_s"] - base["project"]["best_s"]) * 1000 / (entry["cards"] - 1), 2)
    plain = {}
    for entry in builds:
        if entry["cards"] > 1:
            plain[str(entry["cards"])] = round((entry["plain"]["best_s"] - base["plain"]["best_s"]) * 1000 / (entry["cards"] - 1), 2)
    result: dict = {
        "fixed_cost_s": base["project"]["best_s"],
        "plain_fixed_cost_s": base["plain"]["best_s"],
        "marginal_ms_per_card": marginal,
        "plain_marginal_ms_per_card": plain,
        "raw_ms_per_card": {str(e["cards"]): round(e["project"]["best_s"] * 1000 / e["cards"], 2) for e in builds},
        "ratio": None,
    }
    sizes = [e["cards"] for e in builds if e["cards"] > 1]
    if len(sizes) >= 2 and marginal[str(sizes[0])] > 0:
        result.update(smallest=sizes[0], largest=sizes[-1], ratio=round(marginal[str(sizes[-1])] / marginal[str(sizes[0])], 3))
    return result


def _percent(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio * 100:+.0f} %"


def _fmt(value: object, suffix: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}{suffix}".replace(",", " ")
    return f"{value}{suffix}"


def table(report: dict) -> str:
    rows = [f"Machine : {report['machine']['cpu_count']} CPU ({report['machine']['cpu_model']}), "
            f"{report['machine']['ram_gb']} Go de RAM, Python {report['machine']['python']}", ""]
    header = ("fiches", "projet s", "mêmes pages .md s", "surcoût moteur", "surcoût CPU", "texte seul s", "écart", "ms/fiche (marge)", "mémoire Mo", "pages", "moteur seul s", "index Mo", "index/texte")
    lines = [header]
    for entry in [report["base"], *report["builds"]]:
        key = str(entry["cards"])
        lines.append((
            _fmt(entry["cards"]),
            _fmt(entry["project"]["best_s"]),
            _fmt(entry["rendered"]["best_s"]),
            _percent(entry["overhead"]),
            _percent(entry.get("overhead_cpu")),
            _fmt(entry["plain"]["best_s"]),
            _percent(entry["pages_vs_text"]),
            _fmt(report["scaling"]["marginal_ms_per_card"].get(key)),
            f"{_fmt(entry['project']['max_rss_mb'])} / {_fmt(entry['rendered']['max_rss_mb'])}",
            _fmt(entry["project"]["html_pages"]),
            _fmt(round(entry["engine"]["load_s"] + entry["engine"]["render_s"], 2)),
            _fmt(round(entry["search_index"]["bytes"] / 1e6, 2)),
            _fmt(entry["search_index"]["ratio_to_raw_text"]),
        ))
    widths = [max(len(str(row[i])) for row in lines) for i in range(len(header))]
    rows += ["  ".join(str(cell).rjust(width) for cell, width in zip(row, widths)) for row in lines]
    rows.append("(mêmes pages .md : les pages générées par le moteur, écrites en fichiers Markdown et construites par MkDocs + Material")
    rows.append(" sans le moteur ; texte seul : le seul texte des fiches et leçons en pages Markdown ; écart : projet / texte seul ;")
    rows.append(" surcoût CPU : le même rapport en temps processeur (utilisateur + système) au lieu du temps écoulé ;")
    rows.append(" mémoire : pic du projet / pic des mêmes pages .md ; ms/fiche : coût d'une fiche de plus, hors coût fixe)")
    for entry in report["builds"]:
        if entry.get("breakdown"):
            rows.append("")
            rows.append(f"Temps processeur par partie, {entry['cards']} fiches (projet / mêmes pages .md / écart, en s) :")
            for row in entry["breakdown"]:
                if abs(row["difference_s"]) >= 0.01 or row["part"] == "total":
                    rows.append(f"  {row['part']:44} {row['project_s']:8.2f} {row['rendered_s']:8.2f} {row['difference_s']:+8.2f}")
    rows.append("")
    rows.append("Vérification seule (plateformcoop check) :")
    for entry in report["check"]:
        rows.append(f"  {entry['cards']:>6} fiches : {entry['best_s']:.2f} s, {entry['ms_per_card']:.2f} ms/fiche, {_fmt(entry['max_rss_mb'])} Mo")
    largest = report["builds"][-1] if report["builds"] else None
    if largest and "page_weight" in largest:
        rows.append("")
        rows.append(f"Poids des pages, première visite, gzip ({largest['cards']} fiches) :")
        for name, weight in largest["page_weight"].items():
            rows.append(
                f"  {name:8} HTML+CSS+JS {weight['html_css_js_gzip_kb']:7.1f} Ko  (HTML {weight['gzip_bytes']['html'] / 1024:6.1f} Ko)"
                f"  + index de recherche {weight['search_index_gzip_kb']:7.1f} Ko  = {weight['first_visit_total_gzip_kb']:.1f} Ko, {weight['requests']} requêtes"
            )
        plain_card = largest["plain_page_weight"]["card"]
        rows.append(f"  (fiche en Markdown simple : HTML+CSS+JS {plain_card['html_css_js_gzip_kb']:.1f} Ko)")
    serve = report.get("serve") or {}
    rows.append("")
    if serve.get("rebuild_s"):
        rows.append(
            f"mkdocs serve ({serve['cards']} fiches) : premier rendu {serve['first_build_s']:.1f} s, "
            f"reconstruction après modification d'une fiche {serve['rebuild_median_s']:.1f} s (médiane de {serve['rebuild_s']}), "
            f"mémoire {_fmt(serve['max_rss_mb'])} Mo"
        )
    else:
        rows.append(f"mkdocs serve : non mesuré ({serve.get('skipped', '—')})")
    rows.append("")
    rows.append("Objectifs (indicatifs) :")
    for target in report["targets"]:
        state = {True: "atteint", False: "MANQUÉ", None: "non mesuré"}[target["met"]]
        rows.append(f"  [{state:10}] {target['name']}: {_fmt(target['value'])} {target['unit']} (objectif ≤ {target['limit']} {target['unit']})")
    return "\n".join(rows)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description="Mesures de performance de Plateformcoop (make bench).")
    parser.add_argument("--sizes", help="nombres de fiches à construire, séparés par des virgules (défaut : 100,1000,5000)")
    parser.add_argument("--check-sizes", help="nombres de fiches pour la vérification seule (défaut : 1000,10000)")
    parser.add_argument("--quick", action="store_true", help="petit corpus (5 fiches), une seule mesure : vérifie que tout marche")
    parser.add_argument("--repeat", type=int, default=None, help="mesures par taille, la meilleure est retenue (défaut : 3, 1 en --quick)")
    parser.add_argument("--serve-size", type=int, help="taille du corpus pour mkdocs serve (défaut : 1000, ou la plus petite taille)")
    parser.add_argument("--serve-edits", type=int, default=None, help="modifications successives mesurées sous mkdocs serve (défaut : 3)")
    parser.add_argument("--no-serve", action="store_true", help="ne pas mesurer mkdocs serve")
    parser.add_argument("--out", default=str(REPO / "bench-results" / "report.json"), help="rapport JSON (défaut : bench-results/report.json)")
    parser.add_argument("--work-dir", help="dossier de travail (défaut : un dossier temporaire, supprimé à la fin)")
    args = parser.parse_args(argv)

    def sizes(text: str | None, default: tuple[int, ...]) -> list[int]:
        if not text:
            return list(default)
        try:
            values = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
        except ValueError:
            parser.error(f"liste de tailles invalide : {text}")
        if not values or min(values) < 1:
            parser.error("les tailles sont des nombres de fiches, au moins 1")
        return values

    args.sizes = sizes(args.sizes, QUICK_SIZES if args.quick else DEFAULT_SIZES)
    args.check_sizes = sizes(args.check_sizes, QUICK_CHECK_SIZES if args.quick else DEFAULT_CHECK_SIZES)
    args.repeat = args.repeat or (1 if args.quick else 3)
    args.serve_edits = args.serve_edits or (1 if args.quick else 3)
    if args.serve_size is None:
        args.serve_size = 1000 if 1000 in args.sizes else args.sizes[0]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(args.work_dir) if args.work_dir else Path(tempfile.mkdtemp(prefix="plateformcoop-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    report: dict = {
        "format": "plateformcoop-bench",
        "version": 1,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": machine(),
        "settings": {
            "sizes": args.sizes,
            "check_sizes": args.check_sizes,
            "repeat": args.repeat,
            "serve_size": None if args.no_serve else args.serve_size,
            "courses": 3,
            "lessons_per_course": 4,
        },
        "targets_definition": TARGETS,
    }
    try:
        log("· coût fixe : projet d'une seule fiche")
        base, _ = measure_size(work, 1, args.repeat, keep_project=False, with_weight=False)
        report["base"] = base
        report["builds"] = []
        serve_project = None
        for cards in args.sizes:
            keep = not args.no_serve and cards == args.serve_size
            result, generated = measure_size(work, cards, args.repeat, keep_project=keep, with_breakdown=cards == args.serve_size)
            report["builds"].append(result)
            if keep:
                serve_project = generated
        report["scaling"] = scaling(base, report["builds"])
        report["check"] = [measure_check(work, cards, args.repeat) for cards in args.check_sizes]
        if args.no_serve:
            report["serve"] = {"skipped": "--no-serve"}
        elif serve_project is None:
            report["serve"] = {"skipped": f"--serve-size {args.serve_size} absent de --sizes"}
        else:
            log(f"· mkdocs serve : {args.serve_size} fiches, {args.serve_edits} modification(s)")
            card_id = sorted(serve_project.cards)[len(serve_project.cards) // 2]
            try:
                report["serve"] = {"cards": args.serve_size, "card": card_id, **serve_rebuild(serve_project.root, card_id, args.serve_edits)}
            except (RuntimeError, TimeoutError, OSError) as error:
                # The other measures are still worth reporting.
                report["serve"] = {"cards": args.serve_size, "skipped": f"échec : {error}"}
        report["targets"] = evaluate(report)
        report["duration_s"] = round(time.perf_counter() - started, 1)
    finally:
        if not args.work_dir:
            shutil.rmtree(work, ignore_errors=True)
    write_report(report, Path(args.out), table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
