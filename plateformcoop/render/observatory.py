"""The observatory's pages and open data, from the diagnostics platforms published.

Figures come from :func:`plateformcoop.observatory.network_figures`, which never
yields a value about fewer than THRESHOLD platforms; the pages, the JSON file
and the comparison in the diagnostic page (observatory.js) all read them.
"""

from __future__ import annotations

import json
from typing import Any

import markupsafe

from .. import theme
from ..content import Content
from ..i18n import t
from ..model.platform import Platform
from ..observatory import THRESHOLD, network_figures, percent, score_answers, variant_cards
from .charts import Box, box_chart, grouped_chart, stacked_chart
from .markdown import bullet_list
from .paths import OBSERVATORY_JSON, diagnostic_path, md_link, observatory_path, platform_path, practice_path
from .settings import SiteSettings
from .widgets import render_widget

EXPORT_VERSION = 1
# The fields of donnees/observatoire.json, documented on the observatory's page (locale keys observatory.json.field.*).
JSON_FIELDS = ("threshold", "variants", "latest", "principles", "cards", "least_adopted", "years", "hidden")


def _localized(values: dict[str, str], lang: str) -> str:
    return values.get(lang) or values.get("fr") or next(iter(values.values()))


def _variant_title(content: Content, variant_id: str, lang: str) -> str:
    assert content.diagnostic is not None
    variant = next(v for v in content.diagnostic.variants if v.id == variant_id)
    return _localized(variant.title, lang)


def _figures(content: Content) -> list[dict[str, Any]]:
    if content.diagnostic is None:
        return []
    return network_figures(content.observatory, content.diagnostic, content.sorted_practices(), content.vocabularies["principles"].ids)


def _pct(value: float) -> str:
    return f"{percent(value)} %"


def _figure(ident: str, caption: str, svg: str, columns: list[str], rows: list[dict[str, Any]], lang: str) -> str:
    return render_widget("observatory-figure", lang, ident=ident, caption=caption, svg=markupsafe.Markup(svg), columns=columns, rows=rows)


def _principles_figure(content: Content, figure: dict[str, Any], ident: str, lang: str) -> str:
    principles = content.vocabularies["principles"]
    hidden = t("observatory.hidden", lang, threshold=THRESHOLD)
    chart_rows, rows = [], []
    for pid in principles.ids:
        value = figure["principles"][pid]
        label = principles.label(pid, lang)
        if value["shown"]:
            chart_rows.append((label, Box(value["q1"], value["median"], value["q3"])))
            rows.append({"id": pid, "label": label, "cells": [value["count"], _pct(value["q1"]), _pct(value["median"]), _pct(value["q3"])]})
        else:
            chart_rows.append((label, None))
            rows.append({"id": pid, "label": label, "hidden": hidden})
    caption = t("observatory.principles.caption", lang)
    svg = box_chart(ident + "-chart", caption, t("observatory.principles.desc", lang), chart_rows, hidden)
    columns = [t(f"observatory.col.{key}", lang) for key in ("principle", "platforms", "q1", "median", "q3")]
    return _figure(ident, caption, svg, columns, rows, lang)


def _least_adopted(content: Content, entry: dict[str, Any], here: str, lang: str) -> str:
    items = []
    for cid in entry["least_adopted"]:
        value = entry["latest"]["cards"][cid]
        link = theme.link(theme.text(content.practices[cid].title), md_link(here, practice_path(cid)))
        detail = t("observatory.least.item", lang, in_place=percent(value["in_place"]), count=value["count"], not_started=percent(value["not_started"]))
        items.append(f"{link} — {detail}")
    return bullet_list(items, ordered=True) if items else t("observatory.least.none", lang, threshold=THRESHOLD) + "\n"


def _publish_steps(content: Content, here: str, lang: str) -> str:
    # Without data/diagnostic.yml there is no diagnostic page to link to.
    diagnostic = theme.link(t("diagnostic.nav_title", lang), md_link(here, diagnostic_path())) if content.diagnostic else t("diagnostic.nav_title", lang)
    guide = theme.link(t("observatory.publish.guide", lang), md_link(here, "contribuer/index.md"))
    steps = [
        t("observatory.publish.step1", lang, link=diagnostic),
        t("observatory.publish.step2", lang),
        t("observatory.publish.step3", lang),
        t("observatory.publish.step4", lang),
        t("observatory.publish.step5", lang, guide=guide),
        t("observatory.publish.step6", lang),
    ]
    return bullet_list(steps, ordered=True) + "\n" + t("observatory.publish.show", lang, threshold=THRESHOLD) + "\n"


def _years_text(entry: dict[str, Any]) -> str:
    return ", ".join(str(year) for year in sorted({y["year"] for y in entry["years"]}))


def render_index(content: Content, figures: list[dict[str, Any]], settings: SiteSettings) -> str:
    lang = settings.language
    here = observatory_path()
    title = t("observatory.title", lang)
    out = [
        theme.page_header(title, "observatory", description=t("observatory.description", lang), search=False),
        theme.heading(1, theme.text(title)),
        t("observatory.intro", lang) + "\n",
        theme.paragraph(t("observatory.privacy", lang, threshold=THRESHOLD), "pc-note"),
    ]
    if not figures:
        out.append(theme.paragraph(t("observatory.empty", lang), "pc-obs__empty"))
        out.append(theme.heading(2, t("observatory.publish.title", lang)) + "\n" + _publish_steps(content, here, lang))
    for entry in figures:
        variant = entry["variant"]
        out.append(theme.heading(2, theme.text(_variant_title(content, variant, lang)), anchor=f"variante-{variant}"))
        latest = entry["latest"]
        if not latest["shown"]:
            out.append(t("observatory.too_few", lang, threshold=THRESHOLD) + "\n")
            continue
        out.append(t("observatory.count", lang, count=latest["platforms"], years=_years_text(entry)) + "\n")
        out.append(theme.heading(3, t("observatory.principles.heading", lang), anchor=f"principes-{variant}"))
        out.append(_principles_figure(content, latest, f"pc-obs-{variant}-principles", lang))
        out.append(theme.heading(3, t("observatory.least.heading", lang), anchor=f"moins-adoptees-{variant}"))
        out.append(t("observatory.least.intro", lang) + "\n\n" + _least_adopted(content, entry, here, lang))
    out.append(theme.heading(2, t("observatory.method.heading", lang)) + "\n" + t("observatory.method.text", lang) + "\n")
    links = [
        theme.link(t("observatory.links.cards", lang), md_link(here, observatory_path("pratiques"))),
        theme.link(t("observatory.links.evolution", lang), md_link(here, observatory_path("evolution"))),
        theme.link(t("observatory.links.publish", lang), md_link(here, observatory_path("publier"))),
    ]
    if content.diagnostic is not None:
        links.append(theme.link(t("observatory.links.compare", lang), md_link(here, diagnostic_path())))
    out.append(theme.heading(2, t("observatory.links.heading", lang)) + "\n" + bullet_list(links))
    data_link = theme.link("`observatoire.json`", md_link(here, OBSERVATORY_JSON))
    out.append(
        theme.heading(2, t("observatory.json.heading", lang), anchor="donnees")
        + "\n"
        + t("observatory.json.intro", lang, link=data_link)
        + "\n\n"
        + bullet_list([t(f"observatory.json.field.{name}", lang) for name in JSON_FIELDS])
        + "\n"
        + t("observatory.data_license", lang)
        + "\n"
    )
    return "\n".join(out)


def render_cards(content: Content, figures: list[dict[str, Any]], settings: SiteSettings) -> str:
    lang = settings.language
    here = observatory_path("pratiques")
    title = t("observatory.cards.title", lang)
    out = [theme.page_header(title, "observatory-cards", search=False), theme.heading(1, theme.text(title)), t("observatory.cards.intro", lang) + "\n"]
    out.append(theme.paragraph(t("observatory.privacy", lang, threshold=THRESHOLD), "pc-note"))
    if not figures:
        out.append(theme.paragraph(theme.link(t("observatory.empty", lang), md_link(here, observatory_path("publier"))), "pc-obs__empty"))
    hidden = t("observatory.hidden", lang, threshold=THRESHOLD)
    assert content.diagnostic is not None or not figures
    for entry in figures:
        variant = entry["variant"]
        out.append(theme.heading(2, theme.text(_variant_title(content, variant, lang)), anchor=f"variante-{variant}"))
        if not entry["latest"]["shown"]:
            out.append(t("observatory.too_few", lang, threshold=THRESHOLD) + "\n")
            continue
        chart_rows, rows = [], []
        for cid, value in entry["latest"]["cards"].items():
            card = content.practices[cid]
            href = settings.urls.link(here, practice_path(cid))
            if value["shown"]:
                shares = (value["in_place"], value["in_progress"], value["not_started"])
                chart_rows.append((card.title, shares))
                cells = [value["count"], *(_pct(share) for share in shares), _pct(value["adoption"])]
                rows.append({"id": cid, "label": card.title, "href": href, "cells": cells})
            else:
                chart_rows.append((card.title, None))
                rows.append({"id": cid, "label": card.title, "href": href, "hidden": hidden})
        caption = t("observatory.cards.caption", lang)
        legend = (t("observatory.col.in_place", lang), t("observatory.col.in_progress", lang), t("observatory.col.not_started", lang))
        svg = stacked_chart(f"pc-obs-{variant}-cards-chart", caption, t("observatory.cards.desc", lang), chart_rows, legend, hidden)
        columns = [t(f"observatory.col.{key}", lang) for key in ("card", "platforms", "in_place", "in_progress", "not_started", "adoption")]
        out.append(_figure(f"pc-obs-{variant}-cards", caption, svg, columns, rows, lang))
    out.append(theme.link(t("observatory.title", lang), md_link(here, observatory_path())) + "\n")
    return "\n".join(out)


def render_evolution(content: Content, figures: list[dict[str, Any]], settings: SiteSettings) -> str:
    lang = settings.language
    here = observatory_path("evolution")
    title = t("observatory.evolution.title", lang)
    principles = content.vocabularies["principles"]
    hidden = t("observatory.hidden", lang, threshold=THRESHOLD)
    out = [theme.page_header(title, "observatory-evolution", search=False), theme.heading(1, theme.text(title)), t("observatory.evolution.intro", lang) + "\n"]
    out.append(theme.paragraph(t("observatory.privacy", lang, threshold=THRESHOLD), "pc-note"))
    if not figures:
        out.append(theme.paragraph(theme.link(t("observatory.empty", lang), md_link(here, observatory_path("publier"))), "pc-obs__empty"))
    for entry in figures:
        variant = entry["variant"]
        out.append(theme.heading(2, theme.text(_variant_title(content, variant, lang)), anchor=f"variante-{variant}"))
        years = entry["years"]
        counts = [
            t("observatory.evolution.year_item", lang, year=y["year"], count=y["platforms"]) if y["shown"]
            else t("observatory.evolution.year_hidden", lang, year=y["year"], threshold=THRESHOLD)
            for y in years
        ]
        out.append(theme.heading(3, t("observatory.evolution.years", lang), anchor=f"annees-{variant}") + "\n" + bullet_list(counts))
        shown_years = [y for y in years if y["shown"]]
        if len(shown_years) < 2:
            out.append(t("observatory.evolution.one_year", lang, threshold=THRESHOLD) + "\n")
        if not shown_years:
            continue
        groups, rows = [], []
        for pid in principles.ids:
            label = principles.label(pid, lang)
            bars = []
            for year in shown_years:
                value = year["principles"][pid]
                bars.append((str(year["year"]), value["median"] if value["shown"] else None))
                row_label = f"{label} — {year['year']}"
                if value["shown"]:
                    rows.append({"id": f"{pid}-{year['year']}", "label": row_label, "cells": [value["count"], _pct(value["q1"]), _pct(value["median"]), _pct(value["q3"])]})
                else:
                    rows.append({"id": f"{pid}-{year['year']}", "label": row_label, "hidden": hidden})
            groups.append((label, bars))
        caption = t("observatory.evolution.caption", lang)
        svg = grouped_chart(f"pc-obs-{variant}-years-chart", caption, t("observatory.evolution.desc", lang), groups, hidden)
        columns = [t(f"observatory.col.{key}", lang) for key in ("principle", "platforms", "q1", "median", "q3")]
        out.append(_figure(f"pc-obs-{variant}-years", caption, svg, columns, rows, lang))
    out.append(theme.link(t("observatory.title", lang), md_link(here, observatory_path())) + "\n")
    return "\n".join(out)


def render_publish(content: Content, settings: SiteSettings) -> str:
    lang = settings.language
    here = observatory_path("publier")
    title = t("observatory.publish.title", lang)
    return "\n".join(
        [
            theme.page_header(title, "observatory-publish"),
            theme.heading(1, theme.text(title)),
            t("observatory.publish.intro", lang) + "\n",
            _publish_steps(content, here, lang),
            theme.paragraph(t("observatory.privacy", lang, threshold=THRESHOLD), "pc-note"),
            theme.link(t("observatory.title", lang), md_link(here, observatory_path())) + "\n",
        ]
    )


def _json_figure(figure: dict[str, Any], content: Content, settings: SiteSettings, lang: str) -> dict[str, Any]:
    principles = content.vocabularies["principles"]
    cards = []
    for cid, value in figure["cards"].items():
        card = content.practices[cid]
        url = settings.absolute(practice_path(cid)) or settings.urls.link(OBSERVATORY_JSON, practice_path(cid))
        cards.append({"id": cid, "title": card.title, "url": url, **value})
    return {
        "shown": figure["shown"],
        "platforms": figure["platforms"],
        "principles": [{"id": pid, "label": principles.label(pid, lang), **figure["principles"][pid]} for pid in principles.ids],
        "cards": cards,
    }


def render_json(content: Content, figures: list[dict[str, Any]], settings: SiteSettings) -> str:
    lang = settings.language
    payload = {
        "format": "plateformcoop-observatory",
        "version": EXPORT_VERSION,
        "language": lang,
        "license": t("observatory.data_license", lang),
        "threshold": THRESHOLD,
        "variants": [
            {
                "id": entry["variant"],
                "title": _variant_title(content, entry["variant"], lang),
                "latest": _json_figure(entry["latest"], content, settings, lang),
                "least_adopted": entry["least_adopted"],
                "years": [{"year": year["year"], **_json_figure(year, content, settings, lang)} for year in entry["years"]],
            }
            for entry in figures
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def render_platform_results(content: Content, platform: Platform, settings: SiteSettings) -> str:
    """The section of a platform's directory page with its own results: only if its entry asks for it."""
    diagnostics = content.observatory.of_platform(platform.id)
    if not platform.show_diagnostic or not diagnostics or content.diagnostic is None:
        return ""
    lang = platform.lang
    here = platform_path(platform.id)
    config = content.diagnostic
    principles = content.vocabularies["principles"]
    scale = {step.id: step.score for step in config.scale}
    link = theme.link(t("observatory.platform.link", lang), md_link(here, observatory_path()))
    out = [theme.heading(2, t("observatory.platform.heading", lang), anchor="diagnostics") + "\n" + t("observatory.platform.intro", lang, link=link) + "\n"]
    not_assessed = t("observatory.not_assessed", lang)
    for variant in config.variants:
        mine = [d for d in diagnostics if d.variant == variant.id]
        if not mine:
            continue
        cards = variant_cards(content.sorted_practices(), variant)
        scores = [(d.year, score_answers(cards, scale, principles.ids, d.answers)) for d in mine]
        if len({d.variant for d in diagnostics}) > 1:
            out.append(theme.heading(3, theme.text(_localized(variant.title, lang))))
        groups, rows = [], []
        for pid in principles.ids:
            label = principles.label(pid, lang)
            groups.append((label, [(str(year), s.principles[pid]) for year, s in scores]))
            rows.append({"id": pid, "label": label, "cells": [_pct(s.principles[pid]) if s.principles[pid] is not None else not_assessed for _, s in scores]})
        caption = t("observatory.platform.caption", lang, name=platform.name)
        svg = grouped_chart(f"pc-obs-{variant.id}-own-chart", caption, t("observatory.platform.desc", lang), groups, not_assessed)
        columns = [t("observatory.col.principle", lang), *(str(year) for year, _ in scores)]
        out.append(_figure(f"pc-obs-{variant.id}-own", caption, svg, columns, rows, lang))
    return "\n".join(out)


def observatory_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    figures = _figures(content)
    return {
        observatory_path(): render_index(content, figures, settings),
        observatory_path("pratiques"): render_cards(content, figures, settings),
        observatory_path("evolution"): render_evolution(content, figures, settings),
        observatory_path("publier"): render_publish(content, settings),
        OBSERVATORY_JSON: render_json(content, figures, settings),
    }
