"""Read the pydantic models as data: one description of each field for templates and docs."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from annotated_types import Ge, Le, MaxLen, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined


@dataclass(frozen=True)
class FieldDoc:
    name: str
    description: str
    required: bool
    kind: str  # "text", "markdown", "id", "url", "date", "integer", "list", "object", "choice"
    is_list: bool
    vocabulary: str | None
    min_items: int | None
    max_length: int | None
    bounds: tuple[int | None, int | None]
    literals: tuple[str, ...]
    submodel: type[BaseModel] | None
    default: Any


def _metadata(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        found: list[Any] = []
        for item in extra:
            if isinstance(item, FieldInfo):
                found.extend(item.metadata)
                if isinstance(item.json_schema_extra, dict):
                    found.append(item.json_schema_extra)
            else:
                found.append(item)
        return found + _metadata(base)
    return []


def _strip(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _strip(args[0]) if len(args) == 1 else annotation
    return annotation


def describe(model: type[BaseModel]) -> list[FieldDoc]:
    docs = []
    for name, info in model.model_fields.items():
        outer = info.annotation
        meta = list(info.metadata) + _metadata(outer)
        if isinstance(info.json_schema_extra, dict):
            meta.append(info.json_schema_extra)
        annotation = _strip(outer)
        is_list = typing.get_origin(annotation) is list
        item = typing.get_args(annotation)[0] if is_list else annotation
        item_meta = _metadata(item)
        item_plain = _strip(item)
        all_meta = meta + item_meta
        extras = [m for m in all_meta if isinstance(m, dict)]
        vocabulary = next((m["x-vocabulary"] for m in extras if "x-vocabulary" in m), None)
        fmt = next((m.get("x-format") or m.get("format") for m in extras if m.get("x-format") or m.get("format")), None)
        literals = tuple(typing.get_args(item_plain)) if typing.get_origin(item_plain) is typing.Literal else ()
        submodel = item_plain if isinstance(item_plain, type) and issubclass(item_plain, BaseModel) else None
        if submodel:
            kind = "object"
        elif vocabulary or literals:
            kind = "choice"
        elif fmt == "markdown":
            kind = "markdown"
        elif fmt == "uri":
            kind = "url"
        elif fmt == "id":
            kind = "id"
        elif item_plain is int:
            kind = "integer"
        elif getattr(item_plain, "__name__", "") == "date":
            kind = "date"
        else:
            kind = "text"
        list_meta = meta if is_list else []
        value_meta = item_meta if is_list else all_meta
        min_items = next((m.min_length for m in list_meta if isinstance(m, MinLen)), None)
        max_length = next((m.max_length for m in value_meta if getattr(m, "max_length", None)), None)
        low = next((m.ge for m in all_meta if isinstance(m, Ge)), None)
        high = next((m.le for m in all_meta if isinstance(m, Le)), None)
        default = None if info.default is PydanticUndefined else info.default
        docs.append(
            FieldDoc(
                name=name,
                description=info.description or "",
                required=info.is_required(),
                kind=kind,
                is_list=is_list,
                vocabulary=vocabulary,
                min_items=min_items,
                max_length=max_length if not isinstance(max_length, MaxLen) else max_length.max_length,
                bounds=(low, high),
                literals=literals,
                submodel=submodel,
                default=default,
            )
        )
    return docs
