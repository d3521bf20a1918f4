"""User-facing strings (site UI and error messages) live in locales/<lang>.yml.

One place to translate: the engine never hard-codes French text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LOCALES = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "fr"


@cache
def catalog(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    path = LOCALES / f"{language}.yml"
    with path.open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {str(key): str(value) for key, value in data.items()}


def t(key: str, language: str = DEFAULT_LANGUAGE, /, **values: Any) -> str:
    """Translate ``key`` and fill ``{placeholders}``; a missing key shows itself."""
    template = catalog(language).get(key)
    if template is None:
        template = catalog(DEFAULT_LANGUAGE).get(key, key)
    return template.format(**values) if values else template


def plural(count: int, singular_key: str, plural_key: str, language: str = DEFAULT_LANGUAGE) -> str:
    return t(singular_key if count == 1 else plural_key, language, count=count)
