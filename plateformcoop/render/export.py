"""Machine-readable export of all cards (JSON), for reuse by other sites."""

from __future__ import annotations

import json

from ..content import Content
from .paths import EXPORT, practice_path
from .settings import SiteSettings

EXPORT_VERSION = 1


def render_export(content: Content, settings: SiteSettings) -> str:
    lang = settings.language
    vocabularies = {
        name: [{"id": i, "label": vocab.label(i, lang), "description": vocab.description(i, lang)} for i in vocab.ids]
        for name, vocab in content.vocabularies.items()
    }
    practices = []
    for practice in content.sorted_practices():
        record = practice.model_dump(mode="json")
        record["url"] = settings.absolute(practice_path(practice.id)) or settings.urls.link(EXPORT, practice_path(practice.id))
        record["source"] = content.sources[practice.id]
        record["backlinks"] = content.backlinks.get(practice.id, [])
        practices.append(record)
    payload = {
        "format": "plateformcoop-practices",
        "version": EXPORT_VERSION,
        "language": lang,
        "license": "Chaque fiche porte sa licence (champ license).",
        "count": len(practices),
        "vocabularies": vocabularies,
        "practices": practices,
    }
    # Compact: the C encoder (indent= falls back to the pure-Python one, 4x slower).
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"
