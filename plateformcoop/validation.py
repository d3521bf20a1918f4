"""Turn pydantic validation errors into located, French, actionable problems."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .i18n import t
from .model.fields import suggestion
from .problems import Problem
from .yamlsource import MAX_DEPTH, PathKey, YamlDocument

_TYPE_NAMES = {
    str: "type.string",
    list: "type.list",
    dict: "type.mapping",
    int: "type.integer",
    float: "type.number",
    bool: "type.bool",
    type(None): "type.none",
    dt.date: "type.date",
    dt.datetime: "type.date",
}
_EXPECTED = {
    "string_type": "type.string",
    "list_type": "type.list",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "dict_type": "type.mapping",
    "int_type": "type.integer",
    "int_parsing": "type.integer",
    "int_from_float": "type.integer",
    "bool_type": "type.bool",
    "bool_parsing": "type.bool",
    "float_type": "type.number",
    "float_parsing": "type.number",
    "mapping_type": "type.mapping",
}


def validate(model: type[BaseModel], document: YamlDocument, context: dict[str, Any]) -> tuple[Any, list[Problem]]:
    """Validate the document's data against ``model``; never raises."""
    if not isinstance(document.data, dict):
        return None, [document.problem((), t("yaml.not_mapping"), t("yaml.not_mapping.hint"), code="structure")]
    try:
        return model.model_validate(document.data, context=context), []
    except RecursionError:
        # The loader refuses data nested deeper than MAX_DEPTH, so this is a last guard.
        return None, [document.problem((), t("yaml.too_deep", limit=MAX_DEPTH), t("yaml.too_deep.hint"), code="yaml-size")]
    except ValidationError as error:
        problems: list[Problem] = []
        for item in error.errors(include_url=False):
            problems.extend(_problems(model, document, item))
        return None, problems


def _display_loc(loc: PathKey) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "?"


def _problems(model: type[BaseModel], document: YamlDocument, item: dict[str, Any]) -> list[Problem]:
    kind: str = item["type"]
    # pydantic appends validator names to loc for unions/function validators; keep data keys only.
    loc: PathKey = tuple(part for part in item["loc"] if isinstance(part, int) or _is_data_key(part))
    ctx: dict[str, Any] = item.get("ctx") or {}
    field = _display_loc(loc)
    value = item.get("input")

    def at(message: str, hint: str = "", *, key: bool = False, where: PathKey = loc) -> list[Problem]:
        return [document.problem(where, message, hint, key=key, code=kind)]

    if kind == "content":
        findings = ctx["findings"]
        positions = document.locate_snippets(loc, ctx["text"], [(f.snippet, f.start) for f in findings])
        return [
            Problem(document.display, line, col, t(f.key, **dict(f.values)), t(f.key + ".hint"), f.key)
            for f, (line, col) in zip(findings, positions)
        ]
    if kind == "missing":
        return at(t("field.missing", field=field), _describe(model, loc), where=loc[:-1])
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        guess = suggestion(str(loc[-1]), allowed)
        hint = t("hint.did_you_mean", guess=guess) if guess else t("hint.allowed_keys", allowed=", ".join(allowed))
        return at(t("field.unknown_key", field=loc[-1]), hint, key=True)
    if value is None or (isinstance(value, str) and not value.strip() and kind == "string_too_short"):
        return at(t("field.empty", field=field), _describe(model, loc))
    if "message" in ctx:  # the engine's own errors (PydanticCustomError): already in French
        where = loc + (ctx["index"],) if "index" in ctx else loc
        where = where + (ctx["loc"],) if "loc" in ctx else where
        hint = ctx.get("hint") or t(f"field.{'https' if kind == 'https_url' else kind}.hint")
        return at(ctx["message"], "" if hint.endswith(".hint") else hint, where=where)
    if kind == "string_too_long":
        return at(t("field.too_long", field=field, length=len(value), limit=ctx["max_length"]), t("field.too_long.hint"))
    if kind == "too_short":
        limit = ctx["min_length"]
        return at(t("field.too_few", field=field, limit=limit, s="s" if limit > 1 else ""), _describe(model, loc))
    if kind == "string_pattern_mismatch":
        return at(t("field.id_pattern", value=value), t("field.id_pattern.hint"))
    if kind == "literal_error":
        allowed = _french_list(_literal_values(model, loc))
        return at(t("field.literal", value=value, field=field), t("hint.allowed", allowed=allowed))
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _bounds(model, loc)
        return at(t("field.number_range", field=field, low=low, high=high))
    if kind.startswith("date"):
        return at(t("field.date", field=field), _describe(model, loc))
    if kind in _EXPECTED:
        actual = _TYPE_NAMES.get(type(value), "type.string")
        # "Texte : suite" unquoted is read as a mapping: the commonest mistake in French prose.
        hint = t("field.colon.hint") if kind == "string_type" and isinstance(value, dict) else t("field.type.hint")
        return at(t("field.type", field=field, expected=t(_EXPECTED[kind]), actual=t(actual)), hint)
    if "message" in ctx:  # the project's own errors (PydanticCustomError) carry a French message
        return at(str(ctx["message"]), _describe(model, loc))
    # pydantic's own words are English: never shown. The field's description says what is expected.
    return at(t("field.invalid", field=field), _describe(model, loc) or t("field.type.hint"))


def _french_list(values: list[str]) -> str:
    """« a », « b » ou « c »."""
    quoted = [f"« {value} »" for value in values]
    if len(quoted) < 2:
        return "".join(quoted)
    return t("list.or", first=", ".join(quoted[:-1]), last=quoted[-1])


def _literal_values(model: type[BaseModel], loc: PathKey) -> list[str]:
    """The values a Literal field accepts, read from the model (not from pydantic's English message)."""
    names = [part for part in loc if isinstance(part, str)]
    parent = _model_at(model, tuple(names[:-1])) if names else None
    if parent is None or names[-1] not in parent.model_fields:
        return []
    return [str(value) for value in _literals(parent.model_fields[names[-1]].annotation)]


def _literals(annotation: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return typing.get_args(annotation)
    if origin in (typing.Annotated, list, tuple, typing.Union, types.UnionType):
        args = typing.get_args(annotation)[:1] if origin is typing.Annotated else typing.get_args(annotation)
        return tuple(value for arg in args for value in _literals(arg))
    return ()


def _is_data_key(part: Any) -> bool:
    # Union branches and validator names look like "function-after[...]" or "str".
    return isinstance(part, str) and "[" not in part and part not in ("str", "int", "none", "list", "dict")


def _model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """The model class inside list[...], X | None, Annotated[...] (or the annotation itself)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (list, tuple, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
        return None
    return annotation


def _allowed_keys(model: type[BaseModel], loc: PathKey) -> list[str]:
    target = _model_at(model, loc)
    return list(target.model_fields) if target else []


def _describe(model: type[BaseModel], loc: PathKey) -> str:
    names = [part for part in loc if isinstance(part, str)]
    parent = _model_at(model, tuple(names[:-1])) if names else None
    if parent and names and names[-1] in parent.model_fields:
        description = parent.model_fields[names[-1]].description or ""
        return t("hint.field", description=description) if description else ""
    return ""


def _bounds(model: type[BaseModel], loc: PathKey) -> tuple[Any, Any]:
    names = [part for part in loc if isinstance(part, str)]
    parent = _model_at(model, tuple(names[:-1]))
    low = high = "?"
    if parent and names[-1] in parent.model_fields:
        for meta in parent.model_fields[names[-1]].metadata:
            low = getattr(meta, "ge", low) if getattr(meta, "ge", None) is not None else low
            high = getattr(meta, "le", high) if getattr(meta, "le", None) is not None else high
    return low, high
