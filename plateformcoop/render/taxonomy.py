"""A page per charter principle and per theme, plus their index pages."""

from __future__ import annotations

from .. import theme
from ..content import Content
from ..i18n import plural, t
from .markdown import card_list
from .paths import TAXONOMY_FOLDERS, index_path, md_link, term_path
from .settings import SiteSettings

_TITLES = {"principles": ("site.principles_title", "site.principles_intro"), "themes": ("site.themes_title", "site.themes_intro")}


def render_index(content: Content, field: str, settings: SiteSettings) -> str:
    lang = settings.language
    title_key, intro_key = _TITLES[field]
    here = index_path(field)
    vocab = content.vocabularies[field]
    title = t(title_key, lang)
    out = [theme.page_header(title, f"{field}-index"), theme.heading(1, theme.text(title)), t(intro_key, lang) + "\n"]
    for term in vocab.ids:
        count = len(content.practices_with(field, term))
        out.append(
            theme.heading(2, theme.link(theme.text(vocab.label(term, lang)), md_link(here, term_path(field, term))))
            + f"\n{theme.text(vocab.description(term, lang))}\n\n*{plural(count, 'site.term_cards_one', 'site.term_cards', lang)}*\n"
        )
    return "\n".join(out)


def render_term(content: Content, field: str, term: str, settings: SiteSettings) -> str:
    lang = settings.language
    vocab = content.vocabularies[field]
    here = term_path(field, term)
    cards = content.practices_with(field, term)
    label, description = vocab.label(term, lang), vocab.description(term, lang)
    out = [
        theme.page_header(label, field, description=description),
        theme.heading(1, theme.text(label)),
        theme.paragraph(theme.text(description), "pc-summary"),
        # The list repeats the cards' summaries: indexed once, on the cards themselves.
        theme.section(
            2,
            plural(len(cards), "site.term_cards_one", "site.term_cards", lang),
            card_list(content, [p.id for p in cards], here) or t("site.term_no_cards", lang) + "\n",
            searchable=False,
        ),
    ]
    return "\n".join(out)


def taxonomy_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    pages: dict[str, str] = {}
    for field in TAXONOMY_FOLDERS:
        pages[index_path(field)] = render_index(content, field, settings)
        for term in content.vocabularies[field].ids:
            pages[term_path(field, term)] = render_term(content, field, term, settings)
    return pages
