"""mkdocs-macros module: figures for the trusted hand-written pages that opt in.

Only pages with ``render_macros: true`` in their front matter are rendered
(``render_by_default: false`` in mkdocs.yml); generated and contributed pages never are.
"""

from __future__ import annotations

import functools
from pathlib import Path

from plateformcoop.content import load_content_cached


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own object
    root = Path(env.conf.config_file_path).parent

    # define_env runs once per build (serve: once per rebuild), so the figures are
    # read once per build, not once per call: every call would check each content file's date.
    @env.macro
    @functools.cache
    def stats() -> dict[str, int]:
        content = load_content_cached(root)
        return {
            "practices": len(content.practices),
            "principles": len(content.vocabularies["principles"].ids),
            "themes": len(content.vocabularies["themes"].ids),
            "glossary": len(content.glossary),
            "courses": len(content.courses),
            "platforms": len(content.directory.platforms),
        }
