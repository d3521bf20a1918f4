"""The catalog: every card listed in plain HTML, with filters that JavaScript enables.

Without JavaScript the form stays hidden and all cards are listed. With it, the
filters narrow the list, show counts, announce the result count through a live
region and keep the current filter in the URL (shareable).
"""

from __future__ import annotations

from collections import Counter

from .. import theme
from ..content import Content
from ..i18n import t
from .paths import practice_catalog_path, practice_path
from .settings import SiteSettings
from .widgets import render_widget

# Card field -> URL parameter name (French, shareable URLs) and its vocabulary.
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
    here = practice_catalog_path()
    practices = content.sorted_practices()
    groups = []
    for field, param, vocabulary in FILTERS:
        vocab = content.vocabularies[vocabulary]
        counts = Counter(v for p in practices for v in _values(p, field))
        options = [{"id": term, "label": vocab.label(term, lang), "count": counts[term]} for term in vocab.ids if counts[term]]
        groups.append({"param": param, "legend": t("site.filter." + field, lang), "options": options})
    levels = content.vocabularies["levels"]
    principles = content.vocabularies["principles"]
    items = [
        {
            "data": [(param, " ".join(_values(practice, field))) for field, param, _ in FILTERS],
            "href": settings.urls.link(here, practice_path(practice.id)),
            "title": practice.title,
            "summary": practice.summary,
            "badges": [principles.label(p, lang) for p in practice.principles],
            "effort": levels.label(practice.effort, lang),
            "impact": levels.label(practice.impact, lang),
        }
        for practice in practices
    ]
    title = t("site.catalog_title", lang)
    return "\n".join(
        [
            theme.page_header(title, "catalog", toc=False, search=False),
            theme.heading(1, theme.text(title)),
            t("site.catalog_intro", lang, count=len(practices)) + "\n",
            render_widget("catalog", lang, groups=groups, items=items),
        ]
    )
