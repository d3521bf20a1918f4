"""A training course (courses/<id>/course.yml) and the front matter of its lessons."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StrictInt

from .base import Strict
from .fields import Id, PlainText, Term, Unique


class Course(Strict):
    """Module de formation."""

    id: Id = Field(description="Identifiant : le nom du dossier du module.")
    lang: Literal["fr", "en"] = Field(default="fr", description="Langue du module.")
    title: PlainText(120) = Field(description="Titre du module.")
    summary: PlainText(300) = Field(description="Résumé en une ou deux phrases (300 caractères au plus).")
    audiences: Annotated[list[Term("audiences")], Field(min_length=1), Unique] = Field(description="Publics visés.")
    level: Term("course-levels") = Field(description="Niveau.")
    objectives: Annotated[list[PlainText(200)], Field(min_length=1)] = Field(
        description="Objectifs pédagogiques : ce que l'on sait faire à la fin."
    )
    prerequisites: list[PlainText(200)] = Field(default_factory=list, description="Prérequis (peut être vide).")
    lessons: Annotated[list[Id], Field(min_length=1), Unique] | None = Field(
        default=None,
        description="Identifiants des leçons dans l'ordre (nom du fichier sans « .md » ni préfixe numéroté). "
        "Sans cette liste, l'ordre suit le préfixe numéroté des fichiers (01-…, 02-…).",
    )
    authors: Annotated[list[PlainText(120)], Field(min_length=1), Unique] = Field(description="Autrices et auteurs.")
    updated: dt.date = Field(description="Date de dernière mise à jour (AAAA-MM-JJ).")
    license: Term("licenses") = Field(description="Licence du contenu.")


class LessonMeta(Strict):
    """En-tête (front matter) d'une leçon."""

    title: PlainText(120) = Field(description="Titre de la leçon.")
    duration: Annotated[StrictInt, Field(ge=1, le=240)] = Field(description="Durée en minutes (nombre entier).")
    objectives: Annotated[list[PlainText(200)], Field(min_length=1)] = Field(description="Objectifs de la leçon.")
    key_points: Annotated[list[PlainText(300)], Field(min_length=1)] = Field(
        description="Points clés, affichés dans l'encadré « À retenir »."
    )
