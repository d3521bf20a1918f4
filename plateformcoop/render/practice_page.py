"""One card -> one Markdown page, summary first, then the fixed section order."""

from __future__ import annotations

from ..content import Content
from ..i18n import t
from ..model.practice import Practice
from .markdown import bullet_list, facts_block, french_date, front_matter
from .paths import md_link, practice_path, term_path
from .settings import SiteSettings


def _term_links(content: Content, practice: Practice, field: str, here: str) -> str:
    vocab = content.vocabularies[field]
    return " ".join(
        f"[{vocab.label(term, practice.lang)}]({md_link(here, term_path(field, term))}){{ .pc-badge .pc-badge--{field} }}"
        for term in getattr(practice, field)
    )


def _labels(content: Content, practice: Practice, field: str, vocabulary: str | None = None) -> str:
    vocab = content.vocabularies[vocabulary or field]
    values = getattr(practice, field)
    values = values if isinstance(values, list) else [values]
    return ", ".join(vocab.label(v, practice.lang) for v in values)


def _facts(content: Content, practice: Practice, here: str) -> str:
    lang = practice.lang
    rows = [
        (t("site.meta.principles", lang), _term_links(content, practice, "principles", here)),
        (t("site.meta.themes", lang), _term_links(content, practice, "themes", here)),
        (t("site.meta.audiences", lang), _labels(content, practice, "audiences")),
        (t("site.meta.stages", lang), _labels(content, practice, "stages")),
        (t("site.meta.effort", lang), _labels(content, practice, "effort", "levels")),
        (t("site.meta.impact", lang), _labels(content, practice, "impact", "levels")),
    ]
    return facts_block(rows)


def _card_list(content: Content, ids: list[str], here: str) -> str:
    items = [
        f"[{content.practices[i].title}]({md_link(here, practice_path(i))}) — {content.practices[i].summary}"
        for i in ids
        if i in content.practices
    ]
    return bullet_list(items) if items else ""


def render_practice(content: Content, practice: Practice, settings: SiteSettings) -> str:
    here = practice_path(practice.id)
    lang = practice.lang
    out = [
        front_matter({"title": practice.title, "description": practice.summary, "pc_kind": "practice"}),
        f"# {practice.title}\n",
        f"{practice.summary}\n{{ .pc-summary }}\n",
        _facts(content, practice, here),
        f"## {t('site.section.problem', lang)}\n\n{practice.problem}\n",
        f"## {t('site.section.practice', lang)}\n\n{practice.practice}\n",
        f"## {t('site.section.steps', lang)}\n\n{bullet_list(practice.steps, ordered=True)}",
        f"## {t('site.section.pitfalls', lang)}\n\n{bullet_list(practice.pitfalls)}",
        f"## {t('site.section.examples', lang)}\n",
    ]
    for example in practice.examples:
        out.append(f"### {example.name}\n\n{example.description}\n")
        if example.url:
            out.append(f"[{t('site.example_link', lang, name=example.name)}]({example.url})\n")
    kinds = content.vocabularies["resource-kinds"]
    resources = [f"[{r.title}]({r.url}) — *{kinds.label(r.kind, lang)}*" for r in practice.resources]
    out.append(f"## {t('site.section.resources', lang)}\n\n{bullet_list(resources)}")
    questions = [q.question for q in practice.self_assessment]
    out.append(
        f"## {t('site.section.self_assessment', lang)}\n\n{t('site.section.self_assessment.intro', lang)}\n\n{bullet_list(questions)}"
    )
    if content.diagnostic is not None:
        out.append(f"[{t('site.diagnostic_link', lang)}]({md_link(here, 'diagnostic/index.md')})\n")
    for key, ids in (("site.section.related", practice.related), ("site.section.backlinks", content.backlinks.get(practice.id, []))):
        listing = _card_list(content, list(ids), here)
        if listing:
            # Out of the search index: a word should find the card that says it, not every card linking to it.
            out.append(f"## {t(key, lang)} {{ data-search-exclude }}\n\n{listing}")
    footer = [
        t("site.meta.updated", lang, date=french_date(practice.updated, lang)),
        *([t("site.meta.reviewed", lang, date=french_date(practice.reviewed, lang))] if practice.reviewed else []),
        t("site.meta.authors", lang, authors=", ".join(practice.authors)),
        t("site.meta.license", lang, license=content.vocabularies["licenses"].label(practice.license, lang)),
    ]
    edit = settings.edit_url(content.sources[practice.id])
    if edit:
        footer.append(f"[{t('site.edit', lang)}]({edit}){{ .pc-edit }}")
    out.append('<div class="pc-card-footer" markdown data-search-exclude>\n\n' + " · ".join(footer) + "\n\n</div>\n")
    return "\n".join(out)
