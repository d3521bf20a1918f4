"""The glossary page, and the terms that become tooltips site-wide."""

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


def tooltip_groups(content: Content) -> list[tuple[str, list[str]]]:
    """Each glossary entry's short definition and the spellings (term, then aliases)
    that get it as a tooltip: the input of ``render.tooltips.GlossaryTooltips``."""
    return [(entry.short, [entry.term, *entry.aliases]) for entry in content.glossary]
