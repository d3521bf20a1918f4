"""Load training courses: course.yml, ordered lessons, cited cards, local images."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .i18n import t
from .layout import Layout
from .lessons import LESSON_FILE, Lesson, load_lesson
from .model.course import Course
from .model.fields import suggestion
from .problems import Problem
from .validation import validate
from .yamlsource import load_yaml

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".svg", ".gif"}


@dataclass
class CourseData:
    course: Course
    source: str
    folder: Path
    lessons: list[Lesson]

    @property
    def duration(self) -> int:
        """Total duration in minutes, always computed from the lessons."""
        return sum(lesson.meta.duration for lesson in self.lessons)

    def cited_cards(self) -> list[str]:
        seen: dict[str, None] = {}
        for lesson in self.lessons:
            for citation in lesson.citations:
                seen.setdefault(citation.target, None)
        return list(seen)


def _unique_ids(lessons: list[Lesson]) -> tuple[dict[str, Lesson], list[Problem]]:
    problems: list[Problem] = []
    by_id: dict[str, Lesson] = {}
    for lesson in lessons:
        if lesson.id in by_id:
            problems.append(Problem(lesson.source, 1, 1, t("lesson.duplicate_id", id=lesson.id, other=by_id[lesson.id].source), t("lesson.duplicate_id.hint"), "lesson-id"))
        else:
            by_id[lesson.id] = lesson
    return by_id, problems


def _order(course: Course, by_id: dict[str, Lesson], document) -> tuple[list[Lesson], list[Problem]]:
    problems: list[Problem] = []
    if course.lessons is not None:
        listed = list(course.lessons)
        for index, lesson_id in enumerate(listed):
            if lesson_id not in by_id:
                problems.append(document.problem(("lessons", index), t("lesson.missing_file", id=lesson_id), t("lesson.missing_file.hint", id=lesson_id), code="lesson-order"))
        for lesson in by_id.values():
            if lesson.id not in listed:
                problems.append(Problem(lesson.source, 1, 1, t("lesson.not_listed", id=lesson.id), t("lesson.not_listed.hint", id=lesson.id), "lesson-order"))
        return [by_id[i] for i in listed if i in by_id], problems
    numbers: dict[int, Lesson] = {}
    for lesson in by_id.values():
        if lesson.number is None:
            problems.append(Problem(lesson.source, 1, 1, t("lesson.no_order", id=lesson.id), t("lesson.no_order.hint", id=lesson.id), "lesson-order"))
        elif lesson.number in numbers:
            problems.append(Problem(lesson.source, 1, 1, t("lesson.duplicate_number", number=lesson.number, other=numbers[lesson.number].source), t("lesson.duplicate_number.hint"), "lesson-order"))
        else:
            numbers[lesson.number] = lesson
    return [numbers[n] for n in sorted(numbers)], problems


def load_course(layout: Layout, folder: Path, context: dict) -> tuple[CourseData | None, list[Problem], int]:
    """One course folder -> (course, problems, number of files checked)."""
    problems: list[Problem] = []
    course_file = folder / "course.yml"
    checked = 0
    course = None
    document = None
    if not course_file.exists():
        problems.append(Problem(layout.display(folder) + "/", 1, 1, t("course.missing_file"), t("course.missing_file.hint"), "course"))
    else:
        checked += 1
        document, found = load_yaml(course_file, layout.display(course_file))
        problems += found
        if document is not None:
            course, found = validate(Course, document, context)
            problems += found
            if course is not None and course.id != folder.name:
                problems.append(document.problem(("id",), t("course.id_mismatch", id=course.id, folder=folder.name), t("course.id_mismatch.hint", folder=folder.name), code="id"))
    lessons: list[Lesson] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == "course.yml":
            continue
        display = layout.display(path)
        if path.is_dir():
            if path.name != "images":
                problems.append(Problem(display + "/", 1, 1, t("course.stray_file", name=path.name), t("course.stray_file.hint"), "file"))
            continue
        if path.suffix != ".md":
            problems.append(Problem(display, 1, 1, t("course.stray_file", name=path.name), t("course.stray_file.hint"), "file"))
            continue
        checked += 1
        if not LESSON_FILE.match(path.name):
            problems.append(Problem(display, 1, 1, t("lesson.bad_filename", name=path.name), t("lesson.bad_filename.hint"), "filename"))
        lesson, found = load_lesson(path, display, context)
        problems += found
        if lesson is not None:
            lessons.append(lesson)  # also when its front matter is invalid: order and citations are still checked
            for image in lesson.images:
                target = folder / image.target
                if not target.is_file() or target.suffix.lower() not in IMAGE_SUFFIXES:
                    problems.append(Problem(display, image.line, image.col, t("text.image_missing", src=image.target), t("text.image_missing.hint"), "image"))
    by_id, found = _unique_ids(lessons)
    problems += found + check_citations_in(lessons, context.get("card_ids"))
    if course is None or document is None:
        return None, problems, checked
    ordered, found = _order(course, by_id, document)
    problems += found
    ordered = [lesson for lesson in ordered if lesson.meta is not None]
    if not lessons and not any(p.path.startswith(layout.display(folder)) and p.code != "course" for p in problems):
        problems.append(document.problem((), t("course.no_lessons"), t("course.no_lessons.hint"), code="course"))
    return CourseData(course, layout.display(course_file), folder, ordered), problems, checked


def load_courses(layout: Layout, context: dict) -> tuple[dict[str, CourseData], list[Problem], int]:
    courses: dict[str, CourseData] = {}
    problems: list[Problem] = []
    checked = 0
    if not layout.courses.is_dir():
        return courses, problems, checked
    for folder in sorted(p for p in layout.courses.iterdir() if p.is_dir() and not p.name.startswith(".")):
        course, found, count = load_course(layout, folder, context)
        problems += found
        checked += count
        if course is not None and course.course.id == folder.name:
            courses[course.course.id] = course
    return courses, problems, checked


def check_citations_in(lessons: list[Lesson], card_ids: set[str] | None) -> list[Problem]:
    """Every [[fiche:id]] must name an existing card file."""
    if card_ids is None:
        return []
    problems = []
    for lesson in lessons:
        for citation in lesson.citations:
            if citation.target not in card_ids:
                guess = suggestion(citation.target, sorted(card_ids))
                hint = t("hint.did_you_mean", guess=guess) if guess else t("lesson.unknown_card.hint")
                problems.append(Problem(lesson.source, citation.line, citation.col, t("lesson.unknown_card", id=citation.target), hint, "citation"))
    return problems
