"""The diagnostic as a paper questionnaire, for a workshop without screens.

Its questions are the web page's, taken from the same function, in the same
order and numbered; each shows its id, so the answers can be typed into the page
afterwards, question by question.
"""

from __future__ import annotations

from typing import Any

from ..content import Content
from ..model.diagnostic import Variant
from ..render.diagnostic import _localized, _questions_by_principle, variant_cards, variant_path
from ..render.settings import SiteSettings

# The variant printed for workshops with local authorities.
PRINTED_VARIANTS = ("collectivites",)


def printed_variants(content: Content) -> list[tuple[Variant, bool]]:
    """(variant, is the first variant) for each variant that gets a paper questionnaire."""
    if content.diagnostic is None:
        return []
    variants = content.diagnostic.variants
    return [(v, index == 0) for index, v in enumerate(variants) if v.id in PRINTED_VARIANTS]


def questionnaire_data(content: Content, variant: Variant, first: bool, settings: SiteSettings) -> dict[str, Any]:
    config = content.diagnostic
    assert config is not None
    lang = settings.language
    here = variant_path(variant, first)
    groups = _questions_by_principle(content, variant_cards(content, variant), here, settings)
    number = 0
    for group in groups:
        for question in group["questions"]:
            number += 1
            question["number"] = number
    stages = content.vocabularies["stages"]
    return {
        "doc_title": _localized(variant.title, lang),
        "page_url": settings.absolute(here) or here,
        "groups": groups,
        "total": number,
        "scale": [_localized(step.label, lang) for step in config.scale],
        "stages": [stages.label(s, lang) for s in stages.ids],
    }
