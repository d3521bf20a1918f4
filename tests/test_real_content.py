"""The repository's real content: valid, complete, and built strictly."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from plateformcoop.content import load_content

from conftest import REPO, BuildResult


def test_real_content_has_no_problem() -> None:
    content = load_content(REPO)
    assert content.problems == [], "\n".join(p.one_line() for p in content.problems)


def test_real_cards_cover_the_charter_and_local_authorities() -> None:
    content = load_content(REPO)
    cards = content.practices
    assert len(cards) >= 20
    for principle in content.vocabularies["principles"].ids:
        assert content.practices_with("principles", principle), f"no card for {principle}"
    assert len(content.practices_with("audiences", "collectivites")) >= 5
    for card in cards.values():
        assert card.resources and card.examples and card.self_assessment


def test_every_real_card_records_its_last_verification() -> None:
    """Each published card says when its facts and sources were last checked."""
    content = load_content(REPO)
    unreviewed = sorted(pid for pid, card in content.practices.items() if card.reviewed is None)
    assert not unreviewed, f"cards without 'reviewed': {unreviewed}"


def test_real_courses_are_complete() -> None:
    """Every published course has lessons with a quiz and a card citation."""
    content = load_content(REPO)
    for course in content.courses.values():
        assert 1 <= len(course.lessons)
        for lesson in course.lessons:
            assert lesson.quizzes, f"{lesson.source} has no quiz"
            assert lesson.citations, f"{lesson.source} cites no card"


def test_every_card_file_gives_one_page_and_one_catalog_entry(real_site: BuildResult) -> None:
    ids = sorted(p.stem for p in (REPO / "practices").glob("*.yml"))
    pages = sorted(p.parent.name for p in (real_site.site / "pratiques").glob("*/index.html"))
    assert pages == ids
    catalog = BeautifulSoup((real_site.site / "pratiques" / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = sorted(a["href"].strip("/") for a in catalog.select("#pc-catalog > li h2 a"))
    assert entries == ids
    export = json.loads((real_site.site / "donnees" / "pratiques.json").read_text(encoding="utf-8"))
    assert sorted(p["id"] for p in export["practices"]) == ids


def test_a_complete_course_for_elected_officials() -> None:
    """Issue 3's content: one course for local authorities, 5 to 7 lessons, each one usable in a workshop."""
    content = load_content(REPO)
    for_officials = [c for c in content.courses.values() if "collectivites" in c.course.audiences]
    assert for_officials, "no course for local authorities"
    course = max(for_officials, key=lambda c: len(c.lessons))
    assert 5 <= len(course.lessons) <= 7
    assert course.course.level == "decouverte"
    cited: set[str] = set()
    for lesson in course.lessons:
        assert lesson.blocks("exercice") or lesson.blocks("discussion"), f"{lesson.source}: no activity"
        assert lesson.blocks("note-animateur"), f"{lesson.source}: no facilitator note"
        for quiz in lesson.quizzes:
            assert any(a.correct for a in quiz.answers) and all(a.feedback for a in quiz.answers)
        cited |= {c.target for c in lesson.citations}
    # The course leans on the local authorities' levers described in the cards.
    assert {"collectivite-au-capital-scic", "subvention-et-convention-objectifs", "commande-publique-responsable"} <= cited


def test_a_complete_course_for_existing_platforms() -> None:
    """Issue 19's content: the teams of existing platforms learn to turn the diagnostic into a yearly plan."""
    content = load_content(REPO)
    data = content.courses.get("ameliorer-ses-pratiques-avec-le-diagnostic")
    assert data is not None, "no course on improving practices with the diagnostic"
    course = data.course
    assert "cooperatives" in course.audiences
    assert course.level == "intermediaire"
    assert 4 <= len(data.lessons) <= 6
    cited: set[str] = set()
    for lesson in data.lessons:
        assert lesson.meta is not None and lesson.meta.duration > 0, f"{lesson.source}: no duration"
        assert lesson.quizzes, f"{lesson.source} has no quiz"
        assert lesson.blocks("exercice") or lesson.blocks("discussion"), f"{lesson.source}: no activity"
        assert lesson.blocks("note-animateur"), f"{lesson.source}: no facilitator note"
        for quiz in lesson.quizzes:
            assert any(a.correct for a in quiz.answers) and all(a.feedback for a in quiz.answers)
            assert quiz.explanation.strip(), f"{lesson.source}: quiz without explanation"
        for exercise in lesson.blocks("exercice"):
            assert exercise.sections.get("solution", "").strip(), f"{lesson.source}: exercise without solution"
        assert lesson.citations, f"{lesson.source} cites no card"
        cited |= {c.target for c in lesson.citations}
    # The course leans on many cards, the review and the reporting ones among them,
    # and covers every principle of the charter the diagnostic scores.
    assert len(cited) >= 12
    assert {"revision-cooperative", "mesurer-l-impact-social", "parcours-du-societaire"} <= cited
    for principle in content.vocabularies["principles"].ids:
        assert any(principle in content.practices[card].principles for card in cited), f"no cited card for {principle}"


def test_real_courses_give_every_page(real_site: BuildResult) -> None:
    content = load_content(REPO)
    formations = real_site.site / "formations"
    catalog = BeautifulSoup((formations / "index.html").read_text(encoding="utf-8"), "html.parser")
    catalog_text = catalog.get_text(" ")
    for course_id, data in content.courses.items():
        assert data.course.title in catalog_text
        folder = formations / course_id
        pages = {p.parent.name for p in folder.glob("*/index.html")}
        assert pages == {lesson.id for lesson in data.lessons} | {"attestation", "guide-animation", "kit"}  # kit: the printed workshop kit
        guide = BeautifulSoup((folder / "guide-animation" / "index.html").read_text(encoding="utf-8"), "html.parser")
        # Every quiz of the course is answered in the facilitator guide.
        for lesson in data.lessons:
            for quiz in lesson.quizzes:
                assert " ".join(quiz.question.split()) in " ".join(guide.get_text(" ").split())
