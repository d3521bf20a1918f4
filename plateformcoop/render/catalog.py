"""The catalog: every card listed in plain HTML, results first, with filters that JavaScript enables.

The filters sit in a disclosure above the list (closed: the first card is on the
first phone screen). Without JavaScript the disclosure says the filters need it
and all cards are listed. With it, the filters narrow the list, show counts and
the active filters as removable chips, announce the result count through a live
region, sort the list and keep all this in the URL (shareable).
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


# Sort orders of the card catalog: (id, order). Each card carries its key for each
# as data-sort-<id>; ties keep the title order ("az", the order of the page).
SORTS: tuple[tuple[str, str], ...] = (("az", "asc"), ("impact", "desc"), ("effort", "asc"), ("reviewed", "desc"))


def sort_options(sorts: tuple[tuple[str, str], ...], lang: str, prefix: str) -> list[dict[str, str]]:
    return [{"id": key, "order": order, "label": t(f"{prefix}.sort.{key}", lang)} for key, order in sorts]


def day_number(date: object) -> str:
    """A date as a sortable number (20261203)."""
    return date.strftime("%Y%m%d")  # type: ignore[attr-defined]


def _values(practice: object, field: str) -> list[str]:
    value = getattr(practice, field)
    return list(value) if isinstance(value, (list, tuple)) else [value]


def result_counts(lang: str, prefix: str) -> dict[str, str]:
    """What the live region says for one, several and no results ({count} is filled by the page)."""
    return {
        "one": t(f"{prefix}.results_count_one", lang),
        "many": t(f"{prefix}.results_count", lang),
        "none": t(f"{prefix}.results_none", lang),
    }


def filter_list(lang: str, prefix: str, groups: list, items: list, sorts: tuple[tuple[str, str], ...]) -> str:
    """The filterable list widget (card catalog, directory); its UI strings are the
    ``<prefix>.*`` keys (results counts, filters heading, sort labels)."""
    return render_widget(
        "catalog",
        lang,
        groups=groups,
        items=items,
        counts=result_counts(lang, prefix),
        heading=t(f"{prefix}.filters", lang),
        sorts=sort_options(sorts, lang, prefix),
        prefix=prefix,
    )


def filter_groups(
    items: list[object], filters: tuple[tuple[str, str, str], ...], vocabularies: dict, lang: str, legend_prefix: str
) -> list[dict[str, object]]:
    """One fieldset per filter, an option per term used by at least one item, with its count."""
    groups = []
    for field, param, vocabulary in filters:
        vocab = vocabularies[vocabulary]
        counts = Counter(v for item in items for v in _values(item, field))
        options = [{"id": term, "label": vocab.label(term, lang), "count": counts[term]} for term in vocab.ids if counts[term]]
        groups.append({"param": param, "legend": t(f"{legend_prefix}.{field}", lang), "options": options})
    return groups


def render_catalog(content: Content, settings: SiteSettings) -> str:
    lang = settings.language
    here = practice_catalog_path()
    practices = content.sorted_practices()
    groups = filter_groups(practices, FILTERS, content.vocabularies, lang, "site.filter")
    levels = content.vocabularies["levels"]
    principles = content.vocabularies["principles"]
    effort, impact = t("site.meta.effort", lang), t("site.meta.impact", lang)
    rank = {level: index for index, level in enumerate(levels.ids)}
    items = [
        {
            "data": [(param, " ".join(_values(practice, field))) for field, param, _ in FILTERS],
            "sort": [
                ("az", str(index)),
                ("impact", str(rank[practice.impact])),
                ("effort", str(rank[practice.effort])),
                ("reviewed", day_number(practice.reviewed or practice.updated)),
            ],
            "href": settings.urls.link(here, practice_path(practice.id)),
            "title": practice.title,
            "summary": practice.summary,
            "badges": [principles.label(p, lang) for p in practice.principles],
            "meta": f"{effort} : {levels.label(practice.effort, lang)} · {impact} : {levels.label(practice.impact, lang)}",
        }
        for index, practice in enumerate(practices)
    ]
    title = t("site.catalog_title", lang)
    return "\n".join(
        [
            theme.page_header(title, "catalog", toc=False, search=False),
            theme.heading(1, theme.text(title)),
            t("site.catalog_intro", lang, count=len(practices)) + "\n",
            filter_list(lang, "site", groups, items, SORTS),
        ]
    )
