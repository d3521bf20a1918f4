"""Reusable field types shared by cards and courses."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError

from .. import textrules
from ..i18n import t

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SUMMARY_MAX = 200


def findings_error(text: str, findings: list[textrules.Finding]) -> PydanticCustomError:
    """The error for a text breaking content rules; keeps the text, whose offsets the findings give."""
    first = findings[0]
    return PydanticCustomError(
        "content",
        "{message}",
        {"message": t(first.key, **dict(first.values)), "findings": findings, "text": text},
    )


def _markdown(value: str) -> str:
    findings = textrules.check_markdown(value)
    if findings:
        raise findings_error(value, findings)
    return value


def _plain(value: str) -> str:
    findings = textrules.check_plain(value)
    if findings:
        raise findings_error(value, findings)
    return value


def _https(value: str) -> str:
    if not textrules.is_https_url(value):
        raise PydanticCustomError("https_url", "{message}", {"message": t("field.https", url=value)})
    return value


def suggestion(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return close[0] if close else ""


def Term(vocabulary: str) -> Any:
    """A value from a controlled vocabulary (data/vocabularies/<vocabulary>.yml)."""

    def check(value: str, info: ValidationInfo) -> str:
        vocabularies = (info.context or {}).get("vocabularies")
        if vocabularies is None:
            return value
        terms = vocabularies[vocabulary].ids
        if value not in terms:
            guess = suggestion(value, terms)
            raise PydanticCustomError(
                "unknown_term",
                "{message}",
                {
                    "message": t("field.unknown_term", value=value, vocabulary=vocabulary),
                    "hint": t("hint.did_you_mean", guess=guess) if guess else t("hint.allowed", allowed=", ".join(terms)),
                },
            )
        return value

    return Annotated[str, AfterValidator(check), Field(json_schema_extra={"x-vocabulary": vocabulary})]


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80), Field(json_schema_extra={"x-format": "id"})]


def PlainText(max_length: int) -> Any:
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_plain),
        Field(json_schema_extra={"x-format": "plain"}),
    ]


Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000),
    AfterValidator(_markdown),
    Field(json_schema_extra={"x-format": "markdown"}),
]

HttpsUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2_000),
    AfterValidator(_https),
    Field(json_schema_extra={"format": "uri", "pattern": "^https://"}),
]


def _not_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise PydanticCustomError("future_date", "{message}", {"message": t("field.future_date", date=value.isoformat())})
    return value


# A date that has already come (a review, a verification): never in the future.
PastDate = Annotated[dt.date, AfterValidator(_not_future)]


def unique(values: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise PydanticCustomError(
                "duplicate_item", "{message}", {"message": t("field.duplicate_item", value=value), "index": index}
            )
        seen.add(value)
    return values


Unique = AfterValidator(unique)
