"""Templates for new content files, written from the model so they never drift.

Each field gets a French comment (its description, whether it is required, its
limits and allowed values) and an example value that passes validation.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .i18n import t
from .layout import Layout
from .model.course import Course, LessonMeta
from .model.fields import ID_PATTERN
from .model.introspect import FieldDoc, describe
from .model.platform import Platform
from .model.practice import Practice
from .vocabularies import Vocabulary

# Example values: the only hand-written part of the templates (what a contributor replaces).
EXAMPLES: dict[str, Any] = {
    "title": "Titre court et concret de la pratique",
    "summary": "Une phrase qui dit ce que fait la pratique et pour qui.",
    "problem": "Décrivez la difficulté rencontrée par les plateformes ou les collectivités.",
    "practice": "Décrivez la pratique : ce qu'il faut faire, et pourquoi cela fonctionne.",
    "steps": ["Première étape concrète.", "Deuxième étape concrète."],
    "pitfalls": ["Un piège fréquent, et comment l'éviter."],
    "examples": [{"name": "Nom d'une coopérative ou d'une collectivité", "description": "Ce qu'elle a fait concrètement.", "url": "https://www.example.org/"}],
    "resources": [{"title": "Titre de la source", "url": "https://www.example.org/", "kind": None}],
    "related": [],
    "self_assessment": [{"question": "Question fermée que l'équipe peut se poser ?", "weight": 1}],
    "authors": ["Votre nom"],
    "objectives": ["Ce que l'apprenant saura faire à la fin."],
    "prerequisites": [],
    "key_points": ["L'idée principale à retenir."],
    "duration": 15,
}
COURSE_EXAMPLES = {
    "title": "Titre du module",
    "summary": "Une ou deux phrases qui disent à qui s'adresse le module et ce qu'il apporte.",
}
LESSON_EXAMPLES = {"title": "Titre de la leçon"}
PLATFORM_EXAMPLES: dict[str, Any] = {
    "name": "Nom de la plateforme",
    "summary": "Une phrase qui dit ce que fait la plateforme et pour qui.",
    "website": "https://www.example.org/",
    "territories": ["59"],
    "practices": [{"card": None, "note": "Comment la plateforme applique cette pratique, en une ligne."}],
    "contact": {"url": "https://www.example.org/contact/"},
    "sources": [{"title": "Titre de la page qui atteste ces informations", "url": "https://www.example.org/"}],
    "verified_by": "Votre organisation",
}

LESSON_BODY = """
## Premier intertitre

Le texte de la leçon, en Markdown. Pour citer une fiche : [[fiche:{card}]].

::: exercice Titre de l'exercice
L'énoncé de l'exercice.

--- solution
La solution, cachée jusqu'à ce que l'apprenant l'ouvre.
:::

::: discussion Une question à débattre
La question posée au groupe.
:::

::: note-animateur
Conseils pour l'animation (durée, organisation) : invisibles pour les apprenants.
:::

::: quiz La question du quiz ?
- [x] Une bonne réponse
  > Pourquoi elle est juste.
- [ ] Une mauvaise réponse
  > Pourquoi elle est fausse.

--- explication
L'explication affichée après la réponse.
:::
"""


def _quote(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _comment(doc: FieldDoc, vocabularies: dict[str, Vocabulary], indent: str) -> list[str]:
    facts = [t("template.required") if doc.required else t("template.optional")]
    if doc.min_items:
        facts.append(t("template.min_items", count=doc.min_items))
    if doc.max_length and doc.kind not in ("markdown",):
        facts.append(t("template.max_length", count=doc.max_length))
    if doc.bounds != (None, None):
        facts.append(t("template.bounds", low=doc.bounds[0], high=doc.bounds[1]))
    if doc.kind == "markdown":
        facts.append(t("template.markdown"))
    if doc.kind == "date":
        facts.append(t("template.date"))
    if doc.kind == "url":
        facts.append(t("template.url"))
    lines = [f"{indent}# {doc.description} ({' ; '.join(facts)})"]
    if doc.vocabulary and doc.vocabulary in vocabularies:
        vocab = vocabularies[doc.vocabulary]
        values = ", ".join(f"{i} ({vocab.label(i)})" for i in vocab.ids)
        lines.append(f"{indent}#   {t('template.values')} {values}")
    elif doc.literals:
        lines.append(f"{indent}#   {t('template.values')} {', '.join(doc.literals)}")
    return lines


def _scalar(doc: FieldDoc, value: Any, indent: str) -> list[str]:
    if isinstance(value, str) and doc.kind == "markdown" and (not doc.is_list or "\n" in value):
        return [" |", *[f"{indent}  {line}" for line in value.split("\n")]]
    if isinstance(value, bool):
        return [" true" if value else " false"]
    if isinstance(value, (dt.date, int)):
        return [f" {value}"]
    return [f" {_quote(str(value))}"]


def _value(doc: FieldDoc, vocabularies: dict[str, Vocabulary], overrides: dict[str, Any]) -> Any:
    if doc.name in overrides:
        return overrides[doc.name]
    if doc.vocabulary:
        if doc.is_list and not doc.required:
            return []  # an optional list of terms: nothing is claimed by default
        first = vocabularies[doc.vocabulary].ids[0]
        return [first] if doc.is_list else first
    if doc.literals:
        return doc.default if doc.default is not None else doc.literals[0]
    if doc.kind == "date":
        return dt.date.today() if doc.required else None
    return EXAMPLES.get(doc.name, doc.default)


def render_yaml(model: type[BaseModel], vocabularies: dict[str, Vocabulary], overrides: dict[str, Any], indent: str = "") -> list[str]:
    lines: list[str] = []
    for doc in describe(model):
        value = _value(doc, vocabularies, overrides)
        lines += _comment(doc, vocabularies, indent)
        if value is None:
            # Optional, nothing to suggest: shown commented out, ready to fill in.
            lines.append(f"{indent}# {doc.name}:")
        elif doc.submodel is not None and not doc.is_list:
            sub_overrides = {k: v for k, v in value.items() if v is not None}
            lines.append(f"{indent}{doc.name}:")
            lines += render_yaml(doc.submodel, vocabularies, sub_overrides, indent + "  ")
        elif doc.submodel is not None:
            items = value if isinstance(value, list) else [value]
            lines.append(f"{indent}{doc.name}:")
            for item in items:
                sub_overrides = {k: v for k, v in item.items() if v is not None}
                sub = render_yaml(doc.submodel, vocabularies, sub_overrides, indent + "    ")
                # The first key of each list item carries the "- " marker.
                first = next(i for i, line in enumerate(sub) if not line.strip().startswith("#"))
                sub[first] = f"{indent}  - " + sub[first].strip()
                lines += sub
        elif doc.is_list:
            values = value or []
            if not values:
                lines.append(f"{indent}{doc.name}: []")
            else:
                lines.append(f"{indent}{doc.name}:")
                for item in values:
                    lines.append(f"{indent}  -" + "".join(_scalar(doc, item, indent + "  ")))
        else:
            lines.append(f"{indent}{doc.name}:" + "\n".join(_scalar(doc, value, indent)))
    return lines


def practice_template(card_id: str, vocabularies: dict[str, Vocabulary]) -> str:
    header = [
        "# yaml-language-server: $schema=../schemas/practice.schema.json",
        f"# {t('template.practice_header')}",
        "",
    ]
    return "\n".join(header + render_yaml(Practice, vocabularies, {"id": card_id})) + "\n"


def course_template(course_id: str, lesson_id: str, vocabularies: dict[str, Vocabulary]) -> str:
    header = [
        "# yaml-language-server: $schema=../../schemas/course.schema.json",
        f"# {t('template.course_header')}",
        "",
    ]
    overrides = {"id": course_id, "lessons": [lesson_id], **COURSE_EXAMPLES}
    return "\n".join(header + render_yaml(Course, vocabularies, overrides)) + "\n"


def lesson_template(vocabularies: dict[str, Vocabulary], card_id: str) -> str:
    front = render_yaml(LessonMeta, vocabularies, LESSON_EXAMPLES)
    return "---\n" + "\n".join(front) + "\n---\n" + LESSON_BODY.format(card=card_id)


def platform_template(platform_id: str, vocabularies: dict[str, Vocabulary], card_id: str | None) -> str:
    header = [
        "# yaml-language-server: $schema=../schemas/platform.schema.json",
        f"# {t('template.platform_header')}",
        "",
    ]
    overrides = {**PLATFORM_EXAMPLES, "id": platform_id}
    overrides["practices"] = [{**PLATFORM_EXAMPLES["practices"][0], "card": card_id}] if card_id else []
    return "\n".join(header + render_yaml(Platform, vocabularies, overrides)) + "\n"


_ID = re.compile(ID_PATTERN)


class ScaffoldError(Exception):
    """A refusal to create a file, with a message for people."""


def _check_id(kind: str, value: str) -> None:
    if not _ID.match(value):
        raise ScaffoldError(t("new.bad_id", kind=kind, value=value))


def _create(layout: Layout, folder: Path, kind: str, entry_id: str, text: str) -> Path:
    """Write ``folder/<entry_id>.yml``, refusing a bad id or an existing file."""
    _check_id(kind, entry_id)
    path = folder / f"{entry_id}.yml"
    if path.exists():
        raise ScaffoldError(t("new.exists", path=layout.display(path)))
    folder.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_practice(layout: Layout, card_id: str, vocabularies: dict[str, Vocabulary]) -> Path:
    return _create(layout, layout.practices, "fiche", card_id, practice_template(card_id, vocabularies))


def new_platform(layout: Layout, platform_id: str, vocabularies: dict[str, Vocabulary]) -> Path:
    text = platform_template(platform_id, vocabularies, _any_card(layout))
    return _create(layout, layout.platforms, "plateforme", platform_id, text)


def _any_card(layout: Layout) -> str | None:
    cards = sorted(layout.practices.glob("*.yml")) if layout.practices.is_dir() else []
    return cards[0].stem if cards else None


def new_course(layout: Layout, course_id: str, vocabularies: dict[str, Vocabulary], lesson_id: str = "introduction") -> list[Path]:
    _check_id("module", course_id)
    folder = layout.courses / course_id
    if folder.exists():
        raise ScaffoldError(t("new.exists", path=layout.display(folder)))
    folder.mkdir(parents=True)
    course = folder / "course.yml"
    course.write_text(course_template(course_id, lesson_id, vocabularies), encoding="utf-8")
    lesson = _write_lesson(layout, folder, lesson_id, vocabularies)
    return [course, lesson]


def _write_lesson(layout: Layout, folder: Path, lesson_id: str, vocabularies: dict[str, Vocabulary]) -> Path:
    card = _any_card(layout)
    text = lesson_template(vocabularies, card or "")
    if card is None:
        text = text.replace(" Pour citer une fiche : [[fiche:]].", "")
    path = folder / f"{lesson_id}.md"
    path.write_text(text, encoding="utf-8")
    return path


def new_lesson(layout: Layout, course_id: str, lesson_id: str, vocabularies: dict[str, Vocabulary]) -> Path:
    _check_id("module", course_id)
    _check_id("leçon", lesson_id)
    folder = layout.courses / course_id
    if not (folder / "course.yml").exists():
        raise ScaffoldError(t("new.no_course", course=course_id))
    existing = [p for p in folder.glob("*.md") if re.sub(r"^\d+-", "", p.stem) == lesson_id]
    if existing:
        raise ScaffoldError(t("new.exists", path=layout.display(existing[0])))
    path = _write_lesson(layout, folder, lesson_id, vocabularies)
    # Keep the explicit order list (if any) in step: append the new lesson at the end.
    course_file = folder / "course.yml"
    text = course_file.read_text(encoding="utf-8")
    match = re.search(r"(?m)^lessons:\n((?:[ \t]+-.*\n?)+)", text)
    if match:
        block = match.group(1)
        indent = re.match(r"([ \t]+)-", block).group(1)
        new_block = block if block.endswith("\n") else block + "\n"
        new_block += f"{indent}- {lesson_id}\n"
        course_file.write_text(text[: match.start(1)] + new_block + text[match.end(1) :], encoding="utf-8")
    return path
