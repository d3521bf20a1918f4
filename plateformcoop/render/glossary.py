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


def tooltip_glossary(content: Content) -> dict[str, str]:
    """Term -> short definition, for the ``glossary`` option of Python-Markdown's
    ``abbr`` extension: every occurrence becomes an ``<abbr>``, shown by Material
    as a tooltip.

    Measured on 1,000 cards (markdown per card page): the whole glossary appended
    to every page as ``*[term]: ...`` lines cost about a third of the build; only
    the lines of the terms a page uses, +35 %; the option, +15 %: no page parses
    definitions, and every page asks for the same pattern, which ``re`` compiles once.
    """
    terms: dict[str, str] = {}
    for entry in content.glossary:
        for term in (entry.term, *entry.aliases):
            terms.setdefault(term, entry.short)
    return terms
