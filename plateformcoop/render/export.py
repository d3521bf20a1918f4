"""Machine-readable export of all cards (JSON), for reuse by other sites."""

from __future__ import annotations

import json
import posixpath

from .. import theme
from ..content import Content
from ..i18n import t
from .markdown import bullet_list
from .paths import DATA_PAGE, DIRECTORY_CSV, DIRECTORY_JSON, EXPORT, OBSERVATORY_JSON, REFERENCE, md_link, practice_path
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


def render_data_page(content: Content, settings: SiteSettings) -> str:
    """The data section's page: every export, what it holds and its licence."""
    lang = settings.language
    title = t("data.title", lang)
    files = [
        (EXPORT, t("data.practices", lang)),
        (DIRECTORY_JSON, t("data.directory_json", lang)),
        (DIRECTORY_CSV, t("data.directory_csv", lang)),
        (OBSERVATORY_JSON, t("data.observatory", lang)),
    ]
    items = [f"{theme.link(f'`{posixpath.basename(path)}`', md_link(DATA_PAGE, path))} — {text}" for path, text in files]
    return "\n".join(
        [
            theme.page_header(title, "data"),
            theme.heading(1, theme.text(title)),
            t("data.intro", lang) + "\n",
            bullet_list(items),
            theme.heading(2, t("data.license", lang)) + "\n" + t("directory.data_license", lang) + "\n",
            theme.heading(2, t("data.fields", lang)) + "\n" + theme.link(t("data.fields.intro", lang), md_link(DATA_PAGE, REFERENCE)) + "\n",
        ]
    )
