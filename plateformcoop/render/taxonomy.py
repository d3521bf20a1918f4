"""A page per charter principle and per theme, plus their index pages."""

from __future__ import annotations

from ..content import Content
from ..i18n import plural, t
from .markdown import bullet_list, front_matter
from .paths import TAXONOMY_FOLDERS, index_path, md_link, practice_path, term_path
from .settings import SiteSettings

_TITLES = {"principles": ("site.principles_title", "site.principles_intro"), "themes": ("site.themes_title", "site.themes_intro")}


def render_index(content: Content, field: str, settings: SiteSettings) -> str:
    lang = settings.language
    title_key, intro_key = _TITLES[field]
    here = index_path(field)
    vocab = content.vocabularies[field]
    out = [front_matter({"title": t(title_key, lang), "pc_kind": f"{field}-index"}), f"# {t(title_key, lang)}\n", t(intro_key, lang) + "\n"]
    for term in vocab.ids:
        count = len(content.practices_with(field, term))
        out.append(
            f"## [{vocab.label(term, lang)}]({md_link(here, term_path(field, term))})\n\n"
            f"{vocab.description(term, lang)}\n\n*{plural(count, 'site.term_cards_one', 'site.term_cards', lang)}*\n"
        )
    return "\n".join(out)


def render_term(content: Content, field: str, term: str, settings: SiteSettings) -> str:
    lang = settings.language
    vocab = content.vocabularies[field]
    here = term_path(field, term)
    cards = content.practices_with(field, term)
    out = [
        front_matter({"title": vocab.label(term, lang), "description": vocab.description(term, lang), "pc_kind": field}),
        f"# {vocab.label(term, lang)}\n",
        f"{vocab.description(term, lang)}\n{{ .pc-summary }}\n",
        # The list repeats the cards' summaries: indexed once, on the cards themselves.
        f"## {plural(len(cards), 'site.term_cards_one', 'site.term_cards', lang)} {{ data-search-exclude }}\n",
    ]
    if cards:
        out.append(bullet_list([f"[{p.title}]({md_link(here, practice_path(p.id))}) — {p.summary}" for p in cards]))
    else:
        out.append(t("site.term_no_cards", lang) + "\n")
    return "\n".join(out)


def taxonomy_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    pages: dict[str, str] = {}
    for field in TAXONOMY_FOLDERS:
        pages[index_path(field)] = render_index(content, field, settings)
        for term in content.vocabularies[field].ids:
            pages[term_path(field, term)] = render_term(content, field, term, settings)
    return pages
