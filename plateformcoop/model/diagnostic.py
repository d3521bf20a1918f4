"""Settings of the self-assessment diagnostic (data/diagnostic.yml)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..i18n import t
from .base import Strict
from .fields import Id, PlainText, Term, Unique

Localized = Annotated[dict[str, PlainText(600)], Field(min_length=1)]


class ScaleStep(Strict):
    id: Id = Field(description="Identifiant de la réponse.")
    label: Localized = Field(description="Libellé affiché, par langue.")
    score: Annotated[float, Field(ge=0, le=1)] | None = Field(
        default=None, description="Score entre 0 et 1 ; sans score, la question ne compte pas (non applicable)."
    )


class Variant(Strict):
    id: Id = Field(description="Identifiant de la variante (adresse de sa page).")
    title: Localized = Field(description="Titre de la page.")
    intro: Localized = Field(description="Texte d'introduction.")
    audiences: Annotated[list[Term("audiences")], Field(min_length=1), Unique] = Field(
        description="Les questions viennent des fiches destinées à ces publics."
    )


class DiagnosticConfig(Strict):
    scale: Annotated[list[ScaleStep], Field(min_length=2)] = Field(description="Échelle de réponse, dans l'ordre.")
    level_values: dict[Term("levels"), Annotated[int, Field(ge=1, le=10)]] = Field(
        description="Valeur numérique de chaque niveau d'effort et d'impact."
    )
    stage_bonus: Annotated[float, Field(ge=1, le=5)] = Field(default=1.5, description="Multiplicateur de priorité pour l'étape de vie choisie.")
    strength_threshold: Annotated[float, Field(ge=0, le=1)] = Field(default=0.75, description="Score à partir duquel un principe est une force.")
    variants: Annotated[list[Variant], Field(min_length=1)] = Field(description="Variantes du diagnostic.")

    @model_validator(mode="after")
    def _consistent(self) -> "DiagnosticConfig":
        ids = [step.id for step in self.scale]
        if len(set(ids)) != len(ids):
            raise PydanticCustomError("content_rule", "{message}", {"message": t("diagnostic.duplicate_step")})
        if not any(step.score is not None for step in self.scale):
            raise PydanticCustomError("content_rule", "{message}", {"message": t("diagnostic.no_score")})
        variant_ids = [v.id for v in self.variants]
        if len(set(variant_ids)) != len(variant_ids):
            raise PydanticCustomError("content_rule", "{message}", {"message": t("diagnostic.duplicate_variant")})
        return self
