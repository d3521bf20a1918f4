"""Lesson files: Markdown with YAML front matter and plain-text blocks.

Blocks are written so a non-technical author can read them as plain text::

    ::: exercice Titre            ::: quiz Question ?
    Énoncé…                       - [x] Bonne réponse
    --- solution                    > Retour pour cette réponse
    Solution…                     - [ ] Autre réponse
    :::                             > Retour
                                  --- explication
                                  Explication…
                                  :::

The parser keeps line numbers so every problem points at its source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import textrules
from .i18n import t
from .model.course import LessonMeta
from .model.fields import suggestion
from .positions import LineIndex
from .problems import Problem
from .validation import validate
from .yamlsource import load_yaml, read_text

BLOCK_TYPES = ("exercice", "discussion", "a-retenir", "note-animateur", "quiz")
# Sections a block may contain after its main text, by block type.
SECTIONS = {"exercice": ("solution",), "quiz": ("explication",)}
REQUIRED_SECTIONS = {"exercice": ("solution",), "quiz": ("explication",)}
TITLED = ("exercice", "discussion", "quiz")

OPEN = re.compile(r"^:::[ \t]*(?P<kind>[\w-]+)[ \t]*(?P<title>.*?)[ \t]*$")
CLOSE = re.compile(r"^:::[ \t]*$")
SECTION = re.compile(r"^---[ \t]*(?P<name>[\w-]+)[ \t]*$")
ANSWER = re.compile(r"^[-*][ \t]+\[(?P<mark>[ xX])\][ \t]+(?P<text>.+?)[ \t]*$")
FEEDBACK = re.compile(r"^[ \t]+>[ \t]?(?P<text>.*)$")
CARD_CITATION = re.compile(r"\[\[fiche:(?P<id>[^\]\s]*)\]\]")
ATX = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+|$)")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
LESSON_FILE = re.compile(r"^(?:(?P<number>\d+)-)?(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


@dataclass
class Answer:
    text: str
    correct: bool
    feedback: str


@dataclass
class Quiz:
    question: str
    answers: list[Answer]
    explanation: str

    @property
    def multiple(self) -> bool:
        return sum(a.correct for a in self.answers) > 1


@dataclass
class Block:
    kind: str
    title: str
    body: str
    line: int
    sections: dict[str, str] = field(default_factory=dict)
    quiz: Quiz | None = None


Segment = str | Block


@dataclass
class Citation:
    """A reference found in a lesson body (a card id or an image path) and where it is."""

    target: str
    line: int
    col: int


@dataclass
class Lesson:
    id: str
    number: int | None
    path: Path
    source: str
    meta: LessonMeta | None  # None when the front matter is invalid (already reported)
    segments: list[Segment]
    citations: list[Citation]
    images: list[Citation]  # local image paths, located like citations

    @property
    def quizzes(self) -> list[Quiz]:
        return [s.quiz for s in self.segments if isinstance(s, Block) and s.quiz]

    def blocks(self, kind: str) -> list[Block]:
        return [s for s in self.segments if isinstance(s, Block) and s.kind == kind]


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML padded to keep line numbers, body, first body line index)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            # Blank first line keeps YAML line numbers equal to file line numbers.
            return "\n" + "\n".join(lines[1:index]) + "\n", "\n".join(lines[index + 1 :]), index + 1
    return None, text, 0


class _Parser:
    def __init__(self, display: str, text: str, offset: int) -> None:
        self.display = display
        self.text = text
        self.offset = offset  # 0-based file line index of the body's first line
        self.lines = LineIndex(text, first_line=offset + 1)
        self.problems: list[Problem] = []

    def fail(self, line_index: int, col: int, key: str, **values: str) -> None:
        hint_key = key + ".hint"
        hint = t(hint_key, **values)
        self.problems.append(Problem(self.display, self.offset + line_index + 1, col, t(key, **values), "" if hint == hint_key else hint, key))

    def parse(self) -> list[Segment]:
        lines = self.text.split("\n")
        segments: list[Segment] = []
        prose: list[str] = []
        index = 0
        in_fence = False
        while index < len(lines):
            line = lines[index]
            if FENCE.match(line):
                in_fence = not in_fence
            if not in_fence and OPEN.match(line):
                segments.append("\n".join(prose))
                prose = []
                block, index = self.block(lines, index)
                if block is not None:
                    segments.append(block)
                continue
            if not in_fence and CLOSE.match(line):
                self.fail(index, 1, "lesson.stray_close")
            prose.append(line)
            index += 1
        segments.append("\n".join(prose))
        return [s for s in segments if not isinstance(s, str) or s.strip()]

    def block(self, lines: list[str], start: int) -> tuple[Block | None, int]:
        match = OPEN.match(lines[start])
        assert match
        kind, title = match.group("kind"), match.group("title")
        parts: dict[str, list[str]] = {"": []}
        current = ""
        index = start + 1
        closed = False
        while index < len(lines):
            line = lines[index]
            if CLOSE.match(line):
                closed = True
                index += 1
                break
            if OPEN.match(line):
                self.fail(index, 1, "lesson.nested_block")
                break
            section = SECTION.match(line)
            if section:
                current = section.group("name")
                if current not in SECTIONS.get(kind, ()):
                    self.fail(index, 1, "lesson.unknown_section", name=current, kind=kind, allowed=", ".join(SECTIONS.get(kind, ())) or "—")
                parts.setdefault(current, [])
            else:
                parts.setdefault(current, []).append(line)
            index += 1
        if not closed:
            self.fail(start, 1, "lesson.unclosed_block", kind=kind)
        if kind not in BLOCK_TYPES:
            guess = suggestion(kind, list(BLOCK_TYPES))
            self.fail(start, 5, "lesson.unknown_block", kind=kind, allowed=", ".join(BLOCK_TYPES), guess=guess or "—")
            return None, index
        if kind in TITLED and not title:
            self.fail(start, 1, "lesson.block_title", kind=kind)
        for name in REQUIRED_SECTIONS.get(kind, ()):
            if not "\n".join(parts.get(name, [])).strip():
                self.fail(start, 1, "lesson.missing_section", kind=kind, name=name)
        block = Block(kind, title, "\n".join(parts[""]).strip(), self.offset + start + 1, {k: "\n".join(v).strip() for k, v in parts.items() if k})
        if kind == "quiz":
            block.quiz = self.quiz(title, parts[""], start, block.sections.get("explication", ""))
        elif not block.body:
            self.fail(start, 1, "lesson.empty_block", kind=kind)
        return block, index

    def quiz(self, question: str, lines: list[str], start: int, explanation: str) -> Quiz:
        answers: list[Answer] = []
        answer_lines: list[int] = []
        for offset, line in enumerate(lines, start + 1):
            if not line.strip():
                continue
            answer = ANSWER.match(line)
            feedback = FEEDBACK.match(line)
            if answer:
                answers.append(Answer(answer.group("text"), answer.group("mark") in "xX", ""))
                answer_lines.append(offset)
            elif feedback and answers:
                previous = answers[-1]
                previous.feedback = (previous.feedback + " " + feedback.group("text").strip()).strip()
            else:
                self.fail(offset, 1, "lesson.quiz_line")
        if len(answers) < 2:
            self.fail(start, 1, "lesson.quiz_answers")
        if answers and not any(a.correct for a in answers):
            self.fail(start, 1, "lesson.quiz_no_correct")
        for answer, line in zip(answers, answer_lines):
            if not answer.feedback:
                self.fail(line, 1, "lesson.quiz_feedback", answer=answer.text[:60])
        return Quiz(question, answers, explanation)

    def headings(self) -> None:
        """No h1 in the body (the title is the h1), no level jumps."""
        previous = 1
        in_fence = False
        for index, line in enumerate(self.text.split("\n")):
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            match = None if in_fence else ATX.match(line)
            if not match:
                continue
            level = len(match.group("hashes"))
            if level == 1:
                self.fail(index, 1, "lesson.h1")
            elif level > previous + 1:
                self.fail(index, 1, "lesson.heading_jump", level=str(level), previous=str(previous), expected="#" * (previous + 1))
            previous = max(level, 2) if level == 1 else level

    def text_rules(self) -> None:
        for finding in textrules.check_markdown(self.text, headings=True, local_images=True):
            line, col = self.position(finding)
            self.problems.append(
                Problem(self.display, line, col, t(finding.key, **dict(finding.values)), t(finding.key + ".hint"), finding.key)
            )

    def position(self, finding: textrules.Finding) -> tuple[int, int]:
        return self.lines.position(finding.start)

    def locate(self, value: str, start: int) -> Citation:
        return Citation(value, *self.lines.position(start))

    def citations(self) -> list[Citation]:
        return [self.locate(m.group("id"), m.start()) for m in CARD_CITATION.finditer(self.text)]

    def images(self) -> list[Citation]:
        return [self.locate(src, start) for src, start in textrules.local_images(self.text)]


def load_lesson(path: Path, display: str, context: dict) -> tuple[Lesson | None, list[Problem]]:
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    name = LESSON_FILE.match(path.name)
    front, body, offset = split_front_matter(text)
    if front is None:
        return None, [Problem(display, 1, 1, t("lesson.no_front_matter"), t("lesson.no_front_matter.hint"), "front-matter")]
    document, found = load_yaml(path, display, front)
    problems += found
    meta = None
    if document is not None:
        meta, found = validate(LessonMeta, document, context)
        problems += found
    parser = _Parser(display, body, offset)
    segments = parser.parse()
    parser.headings()
    parser.text_rules()
    problems += parser.problems
    if name is None:
        return None, problems
    lesson = Lesson(
        id=name.group("id"),
        number=int(name.group("number")) if name.group("number") else None,
        path=path,
        source=display,
        meta=meta,
        segments=segments,
        citations=parser.citations(),
        images=parser.images(),
    )
    return lesson, problems
