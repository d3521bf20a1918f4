"""JSON Schemas for editors, generated from the pydantic models and the vocabularies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .content import load_vocabularies
from .layout import Layout
from .model.course import Course, LessonMeta
from .model.platform import Platform, TerritoriesFile
from .model.practice import Practice
from .model.vocabulary import GlossaryFile, VocabularyFile
from .vocabularies import Vocabulary

SCHEMAS: dict[str, type[BaseModel]] = {
    "practice.schema.json": Practice,
    "course.schema.json": Course,
    "lesson.schema.json": LessonMeta,
    "vocabulary.schema.json": VocabularyFile,
    "glossary.schema.json": GlossaryFile,
    "platform.schema.json": Platform,
    "territories.schema.json": TerritoriesFile,
}


def _inject_vocabularies(node: Any, vocabularies: dict[str, Vocabulary]) -> None:
    """Give every vocabulary-typed value its allowed terms (enum + labels) for completion."""
    if isinstance(node, dict):
        name = node.get("x-vocabulary")
        if name in vocabularies and vocabularies[name].terms:
            vocab = vocabularies[name]
            node["enum"] = vocab.ids
            node["markdownEnumDescriptions"] = [f"**{vocab.label(i)}** — {vocab.description(i)}" for i in vocab.ids]
        for value in node.values():
            _inject_vocabularies(value, vocabularies)
    elif isinstance(node, list):
        for value in node:
            _inject_vocabularies(value, vocabularies)


def build_schema(model: type[BaseModel], vocabularies: dict[str, Vocabulary], name: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    _inject_vocabularies(schema, vocabularies)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, **schema}


def render_schemas(root: Path) -> dict[str, str]:
    vocabularies, _ = load_vocabularies(Layout(root))
    return {
        name: json.dumps(build_schema(model, vocabularies, name), ensure_ascii=False, indent=2) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(root: Path) -> list[Path]:
    folder = Layout(root).schemas
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in render_schemas(root).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[str]:
    folder = Layout(root).schemas
    return [
        name
        for name, text in render_schemas(root).items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]
