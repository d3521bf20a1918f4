"""The glossary page, and the terms that become tooltips site-wide."""

from __future__ import annotations

from .. import theme
from ..content import Content
from ..i18n import t
from .settings import SiteSettings


def render_glossary(content: Content, settings: SiteSettings) -> str:
    lang = settings.language
    title = t("site.glossary_title", lang)
    out = [theme.page_header(title, "glossary"), theme.heading(1, theme.text(title)), t("site.glossary_intro", lang) + "\n"]
    for entry in content.glossary:
        sources = ", ".join(theme.link(theme.text(s.title), s.url) for s in entry.sources)
        out.append(
            theme.heading(2, theme.text(entry.term), anchor=entry.id)
            + f"\n**{theme.text(entry.short)}**\n\n{entry.definition}\n\n*{t('site.sources', lang)} :* {sources}\n"
        )
    return "\n".join(out)


def tooltip_groups(content: Content) -> list[tuple[str, list[str]]]:
    """Each glossary entry's short definition and the spellings (term, then aliases)
    that get it as a tooltip: the input of ``theme.tooltips.GlossaryTooltips``."""
    return [(entry.short, [entry.term, *entry.aliases]) for entry in content.glossary]
