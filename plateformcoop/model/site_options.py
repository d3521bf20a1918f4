"""The engine's settings in mkdocs.yml, under ``extra.plateformcoop``."""

from __future__ import annotations

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
