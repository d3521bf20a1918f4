"""Fast layer: render one page or widget from in-memory content and read the HTML.

No MkDocs build here: the fixture content is loaded once, changed in memory where a
test needs an awkward value, rendered by the engine and converted with the same
Markdown extensions as the site. The full-build gates live in the other test files.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from plateformcoop import theme
from plateformcoop.content import Content, load_content
from plateformcoop.render.catalog import render_catalog
from plateformcoop.render.course_pages import render_attestation, render_guide, render_lesson
from plateformcoop.render.diagnostic import diagnostic_pages
from plateformcoop.render.practice_page import render_practice
from plateformcoop.render.settings import SiteSettings

from conftest import REPO, make_project

SETTINGS = SiteSettings()
AWKWARD = "Les *communs* | partagés [voir](https://x.test) <b>gras</b> & `code` {: .x }"


def _extensions() -> list:
    """The site's Markdown extensions, as configured in mkdocs.yml (without snippets)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list = []
    configs: dict = {}
    for item in config["markdown_extensions"]:
        name, options = (next(iter(item.items())) if isinstance(item, dict) else (item, {}))
        if name == "pymdownx.snippets":
            continue
        names.append(name)
        configs[name] = options or {}
    return [names, configs]


def to_html(text: str) -> BeautifulSoup:
    names, configs = _extensions()
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter is MkDocs' business
    soup = BeautifulSoup(markdown.markdown(body, extensions=names, extension_configs=configs), "html.parser")
    for permalink in soup.select("a.headerlink"):
        permalink.decompose()
    return soup


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    loaded = load_content(make_project(tmp_path_factory.mktemp("units")))
    assert not loaded.problems, [p.one_line() for p in loaded.problems]
    return loaded


def with_card_title(content: Content, card_id: str, title: str) -> Content:
    practices = dict(content.practices)
    practices[card_id] = practices[card_id].model_copy(update={"title": title, "summary": title})
    return dataclasses.replace(content, practices=practices)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("*communs*", "\\*communs\\*"),
        ("a | b", "a \\| b"),
        ("[x](y)", "\\[x\\](y)"),
        ("<b> & co", "&lt;b\\> &amp; co"),
        ("deux\nlignes", "deux lignes"),
        ("L'ESS, 23 000 €", "L'ESS, 23 000 €"),
    ],
)
def test_plain_values_are_escaped_once_for_markdown(value: str, expected: str) -> None:
    assert theme.text(value) == expected


def test_plain_value_reads_literally_once_converted() -> None:
    html = to_html(theme.heading(1, theme.text(AWKWARD)) + "\n" + theme.link(theme.text(AWKWARD), "page.md") + "\n")
    assert html.h1.get_text() == AWKWARD
    assert html.a.get_text() == AWKWARD and html.a["href"] == "page.md"
    assert not html.find(["em", "b", "code", "table"])


def test_card_title_with_markdown_characters_stays_plain(content: Content) -> None:
    changed = with_card_title(content, "cooperative-de-test", AWKWARD)
    page = to_html(render_practice(changed, changed.practices["cooperative-de-test"], SETTINGS))
    assert page.h1.get_text(strip=True) == AWKWARD.strip()
    assert page.select_one(".pc-summary").get_text(strip=True) == AWKWARD.strip()
    # The card that links to it shows the title literally in its "related" list.
    other = to_html(render_practice(changed, changed.practices["deuxieme-fiche"], SETTINGS))
    assert AWKWARD in [a.get_text() for a in other.find_all("a")]
    assert not page.find("em", string=re.compile("communs")) and not other.find("em", string=re.compile("communs"))


def test_catalog_widget_escapes_contributed_text(content: Content) -> None:
    changed = with_card_title(content, "cooperative-de-test", AWKWARD)
    page = to_html(render_catalog(changed, SETTINGS))
    titles = [a.get_text() for a in page.select(".pc-catalog__title a")]
    assert AWKWARD in titles and not page.select(".pc-catalog b")
    # Filters: one group per field, counts from the content.
    groups = [fieldset["data-param"] for fieldset in page.select("fieldset.pc-filters__group")]
    assert groups == ["principe", "theme", "public", "etape", "effort"]
    item = page.select_one('.pc-catalog__item[data-principe]')
    assert item["data-effort"] in {"faible", "moyen", "eleve"}


def _lesson_titled(content: Content, title: str) -> Content:
    course_id, data = next(iter(content.courses.items()))
    lessons = [dataclasses.replace(data.lessons[0], meta=data.lessons[0].meta.model_copy(update={"title": title})), *data.lessons[1:]]
    courses = dict(content.courses)
    courses[course_id] = dataclasses.replace(data, lessons=lessons)
    return dataclasses.replace(content, courses=courses)


def test_lesson_title_with_a_pipe_keeps_the_guide_table_shape(content: Content) -> None:
    changed = _lesson_titled(content, "Choisir | comparer *vite*")
    data = next(iter(changed.courses.values()))
    guide = to_html(render_guide(changed, data, SETTINGS))
    first_row = guide.find("table").find("tbody").find("tr")
    cells = first_row.find_all("td")
    assert len(cells) == 4 and cells[1].get_text() == "Choisir | comparer *vite*"
    assert not guide.find("em", string=re.compile("vite"))
    lesson = to_html(render_lesson(changed, data, 0, SETTINGS))
    assert lesson.h1.get_text(strip=True) == "Choisir | comparer *vite*"


def test_attestation_widget_lists_every_lesson(content: Content) -> None:
    changed = _lesson_titled(content, "<script>alert(1)</script>")
    data = next(iter(changed.courses.values()))
    page = to_html(render_attestation(changed, data, SETTINGS))
    rows = page.select(".pc-att__table tbody tr")
    assert [row["data-lesson"] for row in rows] == [lesson.id for lesson in data.lessons]
    assert not page.find("script")
    assert rows[0].th.get_text() == "<script>alert(1)</script>"


def test_diagnostic_data_cannot_close_its_script_element(content: Content) -> None:
    changed = with_card_title(content, "cooperative-de-test", "</script><img src=x onerror=alert(1)>")
    pages = diagnostic_pages(changed, SETTINGS)
    page = to_html(next(iter(pages.values())))
    data = json.loads(page.select_one("script.pc-diag__data").string)
    assert "</script><img src=x onerror=alert(1)>" in [card["title"] for card in data["cards"]]
    assert not page.find("img")
    questions = page.select("fieldset.pc-diag__question")
    assert questions and all(q.select("input[type=radio]") for q in questions)


def test_rendering_needs_no_site_generator() -> None:
    """The engine and its renderers import no MkDocs module (the adapter is hooks/)."""
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "plateformcoop").rglob("*.py")
        if re.search(r"^\s*(from|import)\s+mkdocs\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


def test_renderers_write_theme_syntax_only_through_the_theme_module() -> None:
    """Material's classes, attribute lists and md_in_html markers live in plateformcoop/theme."""
    pattern = re.compile(r"md-button|data-pagefind|\{ ?[.#]|\bmarkdown>|\" markdown")
    offenders = []
    for path in sorted((REPO / "plateformcoop" / "render").glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_templates_are_only_our_files() -> None:
    templates = Path(REPO / "plateformcoop" / "templates")
    assert sorted(p.name for p in templates.iterdir()) == sorted(
        ["attestation.html", "catalog.html", "diagnostic.html", "lesson-done.html", "observatory-figure.html", "offline.html", "progress.html", "quiz.html"]
    )


def test_map_labels_sit_inside_each_area_as_far_from_the_border_as_a_fine_grid_finds() -> None:
    """The coarse-to-fine search places each name inside its département, at least as far
    from the border as testing every point of a 40 × 40 grid would."""
    from plateformcoop.render.map import _distance_to_border, _inside, load_areas

    areas, _ = load_areas(Path(__file__).resolve().parent.parent / "data" / "map" / "hauts-de-france.json")
    assert len(areas) == 5
    for area in areas:
        pts = area.points
        xs, ys = [x for x, _ in pts], [y for _, y in pts]
        grid = [
            (min(xs) + (max(xs) - min(xs)) * i / 40, min(ys) + (max(ys) - min(ys)) * j / 40)
            for i in range(1, 40)
            for j in range(1, 40)
        ]
        fine = max(_distance_to_border(x, y, pts) for x, y in grid if _inside(x, y, pts))
        x, y = area.label_point
        assert _inside(x, y, pts), area.name
        assert _distance_to_border(x, y, pts) >= 0.99 * fine, area.name
