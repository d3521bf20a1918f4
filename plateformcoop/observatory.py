"""The observatory: diagnostics published by platforms, validated, scored and aggregated.

A platform publishes a diagnostic by committing the file the diagnostic page
exports as ``platforms/<id>/diagnostic-<year>.json``. It is validated like any
content (problems located at ``path:line:col``); answers to questions that no
longer exist are notices and are ignored, questions added since count as
unanswered. Scores follow the rules of docs/assets/javascripts/diagnostic.js
(:func:`score_answers`), and aggregates never show a figure about fewer than
:data:`THRESHOLD` platforms.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .i18n import t
from .layout import Layout
from .model.diagnostic import DiagnosticConfig, Variant
from .model.fields import suggestion
from .model.practice import Practice
from .model.published import PublishedDiagnostic
from .problems import Problem
from .validation import validate
from .vocabularies import Vocabulary
from .yamlsource import YamlDocument, load_yaml, read_text

# A figure about fewer platforms than this is never shown (page or open data).
THRESHOLD = 3
# How many cards the "least adopted practices" list names.
LEAST_ADOPTED = 5
FILE_NAME = re.compile(r"^diagnostic-(\d{4})\.json$")


@dataclass(frozen=True)
class Published:
    """One valid published diagnostic, its answers restricted to questions that exist."""

    platform: str
    year: int
    date: dt.date
    variant: str
    answers: dict[str, str]
    source: str


@dataclass
class Observatory:
    published: list[Published] = field(default_factory=list)

    def of_platform(self, platform_id: str) -> list[Published]:
        """A platform's diagnostics, oldest first."""
        return sorted((p for p in self.published if p.platform == platform_id), key=lambda p: (p.year, p.variant))

    def variants(self) -> set[str]:
        return {p.variant for p in self.published}


# --- Scoring: the same rules as diagnostic.js's compute() ----------------------------


def question_ids(card: Practice) -> list[str]:
    return [f"{card.id}-{n}" for n in range(1, len(card.self_assessment) + 1)]


def variant_cards(practices: list[Practice], variant: Variant) -> list[Practice]:
    """The cards a variant asks about (as on its page): those for one of its audiences."""
    wanted = set(variant.audiences)
    return [p for p in practices if wanted & set(p.audiences)]


@dataclass(frozen=True)
class Scores:
    principles: dict[str, float | None]  # weighted mean of scored answers; None: not assessed
    counts: dict[str, int]  # scored answers that count for each principle
    cards: dict[str, float | None]  # each card's weighted mean (None: no scored answer)
    answered: int
    total: int


def score_answers(cards: list[Practice], scale: dict[str, float | None], principle_ids: list[str], answers: dict[str, str]) -> Scores:
    """Scores per principle and per card, as diagnostic.js computes them in the browser.

    A question counts with its weight for every principle of its card; an answer
    without score ("non applicable") counts as answered but weighs nothing;
    unknown answers are ignored.
    """
    sums = {p: [0.0, 0.0, 0] for p in principle_ids}
    card_scores: dict[str, float | None] = {}
    answered = total = 0
    for card in cards:
        weighted = weights = 0.0
        for number, question in enumerate(card.self_assessment, 1):
            total += 1
            step = answers.get(f"{card.id}-{number}")
            if step is None or step not in scale:
                continue
            answered += 1
            score = scale[step]
            if score is None:
                continue
            weighted += question.weight * score
            weights += question.weight
            for principle in card.principles:
                if principle in sums:
                    sums[principle][0] += question.weight * score
                    sums[principle][1] += question.weight
                    sums[principle][2] += 1
        card_scores[card.id] = weighted / weights if weights else None
    return Scores(
        principles={p: (s[0] / s[1] if s[1] else None) for p, s in sums.items()},
        counts={p: int(s[2]) for p, s in sums.items()},
        cards=card_scores,
        answered=answered,
        total=total,
    )


def percent(value: float) -> int:
    """Rounded like JavaScript's Math.round (half up), as the diagnostic page shows it."""
    return math.floor(value * 100 + 0.5)


# --- Loading ---------------------------------------------------------------------------


def diagnostic_files(layout: Layout) -> list[Path]:
    """Every file inside a platform's folder (platforms/<id>/...), hidden ones aside."""
    if not layout.platforms.is_dir():
        return []
    found = []
    for folder in sorted(layout.platforms.iterdir()):
        if folder.is_dir() and not folder.name.startswith("."):
            found += sorted(p for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    return found


def _read_json(path: Path, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """A JSON document with the position of every value (a JSON document is YAML)."""
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        line, col = error.lineno, error.colno
        if error.msg.startswith(("Expecting ',' delimiter", "Expecting ':' delimiter")):
            # The separator is missing after the previous value: point there, not at the next line.
            end = len(text[: error.pos].rstrip())
            line = text.count("\n", 0, end) + 1
            col = end - (text.rfind("\n", 0, end) + 1) + 1
        return None, [Problem(display, line, col, t("observatory.json_syntax", detail=_json_detail(error.msg)), t("observatory.json_syntax.hint"), "json-syntax")]
    document, found = load_yaml(path, display, text)
    if document is None:  # valid JSON that PyYAML cannot read (tabs between tokens): no positions
        document = YamlDocument(path=path, display=display, text=text, data=None)
    document.data = data  # JSON's own reading (numbers, escapes), with YAML's positions
    return document, [p for p in found if p.code == "duplicate-key"]


_JSON_MESSAGES = {
    "Expecting ',' delimiter": "une virgule est attendue ici",
    "Expecting ':' delimiter": "un « : » est attendu après le nom",
    "Expecting property name enclosed in double quotes": "un nom entre guillemets droits est attendu (virgule en trop avant « } » ?)",
    "Expecting value": "une valeur est attendue ici",
    "Extra data": "du texte suit la fin du document",
    "Unterminated string starting at": "un guillemet n'est pas fermé",
    "Invalid control character at": "un caractère de contrôle (tabulation, retour à la ligne) dans un texte",
}


def _json_detail(message: str) -> str:
    return next((french for english, french in _JSON_MESSAGES.items() if message.startswith(english)), message)


def load_observatory(
    layout: Layout,
    config: DiagnosticConfig | None,
    practices: dict[str, Practice],
    vocabularies: dict[str, Vocabulary],
    *,
    today: dt.date | None = None,
) -> tuple[Observatory, list[Problem], list[Problem], int]:
    """Published diagnostics, their problems, their notices (stale questions) and how many files were read."""
    files = diagnostic_files(layout)
    observatory = Observatory()
    problems: list[Problem] = []
    notices: list[Problem] = []
    entries = sorted(p.stem for p in layout.platforms.glob("*.yml")) if layout.platforms.is_dir() else []
    sorted_cards = sorted(practices.values(), key=lambda p: p.id)
    for path in files:
        display = layout.display(path)
        folder = path.relative_to(layout.platforms).parts[0]
        match = FILE_NAME.match(path.name)
        if match is None or path.parent.parent != layout.platforms:
            problems.append(Problem(display, 1, 1, t("observatory.bad_file_name", name=path.name), t("observatory.bad_file_name.hint", folder=folder), "filename"))
            continue
        if folder not in entries:
            guess = suggestion(folder, entries)
            hint = t("hint.did_you_mean", guess=guess) if guess else t("observatory.unknown_platform.hint")
            problems.append(Problem(display, 1, 1, t("observatory.unknown_platform", id=folder), hint, "platform"))
            continue
        document, found = _read_json(path, display)
        problems += found
        if document is None:
            continue
        if config is None:
            problems.append(Problem(display, 1, 1, t("observatory.no_config"), t("observatory.no_config.hint"), "diagnostic"))
            continue
        parsed, found = validate(PublishedDiagnostic, document, {})
        problems += found
        if parsed is None:
            continue
        year = int(match.group(1))
        local: list[Problem] = []
        variant = next((v for v in config.variants if v.id == parsed.variant), None)
        if variant is None:
            ids = [v.id for v in config.variants]
            guess = suggestion(parsed.variant, ids)
            hint = t("hint.did_you_mean", guess=guess) if guess else t("hint.allowed", allowed=", ".join(ids))
            local.append(document.problem(("variant",), t("observatory.unknown_variant", variant=parsed.variant), hint, code="variant"))
        if parsed.date.year != year:
            local.append(document.problem(("date",), t("observatory.year_mismatch", date=parsed.date.isoformat(), name=path.name), t("observatory.year_mismatch.hint", year=parsed.date.year), code="date"))
        if parsed.stage and parsed.stage not in vocabularies["stages"].ids:
            local.append(document.problem(("stage",), t("observatory.unknown_stage", stage=parsed.stage), t("hint.allowed", allowed=", ".join(vocabularies["stages"].ids)), code="stage"))
        steps = [step.id for step in config.scale]
        for question, step in parsed.answers.items():
            if step not in steps:
                guess = suggestion(step, steps)
                hint = t("hint.did_you_mean", guess=guess) if guess else t("hint.allowed", allowed=", ".join(steps))
                local.append(document.problem(("answers", question), t("observatory.unknown_step", step=step, question=question), hint, code="answer"))
        problems += local
        if local or variant is None:
            continue
        existing = {qid for card in variant_cards(sorted_cards, variant) for qid in question_ids(card)}
        kept = {}
        for question, step in parsed.answers.items():
            if question in existing:
                kept[question] = step
            else:
                line, col = document.position(("answers", question), key=True)
                notices.append(Problem(display, line, col, t("observatory.stale_question", question=question), t("observatory.stale_question.hint"), "stale-question"))
        observatory.published.append(Published(folder, year, parsed.date, variant.id, kept, display))
    observatory.published.sort(key=lambda p: (p.platform, p.year))
    return observatory, problems, notices, len(files)


# --- Aggregates ------------------------------------------------------------------------


def _round(value: float) -> float:
    return round(value, 4)


def distribution(values: list[float]) -> dict[str, Any]:
    """Count, median and quartiles (inclusive method: linear interpolation between ranked values),
    or only ``shown: false`` for fewer than THRESHOLD values."""
    if len(values) < THRESHOLD:
        return {"shown": False}
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return {"shown": True, "count": len(values), "q1": _round(q1), "median": _round(median), "q3": _round(q3)}


def card_shares(values: list[float]) -> dict[str, Any]:
    """Share of platforms where a card is in place (score 1), in progress, not started (score 0)."""
    if len(values) < THRESHOLD:
        return {"shown": False}
    count = len(values)
    in_place = sum(1 for v in values if v >= 1)
    not_started = sum(1 for v in values if v <= 0)
    return {
        "shown": True,
        "count": count,
        "in_place": _round(in_place / count),
        "in_progress": _round((count - in_place - not_started) / count),
        "not_started": _round(not_started / count),
        "adoption": _round(sum(values) / count),
    }


def _figures(diagnostics: list[Published], cards: list[Practice], scale: dict[str, float | None], principle_ids: list[str]) -> dict[str, Any]:
    scores = [score_answers(cards, scale, principle_ids, d.answers) for d in diagnostics]
    principles = {p: distribution([s.principles[p] for s in scores if s.principles[p] is not None]) for p in principle_ids}
    card_figures = {c.id: card_shares([s.cards[c.id] for s in scores if s.cards.get(c.id) is not None]) for c in cards}
    if len(diagnostics) < THRESHOLD:  # even the count is a figure about fewer than THRESHOLD platforms
        return {"shown": False, "platforms": None, "principles": principles, "cards": card_figures}
    return {"shown": True, "platforms": len(diagnostics), "principles": principles, "cards": card_figures}


def network_figures(observatory: Observatory, config: DiagnosticConfig, practices: list[Practice], principle_ids: list[str]) -> list[dict[str, Any]]:
    """Per variant with published diagnostics: the latest picture (each platform's most
    recent diagnostic), the least adopted practices, and one picture per year."""
    scale = {step.id: step.score for step in config.scale}
    out = []
    for variant in config.variants:
        mine = [p for p in observatory.published if p.variant == variant.id]
        if not mine:
            continue
        cards = variant_cards(practices, variant)
        latest: dict[str, Published] = {}
        for diagnostic in mine:
            if diagnostic.platform not in latest or diagnostic.year > latest[diagnostic.platform].year:
                latest[diagnostic.platform] = diagnostic
        current = _figures(sorted(latest.values(), key=lambda p: p.platform), cards, scale, principle_ids)
        shown = [(cid, fig) for cid, fig in current["cards"].items() if fig["shown"]]
        titles = {c.id: c.title for c in cards}
        shown.sort(key=lambda item: (item[1]["adoption"], -item[1]["not_started"], titles[item[0]].casefold()))
        years = sorted({d.year for d in mine})
        out.append(
            {
                "variant": variant.id,
                "latest": current,
                "least_adopted": [cid for cid, _ in shown[:LEAST_ADOPTED]],
                "years": [
                    {"year": year, **_figures([d for d in mine if d.year == year], cards, scale, principle_ids)} for year in years
                ],
            }
        )
    return out
