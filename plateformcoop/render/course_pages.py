"""Training pages: course catalog, course, lessons, attestation and facilitator guide."""

from __future__ import annotations

from .. import theme
from ..content import Content
from ..courses import CourseData
from ..i18n import t
from ..lessons import CARD_CITATION, Block, Quiz
from .markdown import bullet_list, card_list, facts_block
from .paths import (
    attestation_path,
    course_asset_path,
    course_catalog_path,
    course_kit_path,
    course_path,
    kits_page_path,
    guide_path,
    lesson_path,
    md_link,
    practice_path,
)
from .settings import SiteSettings
from .widgets import render_widget


def duration(minutes: int, lang: str = "fr") -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("duration.minutes", lang, minutes=rest)
    if not rest:
        return t("duration.hours", lang, hours=hours)
    return t("duration.hours_minutes", lang, hours=hours, minutes=rest)


def _labels(content: Content, vocabulary: str, ids: list[str], lang: str) -> str:
    return ", ".join(content.vocabularies[vocabulary].label(i, lang) for i in ids)


def _plain_list(values: list[str], ordered: bool = False) -> str:
    return bullet_list([theme.text(value) for value in values], ordered=ordered)


def _facts(content: Content, data: CourseData, lang: str) -> str:
    course = data.course
    rows = [
        (t("course.audiences", lang), _labels(content, "audiences", list(course.audiences), lang)),
        (t("course.level", lang), _labels(content, "course-levels", [course.level], lang)),
        (t("course.duration", lang), duration(data.duration, lang)),
        (t("course.lessons", lang), str(len(data.lessons))),
    ]
    return facts_block(rows)


def render_catalog(content: Content, settings: SiteSettings) -> str:
    lang = settings.language
    here = course_catalog_path()
    title = t("course.catalog_title", lang)
    out = [theme.page_header(title, "course-catalog"), theme.heading(1, theme.text(title)), t("course.catalog_intro", lang) + "\n"]
    if settings.kits:
        out.append(theme.paragraph(theme.link(t("course.kits_link", lang), md_link(here, kits_page_path()))))
    if not content.courses:
        out.append(t("course.none", lang) + "\n")
    for data in content.courses.values():
        course = data.course
        out.append(theme.heading(2, theme.link(theme.text(course.title), md_link(here, course_path(course.id)))))
        out.append(f"{theme.text(course.summary)}\n")
        out.append(_facts(content, data, lang))
        out.append(f"**{t('course.objectives', lang)} :**\n\n{_plain_list(list(course.objectives))}")
    return "\n".join(out)


def render_course(content: Content, data: CourseData, settings: SiteSettings) -> str:
    lang = settings.language
    course = data.course
    here = course_path(course.id)
    lessons = data.lessons
    urls = {lesson.id: settings.urls.link(here, lesson_path(course.id, lesson.id)) for lesson in lessons}
    progress = render_widget(
        "progress",
        lang,
        course_id=course.id,
        lesson_ids=[lesson.id for lesson in lessons],
        urls=urls,
        first_url=urls[lessons[0].id] if lessons else "#",
    )
    prerequisites = _plain_list(list(course.prerequisites)) if course.prerequisites else t("course.no_prerequisites", lang) + "\n"
    out = [
        theme.page_header(course.title, "course", description=course.summary),
        theme.heading(1, theme.text(course.title)),
        theme.paragraph(theme.text(course.summary), "pc-summary"),
        _facts(content, data, lang),
        theme.heading(2, t("course.objectives", lang)) + "\n" + _plain_list(list(course.objectives)),
        theme.heading(2, t("course.prerequisites", lang)) + "\n" + prerequisites,
        theme.heading(2, t("course.progress", lang)),
        progress,
        _offline_box(data, here, settings),
        theme.paragraph(t("course.progress_note", lang), "pc-note"),
        theme.heading(2, t("course.lesson_list", lang)),
    ]
    items = []
    for lesson in lessons:
        assert lesson.meta is not None
        status = (
            f'<span class="pc-lesson-status" data-lesson="{theme.attribute(lesson.id)}"'
            f' data-done="{theme.attribute(t("course.status_done", lang))}"></span>'
        )
        link = theme.link(theme.text(lesson.meta.title), md_link(here, lesson_path(course.id, lesson.id)))
        items.append(f"{link} — {duration(lesson.meta.duration, lang)} {status}")
    out.append(bullet_list(items, ordered=True))
    more = [
        theme.link(t("course.attestation_link", lang), md_link(here, attestation_path(course.id))),
        theme.link(t("course.guide_link", lang), md_link(here, guide_path(course.id))),
    ]
    if settings.kits:
        more.append(theme.link(t("course.kit_link", lang), md_link(here, course_kit_path(course.id))))
    out.append(theme.heading(2, t("course.more", lang)) + "\n" + bullet_list(more))
    return "\n".join(out)


def _offline_box(data: CourseData, here: str, settings: SiteSettings) -> str:
    """A button that stores the whole module for use without network (service worker)."""
    course_id = data.course.id
    pages = [course_path(course_id)] + [lesson_path(course_id, lesson.id) for lesson in data.lessons]
    pages += [attestation_path(course_id), guide_path(course_id)]
    urls = [settings.urls.link(here, page) for page in pages]
    urls += [settings.urls.link(here, course_asset_path(course_id, image.target)) for lesson in data.lessons for image in lesson.images]
    return render_widget("offline", settings.language, urls=urls)


def _cite(content: Content, text: str, here: str) -> str:
    """[[fiche:id]] -> a Markdown link titled with the card's title (ids were validated)."""

    def replace(match) -> str:  # noqa: ANN001
        card = content.practices.get(match.group("id"))
        if card is None:
            return match.group("id")
        return theme.link(theme.text(card.title), md_link(here, practice_path(card.id)))

    return CARD_CITATION.sub(replace, text)


def _answers_markdown(quiz: Quiz, lang: str) -> str:
    lines = []
    for answer in quiz.answers:
        mark = "✓" if answer.correct else "✗"
        label = t("quiz.right_answer" if answer.correct else "quiz.wrong_answer", lang)
        lines.append(f"{mark} **{theme.text(answer.text)}** ({label}) — {theme.text(answer.feedback)}")
    return bullet_list(lines)


def _quiz(content: Content, quiz: Quiz, here: str, lang: str, quiz_id: str) -> str:
    explanation = _cite(content, quiz.explanation, here)
    # Shown by courses.js once the quiz is answered.
    hidden_explanation = theme.container(
        f"**{t('quiz.explanation', lang)} :** {explanation}",
        cls="pc-quiz__explanation",
        attributes={"id": f"{quiz_id}-explanation", "hidden": ""},
    )
    answers = theme.details(
        t("quiz.answers", lang), f"{_answers_markdown(quiz, lang)}\n{explanation}", cls="pc-quiz__answers", element_id=f"{quiz_id}-answers"
    )
    return render_widget("quiz", lang, quiz=quiz, quiz_id=quiz_id) + "\n" + hidden_explanation + "\n" + answers


def _block(content: Content, block: Block, here: str, lang: str, quiz_id: str) -> str:
    if block.kind == "note-animateur":
        return ""  # facilitators only: shown in the guide
    if block.quiz is not None:
        return _quiz(content, block.quiz, here, lang, quiz_id)
    label = f"**{t('block.' + block.kind, lang)}**"
    title = f"{label} : {theme.text(block.title)}" if block.title else label
    body = [theme.paragraph(title, "pc-block__title"), _cite(content, block.body, here) + "\n"]
    if "solution" in block.sections:
        body.append(theme.details(t("block.solution", lang), _cite(content, block.sections["solution"], here), cls="pc-solution"))
    return theme.container("\n".join(body), cls=f"pc-block pc-block--{block.kind}")


def render_lesson(content: Content, data: CourseData, index: int, settings: SiteSettings) -> str:
    lang = settings.language
    course = data.course
    lesson = data.lessons[index]
    meta = lesson.meta
    assert meta is not None
    here = lesson_path(course.id, lesson.id)
    total = len(data.lessons)
    course_link = md_link(here, course_path(course.id))
    position = f"**{t('lesson.position', lang, index=index + 1, total=total)}** · {duration(meta.duration, lang)}"
    out = [
        theme.page_header(meta.title, "lesson", description="; ".join(meta.objectives)),
        theme.heading(1, theme.text(meta.title)),
        theme.paragraph(position, "pc-lesson__position"),
        theme.paragraph(f"{t('lesson.in_course', lang)} : {theme.link(theme.text(course.title), course_link)}", "pc-lesson__course"),
        theme.heading(2, t("lesson.objectives", lang)) + "\n" + _plain_list(list(meta.objectives)),
    ]
    quiz_number = 0
    for segment in lesson.segments:
        if isinstance(segment, Block):
            if segment.quiz is not None:
                quiz_number += 1
            out.append(_block(content, segment, here, lang, f"quiz-{lesson.id}-{quiz_number}"))
        else:
            out.append(_cite(content, segment, here) + "\n")
    out.append(theme.heading(2, t("lesson.key_points", lang)))
    out.append(theme.container(_plain_list(list(meta.key_points)), cls="pc-block pc-block--a-retenir"))
    out.append(
        render_widget("lesson-done", lang, course_id=course.id, lesson_id=lesson.id, lesson_ids=[other.id for other in data.lessons])
    )
    links = []
    if index > 0:
        previous = data.lessons[index - 1]
        label = "← " + theme.text(t("lesson.previous", lang, title=previous.meta.title))
        links.append(theme.link(label, md_link(here, lesson_path(course.id, previous.id)), "pc-prev"))
    if index + 1 < total:
        following = data.lessons[index + 1]
        label = theme.text(t("lesson.next", lang, title=following.meta.title)) + " →"
        links.append(theme.button_link(label, md_link(here, lesson_path(course.id, following.id)), "pc-next"))
    else:
        links.append(theme.button_link(f"{t('lesson.attestation_next', lang)} →", md_link(here, attestation_path(course.id)), "pc-next"))
    links.append(theme.link(theme.text(t("lesson.back_to_course", lang, title=course.title)), course_link))
    edit = settings.edit_url(lesson.source)
    if edit:
        links.append(theme.link(t("lesson.edit", lang), edit, "pc-edit"))
    out.append(theme.container(bullet_list(links), cls="pc-lesson-nav", tag="nav", attributes={"aria-label": t("course.lessons", lang)}))
    return "\n".join(out)


def render_attestation(content: Content, data: CourseData, settings: SiteSettings) -> str:
    lang = settings.language
    course = data.course
    here = attestation_path(course.id)
    lessons = [
        {
            "id": lesson.id,
            "title": lesson.meta.title,
            "href": settings.urls.link(here, lesson_path(course.id, lesson.id)),
            "quizzes": len(lesson.quizzes),
        }
        for lesson in data.lessons
    ]
    widget = render_widget(
        "attestation", lang, course_id=course.id, course_title=course.title, lessons=lessons, duration=duration(data.duration, lang)
    )
    title = t("attestation.title", lang)
    return "\n".join(
        [theme.page_header(f"{title} : {course.title}", "attestation", search=False), theme.heading(1, theme.text(title)), widget]
    )


def _schedule(data: CourseData, lang: str) -> list[str]:
    rows = [
        f"| # | {t('guide.col_lesson', lang)} | {t('guide.col_duration', lang)} | {t('guide.col_time', lang)} |",
        "|---|---|---|---|",
    ]
    start = 0
    for number, lesson in enumerate(data.lessons, 1):
        end = start + lesson.meta.duration
        span = f"{start // 60}:{start % 60:02d} – {end // 60}:{end % 60:02d}"
        rows.append(f"| {number} | {theme.text(lesson.meta.title)} | {duration(lesson.meta.duration, lang)} | {span} |")
        start = end
    rows.append(f"| | **{t('guide.total', lang)}** | **{duration(data.duration, lang)}** | |\n")
    return rows


def render_guide(content: Content, data: CourseData, settings: SiteSettings) -> str:
    lang = settings.language
    course = data.course
    here = guide_path(course.id)
    title = t("guide.title", lang, title=course.title)
    out = [
        theme.page_header(title, "guide", search=False),
        theme.heading(1, theme.text(title)),
        t("guide.intro", lang) + "\n",
        _facts(content, data, lang),
        theme.heading(2, t("course.objectives", lang)) + "\n" + _plain_list(list(course.objectives)),
        theme.heading(2, t("guide.schedule", lang)),
        *_schedule(data, lang),
    ]
    none = t("guide.none", lang) + "\n"
    for number, lesson in enumerate(data.lessons, 1):
        meta = lesson.meta
        out.append(theme.heading(2, f"{number}. {theme.text(meta.title)} ({duration(meta.duration, lang)})"))
        out.append(theme.heading(3, t("lesson.objectives", lang)) + "\n" + _plain_list(list(meta.objectives)))
        solution = t("guide.solution", lang)
        sections = [
            ("guide.notes", [_cite(content, b.body, here) for b in lesson.blocks("note-animateur")]),
            ("guide.discussions", [f"**{theme.text(b.title)}** — {_cite(content, b.body, here)}" for b in lesson.blocks("discussion")]),
            (
                "guide.exercises",
                [
                    f"**{theme.text(b.title)}** — {_cite(content, b.body, here)}\n\n*{solution} :* {_cite(content, b.sections.get('solution', ''), here)}"
                    for b in lesson.blocks("exercice")
                ],
            ),
        ]
        for key, items in sections:
            out.append(theme.heading(3, t(key, lang)) + "\n" + (bullet_list(items) if items else none))
        quizzes = [
            f"**{theme.text(quiz.question)}**\n\n{_answers_markdown(quiz, lang)}\n*{t('quiz.explanation', lang)} :* {_cite(content, quiz.explanation, here)}"
            for quiz in lesson.quizzes
        ]
        out.append(theme.heading(3, t("guide.quizzes", lang)) + "\n" + ("\n".join(q + "\n" for q in quizzes) if quizzes else none))
        out.append(theme.heading(3, t("lesson.key_points", lang)) + "\n" + _plain_list(list(meta.key_points)))
        cited = list(dict.fromkeys(c.target for c in lesson.citations if c.target in content.practices))
        out.append(theme.heading(3, t("guide.cards", lang)) + "\n" + (card_list(content, cited, here) or none))
    cited = [c for c in data.cited_cards() if c in content.practices]
    out.append(theme.heading(2, t("guide.all_cards", lang)) + "\n" + (card_list(content, cited, here) or none))
    return "\n".join(out)


def course_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    pages = {course_catalog_path(): render_catalog(content, settings)}
    for data in content.courses.values():
        if not data.lessons:
            continue
        course_id = data.course.id
        pages[course_path(course_id)] = render_course(content, data, settings)
        for index, lesson in enumerate(data.lessons):
            pages[lesson_path(course_id, lesson.id)] = render_lesson(content, data, index, settings)
        pages[attestation_path(course_id)] = render_attestation(content, data, settings)
        pages[guide_path(course_id)] = render_guide(content, data, settings)
    return pages


def course_assets(content: Content) -> dict[str, str]:
    """Local images of lessons: site path -> absolute source path."""
    return {
        course_asset_path(data.course.id, image.target): str(data.folder / image.target)
        for data in content.courses.values()
        for lesson in data.lessons
        for image in lesson.images
    }
