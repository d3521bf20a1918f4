"""A directory entry: one cooperative platform (platforms/<id>.yml), and the territories list."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..i18n import t
from .fields import HttpsUrl, Id, PastDate, PlainText, Term, Unique
from .base import Strict

# A free-text field must never carry a person's e-mail address (GDPR: the directory
# publishes organisations, not people).
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _no_email(value: str) -> str:
    if _EMAIL.search(value):
        raise PydanticCustomError("email_in_text", "{message}", {"message": t("field.email_in_text")})
    return value


def Text(max_length: int) -> object:
    """Plain text that may not contain an e-mail address."""
    from pydantic import AfterValidator

    return Annotated[PlainText(max_length), AfterValidator(_no_email)]


TerritoryCode = Annotated[
    str,
    Field(pattern=r"^(?:\d{2}|2[AB]|97\d|\d{5}|2[AB]\d{3})$", json_schema_extra={"x-territory": True}),
]


class AppliedPractice(Strict):
    """A card whose practice the platform applies, with how (optional)."""

    card: Id = Field(description="Identifiant de la fiche (practices/<id>.yml).")
    note: Text(200) | None = Field(default=None, description="Comment la plateforme l'applique, en une ligne.")


class Contact(Strict):
    """A public contact of the organisation, never a person's private data."""

    url: HttpsUrl | None = Field(default=None, description="Page de contact de l'organisation (https).")
    address: Text(300) | None = Field(default=None, description="Adresse postale publique de l'organisation.")


class PlatformSource(Strict):
    title: PlainText(200) = Field(description="Titre de la page consultée.")
    url: HttpsUrl = Field(description="Adresse https de la page.")


class Platform(Strict):
    """Fiche de l'annuaire : une plateforme coopérative du réseau."""

    id: Id = Field(description="Identifiant : le nom du fichier sans « .yml » (minuscules, chiffres, tirets).")
    lang: Literal["fr", "en"] = Field(default="fr", description="Langue de la fiche.")
    name: Text(120) = Field(description="Nom de la plateforme.")
    summary: Text(200) = Field(description="Ce qu'elle fait, en une phrase simple.")
    website: HttpsUrl | None = Field(default=None, description="Site de la plateforme (https), s'il existe.")
    legal_form: Term("legal-forms") = Field(description="Forme juridique.")
    legal_form_note: Text(200) | None = Field(default=None, description="Précision sur la forme juridique (par exemple quand elle est « autre »).")
    sectors: Annotated[list[Term("sectors")], Field(min_length=1), Unique] = Field(description="Secteurs d'activité.")
    scope: Term("scopes") = Field(description="Échelle à laquelle elle agit.")
    territories: Annotated[list[TerritoryCode], Field(min_length=1), Unique] = Field(
        description="Où elle agit : codes de département (« 59 ») ou codes commune Insee (« 59350 ») de data/territories.yml."
    )
    founded: Annotated[int, Field(ge=1900, le=2100)] | None = Field(default=None, description="Année de création.")
    status: Term("statuses") = Field(description="Situation : en activité, en projet ou fermée.")
    closed: PastDate | None = Field(default=None, description="Date de fermeture (seulement si la plateforme est fermée).")
    principles: Annotated[list[Term("principles")], Unique] = Field(
        default_factory=list, description="Principes de la charte « Plateformes en communs » auxquels elle s'engage publiquement."
    )
    practices: list[AppliedPractice] = Field(default_factory=list, description="Fiches dont elle applique la pratique.")
    networks: Annotated[list[Term("networks")], Unique] = Field(default_factory=list, description="Réseaux dont elle est membre.")
    contact: Contact | None = Field(default=None, description="Contact public de l'organisation (jamais de donnée personnelle).")
    sources: Annotated[list[PlatformSource], Field(min_length=1)] = Field(description="Pages publiques qui attestent ces informations.")
    verified: PastDate = Field(description="Date de la dernière vérification de ces informations (AAAA-MM-JJ).")
    verified_by: Text(120) = Field(description="Qui les a vérifiées (une équipe ou une organisation).")
    show_diagnostic: bool = Field(default=False, description="Publier sur cette page les résultats de ses diagnostics (observatoire).")

    @model_validator(mode="after")
    def _closed_matches_status(self) -> "Platform":
        if self.status == "fermee" and self.closed is None:
            raise PydanticCustomError("closed_missing", "{message}", {"message": t("field.closed_missing"), "loc": "status"})
        if self.status != "fermee" and self.closed is not None:
            raise PydanticCustomError("closed_unexpected", "{message}", {"message": t("field.closed_unexpected"), "loc": "closed"})
        return self

    @property
    def is_closed(self) -> bool:
        return self.status == "fermee"

    def age_of_verification(self, today: dt.date) -> int:
        """Whole months since the entry was verified."""
        months = (today.year - self.verified.year) * 12 + today.month - self.verified.month
        return months - (1 if today.day < self.verified.day else 0)


class Departement(Strict):
    code: Annotated[str, Field(pattern=r"^(?:\d{2}|2[AB]|97\d)$")] = Field(description="Code officiel géographique du département.")
    name: PlainText(80) = Field(description="Nom du département.")
    region: bool = Field(default=False, description="Dans la région Hauts-de-France : a sa page et figure sur la carte.")


class Commune(Strict):
    code: Annotated[str, Field(pattern=r"^(?:\d{5}|2[AB]\d{3})$")] = Field(description="Code commune Insee (5 caractères).")
    name: PlainText(120) = Field(description="Nom de la commune.")
    departement: Annotated[str, Field(pattern=r"^(?:\d{2}|2[AB]|97\d)$")] = Field(description="Code de son département.")


class TerritoriesFile(Strict):
    departements: Annotated[list[Departement], Field(min_length=1)]
    communes: list[Commune] = Field(default_factory=list)
