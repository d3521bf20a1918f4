"""A course on paper: the learner's handout and the facilitator's edition.

Both follow the course page and its lessons (same order, same text); the
learner's has the quizzes as paper questions with the answers at the end, the
facilitator's adds the exercise solutions, the facilitator notes, the answers in
place, the session timing, a sign-in sheet and an attestation form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content import Content
from ..courses import CourseData
from ..i18n import t
from ..lessons import Block
from ..render.course_pages import duration
from ..render.paths import course_path, practice_path
from ..render.settings import SiteSettings
from .markup import cite, to_html

SIGN_IN_ROWS = 16


@dataclass(frozen=True)
class Handout:
    course_id: str
    facilitator: bool
    title: str
    data: dict[str, Any]
    base_url: str  # the course folder: lesson images are relative to it


def _labels(content: Content, vocabulary: str, ids: list[str], lang: str) -> str:
    return ", ".join(content.vocabularies[vocabulary].label(i, lang) for i in ids)


def _block(block: Block, number: str | None, titles: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {"kind": block.kind, "title": block.title, "number": number}
    if block.quiz is not None:
        quiz = block.quiz
        item["question"] = quiz.question
        item["multiple"] = quiz.multiple
        item["answers"] = [{"text": a.text, "correct": a.correct, "feedback": a.feedback} for a in quiz.answers]
        item["explanation_html"] = to_html(cite(quiz.explanation, titles))
    else:
        item["body_html"] = to_html(cite(block.body, titles), shift=2)
        if "solution" in block.sections:
            item["solution_html"] = to_html(cite(block.sections["solution"], titles), shift=2)
    return item


def course_document(content: Content, data: CourseData, settings: SiteSettings, facilitator: bool) -> Handout:
    lang = settings.language
    course = data.course
    titles = {pid: card.title for pid, card in content.practices.items()}
    lessons = []
    quizzes = []
    start = 0
    for number, lesson in enumerate(data.lessons, 1):
        meta = lesson.meta
        segments = []
        quiz_number = 0
        for segment in lesson.segments:
            if isinstance(segment, Block):
                label = None
                if segment.quiz is not None:
                    quiz_number += 1
                    label = f"{number}.{quiz_number}"
                item = _block(segment, label, titles)
                if segment.quiz is not None:
                    quizzes.append(item)
                segments.append(item)
            else:
                segments.append({"kind": "prose", "html": to_html(cite(segment, titles), shift=1)})
        cited = list(dict.fromkeys(c.target for c in lesson.citations if c.target in content.practices))
        end = start + meta.duration
        lessons.append(
            {
                "number": number,
                "title": meta.title,
                "duration": duration(meta.duration, lang),
                "span": f"{start // 60}:{start % 60:02d} – {end // 60}:{end % 60:02d}",
                "objectives": list(meta.objectives),
                "key_points": list(meta.key_points),
                "segments": segments,
                "cards": [
                    {"title": titles[c], "url": settings.absolute(practice_path(c)) or practice_path(c)} for c in cited
                ],
            }
        )
        start = end
    title_key = "kit.facilitator_title" if facilitator else "kit.handout_title"
    title = t(title_key, lang, title=course.title)
    values = {
        "course": {
            "title": course.title,
            "summary": course.summary,
            "objectives": list(course.objectives),
            "prerequisites": list(course.prerequisites),
            "audiences": _labels(content, "audiences", list(course.audiences), lang),
            "level": _labels(content, "course-levels", [course.level], lang),
            "duration": duration(data.duration, lang),
            "url": settings.absolute(course_path(course.id)) or course_path(course.id),
        },
        "lessons": lessons,
        "quizzes": quizzes,
        "facilitator": facilitator,
        "sign_in_rows": SIGN_IN_ROWS,
        "doc_title": title,
    }
    return Handout(course.id, facilitator, title, values, data.folder.as_uri() + "/")
