"""The one door to the site generator's dialect: Python-Markdown extensions and Material for MkDocs.

Renderers write plain Markdown (headings, paragraphs, lists, links) and ask this
module for everything else: front matter flags, attribute lists (``attr_list``),
Markdown inside HTML blocks (``md_in_html``), Material's button classes, the
search-exclusion marker and page flags (read by the site search, Pagefind), how a
plain value is escaped. Moving the site to another
generator (Material reaches its end of life in 2027-05) means rewriting this
package — this module, the widget templates' ``theme`` values and the tooltip
extension beside it — not the renderers.

Nothing here imports MkDocs; ``tooltips`` imports Python-Markdown, a declared
dependency of the engine.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

# Material's button look, for links and buttons in widgets.
BUTTON = "md-button"
PRIMARY_BUTTON = "md-button md-button--primary"

# Attribute that keeps an element's text out of the site search index (Pagefind:
# the element's text is skipped; filters and metadata inside it are still read).
SEARCH_EXCLUDE = "data-pagefind-ignore"

# Characters with a meaning in Python-Markdown and its enabled extensions (emphasis,
# code, links, attribute lists, tables, headings, raw HTML, entities). Each is written
# as a backslash escape, or as an entity where Markdown has no escape for it.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]{}#!|>]")
_ENTITIES = {"&": "&amp;", "<": "&lt;"}


def text(value: str) -> str:
    """A plain-text value (title, summary, label, name...) written into Markdown.

    The one escaping function for plain values: ``*communs*`` stays literal,
    ``a | b`` adds no table column, ``[x](y)`` makes no link, ``<b>`` no tag.
    Line breaks become spaces so a value never starts a new block.
    """
    value = " ".join(value.split())
    value = "".join(_ENTITIES.get(char, char) for char in value)
    return _MARKDOWN_SPECIAL.sub(lambda match: "\\" + match.group(0), value)


def attribute(value: str) -> str:
    """A value inside a raw HTML attribute or element written by a renderer."""
    return html.escape(value, quote=True)


def page_header(
    title: str,
    kind: str,
    *,
    description: str | None = None,
    toc: bool = True,
    search: bool = True,
    search_filters: dict[str, list[str]] | None = None,
) -> str:
    """Front matter: the page's title, its kind (CSS, tests and the search's result
    types hook on it), table of contents and search flags: ``search=False`` keeps the
    page out of the index, ``search_filters`` are the values a search can be narrowed
    to (``{"principle": [labels]}``; see plateformcoop/search.py)."""
    values: dict[str, Any] = {"title": title}
    if description:
        values["description"] = description
    if not toc:
        values["hide"] = ["toc"]
    if not search:
        values["pc_search"] = False
    values["pc_kind"] = kind
    if search and search_filters:
        values["pc_search_filters"] = {name: list(labels) for name, labels in search_filters.items() if labels}
    # JSON is valid YAML: values are quoted and escaped whatever they contain.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _attr_list(classes: tuple[str, ...] = (), anchor: str | None = None, searchable: bool = True) -> str:
    parts = [f"#{anchor}"] if anchor else []
    parts += [f".{name}" for cls in classes for name in cls.split()]
    if not searchable:
        parts.append(SEARCH_EXCLUDE)
    return "{ " + " ".join(parts) + " }" if parts else ""


def heading(level: int, markdown: str, *, anchor: str | None = None, searchable: bool = True) -> str:
    """A heading line; ``anchor`` fixes its id, ``searchable=False`` keeps the heading's
    own text out of search (a whole section: :func:`section`)."""
    attrs = _attr_list(anchor=anchor, searchable=searchable)
    return f"{'#' * level} {markdown}{' ' + attrs if attrs else ''}\n"


def section(level: int, title: str, body: str, *, searchable: bool = True) -> str:
    """A heading and its body (Markdown); ``searchable=False`` keeps the whole section
    out of search (the search marks elements, not the text between two headings)."""
    if searchable:
        return heading(level, title) + "\n" + body
    return container(heading(level, title) + "\n" + body, cls="pc-section", searchable=False)


def link(label: str, href: str, *classes: str) -> str:
    """An inline Markdown link (``label`` is Markdown: pass plain values through :func:`text`)."""
    return f"[{label}]({href}){_attr_list(classes)}"


def button_link(label: str, href: str, *classes: str, primary: bool = False) -> str:
    return link(label, href, PRIMARY_BUTTON if primary else BUTTON, *classes)


def paragraph(markdown: str, *classes: str) -> str:
    """A paragraph with CSS classes."""
    return f"{markdown}\n{_attr_list(classes)}\n" if classes else f"{markdown}\n"


def container(body: str, *, cls: str, tag: str = "div", searchable: bool = True, attributes: dict[str, str] | None = None) -> str:
    """An HTML element whose content is Markdown (``body``)."""
    attrs = "".join(f' {name}="{attribute(value)}"' for name, value in (attributes or {}).items())
    exclude = f" {SEARCH_EXCLUDE}" if not searchable else ""
    return f'<{tag} class="{attribute(cls)}"{attrs} markdown{exclude}>\n\n{body.strip()}\n\n</{tag}>\n'


def details(summary: str, body: str, *, cls: str, element_id: str | None = None) -> str:
    """A disclosure (``<details>``) whose summary is plain text and whose body is Markdown."""
    ident = f' id="{attribute(element_id)}"' if element_id else ""
    return f'<details class="{attribute(cls)}"{ident} markdown>\n<summary>{attribute(summary)}</summary>\n\n{body.strip()}\n\n</details>\n'


def scale(position: int, total: int, label: str) -> str:
    """A level on a scale: ``label`` is the readable text ("Moyen, 2 sur 3"); the
    dots drawn before it repeat it for the eye and are hidden from screen readers."""
    dots = "".join(f'<span class="pc-scale__dot{" pc-scale__dot--on" if index < position else ""}"></span>' for index in range(total))
    return f'<span class="pc-scale" aria-hidden="true">{dots}</span> {label}'
