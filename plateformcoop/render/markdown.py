"""Small helpers to write Markdown from validated content (syntax beyond plain Markdown: ``theme``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .. import theme
from ..i18n import t
from .paths import md_link, practice_path

if TYPE_CHECKING:
    from ..content import Content


def indent(text: str, prefix: str = "    ") -> str:
    """Indent continuation lines so a multi-paragraph text stays inside a list item."""
    first, *rest = text.strip().split("\n")
    return "\n".join([first] + [(prefix + line) if line.strip() else "" for line in rest])


def bullet_list(items: list[str], ordered: bool = False) -> str:
    out = []
    for number, item in enumerate(items, 1):
        marker = f"{number}." if ordered else "-"
        out.append(f"{marker} {indent(item)}")
    return "\n".join(out) + "\n"


def card_list(content: Content, ids: list[str], here: str) -> str:
    """The one "card title (link) — summary" list, for every listing of cards ('' if none)."""
    items = [
        f"{theme.link(theme.text(content.practices[i].title), md_link(here, practice_path(i)))} — {theme.text(content.practices[i].summary)}"
        for i in ids
        if i in content.practices
    ]
    return bullet_list(items) if items else ""


def french_date(value: dt.date, language: str = "fr") -> str:
    months = t("site.months", language).split(",")
    day = "1er" if value.day == 1 and language == "fr" else str(value.day)
    return f"{day} {months[value.month - 1]} {value.year}"


def facts_block(rows: list[tuple[str, str]]) -> str:
    """Key facts of a page ("Public : …") as a styled list; values are Markdown.

    Kept out of the search index: the same labels on hundreds of pages would make
    every card match a theme's name; the theme and principle pages answer that.
    """
    items = "\n".join(f"- **{label} :** {value}" for label, value in rows)
    return theme.container(items, cls="pc-facts", searchable=False)
