"""One card -> one Markdown page, summary first, then the fixed section order."""

from __future__ import annotations

from .. import theme
from ..content import Content
from ..i18n import t
from ..model.practice import Practice
from .markdown import bullet_list, card_list, french_date
from .paths import diagnostic_path, md_link, platform_path, practice_path, term_path
from .settings import SiteSettings


def _values(practice: Practice, field: str) -> list[str]:
    value = getattr(practice, field)
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _term_links(content: Content, practice: Practice, field: str, here: str) -> str:
    vocab = content.vocabularies[field]
    return " ".join(
        theme.link(theme.text(vocab.label(term, practice.lang)), md_link(here, term_path(field, term)), "pc-badge", f"pc-badge--{field}")
        for term in _values(practice, field)
    )


def _labels(content: Content, practice: Practice, field: str, vocabulary: str | None = None) -> str:
    vocab = content.vocabularies[vocabulary or field]
    return ", ".join(theme.text(vocab.label(v, practice.lang)) for v in _values(practice, field))


def _scale(content: Content, practice: Practice, field: str) -> str:
    levels = content.vocabularies["levels"]
    value = getattr(practice, field)
    position, total = levels.ids.index(value) + 1, len(levels.ids)
    label = t("site.brief.scale", practice.lang, label=levels.label(value, practice.lang), position=position, total=total)
    return theme.scale(position, total, theme.text(label))


def _brief(content: Content, practice: Practice, here: str) -> str:
    """"En bref", before the text: what the card is about, for whom, what it costs
    and brings (effort and impact on the shared scale), at which stage."""
    lang = practice.lang
    rows = [
        (t("site.meta.principles", lang), _term_links(content, practice, "principles", here)),
        (t("site.meta.audiences", lang), _labels(content, practice, "audiences")),
        (t("site.meta.effort", lang), _scale(content, practice, "effort")),
        (t("site.meta.impact", lang), _scale(content, practice, "impact")),
        (t("site.meta.stages", lang), _labels(content, practice, "stages")),
        (t("site.meta.themes", lang), _term_links(content, practice, "themes", here)),
    ]
    items = "\n".join(f"- **{label} :** {value}" for label, value in rows)
    body = theme.heading(2, t("site.brief", lang), anchor="en-bref", searchable=False) + "\n" + items
    return theme.container(body, cls="pc-facts pc-brief", tag="section", searchable=False, attributes={"aria-labelledby": "en-bref"})


def _footer(content: Content, practice: Practice, settings: SiteSettings) -> str:
    lang = practice.lang
    footer = [
        t("site.meta.updated", lang, date=french_date(practice.updated, lang)),
        *([t("site.meta.reviewed", lang, date=french_date(practice.reviewed, lang))] if practice.reviewed else []),
        t("site.meta.authors", lang, authors=", ".join(theme.text(author) for author in practice.authors)),
        t("site.meta.license", lang, license=content.vocabularies["licenses"].label(practice.license, lang)),
    ]
    edit = settings.edit_url(content.sources[practice.id])
    if edit:
        footer.append(theme.link(t("site.edit", lang), edit, "pc-edit"))
    return theme.container(" · ".join(footer), cls="pc-card-footer", searchable=False)


def render_practice(content: Content, practice: Practice, settings: SiteSettings) -> str:
    here = practice_path(practice.id)
    lang = practice.lang
    out = [
        theme.page_header(
            practice.title,
            "practice",
            description=practice.summary,
            search_filters={"principle": [content.vocabularies["principles"].label(term, lang) for term in practice.principles]},
        ),
        theme.heading(1, theme.text(practice.title)),
        theme.paragraph(theme.text(practice.summary), "pc-summary"),
        _brief(content, practice, here),
        theme.heading(2, t("site.section.problem", lang)) + f"\n{practice.problem}\n",
        theme.heading(2, t("site.section.practice", lang)) + f"\n{practice.practice}\n",
        theme.heading(2, t("site.section.steps", lang)) + "\n" + bullet_list(list(practice.steps), ordered=True),
        theme.heading(2, t("site.section.pitfalls", lang)) + "\n" + bullet_list(list(practice.pitfalls)),
        theme.heading(2, t("site.section.examples", lang)),
    ]
    for example in practice.examples:
        out.append(theme.heading(3, theme.text(example.name)) + f"\n{example.description}\n")
        if example.url:
            out.append(theme.link(theme.text(t("site.example_link", lang, name=example.name)), example.url) + "\n")
    kinds = content.vocabularies["resource-kinds"]
    resources = [f"{theme.link(theme.text(r.title), r.url)} — *{theme.text(kinds.label(r.kind, lang))}*" for r in practice.resources]
    out.append(theme.heading(2, t("site.section.resources", lang)) + "\n" + bullet_list(resources))
    questions = [theme.text(q.question) for q in practice.self_assessment]
    out.append(
        theme.heading(2, t("site.section.self_assessment", lang))
        + f"\n{t('site.section.self_assessment.intro', lang)}\n\n{bullet_list(questions)}"
    )
    if content.diagnostic is not None:
        out.append(theme.link(t("site.diagnostic_link", lang), md_link(here, diagnostic_path())) + "\n")
    applying = content.directory.applying(practice.id)
    if applying:
        items = []
        for platform in applying:
            note = next((a.note for a in platform.practices if a.card == practice.id and a.note), None)
            link = theme.link(theme.text(platform.name), md_link(here, platform_path(platform.id)))
            items.append(f"{link} — {theme.text(note)}" if note else link)
        out.append(theme.heading(2, t("directory.card_section", lang)) + "\n" + bullet_list(items))
    for key, ids in (("site.section.related", practice.related), ("site.section.backlinks", content.backlinks.get(practice.id, []))):
        listing = card_list(content, list(ids), here)
        if listing:
            # Out of the search index: a word should find the card that says it, not every card linking to it.
            out.append(theme.section(2, t(key, lang), listing, searchable=False))
    out.append(_footer(content, practice, settings))
    return "\n".join(out)
