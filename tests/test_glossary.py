"""Glossary data: validated like cards, one anchor per id, one tooltip per spelling."""

from __future__ import annotations

from pathlib import Path

from plateformcoop.content import load_content

from conftest import REPO, make_project


def test_real_glossary_is_valid_and_sorted() -> None:
    content = load_content(REPO)
    assert not [p for p in content.problems if p.path == "data/glossary.yml"]
    terms = [entry.term for entry in content.glossary]
    assert len(terms) >= 20
    for expected in ("SCIC", "SCOP", "ESS", "CAE", "sociétariat", "collège de vote"):
        assert expected in terms, expected


def test_duplicate_spellings_are_reported_but_id_may_equal_term(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    glossary = project / "data" / "glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8")
        + """  - id: tiers-lieu
    term: tiers-lieu
    short: Un lieu partagé.
    definition: Un lieu partagé.
    sources:
      - title: Source
        url: https://www.example.org/
  - id: scic-bis
    term: Scic
    short: Doublon.
    definition: Doublon.
    sources:
      - title: Source
        url: https://www.example.org/
""",
        encoding="utf-8",
    )
    problems = [p for p in load_content(project).problems if p.path == "data/glossary.yml"]
    assert [p.message for p in problems] == ["le terme de glossaire « Scic » est défini deux fois"]
    assert problems[0].line == 25
