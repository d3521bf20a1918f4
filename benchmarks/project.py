"""What the benchmarks and the tests both need: a throwaway copy of the project,
a strict build of it, and a local server for a built site.

The tests import it (tests/conftest.py), so it stays small and free of any
measuring code.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import mimetypes
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV_DEFAULTS = {"NO_MKDOCS_2_WARNING": "1"}
ENV = {**os.environ, **ENV_DEFAULTS}

# Everything a build needs but the content (practices/, courses/). Whole folders,
# so that a new hook or stylesheet is copied without changing this list.
SKELETON_FILES = ("mkdocs.yml", "CONTRIBUTING.md")
SKELETON_FOLDERS = ("docs", "hooks", "overrides", "data")

# The path of site_url, under which the site is published ("/plateformcoop/").
SITE_PATH = urlsplit(yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url") or "/").path or "/"


def copy_skeleton(dest: Path) -> Path:
    """Copy the project's configuration, pages, hooks, theme overrides and data
    into ``dest`` (created if needed), without any card or course."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SKELETON_FILES:
        shutil.copy(REPO / name, dest / name)
    for folder in SKELETON_FOLDERS:
        shutil.copytree(REPO / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    # mkdocs.yml watches platforms/: the folder must exist, even empty.
    (dest / "platforms").mkdir(exist_ok=True)
    return dest


def mkdocs_build(root: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict [args]`` in ``root``; output captured, never raised on."""
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, **ENV_DEFAULTS},  # read now: a test may set a switch (PLATEFORMCOOP_KITS) first
        timeout=timeout,
    )


# --- A local server like the host's: the site under its path, text gzipped -------------

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml", "application/manifest+json")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files under ``prefix``, over keep-alive connections, text gzipped
    when the client accepts it, as GitHub Pages serves them (it also has HTTP/2
    and TLS). Without keep-alive, Lighthouse's simulation pays a new connection
    for every file."""

    protocol_version = "HTTP/1.1"

    def __init__(self, *args: object, prefix: str = "", max_age: int | None = None, **kwargs: object) -> None:
        self.prefix = prefix  # the site's path without its final slash: "" or "/plateformcoop"
        self.max_age = max_age
        super().__init__(*args, **kwargs)  # handles the request

    def log_message(self, *args: object) -> None:  # keep test and bench output readable
        pass

    def _under_prefix(self) -> bool:
        path = urlsplit(self.path).path
        return path == self.prefix or path.startswith(self.prefix + "/")

    def translate_path(self, path: str) -> str:
        return super().translate_path(path[len(self.prefix):] or "/")

    def send_head(self):  # noqa: ANN201 - http.server's file-like object or None
        if not self._under_prefix():
            self.send_error(404)
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") or not kind.startswith(COMPRESSIBLE):
            return super().send_head()  # directories without a slash, 404s, images
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith(("json", "javascript")) else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        if self.max_age is not None:
            self.send_header("Cache-Control", f"max-age={self.max_age}")
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=512)
def _gzipped(path: Path, _mtime_ns: int) -> bytes:
    """Each file is compressed once (Lighthouse fetches the same files many times)."""
    return gzip.compress(path.read_bytes(), compresslevel=6)


def serve_site(site: Path, path: str = "/", max_age: int | None = None) -> tuple[str, ThreadingHTTPServer]:
    """Serve the built ``site`` on 127.0.0.1 (a free port) under ``path``, in a
    background thread; returns its address (ending with ``path``) and the server,
    to ``shutdown()`` at the end. ``max_age``: the seconds browsers may keep a
    text file without asking again (GitHub Pages: 600); by default they ask
    every time, so that a rebuilt site is seen at once."""
    prefix = "/" + path.strip("/") if path.strip("/") else ""
    handler = functools.partial(SiteHandler, directory=str(site), prefix=prefix, max_age=max_age)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}{prefix}/", server


@contextlib.contextmanager
def published_site(site: Path | None, max_age: int | None = None, log=print) -> Iterator[tuple[str, Path, Path]]:
    """The repository's real site served as it is published (under SITE_PATH): ``site``
    if given, else a strict build of the content into a temporary folder. Yields the
    address, the site folder and a scratch folder, all cleaned up afterwards."""
    work = Path(tempfile.mkdtemp(prefix="plateformcoop-site-"))
    server = None
    try:
        if site is None:
            log("· construction du site réel")
            site = work / "site"
            result = mkdocs_build(REPO, "--site-dir", str(site))
            if result.returncode != 0:
                raise RuntimeError("mkdocs build --strict failed:\n" + result.stdout + result.stderr)
        base, server = serve_site(site, SITE_PATH, max_age=max_age)
        yield base, site, work
    finally:
        if server is not None:
            server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
