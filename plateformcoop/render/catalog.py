"""The catalog: every card listed in plain HTML, with filters that JavaScript enables.

Without JavaScript the form stays hidden and all cards are listed. With it, the
filters narrow the list, show counts, announce the result count through a live
region and keep the current filter in the URL (shareable).
"""

from __future__ import annotations

from collections import Counter

from ..content import Content
from ..i18n import t
from .markdown import escape, front_matter
from .paths import catalog_path, practice_path
from .settings import SiteSettings

# Card field -> URL parameter name (French, shareable URLs) and its label key.
FILTERS: tuple[tuple[str, str, str], ...] = (
    ("principles", "principe", "principles"),
    ("themes", "theme", "themes"),
    ("audiences", "public", "audiences"),
    ("stages", "etape", "stages"),
    ("effort", "effort", "levels"),
)


def _values(practice: object, field: str) -> list[str]:
    value = getattr(practice, field)
    return list(value) if isinstance(value, (list, tuple)) else [value]


def render_catalog(content: Content, settings: SiteSettings) -> str:
    lang = settings.language
    here = catalog_path()
    practices = content.sorted_practices()
    out = [
        front_matter({"title": t("site.catalog_title", lang), "hide": ["toc"], "search": {"exclude": True}, "pc_kind": "catalog"}),
        f"# {t('site.catalog_title', lang)}\n",
        t("site.catalog_intro", lang, count=len(practices)) + "\n",
    ]
    form = [
        f'<form class="pc-filters" id="pc-filters" hidden aria-labelledby="pc-filters-title"'
        f' data-count-one="{escape(t("site.results_count_one", lang))}"'
        f' data-count-many="{escape(t("site.results_count", lang))}"'
        f' data-count-none="{escape(t("site.results_none", lang))}">',
        f'<h2 id="pc-filters-title">{escape(t("site.filters", lang))}</h2>',
    ]
    for field, param, vocabulary in FILTERS:
        vocab = content.vocabularies[vocabulary]
        counts = Counter(v for p in practices for v in _values(p, field))
        form.append(f'<fieldset class="pc-filters__group" data-param="{param}">')
        form.append(f"<legend>{escape(t('site.filter.' + field, lang))}</legend>")
        for term in vocab.ids:
            if not counts[term]:
                continue
            form.append(
                f'<label><input type="checkbox" name="{param}" value="{escape(term)}"> '
                f"{escape(vocab.label(term, lang))} "
                f'<span class="pc-count" data-count-for="{param}:{escape(term)}">({counts[term]})</span></label>'
            )
        form.append("</fieldset>")
    form.append(f'<button type="reset" class="md-button">{escape(t("site.filter_reset", lang))}</button>')
    form.append("</form>")
    out.append("\n".join(form) + "\n")
    out.append(
        f'<p class="pc-results" id="pc-results" role="status" aria-live="polite">'
        f"{escape(t('site.results_count' if len(practices) != 1 else 'site.results_count_one', lang, count=len(practices)))}</p>\n"
    )
    items = ['<ul class="pc-catalog" id="pc-catalog">']
    levels = content.vocabularies["levels"]
    principles = content.vocabularies["principles"]
    for practice in practices:
        data = " ".join(f'data-{param}="{escape(" ".join(_values(practice, field)))}"' for field, param, _ in FILTERS)
        href = settings.urls.link(here, practice_path(practice.id))
        badges = "".join(
            f'<span class="pc-badge pc-badge--principles">{escape(principles.label(p, lang))}</span>' for p in practice.principles
        )
        meta = (
            f"{escape(t('site.meta.effort', lang))} : {escape(levels.label(practice.effort, lang))} · "
            f"{escape(t('site.meta.impact', lang))} : {escape(levels.label(practice.impact, lang))}"
        )
        items.append(
            f'<li class="pc-catalog__item" {data}>'
            f'<h2 class="pc-catalog__title"><a href="{escape(href)}">{escape(practice.title)}</a></h2>'
            f'<p class="pc-catalog__summary">{escape(practice.summary)}</p>'
            f'<p class="pc-catalog__badges">{badges}</p>'
            f'<p class="pc-catalog__meta">{meta}</p></li>'
        )
    items.append("</ul>")
    out.append("\n".join(items) + "\n")
    return "\n".join(out)
