"""The glossary page, and the abbreviation lines that turn terms into tooltips site-wide."""

from __future__ import annotations

from ..content import Content
from ..i18n import t
from .markdown import front_matter
from .settings import SiteSettings


def render_glossary(content: Content, settings: SiteSettings) -> str:
    lang = settings.language
    out = [front_matter({"title": t("site.glossary_title", lang), "pc_kind": "glossary"}), f"# {t('site.glossary_title', lang)}\n", t("site.glossary_intro", lang) + "\n"]
    for entry in content.glossary:
        sources = ", ".join(f"[{s.title}]({s.url})" for s in entry.sources)
        out.append(f"## {entry.term} {{ #{entry.id} }}\n\n**{entry.short}**\n\n{entry.definition}\n\n*{t('site.sources', lang)} :* {sources}\n")
    return "\n".join(out)


def abbreviations(content: Content) -> str:
    """Python-Markdown ``abbr`` definitions: Material shows them as tooltips.

    One definition per Markdown block: the ``abbr`` block processor takes one
    definition per pass and puts the rest of its block back, so with the
    definitions on consecutive lines every page re-tested the shrinking block
    with every block processor (quadratic in the number of terms, measured at
    about 45 ms per page with the real glossary). The tooltips are the same.
    """
    lines = []
    for entry in content.glossary:
        for term in (entry.term, *entry.aliases):
            lines.append(f"*[{term}]: {entry.short}")
    return "\n\n" + "\n\n".join(lines) + "\n" if lines else ""
