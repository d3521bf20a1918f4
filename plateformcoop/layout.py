"""Where things live in a project, by convention (one place to change it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def practices(self) -> Path:
        return self.root / "practices"

    @property
    def platforms(self) -> Path:
        return self.root / "platforms"

    @property
    def territories(self) -> Path:
        return self.data / "territories.yml"

    @property
    def courses(self) -> Path:
        return self.root / "courses"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def vocabularies(self) -> Path:
        return self.data / "vocabularies"

    @property
    def glossary(self) -> Path:
        return self.data / "glossary.yml"

    @property
    def diagnostic(self) -> Path:
        return self.data / "diagnostic.yml"

    @property
    def schemas(self) -> Path:
        return self.root / "schemas"

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
