"""Small helpers to write Markdown safely from validated content."""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from ..i18n import t


def front_matter(values: dict[str, Any]) -> str:
    # JSON is valid YAML: values are quoted and escaped whatever they contain.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def indent(text: str, prefix: str = "    ") -> str:
    """Indent continuation lines so a multi-paragraph text stays inside a list item."""
    first, *rest = text.strip().split("\n")
    return "\n".join([first] + [(prefix + line) if line.strip() else "" for line in rest])


def bullet_list(items: list[str], ordered: bool = False) -> str:
    out = []
    for number, item in enumerate(items, 1):
        marker = f"{number}." if ordered else "-"
        out.append(f"{marker} {indent(item)}")
    # A blank line between items keeps multi-paragraph items readable.
    return "\n".join(out) + "\n"


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def french_date(value: dt.date, language: str = "fr") -> str:
    months = t("site.months", language).split(",")
    day = "1er" if value.day == 1 and language == "fr" else str(value.day)
    return f"{day} {months[value.month - 1]} {value.year}"


def facts_block(rows: list[tuple[str, str]]) -> str:
    """Key facts of a page ("Public : …") as a styled list, inside md_in_html.

    Kept out of the search index: the same labels on hundreds of pages would make
    every card match a theme's name; the theme and principle pages answer that.
    """
    items = "\n".join(f"- **{label} :** {value}" for label, value in rows)
    return f'<div class="pc-facts" markdown data-search-exclude>\n\n{items}\n\n</div>\n'
