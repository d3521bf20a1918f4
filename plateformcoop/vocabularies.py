"""Controlled vocabularies: ids, labels and descriptions per language."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import DEFAULT_LANGUAGE
from .model.vocabulary import VocabularyTerm

# Vocabulary name -> the file data/vocabularies/<name>.yml. Order is display order.
VOCABULARY_NAMES = (
    "principles", "themes", "audiences", "stages", "levels", "resource-kinds", "licenses", "course-levels",
    # The directory of platforms.
    "legal-forms", "sectors", "scopes", "statuses", "networks",
)


@dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: tuple[VocabularyTerm, ...]

    @property
    def ids(self) -> list[str]:
        return [term.id for term in self.terms]

    def term(self, term_id: str) -> VocabularyTerm:
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(term_id)

    def label(self, term_id: str, language: str = DEFAULT_LANGUAGE) -> str:
        labels = self.term(term_id).label
        return labels.get(language) or labels.get(DEFAULT_LANGUAGE) or next(iter(labels.values()))

    def description(self, term_id: str, language: str = DEFAULT_LANGUAGE) -> str:
        texts = self.term(term_id).description
        return texts.get(language) or texts.get(DEFAULT_LANGUAGE) or next(iter(texts.values()))
