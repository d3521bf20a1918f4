"""Problems found in content, reported to people as ``path:line:col: message``.

Every loader and validator appends :class:`Problem` objects to a list instead of
raising, so one run reports everything that is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from .i18n import plural, t


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, located to the line and column (1-based)."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    code: str = "invalid"

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        if self.hint:
            text += f"\n    → {self.hint}"
        return text

    def one_line(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{text} → {self.hint}" if self.hint else text


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems))


# One wrong file can hold thousands of problems (text pasted from a word
# processor, a bad indentation repeated on every line). People see the first
# ones of each file and a line counting the rest: fixing those often fixes the
# others, and a screen of thousands hides the other files' problems. The JSON
# report keeps them all, for tools.
MAX_SHOWN_PER_FILE = 20
TRUNCATED_CODE = "truncated"


def shown_problems(problems: Iterable[Problem], limit: int = MAX_SHOWN_PER_FILE) -> list[Problem]:
    """The problems shown to people, in order: at most ``limit`` per file, then
    one line, at the first one left out, that says how many more the file has."""
    per_file: dict[str, list[Problem]] = {}
    for problem in problems:
        per_file.setdefault(problem.path, []).append(problem)
    shown: list[Problem] = []
    for path, found in per_file.items():
        shown += found[:limit]
        hidden = found[limit:]
        if hidden:
            first = hidden[0]
            message = plural(len(hidden), "problems.truncated_one", "problems.truncated")
            shown.append(Problem(path, first.line, first.col, message, t("problems.truncated.hint"), TRUNCATED_CODE))
    return shown


def format_human(problems: list[Problem], checked_files: int) -> str:
    """Problems grouped per file, then a summary line (French, for contributors)."""
    lines: list[str] = []
    current = None
    for problem in shown_problems(problems):
        if problem.path != current:
            if current is not None:
                lines.append("")
            current = problem.path
            lines.append(f"── {problem.path}")
        lines.append(problem.format())
    files = len({p.path for p in problems})
    if problems:
        lines.append("")
        lines.append(
            f"✗ {len(problems)} problème{'s' if len(problems) > 1 else ''} "
            f"dans {files} fichier{'s' if files > 1 else ''} "
            f"({checked_files} fichier{'s' if checked_files > 1 else ''} vérifié{'s' if checked_files > 1 else ''})."
        )
    else:
        lines.append(f"✓ {checked_files} fichier{'s' if checked_files > 1 else ''} vérifié{'s' if checked_files > 1 else ''}, aucun problème.")
    return "\n".join(lines)


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_notices(notices: list[Problem]) -> str:
    """Things to look at that do not fail the check (entries to re-check), after the summary."""
    if not notices:
        return ""
    count = len(notices)
    lines = [f"ℹ {count} fiche{'s' if count > 1 else ''} à revoir (sans bloquer) :"]
    lines += [notice.format() for notice in notices]
    return "\n".join(lines)


def format_github(problems: list[Problem], level: str = "error") -> str:
    """GitHub Actions workflow commands: one annotation per problem on its line
    (``level="notice"`` for things that must not fail the run)."""
    out = []
    for p in shown_problems(problems):
        message = p.message + (f"\n→ {p.hint}" if p.hint else "")
        out.append(
            f"::{level} file={_github_escape(p.path, property_value=True)},line={p.line},col={p.col},"
            f"title={_github_escape(p.code, property_value=True)}::{_github_escape(message)}"
        )
    return "\n".join(out)


def format_json(problems: list[Problem], checked_files: int, notices: list[Problem] | None = None) -> str:
    return json.dumps(
        {"checked_files": checked_files, "problems": [asdict(p) for p in problems], "notices": [asdict(n) for n in notices or []]},
        ensure_ascii=False,
        indent=2,
    )
