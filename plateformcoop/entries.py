"""Folders of entries, one YAML file each (cards, directory platforms): reading one file."""

from __future__ import annotations

import re
from pathlib import Path

from .i18n import t
from .layout import Layout
from .model.fields import ID_PATTERN
from .problems import Problem
from .yamlsource import YamlDocument, load_yaml

_ID = re.compile(ID_PATTERN)


def read_entry(layout: Layout, path: Path) -> tuple[str, YamlDocument | None, list[Problem]]:
    """The file's display path, its located YAML (None if unreadable) and the problems
    found so far, a badly named file included (the name is the entry's id)."""
    display = layout.display(path)
    document, problems = load_yaml(path, display)
    if document is not None and not _ID.match(path.stem):
        problems.append(Problem(display, 1, 1, t("corpus.bad_filename", name=path.name), t("corpus.bad_filename.hint"), "filename"))
    return display, document, problems
