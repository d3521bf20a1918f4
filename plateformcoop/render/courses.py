"""Training pages: course catalog, course, lessons, attestation and facilitator guide."""

from __future__ import annotations

import json

from ..content import Content
from ..courses import CourseData
from ..i18n import plural, t
from ..lessons import CARD_CITATION, Block, Lesson, Quiz
from .markdown import bullet_list, escape, facts_block, front_matter
from .paths import md_link, practice_path
from .settings import SiteSettings

COURSES = "formations"


def catalog_path() -> str:
    return f"{COURSES}/index.md"


def course_path(course_id: str) -> str:
    return f"{COURSES}/{course_id}/index.md"


def lesson_path(course_id: str, lesson_id: str) -> str:
    return f"{COURSES}/{course_id}/{lesson_id}.md"


def attestation_path(course_id: str) -> str:
    return f"{COURSES}/{course_id}/attestation.md"


def guide_path(course_id: str) -> str:
    return f"{COURSES}/{course_id}/guide-animation.md"


def duration(minutes: int, lang: str = "fr") -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("duration.minutes", lang, minutes=rest)
    if not rest:
        return t("duration.hours", lang, hours=hours)
    return t("duration.hours_minutes", lang, hours=hours, minutes=rest)


def _labels(content: Content, vocabulary: str, ids: list[str], lang: str) -> str:
    return ", ".join(content.vocabularies[vocabulary].label(i, lang) for i in ids)


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
    here = catalog_path()
    out = [
        front_matter({"title": t("course.catalog_title", lang), "pc_kind": "course-catalog"}),
        f"# {t('course.catalog_title', lang)}\n",
        t("course.catalog_intro", lang) + "\n",
    ]
    if not content.courses:
        out.append(t("course.none", lang) + "\n")
    for data in content.courses.values():
        course = data.course
        out.append(f"## [{course.title}]({md_link(here, course_path(course.id))})\n")
        out.append(f"{course.summary}\n")
        out.append(_facts(content, data, lang))
        out.append(f"**{t('course.objectives', lang)} :**\n\n{bullet_list(list(course.objectives))}")
    return "\n".join(out)


def render_course(content: Content, data: CourseData, settings: SiteSettings) -> str:
    lang = settings.language
    course = data.course
    here = course_path(course.id)
    lessons = data.lessons
    ids = " ".join(lesson.id for lesson in lessons)
    urls = {lesson.id: settings.urls.link(here, lesson_path(course.id, lesson.id)) for lesson in lessons}
    out = [
        front_matter({"title": course.title, "description": course.summary, "pc_kind": "course"}),
        f"# {course.title}\n",
        f"{course.summary}\n{{ .pc-summary }}\n",
        _facts(content, data, lang),
        f"## {t('course.objectives', lang)}\n\n{bullet_list(list(course.objectives))}",
        f"## {t('course.prerequisites', lang)}\n\n"
        + (bullet_list(list(course.prerequisites)) if course.prerequisites else t("course.no_prerequisites", lang) + "\n"),
        f"## {t('course.progress', lang)}\n",
        f'<div class="pc-progress" data-course="{escape(course.id)}" data-lessons="{escape(ids)}"'
        f" data-urls='{escape(json.dumps(urls))}'"
        f' data-text="{escape(t("course.progress_text", lang))}" data-resume="{escape(t("course.resume", lang))}"'
        f' data-review="{escape(t("course.review", lang))}" data-confirm="{escape(t("course.reset_confirm", lang))}">\n'
        f'<p><progress class="pc-progress__bar" max="{len(lessons)}" value="0" aria-labelledby="pc-progress-text"></progress>'
        f' <span class="pc-progress__text" id="pc-progress-text">'
        f'{escape(t("course.progress_text", lang, done=0, total=len(lessons)))}</span></p>\n'
        f'<p><a class="md-button md-button--primary pc-progress__resume" href="{escape(urls[lessons[0].id]) if lessons else "#"}">'
        f'{escape(t("course.start", lang))}</a>\n'
        f'<button type="button" class="md-button pc-progress__reset" hidden>{escape(t("course.reset", lang))}</button></p>\n'
        f"</div>\n",
        _offline_box(data, here, settings),
        t("course.progress_note", lang) + "\n{ .pc-note }\n",
        f"## {t('course.lesson_list', lang)}\n",
    ]
    items = []
    for lesson in lessons:
        assert lesson.meta is not None
        items.append(
            f"[{lesson.meta.title}]({md_link(here, lesson_path(course.id, lesson.id))}) — "
            f"{duration(lesson.meta.duration, lang)} "
            f'<span class="pc-lesson-status" data-lesson="{escape(lesson.id)}" data-done="{escape(t("course.status_done", lang))}"></span>'
        )
    out.append(bullet_list(items, ordered=True))
    out.append(
        f"## {t('course.more', lang)}\n\n"
        + bullet_list(
            [
                f"[{t('course.attestation_link', lang)}]({md_link(here, attestation_path(course.id))})",
                f"[{t('course.guide_link', lang)}]({md_link(here, guide_path(course.id))})",
            ]
        )
    )
    return "\n".join(out)


def _offline_box(data: CourseData, here: str, settings: SiteSettings) -> str:
    """A button that stores the whole module for use without network (service worker)."""
    lang = settings.language
    course_id = data.course.id
    pages = [course_path(course_id)] + [lesson_path(course_id, l.id) for l in data.lessons]
    pages += [attestation_path(course_id), guide_path(course_id)]
    urls = [settings.urls.link(here, page) for page in pages]
    urls += [settings.urls.link(here, f"{COURSES}/{course_id}/{image.target}") for l in data.lessons for image in l.images]
    return (
        f"<div class=\"pc-offline\" data-urls='{escape(json.dumps(urls))}'"
        f' data-done="{escape(t("course.offline_done", lang))}" data-failed="{escape(t("course.offline_failed", lang))}" hidden>\n'
        f'<p><button type="button" class="md-button pc-offline__button">{escape(t("course.offline", lang))}</button></p>\n'
        f'<p class="pc-offline__status" role="status" aria-live="polite"></p>\n</div>\n'
    )


def _cite(content: Content, text: str, here: str) -> str:
    """[[fiche:id]] -> a Markdown link titled with the card's title (ids were validated)."""

    def replace(match) -> str:  # noqa: ANN001
        card = content.practices.get(match.group("id"))
        if card is None:
            return match.group("id")
        return f"[{card.title}]({md_link(here, practice_path(card.id))})"

    return CARD_CITATION.sub(replace, text)


def _quiz_html(quiz: Quiz, quiz_id: str, lang: str) -> str:
    kind = "checkbox" if quiz.multiple else "radio"
    answers = []
    for index, answer in enumerate(quiz.answers):
        field = f"{quiz_id}-{index}"
        answers.append(
            f'<div class="pc-quiz__answer">'
            f'<input type="{kind}" id="{field}" name="{quiz_id}" value="{index}" data-correct="{str(answer.correct).lower()}">'
            f'<label for="{field}">{escape(answer.text)}</label>'
            f'<p class="pc-quiz__feedback" id="{field}-feedback" hidden>{escape(answer.feedback)}</p></div>'
        )
    instructions = t("quiz.multiple" if quiz.multiple else "quiz.single", lang)
    return (
        f'<form class="pc-quiz" id="{quiz_id}" data-quiz="{quiz_id}" data-multiple="{str(quiz.multiple).lower()}"'
        f' data-correct-text="{escape(t("quiz.correct", lang))}" data-partial-text="{escape(t("quiz.partial", lang))}"'
        f' data-wrong-text="{escape(t("quiz.wrong", lang))}" data-choose-text="{escape(t("quiz.choose", lang))}"'
        f' data-right-label="{escape(t("quiz.right_answer", lang))}" data-wrong-label="{escape(t("quiz.wrong_answer", lang))}">\n'
        f'<fieldset><legend><span class="pc-quiz__kind">{escape(t("quiz.label", lang))} :</span> {escape(quiz.question)}</legend>\n'
        f'<p class="pc-quiz__instructions">{escape(instructions)}</p>\n'
        + "\n".join(answers)
        + "\n</fieldset>\n"
        f'<p><button type="submit" class="md-button">{escape(t("quiz.check", lang))}</button></p>\n'
        f'<p class="pc-quiz__result" role="status" aria-live="polite"></p>\n'
        f"</form>\n"
    )


def _answers_markdown(quiz: Quiz, lang: str) -> str:
    lines = []
    for answer in quiz.answers:
        mark = "✓" if answer.correct else "✗"
        label = t("quiz.right_answer" if answer.correct else "quiz.wrong_answer", lang)
        lines.append(f"{mark} **{answer.text}** ({label}) — {answer.feedback}")
    return bullet_list(lines)


def _block(content: Content, block: Block, here: str, lang: str, quiz_id: str) -> str:
    if block.kind == "note-animateur":
        return ""  # facilitators only: shown in the guide
    if block.quiz is not None:
        quiz = block.quiz
        explanation = _cite(content, quiz.explanation, here)
        return (
            _quiz_html(quiz, quiz_id, lang)
            + f'\n<div class="pc-quiz__explanation" id="{quiz_id}-explanation" hidden markdown>\n\n'
            f"**{t('quiz.explanation', lang)} :** {explanation}\n\n</div>\n\n"
            f'<details class="pc-quiz__answers" id="{quiz_id}-answers" markdown>\n<summary>{escape(t("quiz.answers", lang))}</summary>\n\n'
            f"{_answers_markdown(quiz, lang)}\n{explanation}\n\n</details>\n"
        )
    title = f" {escape(block.title)}" if block.title else ""
    out = [
        f'<div class="pc-block pc-block--{block.kind}" markdown>\n',
        f'<p class="pc-block__title"><strong>{escape(t("block." + block.kind, lang))}</strong>{" :" if title else ""}{title}</p>\n',
        _cite(content, block.body, here) + "\n",
    ]
    if "solution" in block.sections:
        out.append(
            f'<details class="pc-solution" markdown>\n<summary>{escape(t("block.solution", lang))}</summary>\n\n'
            f"{_cite(content, block.sections['solution'], here)}\n\n</details>\n"
        )
    out.append("</div>\n")
    return "\n".join(out)


def render_lesson(content: Content, data: CourseData, index: int, settings: SiteSettings) -> str:
    lang = settings.language
    course = data.course
    lesson = data.lessons[index]
    meta = lesson.meta
    assert meta is not None
    here = lesson_path(course.id, lesson.id)
    total = len(data.lessons)
    course_link = md_link(here, course_path(course.id))
    out = [
        front_matter({"title": meta.title, "description": "; ".join(meta.objectives), "pc_kind": "lesson"}),
        f"# {meta.title}\n",
        f'<p class="pc-lesson__position"><strong>{escape(t("lesson.position", lang, index=index + 1, total=total))}</strong>'
        f" · {escape(duration(meta.duration, lang))}</p>\n",
        f"{t('lesson.in_course', lang)} : [{course.title}]({course_link})\n{{ .pc-lesson__course }}\n",
        f"## {t('lesson.objectives', lang)}\n\n{bullet_list(list(meta.objectives))}",
    ]
    quiz_number = 0
    for segment in lesson.segments:
        if isinstance(segment, Block):
            if segment.quiz is not None:
                quiz_number += 1
            out.append(_block(content, segment, here, lang, f"quiz-{lesson.id}-{quiz_number}"))
        else:
            out.append(_cite(content, segment, here) + "\n")
    out.append(f"## {t('lesson.key_points', lang)}\n")
    out.append('<div class="pc-block pc-block--a-retenir" markdown>\n\n' + bullet_list(list(meta.key_points)) + "\n</div>\n")
    out.append(
        f'<div class="pc-lesson" data-course="{escape(course.id)}" data-lesson="{escape(lesson.id)}"'
        f' data-lessons="{escape(" ".join(l.id for l in data.lessons))}"'
        f' data-mark="{escape(t("lesson.mark_done", lang))}" data-marked="{escape(t("lesson.marked_done", lang))}"'
        f' data-done-status="{escape(t("lesson.done_status", lang))}" data-undone-status="{escape(t("lesson.undone_status", lang))}">\n'
        f'<p><button type="button" class="md-button md-button--primary pc-lesson__done" aria-pressed="false" hidden>'
        f'{escape(t("lesson.mark_done", lang))}</button></p>\n'
        f'<p class="pc-lesson__status" role="status" aria-live="polite"></p>\n</div>\n'
    )
    links = []
    if index > 0:
        previous = data.lessons[index - 1]
        links.append(f"[← {t('lesson.previous', lang, title=previous.meta.title)}]({md_link(here, lesson_path(course.id, previous.id))}){{ .pc-prev }}")
    if index + 1 < total:
        following = data.lessons[index + 1]
        links.append(f"[{t('lesson.next', lang, title=following.meta.title)} →]({md_link(here, lesson_path(course.id, following.id))}){{ .pc-next .md-button }}")
    else:
        links.append(f"[{t('lesson.attestation_next', lang)} →]({md_link(here, attestation_path(course.id))}){{ .pc-next .md-button }}")
    links.append(f"[{t('lesson.back_to_course', lang, title=course.title)}]({course_link})")
    edit = settings.edit_url(lesson.source)
    if edit:
        links.append(f"[{t('lesson.edit', lang)}]({edit}){{ .pc-edit }}")
    out.append('<nav class="pc-lesson-nav" aria-label="' + escape(t("course.lessons", lang)) + '" markdown>\n\n' + bullet_list(links) + "\n</nav>\n")
    return "\n".join(out)


def render_attestation(content: Content, data: CourseData, settings: SiteSettings) -> str:
    lang = settings.language
    course = data.course
    here = attestation_path(course.id)
    rows = []
    for lesson in data.lessons:
        quizzes = len(lesson.quizzes)
        rows.append(
            f'<tr data-lesson="{escape(lesson.id)}" data-quizzes="{quizzes}">'
            f'<th scope="row"><a href="{escape(settings.urls.link(here, lesson_path(course.id, lesson.id)))}">{escape(lesson.meta.title)}</a></th>'
            f'<td class="pc-att__date"></td><td class="pc-att__score">{"—" if not quizzes else ""}</td></tr>'
        )
    return "\n".join(
        [
            front_matter({"title": f"{t('attestation.title', lang)} : {course.title}", "pc_kind": "attestation", "search": {"exclude": True}}),
            f"# {t('attestation.title', lang)}\n",
            f'<div class="pc-attestation" data-course="{escape(course.id)}" data-lessons="{escape(" ".join(l.id for l in data.lessons))}">',
            f'<div class="pc-att__incomplete"><p>{escape(t("attestation.incomplete", lang))}</p>'
            f'<p>{escape(t("attestation.remaining", lang))}</p><ul class="pc-att__remaining">'
            + "".join(
                f'<li data-lesson="{escape(l.id)}"><a href="{escape(settings.urls.link(here, lesson_path(course.id, l.id)))}">{escape(l.meta.title)}</a></li>'
                for l in data.lessons
            )
            + "</ul></div>",
            '<div class="pc-att__complete" hidden>',
            f'<p class="pc-att__name-field"><label for="pc-att-name">{escape(t("attestation.name", lang))}</label><br>'
            f'<input type="text" id="pc-att-name" autocomplete="name" spellcheck="false"></p>',
            '<section class="pc-certificate" aria-labelledby="pc-cert-title">',
            f'<h2 id="pc-cert-title">{escape(t("attestation.title", lang))}</h2>',
            f'<p>{escape(t("attestation.signed", lang))} <strong class="pc-att__name">…</strong>, {escape(t("attestation.statement", lang))} '
            f"« <strong>{escape(course.title)}</strong> », {escape(t('attestation.duration', lang, duration=duration(data.duration, lang)))}</p>",
            f'<p>{escape(t("attestation.date", lang))} <strong class="pc-att__completed"></strong>.</p>',
            f'<table class="pc-att__table"><thead><tr><th scope="col">{escape(t("attestation.lesson", lang))}</th>'
            f'<th scope="col">{escape(t("attestation.completed_on", lang))}</th><th scope="col">{escape(t("attestation.quiz_score", lang))}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>",
            f'<p class="pc-att__disclaimer"><strong>{escape(t("attestation.disclaimer", lang))}</strong></p>',
            "</section>",
            f'<p><button type="button" class="md-button md-button--primary pc-att__print">{escape(t("attestation.print", lang))}</button></p>',
            "</div>",
            f'<noscript><p>{escape(t("attestation.noscript", lang))}</p></noscript>',
            "</div>\n",
        ]
    )


def render_guide(content: Content, data: CourseData, settings: SiteSettings) -> str:
    lang = settings.language
    course = data.course
    here = guide_path(course.id)
    title = t("guide.title", lang, title=course.title)
    out = [
        front_matter({"title": title, "pc_kind": "guide", "search": {"exclude": True}}),
        f"# {title}\n",
        t("guide.intro", lang) + "\n",
        _facts(content, data, lang),
        f"## {t('course.objectives', lang)}\n\n{bullet_list(list(course.objectives))}",
        f"## {t('guide.schedule', lang)}\n",
        f"| # | {t('guide.col_lesson', lang)} | {t('guide.col_duration', lang)} | {t('guide.col_time', lang)} |\n|---|---|---|---|",
    ]
    start = 0
    for number, lesson in enumerate(data.lessons, 1):
        end = start + lesson.meta.duration
        out.append(f"| {number} | {lesson.meta.title} | {duration(lesson.meta.duration, lang)} | {start // 60}:{start % 60:02d} – {end // 60}:{end % 60:02d} |")
        start = end
    out.append(f"| | **{t('guide.total', lang)}** | **{duration(data.duration, lang)}** | |\n")
    for number, lesson in enumerate(data.lessons, 1):
        meta = lesson.meta
        out.append(f"## {number}. {meta.title} ({duration(meta.duration, lang)})\n")
        out.append(f"### {t('lesson.objectives', lang)}\n\n{bullet_list(list(meta.objectives))}")
        sections = [
            ("guide.notes", [_cite(content, b.body, here) for b in lesson.blocks("note-animateur")]),
            ("guide.discussions", [f"**{b.title}** — {_cite(content, b.body, here)}" for b in lesson.blocks("discussion")]),
            (
                "guide.exercises",
                [
                    f"**{b.title}** — {_cite(content, b.body, here)}\n\n*{t('guide.solution', lang)} :* {_cite(content, b.sections.get('solution', ''), here)}"
                    for b in lesson.blocks("exercice")
                ],
            ),
        ]
        for key, items in sections:
            out.append(f"### {t(key, lang)}\n\n" + (bullet_list(items) if items else t("guide.none", lang) + "\n"))
        quizzes = []
        for quiz in lesson.quizzes:
            quizzes.append(f"**{quiz.question}**\n\n{_answers_markdown(quiz, lang)}\n*{t('quiz.explanation', lang)} :* {_cite(content, quiz.explanation, here)}")
        out.append(f"### {t('guide.quizzes', lang)}\n\n" + ("\n".join(q + "\n" for q in quizzes) if quizzes else t("guide.none", lang) + "\n"))
        out.append(f"### {t('lesson.key_points', lang)}\n\n{bullet_list(list(meta.key_points))}")
        cited = list(dict.fromkeys(c.target for c in lesson.citations if c.target in content.practices))
        out.append(f"### {t('guide.cards', lang)}\n\n" + (_card_links(content, cited, here) if cited else t("guide.none", lang) + "\n"))
    cited = [c for c in data.cited_cards() if c in content.practices]
    out.append(f"## {t('guide.all_cards', lang)}\n\n" + (_card_links(content, cited, here) if cited else t("guide.none", lang) + "\n"))
    return "\n".join(out)


def _card_links(content: Content, ids: list[str], here: str) -> str:
    return bullet_list([f"[{content.practices[i].title}]({md_link(here, practice_path(i))}) — {content.practices[i].summary}" for i in ids])


def course_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    pages = {catalog_path(): render_catalog(content, settings)}
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
    assets = {}
    for data in content.courses.values():
        for lesson in data.lessons:
            for image in lesson.images:
                assets[f"{COURSES}/{data.course.id}/{image.target}"] = str(data.folder / image.target)
    return assets
