"""A published diagnostic: the very file the diagnostic page exports (platforms/<id>/diagnostic-<year>.json)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .fields import Id, PastDate
from .practice import Strict

EXPORT_FORMAT = "plateformcoop-diagnostic"


class PublishedDiagnostic(Strict):
    """Export du diagnostic (bouton « Exporter mes réponses »), publié tel quel."""

    format: Literal["plateformcoop-diagnostic"] = Field(description="Toujours « plateformcoop-diagnostic ».")
    version: Literal[1] = Field(description="Version du format d'export.")
    variant: Id = Field(description="Variante du diagnostic (data/diagnostic.yml).")
    name: Annotated[str, Field(max_length=200)] = Field(default="", description="Nom saisi dans le diagnostic (non publié sur le site).")
    stage: Annotated[str, Field(max_length=80)] = Field(default="", description="Étape de vie choisie, ou vide.")
    date: PastDate = Field(description="Date de l'export (AAAA-MM-JJ).")
    answers: dict[str, Annotated[str, Field(max_length=80)]] = Field(description="Réponse choisie pour chaque question : identifiant de question → identifiant de réponse.")
