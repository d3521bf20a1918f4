"""Controlled vocabularies (data/vocabularies/*.yml) and the glossary (data/glossary.yml)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Strict
from .fields import HttpsUrl, Id, Markdown, PlainText

Localized = Annotated[dict[str, PlainText(400)], Field(min_length=1)]


class VocabularyTerm(Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*$", description="Identifiant du terme.")
    label: Localized = Field(description="Libellé affiché, par langue (fr: …).")
    description: Localized = Field(description="Définition courte, par langue.")


class VocabularyFile(Strict):
    terms: Annotated[list[VocabularyTerm], Field(min_length=1)]


class Source(Strict):
    title: PlainText(200)
    url: HttpsUrl


class GlossaryTerm(Strict):
    id: Id = Field(description="Identifiant (ancre de la page Glossaire).")
    term: PlainText(80) = Field(description="Le terme, tel qu'il s'écrit dans les pages.")
    aliases: list[PlainText(80)] = Field(default_factory=list, description="Autres graphies (pluriel, casse).")
    short: PlainText(160) = Field(description="Définition d'une phrase, affichée en infobulle.")
    definition: Markdown = Field(description="Définition complète (Markdown).")
    sources: Annotated[list[Source], Field(min_length=1)]


class GlossaryFile(Strict):
    terms: Annotated[list[GlossaryTerm], Field(min_length=1)]
