"""A good-practice card (practices/<id>.yml)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .base import Strict
from .fields import SUMMARY_MAX, HttpsUrl, Id, Markdown, PastDate, PlainText, Term, Unique


class Example(Strict):
    """A real case: a named cooperative, platform or local authority."""

    name: PlainText(120) = Field(description="Nom de la coopérative, de la plateforme ou de la collectivité.")
    description: Markdown = Field(description="Ce qu'elle fait concrètement (Markdown).")
    url: HttpsUrl | None = Field(default=None, description="Adresse publique (https), si elle existe.")


class Resource(Strict):
    """A source or a further reading."""

    title: PlainText(200) = Field(description="Titre de la ressource.")
    url: HttpsUrl = Field(description="Adresse https de la ressource.")
    kind: Term("resource-kinds") = Field(description="Nature de la ressource.")


class Question(Strict):
    """A self-assessment question, used by the diagnostic."""

    question: PlainText(200) = Field(description="Question fermée qu'une équipe peut se poser sur elle-même.")
    weight: Annotated[int, Field(ge=1, le=3)] = Field(default=1, description="Poids dans le diagnostic (1 à 3).")


class Practice(Strict):
    """Fiche de bonne pratique."""

    id: Id = Field(description="Identifiant : le nom du fichier sans « .yml » (minuscules, chiffres, tirets).")
    lang: Literal["fr", "en"] = Field(default="fr", description="Langue de la fiche.")
    title: PlainText(90) = Field(description="Titre court et concret, sans mise en forme.")
    summary: PlainText(SUMMARY_MAX) = Field(
        description="Une phrase qui résume la pratique, en texte simple."
    )
    problem: Markdown = Field(description="Le problème auquel la pratique répond (Markdown).")
    practice: Markdown = Field(description="La pratique elle-même : quoi faire et pourquoi cela marche (Markdown).")
    steps: Annotated[list[Markdown], Field(min_length=2)] = Field(description="Étapes concrètes, dans l'ordre.")
    pitfalls: Annotated[list[Markdown], Field(min_length=1)] = Field(description="Pièges à éviter.")
    examples: Annotated[list[Example], Field(min_length=1)] = Field(description="Exemples réels et nommés.")
    resources: Annotated[list[Resource], Field(min_length=1)] = Field(description="Sources et ressources (https).")
    related: Annotated[list[Id], Unique] = Field(default_factory=list, description="Identifiants d'autres fiches liées.")
    self_assessment: Annotated[list[Question], Field(min_length=1)] = Field(
        description="Questions d'autodiagnostic (utilisées par le diagnostic)."
    )
    principles: Annotated[list[Term("principles")], Field(min_length=1), Unique] = Field(
        description="Principe(s) de la charte « Plateformes en communs » servis par la pratique."
    )
    themes: Annotated[list[Term("themes")], Field(min_length=1), Unique] = Field(description="Thèmes.")
    audiences: Annotated[list[Term("audiences")], Field(min_length=1), Unique] = Field(description="Publics visés.")
    stages: Annotated[list[Term("stages")], Field(min_length=1), Unique] = Field(
        description="Étapes de vie de la plateforme où la pratique s'applique."
    )
    effort: Term("levels") = Field(description="Effort de mise en œuvre.")
    impact: Term("levels") = Field(description="Impact attendu.")
    authors: Annotated[list[PlainText(120)], Field(min_length=1), Unique] = Field(description="Autrices et auteurs.")
    updated: dt.date = Field(description="Date de dernière mise à jour (AAAA-MM-JJ).")
    reviewed: PastDate | None = Field(
        default=None,
        description=(
            "Date de la dernière vérification des faits et des sources (AAAA-MM-JJ) : chaque chiffre, "
            "date et lien relu contre sa source. Affichée sur la fiche."
        ),
    )
    license: Term("licenses") = Field(description="Licence du contenu.")
