"""The engine's settings in mkdocs.yml, under ``extra.plateformcoop``."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Strict
from .fields import HttpsUrl


class SiteOptions(Strict):
    """Réglages de Plateformcoop dans mkdocs.yml (extra: plateformcoop:)."""

    source_edit_url: HttpsUrl | None = Field(
        default=None,
        description="Adresse (https) qui ouvre un fichier de contenu en modification sur la forge, "
        "à laquelle on ajoute son chemin (GitHub : …/edit/main/ ; GitLab : …/-/edit/main/).",
    )
    source_new_url: HttpsUrl | None = Field(
        default=None,
        description="Adresse (https) qui crée un nouveau fichier sur la forge, "
        "à laquelle on ajoute le dossier (GitHub : …/new/main/ ; GitLab : …/-/new/main/).",
    )
    stale_after_months: Annotated[int, Field(ge=1, le=120)] = Field(
        default=12,
        description="Âge (en mois) au-delà duquel une fiche de l'annuaire est signalée « à revérifier » "
        "(un avertissement qui ne bloque jamais la publication).",
    )
    kits: bool = Field(
        default=True,
        description="Construire les kits d'atelier en PDF (jeux de cartes, livrets, questionnaire papier) ; "
        "la variable d'environnement PLATEFORMCOOP_KITS=0 les saute le temps d'une construction.",
    )
