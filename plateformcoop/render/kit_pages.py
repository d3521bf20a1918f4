"""Download pages of the workshop kit: the decks page and one kit page per course.

The PDFs themselves are written by ``plateformcoop.kit.build`` (hook kits.py,
after the site); these pages only link them, from the same plan.
"""

from __future__ import annotations

from .. import theme
from ..content import Content
from ..i18n import t
from ..kit import LIMITS, KitFile, plan, too_large
from .markdown import bullet_list
from .paths import course_kit_path, course_path, diagnostic_path, kits_page_path, md_link
from .settings import SiteSettings


def _pdf_link(kit: KitFile, label: str, here: str, lang: str) -> str:
    size = t("kit_page.pages", lang, count=kit.pages) if kit.pages else t("kit_page.pdf", lang)
    return f"{theme.link(theme.text(label), md_link(here, kit.path))} ({size})"


def _deck_items(files: list[KitFile], here: str, lang: str, course_id: str | None = None) -> list[str]:
    items = []
    for deck_file in files:
        deck = deck_file.deck
        if deck_file.kind != "deck" or deck is None or (course_id is not None and deck.course_id != course_id):
            continue
        links = [_pdf_link(deck_file, t("kit_page.a6", lang), here, lang)]
        sheets = next((f for f in files if f.kind == "sheets" and f.deck == deck), None)
        if sheets is not None:
            links.append(_pdf_link(sheets, t("kit_page.a4", lang), here, lang))
        count = t("kit_page.cards_one" if len(deck.cards) == 1 else "kit_page.cards", lang, count=len(deck.cards))
        items.append(f"**{theme.text(deck.title)}**, {count} : " + " · ".join(links))
    return items


def render_kits_page(content: Content, files: list[KitFile], settings: SiteSettings) -> str:
    lang = settings.language
    here = kits_page_path()
    title = t("kit_page.title", lang)
    out = [
        theme.page_header(title, "kits", description=t("kit_page.description", lang)),
        theme.heading(1, theme.text(title)),
        t("kit_page.intro", lang) + "\n",
        theme.heading(2, t("kit_page.decks", lang)),
        t("kit_page.decks_intro", lang) + "\n",
    ]
    decks = _deck_items(files, here, lang)
    out.append(bullet_list(decks) if decks else t("kit_page.none", lang) + "\n")
    left_out = too_large(content, settings)
    if left_out:
        names = ", ".join(f"« {theme.text(deck.title)} » ({len(deck.cards)})" for deck in left_out)
        out.append(t("kit_page.too_large", lang, count=LIMITS.deck_max_cards, decks=names) + "\n")
    out.append(t("kit_page.print_help", lang) + "\n")
    questionnaires = [f for f in files if f.kind == "questionnaire"]
    if questionnaires:
        out.append(theme.heading(2, t("kit_page.diagnostic", lang)))
        out.append(t("kit_page.diagnostic_intro", lang) + "\n")
        items = []
        for kit in questionnaires:
            assert kit.variant_id is not None
            page = md_link(here, diagnostic_path(kit.variant_id))
            items.append(f"{_pdf_link(kit, kit.title, here, lang)} — {theme.link(t('kit_page.diagnostic_page', lang), page)}")
        out.append(bullet_list(items))
    courses = [data for data in content.courses.values() if data.lessons]
    if courses:
        out.append(theme.heading(2, t("kit_page.courses", lang)))
        out.append(t("kit_page.courses_intro", lang) + "\n")
        items = [theme.link(theme.text(data.course.title), md_link(here, course_kit_path(data.course.id))) for data in courses]
        out.append(bullet_list(items))
    out.append(theme.paragraph(t("kit_page.accessibility", lang), "pc-note"))
    return "\n".join(out)


def render_course_kit(content: Content, course_id: str, files: list[KitFile], settings: SiteSettings) -> str:
    lang = settings.language
    data = content.courses[course_id]
    here = course_kit_path(course_id)
    title = t("kit_page.course_title", lang, title=data.course.title)
    out = [
        theme.page_header(title, "course-kit", description=t("kit_page.course_description", lang, title=data.course.title)),
        theme.heading(1, theme.text(title)),
        t("kit_page.course_intro", lang) + "\n",
        theme.heading(2, t("kit_page.course_documents", lang)),
    ]
    documents = [
        _pdf_link(kit, t(f"kit_page.{kit.kind}", lang), here, lang) + " — " + t(f"kit_page.{kit.kind}_help", lang)
        for kit in files
        if kit.course_id == course_id and kit.kind in ("handout", "facilitator")
    ]
    out.append(bullet_list(documents))
    decks = _deck_items(files, here, lang, course_id)
    out.append(theme.heading(2, t("kit_page.course_cards", lang)))
    out.append((bullet_list(decks) + "\n" + t("kit_page.print_help", lang) + "\n") if decks else t("kit_page.no_cards", lang) + "\n")
    links = [
        theme.link(theme.text(t("lesson.back_to_course", lang, title=data.course.title)), md_link(here, course_path(course_id))),
        theme.link(t("kit_page.all_kits", lang), md_link(here, kits_page_path())),
    ]
    out.append(theme.heading(2, t("course.more", lang)) + "\n" + bullet_list(links))
    return "\n".join(out)


def kit_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    if not settings.kits:
        return {}
    files = plan(content, settings)
    pages = {kits_page_path(): render_kits_page(content, files, settings)}
    for course_id, data in content.courses.items():
        if data.lessons:
            pages[course_kit_path(course_id)] = render_course_kit(content, course_id, files, settings)
    return pages
