"""Every kind of bad card is reported as path:line:col: message, with a hint, all in one run."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from pathlib import Path

import pytest

from plateformcoop.content import load_content
from plateformcoop.problems import Problem

from conftest import FIXTURES, check, make_project

BAD = FIXTURES / "bad"

# fixture file -> expected (line, column or None, fragment of the message, fragment of the hint or None)
EXPECTED: dict[str, list[tuple[int, int | None, str, str | None]]] = {
    "syntax-error.yml": [(3, 10, "erreur de syntaxe YAML", "indentation")],
    "duplicate-key.yml": [(6, 1, "clé « title » en double (déjà définie ligne 2)", "perdue")],
    "python-tag.yml": [(2, 8, "étiquette YAML « !!python/object/apply:os.system » refusée", "texte simple")],
    "alias-bomb.yml": [(2, 4, "ancres et alias YAML", "Recopiez")],
    "empty.yml": [(1, 1, "le fichier est vide", "plateformcoop new practice")],
    "not-utf8.yml": [(2, 12, "pas encodé en UTF-8 (octet 0xe9 invalide)", "UTF-8")],
    "unknown-key.yml": [
        (3, 1, "clé inconnue « sumary »", "Vouliez-vous dire « summary » ?"),
        (1, 1, "champ obligatoire « summary » manquant", "résume"),
    ],
    "missing-empty.yml": [
        (1, 1, "champ obligatoire « problem » manquant", "problème"),
        (4, 10, "le champ « practice » est vide", None),
    ],
    "wrong-type.yml": [
        (6, 8, "« steps » doit être une liste, pas un texte", "lignes « - »"),
        (25, 10, "« updated » doit être une date au format AAAA-MM-JJ", None),
    ],
    "id-mismatch.yml": [
        (1, 5, "l'identifiant « deuxieme-fiche » ne correspond pas au nom du fichier « id-mismatch »", "Renommez"),
        (1, 5, "l'identifiant « deuxieme-fiche » est déjà utilisé par practices/deuxieme-fiche.yml", "unique"),
    ],
    "unknown-term.yml": [
        (21, 10, "« gouvernanse » n'est pas un terme du vocabulaire « themes »", "Vouliez-vous dire « gouvernance » ?"),
        (24, 9, "« enorme » n'est pas un terme du vocabulaire « levels »", "faible, moyen, eleve"),
    ],
    "unknown-related.yml": [
        (6, 11, "la fiche liée « deuxieme-fich » n'existe pas", "Vouliez-vous dire « deuxieme-fiche » ?"),
        (6, 26, "la fiche liée « fiche-inexistante » n'existe pas", None),
    ],
    "bad-urls.yml": [
        (4, 25, "lien non sécurisé « http://exemple.fr/page »", "https"),
        (14, 10, "adresse « https://pas une url » invalide", None),
        (17, 10, "adresse « http://www.legifrance.gouv.fr/ » invalide", None),
    ],
    "long-summary.yml": [(3, 10, "« summary » est trop long : 247 caractères pour 200 au plus", "Raccourcissez")],
    "raw-html.yml": [
        (6, 3, "HTML brut interdit (« <script »)", "Markdown"),
        (7, 24, "HTML brut interdit (« <img »)", "script"),
    ],
    "template.yml": [
        (2, 17, "syntaxe de gabarit", "jamais interprété"),
        (6, 3, "syntaxe de gabarit", None),
        (8, 3, "syntaxe de gabarit", None),
    ],
    "attributes.yml": [(6, 3, "syntaxe d'attributs", "attributs HTML")],
    "snippet.yml": [(6, 3, "syntaxe d'inclusion de fichier « --8<-- » interdite", "inclurait un fichier")],
    "unclosed-quote.yml": [(3, 10, "guillemet ouvert ici et jamais fermé", "jusqu'à la ligne 27, colonne 1")],
    "unclosed-bracket.yml": [(19, 9, "« [ » ouvert ici et jamais fermé", "ligne 20, colonne 10")],
    "deep-nesting.yml": [(3, 57, "trop d'imbrication : plus de 50 niveaux", "« [ »")],
    "deep-block.yml": [(4, 99, "trop d'imbrication : plus de 50 niveaux", "« - »")],
    "control-character.yml": [(2, 16, "caractère de contrôle interdit (U+0008)", "copier-coller")],
    "wrong-values.yml": [
        (2, 7, "valeur « de » non permise pour « lang »", "Valeurs possibles : « fr » ou « en »."),
        (19, 13, "« self_assessment[1].weight » doit être un nombre entier, pas un nombre", None),
        (21, 13, "« self_assessment[2].weight » doit être un nombre entier, pas un texte", None),
    ],
    "carte.yaml": [(1, 1, "fichier ignoré", "carte.yml")],
    "Ma_Fiche.yml": [(1, 1, "nom de fichier « Ma_Fiche.yml » invalide", "minuscules")],
}


def _problems_for(tmp_path: Path, name: str) -> list[Problem]:
    project = make_project(tmp_path)
    shutil.copy(BAD / name, project / "practices" / name)
    content = load_content(project)
    return [p for p in content.problems if p.path == f"practices/{name}"]


def test_every_fixture_is_covered() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in BAD.iterdir() if p.name != "bom-crlf.yml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_card_is_reported_at_its_line(tmp_path: Path, name: str) -> None:
    problems = _problems_for(tmp_path, name)
    assert problems, f"{name} was accepted"
    for line, col, message, hint in EXPECTED[name]:
        matching = [p for p in problems if p.line == line and message in p.message]
        assert matching, f"{name}: no problem at line {line} with {message!r} in:\n" + "\n".join(p.one_line() for p in problems)
        problem = matching[0]
        if col is not None:
            assert problem.col == col, problem.one_line()
        if hint is not None:
            assert hint in problem.hint, problem.one_line()
        # The human format is exactly path:line:col: message.
        assert problem.format().startswith(f"practices/{name}:{line}:{problem.col}: ")


def test_all_problems_in_one_run(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    for path in BAD.iterdir():
        shutil.copy(path, project / "practices" / path.name)
    content = load_content(project)
    reported = {p.path for p in content.problems}
    assert reported == {f"practices/{name}" for name in EXPECTED}
    # No file is dropped silently: every file is either built or reported.
    built = {f"practices/{pid}.yml" for pid in content.practices}
    for path in (project / "practices").iterdir():
        assert f"practices/{path.name}" in built | reported


def test_bom_and_crlf_are_valid(tmp_path: Path) -> None:
    assert (BAD / "bom-crlf.yml").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in (BAD / "bom-crlf.yml").read_bytes()
    assert _problems_for(tmp_path, "bom-crlf.yml") == []
    content = load_content(tmp_path)
    assert content.practices["bom-crlf"].title == "Un titre"


def test_alias_bomb_is_rejected_fast(tmp_path: Path) -> None:
    start = time.perf_counter()
    problems = _problems_for(tmp_path, "alias-bomb.yml")
    # A generous bound: expanding the aliases would take minutes and gigabytes.
    assert time.perf_counter() - start < 5
    assert all("alias" in p.message for p in problems)


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = Path("/tmp/plateformcoop-pwned")
    marker.unlink(missing_ok=True)
    _problems_for(tmp_path, "python-tag.yml")
    assert not marker.exists()


def test_yaml_11_booleans_stay_words(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    card = (project / "practices" / "deuxieme-fiche.yml").read_text(encoding="utf-8")
    (project / "practices" / "deuxieme-fiche.yml").write_text(card.replace("authors: [Équipe de test]", "authors: [no]"), encoding="utf-8")
    content = load_content(project)
    assert content.practices["deuxieme-fiche"].authors == ["no"]


SCALARS = """\
plain: Lille et sa métropole
quoted: "2024-05-01"
single: '42'
date: 2024-05-01
stamp: 2024-05-01 10:00:00
int: 42
negative: -3
float: 1.5
dot: .5
sci: 6.02e+23
yes: yes
No: No
on: off
true: true
False: False
null: null
tilde: ~
empty:
merge_like: <<
equals: =
word_t: territoire
word_n: numérique
word_o: outil
long: 12345678901234567890123456789012345678901234567890
"""


def test_scalar_tags_match_stock_pyyaml() -> None:
    # The loader finds most tags without trying PyYAML's implicit resolvers:
    # every scalar must still get exactly the tag stock PyYAML gives it.
    import yaml

    from plateformcoop.yamlsource import Loader

    def tags(loader: type) -> list[tuple[str, str, str]]:
        root = yaml.compose(SCALARS, Loader=loader)
        return [(key.value, key.tag, value.tag) for key, value in root.value]

    stock = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert Loader is not stock
    for _ in range(2):  # the second pass answers short scalars from the memo
        assert tags(Loader) == tags(stock)
    assert dict((key, tag) for key, _, tag in tags(Loader))["date"].endswith("timestamp")


def test_review_date_in_the_future_is_located(tmp_path: Path) -> None:
    """A card cannot claim a verification that has not happened yet."""
    source = (FIXTURES / "practices" / "cooperative-de-test.yml").read_text(encoding="utf-8")
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    lines = source.replace("reviewed: 2026-01-20", f"reviewed: {tomorrow}").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("reviewed:"))
    project = make_project(tmp_path, practices=None)
    (project / "practices" / "cooperative-de-test.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert f"practices/cooperative-de-test.yml:{line}:11: la date {tomorrow} est dans le futur" in result.stdout


def test_many_findings_in_one_card_are_located_fast(tmp_path: Path) -> None:
    """Each finding used to be located by scanning the text from its start again:
    a card full of raw HTML took minutes. One pass per snippet now."""
    project = make_project(tmp_path)
    card = project / "practices" / "deuxieme-fiche.yml"
    lines = card.read_text(encoding="utf-8").split("\n")
    number = next(n for n, text in enumerate(lines) if text.startswith("problem:"))
    lines[number] = "problem: " + "<b> " * 4_900
    steps = "\n".join("  - " + "<b> " * 4_900 for _ in range(6))
    card.write_text("\n".join(lines).replace("steps:\n", "steps:\n" + steps + "\n", 1), encoding="utf-8")
    start = time.perf_counter()
    problems = [p for p in load_content(project).problems if p.path == "practices/deuxieme-fiche.yml"]
    assert time.perf_counter() - start < 10
    html = [p for p in problems if p.code == "text.html"]
    assert len(html) == 7 * 4_900
    assert {(p.line, p.col) for p in html if p.line == number + 1} == {(number + 1, 10 + 4 * k) for k in range(4_900)}


def test_many_citations_in_one_lesson_are_located_fast(tmp_path: Path) -> None:
    """Each citation's line used to be counted from the start of the lesson (quadratic)."""
    from plateformcoop.lessons import load_lesson

    head = "---\ntitle: Leçon\nduration: 20\nobjectives:\n  - Un.\nkey_points:\n  - Deux.\n---\n\n"
    path = tmp_path / "01-lecon.md"
    path.write_text(head + "Voir [[fiche:x]] et <b>.\n" * 18_000, encoding="utf-8")
    start = time.perf_counter()
    lesson, problems = load_lesson(path, "01-lecon.md", {})
    assert time.perf_counter() - start < 5
    assert lesson is not None and len(lesson.citations) == 18_000
    assert (lesson.citations[-1].line, lesson.citations[-1].col) == (10 + 17_999, 6)
    html = [p for p in problems if p.code == "text.html"]
    assert len(html) == 18_000 and (html[-1].line, html[-1].col) == (10 + 17_999, 21)


def test_deep_nesting_never_crashes_check(tmp_path: Path) -> None:
    """A few hundred thousand "[" used to crash libyaml's composer (segmentation
    fault), a few thousand raised RecursionError: now one located problem."""
    project = make_project(tmp_path)
    depth = 200_000
    (project / "practices" / "profonde.yml").write_text("id: profonde\nsteps: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = check(project)
    assert time.perf_counter() - start < 30
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    assert "practices/profonde.yml:2:57: trop d'imbrication" in result.stdout


def test_validation_guards_against_recursion(monkeypatch: pytest.MonkeyPatch) -> None:
    from plateformcoop.model.practice import Practice
    from plateformcoop.validation import validate
    from plateformcoop.yamlsource import load_yaml

    document, _ = load_yaml(Path("x.yml"), "practices/x.yml", "id: x\ntitle: Un titre\n")

    def deep(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(Practice, "model_validate", deep)
    parsed, problems = validate(Practice, document, {})
    assert parsed is None
    assert [p.one_line()[:40] for p in problems] == ["practices/x.yml:1:1: trop d'imbrication "]


def test_one_huge_line_is_bounded(tmp_path: Path) -> None:
    """A file of one 500 KB line (under the size limit) is read and reported quickly."""
    project = make_project(tmp_path)
    (project / "practices" / "longue.yml").write_text("id: longue\ntitle: " + "a" * 500_000 + "\n", encoding="utf-8")
    (project / "practices" / "enorme.yml").write_text("title: " + "a" * 2_000_000, encoding="utf-8")
    start = time.perf_counter()
    problems = load_content(project).problems
    assert time.perf_counter() - start < 10
    long = [p for p in problems if p.path == "practices/longue.yml"]
    assert any(p.line == 2 and "« title » est trop long : 500000 caractères" in p.message for p in long), long
    assert [p.message for p in problems if p.path == "practices/enorme.yml"] == ["fichier trop volumineux (1953 Ko, limite 512 Ko)"]


# Words of PyYAML's and pydantic's English messages that must never reach people.
ENGLISH = re.compile(
    r" or |Input should|Field required|should be|\b(?:expected|found|while|scanning|parsing|allowed|"
    r"character|mapping|sequence|stream|token|Value error|valid|string|integer|number|got)\b"
)

BROKEN_YAML = [
    'title: "pas fermé\nsummary: x\n',
    "title: 'pas fermé\n",
    "themes: [a, b\nsummary: x\n",
    "themes: {a: 1\nsummary: x\n",
    'themes: [a, "x" y]\n',
    "title: a: b\n",
    "id: x\n  title: a\nsummary: b\n",
    "id: x\n\ttitle: a\n",
    "id: x\nsteps:\n  - a\n b\n",
    'title: "a\\qb"\n',
    'title: "\\xZZ"\n',
    'title: "a\n---\nb"\n',
    "id: x\n---\nid: y\n",
    "id: &\n",
    "id: !<x\n",
    "id: *nulle\n",
    "a: &x 1\nb: &x 2\n",
    "id: |0\n  a\n",
    "id: |x\n  a\n",
    "id: x\x07\n",
    "[a: b\n",
    "? a\n? b\n- c\n",
    "%YAML 2.0\n---\na: b\n",
    "a: b\n...\nc: d\n",
]


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_yaml_errors_are_french(text: str) -> None:
    from plateformcoop.yamlsource import load_yaml

    document, problems = load_yaml(Path("x.yml"), "x.yml", text)
    assert document is None and problems, text
    for problem in problems:
        assert not ENGLISH.search(problem.message + " " + problem.hint), problem.one_line()


def test_no_english_in_any_fixture_problem(tmp_path: Path) -> None:
    """Every message and hint from the bad cards and bad courses is French."""
    project = make_project(tmp_path)
    for path in BAD.iterdir():
        shutil.copy(path, project / "practices" / path.name)
    bad_courses = FIXTURES / "bad-courses"
    shutil.copy(bad_courses / "bad-lesson.md", project / "courses" / "module-test" / "03-bad-lesson.md")
    shutil.copytree(bad_courses / "module-casse", project / "courses" / "module-casse")
    problems = load_content(project).problems
    assert len({p.path for p in problems}) >= len(EXPECTED) + 3
    leaks = [p.one_line() for p in problems if ENGLISH.search(p.message + " " + p.hint)]
    assert leaks == []
