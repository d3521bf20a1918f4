"""Measured child processes: wall time, processor time and peak memory of a
build, a check or the engine alone."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.project import BIN
from benchmarks.project import ENV as PROJECT_ENV

# The workshop kit's PDFs are measured apart (benchmarks/kit_time.py): here, the site.
ENV = {**PROJECT_ENV, "PYTHONDONTWRITEBYTECODE": "1", "PLATEFORMCOOP_KITS": "0"}


@dataclass
class Run:
    seconds: float
    max_rss_kb: int | None
    returncode: int
    output: str
    cpu_seconds: float | None = None  # user + system time of the command and its children


def command(name: str) -> list[str]:
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


def launch(args: list[str], usage_file: Path, **popen: object) -> subprocess.Popen:
    """Start ``args`` through the launcher, which writes its usage to ``usage_file``."""
    return subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER, str(usage_file), *args], env=ENV, **popen)


def read_usage(usage_file: Path) -> tuple[int | None, float | None]:
    """Peak memory (kilobytes on Linux) and processor seconds written by the launcher."""
    try:
        rss, cpu = usage_file.read_text().split()
        return int(rss) or None, float(cpu)
    except (OSError, ValueError):
        return None, None


def run_child(args: list[str], cwd: Path, timeout: float = 3600) -> Run:
    """Run to completion; wall time and the peak memory of the command alone."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryDirectory() as scratch:
        usage_file = Path(scratch) / "usage"
        start = time.perf_counter()
        process = launch(args, usage_file, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            process.wait()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        rss, cpu = read_usage(usage_file)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return Run(seconds, rss, process.returncode, text, cpu)


def _succeeded(run: Run, what: str) -> Run:
    if run.returncode != 0:
        raise RuntimeError(f"{what}:\n{run.output[-4000:]}")
    return run


def build(project: Path) -> Run:
    """A strict build of ``project`` into its site/ folder."""
    run = run_child([*command("mkdocs"), "build", "--strict", "--site-dir", str(project / "site")], project)
    return _succeeded(run, f"strict build failed in {project}")


def check(project: Path) -> Run:
    run = run_child([*command("plateformcoop"), "check", "--root", str(project)], project)
    return _succeeded(run, f"plateformcoop check found problems in {project}")


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


def engine_timing(project: Path) -> dict:
    """The engine alone (no MkDocs): read + validate, then render every page to Markdown."""
    run = _succeeded(run_child([sys.executable, "-c", _ENGINE_TIMING, str(project)], project), "engine timing failed")
    data = json.loads(run.output.strip().splitlines()[-1])
    return {key: round(value, 3) if isinstance(value, float) else value for key, value in data.items()}


def mb(kilobytes: int | None) -> float | None:
    return round(kilobytes / 1024, 1) if kilobytes else None


def summary(runs: list[Run]) -> dict:
    """Best and median wall time, best processor time and peak memory of repeated runs."""
    seconds = [run.seconds for run in runs]
    rss = [run.max_rss_kb for run in runs if run.max_rss_kb]
    cpu = [run.cpu_seconds for run in runs if run.cpu_seconds is not None]
    return {
        "best_s": round(min(seconds), 3),
        "best_cpu_s": round(min(cpu), 3) if cpu else None,
        "median_s": round(statistics.median(seconds), 3),
        "runs_s": [round(value, 3) for value in seconds],
        "max_rss_mb": mb(max(rss)) if rss else None,
    }
