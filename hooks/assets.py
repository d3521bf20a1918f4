"""Content fingerprint of the site's own styles and scripts (MkDocs hook).

Every URL of an own asset gets `?v=<hash>`, the hash being computed from the
content of all of them (docs/assets/javascripts, docs/assets/stylesheets): in
the pages' <link>/<script> tags (extra_css, extra_javascript, the per-kind
extra.page_scripts) and in the
`import ... from "./x.js"` lines of the modules, so that a module imported by
another and listed in the page is one URL, hence one module instance. A deploy
that changes any of them changes every URL: browsers and the service worker
(docs/sw.js, which keeps versioned URLs cache-first) fetch the new files, and
pages never run beside the scripts and styles of another build.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

OWN = ("assets/javascripts", "assets/stylesheets")
SUFFIXES = (".js", ".css")
# A relative module specifier, with the version a previous build may have added.
IMPORT = re.compile(r"""(\b(?:from|import)\s*)(["'])(\.{1,2}/[^"'?]+\.js)(?:\?v=\w+)?\2""")

_version = ""


def own_assets(docs: Path) -> list[Path]:
    return sorted(path for folder in OWN for path in (docs / folder).rglob("*") if path.suffix in SUFFIXES and path.is_file())


def fingerprint(docs: Path) -> str:
    digest = hashlib.sha256()
    for path in own_assets(docs):
        digest.update(path.relative_to(docs).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _versioned(path: str, docs: Path) -> str:
    plain = path.split("?", 1)[0]
    if "://" in plain or plain.startswith("/") or not plain.startswith(OWN) or not (docs / plain).is_file():
        return path
    return f"{plain}?v={_version}"


def on_config(config):
    global _version
    docs = Path(config.docs_dir)
    _version = fingerprint(docs)
    config.extra_css = [_versioned(path, docs) for path in config.extra_css]
    for script in config.extra_javascript:
        if isinstance(script, str):
            config.extra_javascript[config.extra_javascript.index(script)] = _versioned(script, docs)
        else:
            script.path = _versioned(script.path, docs)
    # The modules loaded per kind of page (overrides/main.html).
    scripts = config.extra.get("page_scripts") or {}
    config.extra["page_scripts"] = {kind: [_versioned(path, docs) for path in paths] for kind, paths in scripts.items()}
    return config


def on_post_build(config):
    docs, site = Path(config.docs_dir), Path(config.site_dir)
    for source in own_assets(docs):
        if source.suffix != ".js":
            continue
        built = site / source.relative_to(docs)
        if not built.is_file():
            continue
        text = built.read_text(encoding="utf-8")
        new = IMPORT.sub(lambda m: f"{m[1]}{m[2]}{m[3]}?v={_version}{m[2]}", text)
        if new != text:
            built.write_text(new, encoding="utf-8")
