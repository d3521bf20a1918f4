"""Self-assessment pages built from the cards' questions; scoring happens in the browser.

The page carries its data (questions, cards, principles, scale, weights) as JSON
and a plain HTML questionnaire; docs/assets/javascripts/diagnostic.js computes
the scores, the chart and the plan, and keeps answers in localStorage.
"""

from __future__ import annotations

from typing import Any

from .. import theme
from ..content import Content
from ..i18n import t
from ..model.diagnostic import Variant
from ..model.practice import Practice
from .paths import OBSERVATORY_JSON, diagnostic_path, md_link, practice_path, questionnaire_pdf_path
from .settings import SiteSettings
from .widgets import render_widget

_UI_KEYS = (
    "answered", "not_assessed", "strengths_none", "plan_empty", "plan_item", "import_done", "import_error",
    "col_before", "col_now", "col_change", "col_principle", "reset_confirm", "report_date", "step_of",
    "step_answered",
)


def variant_path(variant: Variant, first: bool) -> str:
    return diagnostic_path(None if first else variant.id)


def _localized(values: dict[str, str], lang: str) -> str:
    return values.get(lang) or values.get("fr") or next(iter(values.values()))


def variant_cards(content: Content, variant: Variant) -> list[Practice]:
    wanted = set(variant.audiences)
    return [p for p in content.sorted_practices() if wanted & set(p.audiences)]


def _payload(content: Content, variant: Variant, cards: list[Practice], here: str, settings: SiteSettings) -> dict[str, Any]:
    """What diagnostic.js scores: principles, scale, weights, cards and their questions."""
    config = content.diagnostic
    assert config is not None
    lang = settings.language
    principles = content.vocabularies["principles"]
    levels = content.vocabularies["levels"]
    return {
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
                "questions": [{"id": f"{card.id}-{n}", "weight": q.weight} for n, q in enumerate(card.self_assessment, 1)],
            }
            for card in cards
        ],
    }


def _questions_by_principle(content: Content, cards: list[Practice], here: str, settings: SiteSettings) -> list[dict[str, Any]]:
    """Each card's questions under its first principle (the others are named beside it)."""
    lang = settings.language
    principles = content.vocabularies["principles"]
    groups = []
    for principle in principles.ids:
        questions = []
        for card in cards:
            if card.principles[0] != principle:
                continue
            url = settings.urls.link(here, practice_path(card.id))
            also = [principles.label(p, lang) for p in card.principles[1:]]
            for number, question in enumerate(card.self_assessment, 1):
                questions.append(
                    {"id": f"{card.id}-{number}", "text": question.question, "card_url": url, "card_title": card.title, "also": also}
                )
        groups.append({"id": principle, "label": principles.label(principle, lang), "questions": questions})
    return groups


def render_variant(content: Content, variant: Variant, first: bool, settings: SiteSettings) -> str:
    config = content.diagnostic
    assert config is not None
    lang = settings.language
    here = variant_path(variant, first)
    cards = variant_cards(content, variant)
    stages = content.vocabularies["stages"]
    title = _localized(variant.title, lang)
    intro = _localized(variant.intro, lang)
    out = [theme.page_header(title, "diagnostic", description=intro, toc=False, search=False), theme.heading(1, theme.text(title)), theme.text(intro) + "\n"]
    for other in config.variants:
        if other.id != variant.id:
            link = md_link(here, variant_path(other, other.id == config.variants[0].id))
            label = t("diagnostic.other_variant", lang, title=_localized(other.title, lang))
            out.append(theme.paragraph(theme.link(theme.text(label), link), "pc-diag__other"))
    out.append(_paper_link(variant, here, settings))
    out.append(
        render_widget(
            "diagnostic",
            lang,
            variant_id=variant.id,
            ui={key: t(f"diagnostic.{key}", lang) for key in _UI_KEYS},
            payload=_payload(content, variant, cards, here, settings),
            stages=[{"id": s, "label": stages.label(s, lang)} for s in stages.ids],
            principles=_questions_by_principle(content, cards, here, settings),
            scale=[{"id": step.id, "label": _localized(step.label, lang)} for step in config.scale],
            observatory_url=settings.urls.link(here, OBSERVATORY_JSON),  # observatory.js: compare with the network
        )
    )
    return "\n".join(out)


def _paper_link(variant: Variant, here: str, settings: SiteSettings) -> str:
    """The variant's paper questionnaire (workshop kit), when it has one."""
    from ..kit.questionnaire import PRINTED_VARIANTS  # the kit imports this module

    if not settings.kits or variant.id not in PRINTED_VARIANTS:
        return ""
    link = theme.link(t("diagnostic.paper_link", settings.language), md_link(here, questionnaire_pdf_path(variant.id)))
    return theme.paragraph(link + " (PDF)", "pc-diag__other")


def diagnostic_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    if content.diagnostic is None:
        return {}
    return {
        variant_path(variant, index == 0): render_variant(content, variant, index == 0, settings)
        for index, variant in enumerate(content.diagnostic.variants)
    }
