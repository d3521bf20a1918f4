"""Rebuild time of ``mkdocs serve``: how long a contributor waits between saving
a card and seeing its page updated."""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from benchmarks.process import command, launch, mb, read_usage
from benchmarks.project import SITE_PATH


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


def _wait_for(url: str, predicate: Callable[[str], bool], timeout: float, process: subprocess.Popen) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError("mkdocs serve stopped")
        status, body = _get(url)
        if status == 200 and predicate(body):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} not ready after {timeout:.0f} s")


def _stop(process: subprocess.Popen, usage_file: Path) -> int | None:
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
    return read_usage(usage_file)[0]


def serve_rebuild(project: Path, card_id: str, edits: int, timeout: float = 900) -> dict:
    """Start ``mkdocs serve``, wait for the first build, edit one card ``edits`` times and
    time each edit until the rebuilt card page is served with the change."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SITE_PATH}pratiques/{card_id}/"
    card = project / "practices" / f"{card_id}.yml"
    original = card.read_text(encoding="utf-8")
    rebuilds: list[float] = []
    with tempfile.TemporaryFile() as output, tempfile.TemporaryDirectory() as scratch:
        usage_file = Path(scratch) / "usage"
        start = time.perf_counter()
        process = launch(
            [*command("mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"], usage_file,
            cwd=project, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )
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
            rss = _stop(process, usage_file)
    return {
        "first_build_s": round(first_build, 2),
        "rebuild_s": [round(value, 2) for value in rebuilds],
        "rebuild_median_s": round(statistics.median(rebuilds), 2),
        "max_rss_mb": mb(rss),
    }
