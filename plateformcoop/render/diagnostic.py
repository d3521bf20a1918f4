"""Self-assessment pages built from the cards' questions; scoring happens in the browser.

The page carries its data (questions, cards, principles, scale, weights) as JSON
and a plain HTML questionnaire; docs/assets/javascripts/diagnostic.js computes
the scores, the chart and the plan, and keeps answers in localStorage.
"""

from __future__ import annotations

import json

from ..content import Content
from ..i18n import t
from ..model.diagnostic import Variant
from ..model.practice import Practice
from .markdown import escape, front_matter
from .paths import practice_path
from .settings import SiteSettings

DIAGNOSTIC = "diagnostic"


def variant_path(variant: Variant, first: bool) -> str:
    return f"{DIAGNOSTIC}/index.md" if first else f"{DIAGNOSTIC}/{variant.id}.md"


def _localized(values: dict[str, str], lang: str) -> str:
    return values.get(lang) or values.get("fr") or next(iter(values.values()))


def variant_cards(content: Content, variant: Variant) -> list[Practice]:
    wanted = set(variant.audiences)
    return [p for p in content.sorted_practices() if wanted & set(p.audiences)]


def _payload(content: Content, variant: Variant, cards: list[Practice], here: str, settings: SiteSettings) -> str:
    config = content.diagnostic
    assert config is not None
    lang = settings.language
    principles = content.vocabularies["principles"]
    levels = content.vocabularies["levels"]
    data = {
        "variant": variant.id,
        "principles": [{"id": p, "label": principles.label(p, lang)} for p in principles.ids],
        "scale": [{"id": s.id, "label": _localized(s.label, lang), "score": s.score} for s in config.scale],
        "levels": {level: {"value": value, "label": levels.label(level, lang)} for level, value in config.level_values.items()},
        "stageBonus": config.stage_bonus,
        "threshold": config.strength_threshold,
        "cards": [
            {
                "id": card.id,
                "title": card.title,
                "url": settings.urls.link(here, practice_path(card.id)),
                "effort": card.effort,
                "impact": card.impact,
                "stages": list(card.stages),
                "principles": list(card.principles),
                "questions": [
                    {"id": f"{card.id}-{n}", "weight": q.weight} for n, q in enumerate(card.self_assessment, 1)
                ],
            }
            for card in cards
        ],
    }
    # Escape "<" so contributed text can never close the script element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def render_variant(content: Content, variant: Variant, first: bool, settings: SiteSettings) -> str:
    config = content.diagnostic
    assert config is not None
    lang = settings.language
    here = variant_path(variant, first)
    cards = variant_cards(content, variant)
    principles = content.vocabularies["principles"]
    stages = content.vocabularies["stages"]
    title = _localized(variant.title, lang)
    ui = {key: t(f"diagnostic.{key}", lang) for key in (
        "answered", "not_assessed", "strengths_none", "plan_empty", "plan_item", "import_done", "import_error",
        "col_before", "col_now", "col_change", "col_principle", "reset_confirm", "report_date",
    )}
    out = [
        front_matter({"title": title, "description": _localized(variant.intro, lang), "pc_kind": "diagnostic", "hide": ["toc"], "search": {"exclude": True}}),
        f"# {title}\n",
        _localized(variant.intro, lang) + "\n",
    ]
    others = [v for v in config.variants if v.id != variant.id]
    for other in others:
        link = settings.urls.link(here, variant_path(other, other.id == config.variants[0].id))
        out.append(f'<p class="pc-diag__other"><a href="{escape(link)}">{escape(t("diagnostic.other_variant", lang, title=_localized(other.title, lang)))}</a></p>\n')
    html = [
        f'<div class="pc-diag" data-variant="{escape(variant.id)}" data-ui=\'{escape(json.dumps(ui, ensure_ascii=False))}\'>',
        f'<script type="application/json" class="pc-diag__data">{_payload(content, variant, cards, here, settings)}</script>',
        f'<p class="pc-diag__report-head" hidden><strong>{escape(t("diagnostic.report_for", lang))} : <span class="pc-diag__report-name"></span></strong> — <span class="pc-diag__report-date"></span></p>',
        f'<section class="pc-diag__identity" aria-labelledby="pc-diag-identity">',
        f'<h2 id="pc-diag-identity">{escape(t("diagnostic.identity", lang))}</h2>',
        f'<p><label for="pc-diag-name">{escape(t("diagnostic.name_label", lang))}</label><br>'
        f'<input type="text" id="pc-diag-name" class="pc-diag__name" autocomplete="organization"></p>',
        f'<p><label for="pc-diag-stage">{escape(t("diagnostic.stage_label", lang))}</label><br>'
        f'<select id="pc-diag-stage" class="pc-diag__stage"><option value="">{escape(t("diagnostic.stage_none", lang))}</option>'
        + "".join(f'<option value="{escape(s)}">{escape(stages.label(s, lang))}</option>' for s in stages.ids)
        + "</select></p>",
        f'<p class="pc-note">{escape(t("diagnostic.privacy", lang))}</p>',
        "</section>",
        f'<section class="pc-diag__questions" aria-labelledby="pc-diag-questions">',
        f'<h2 id="pc-diag-questions">{escape(t("diagnostic.questions", lang))}</h2>',
        f"<p>{escape(t('diagnostic.questions_intro', lang))}</p>",
    ]
    # The answer scale is the same for every question: escaped once, only the question's name changes.
    scale = [(escape(step.id), escape(_localized(step.label, lang))) for step in config.scale]
    for principle in principles.ids:
        html.append(f'<h3 id="principe-{escape(principle)}">{escape(principles.label(principle, lang))}</h3>')
        shown = [card for card in cards if card.principles[0] == principle]
        if not shown:
            html.append(f'<p>{escape(t("diagnostic.no_questions", lang))}</p>')
        for card in shown:
            url = settings.urls.link(here, practice_path(card.id))
            extra = [principles.label(p, lang) for p in card.principles[1:]]
            for number, question in enumerate(card.self_assessment, 1):
                qid = f"{card.id}-{number}"
                name = escape(qid)
                options = "".join(
                    f'<label class="pc-diag__option"><input type="radio" name="q-{name}" value="{value}"> {label}</label>'
                    for value, label in scale
                )
                note = f' <span class="pc-diag__also">{escape(t("diagnostic.also_counts", lang, principles=", ".join(extra)))}</span>' if extra else ""
                html.append(
                    f'<fieldset class="pc-diag__question" data-question="{escape(qid)}">'
                    f"<legend>{escape(question.question)}</legend>"
                    f'<div class="pc-diag__options">{options}</div>'
                    f'<p class="pc-diag__card"><a href="{escape(url)}">{escape(t("diagnostic.card_link", lang, title=card.title))}</a>{note}</p>'
                    "</fieldset>"
                )
    html += [
        "</section>",
        f'<section class="pc-diag__results" aria-labelledby="pc-diag-results">',
        f'<h2 id="pc-diag-results">{escape(t("diagnostic.results", lang))}</h2>',
        f'<p class="pc-diag__answered" role="status" aria-live="polite"></p>',
        f'<figure class="pc-diag__figure"><svg class="pc-diag__chart" role="img" aria-labelledby="pc-diag-chart-title pc-diag-chart-desc" viewBox="0 0 400 244" width="100%">'
        f'<title id="pc-diag-chart-title">{escape(t("diagnostic.chart_title", lang))}</title>'
        f'<desc id="pc-diag-chart-desc">{escape(t("diagnostic.chart_desc", lang))}</desc></svg></figure>',
        f'<table class="pc-diag__table"><caption>{escape(t("diagnostic.chart_title", lang))}</caption><thead><tr>'
        f'<th scope="col">{escape(t("diagnostic.col_principle", lang))}</th><th scope="col">{escape(t("diagnostic.col_score", lang))}</th>'
        f'<th scope="col">{escape(t("diagnostic.col_answered", lang))}</th></tr></thead><tbody></tbody></table>',
        f'<h3>{escape(t("diagnostic.strengths", lang))}</h3><ul class="pc-diag__strengths"></ul>',
        f'<h3>{escape(t("diagnostic.plan", lang))}</h3><p>{escape(t("diagnostic.plan_intro", lang))}</p><ol class="pc-diag__plan"></ol>',
        "</section>",
        f'<section class="pc-diag__tools" aria-labelledby="pc-diag-tools">',
        f'<h2 id="pc-diag-tools">{escape(t("diagnostic.save", lang))}</h2>',
        f'<p><button type="button" class="md-button pc-diag__export">{escape(t("diagnostic.export", lang))}</button> '
        f'<button type="button" class="md-button pc-diag__print">{escape(t("diagnostic.print", lang))}</button> '
        f'<button type="button" class="md-button pc-diag__reset">{escape(t("diagnostic.reset", lang))}</button></p>',
        f'<p><label for="pc-diag-import">{escape(t("diagnostic.import", lang))}</label><br><input type="file" id="pc-diag-import" class="pc-diag__import" accept="application/json,.json"></p>',
        f'<p><label for="pc-diag-compare">{escape(t("diagnostic.compare", lang))}</label><br><input type="file" id="pc-diag-compare" class="pc-diag__compare-file" accept="application/json,.json"></p>',
        '<p class="pc-diag__message" role="status" aria-live="polite"></p>',
        f'<div class="pc-diag__compare" hidden><h3>{escape(t("diagnostic.compare_title", lang))}</h3>'
        f'<table class="pc-diag__compare-table"><thead></thead><tbody></tbody></table></div>',
        "</section>",
        f'<noscript><p>{escape(t("diagnostic.noscript", lang))}</p></noscript>',
        "</div>",
    ]
    out.append("\n".join(html) + "\n")
    return "\n".join(out)


def diagnostic_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    if content.diagnostic is None:
        return {}
    pages = {}
    for index, variant in enumerate(content.diagnostic.variants):
        pages[variant_path(variant, index == 0)] = render_variant(content, variant, index == 0, settings)
    return pages
