"""Workshop kit: the PDFs a real build writes (fixture site, and the real content).

Each PDF exists, is tagged (structure tree, /Lang, title), has the expected page
count and the texts it should (poppler's pdfinfo and pdftotext); every QR code on
the backs of the cards decodes (zxing-cpp) to the card's public URL; a card
rendered to pixels (pdftoppm) keeps all its ink inside its box; the paper
diagnostic asks the web page's questions, in the web page's order.

Poppler's tools (Debian poppler-utils) and zxing-cpp (requirements-test.txt) are
needed: without them the tests are skipped, except in CI (CI=1), where they fail.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO, BuildResult
from plateformcoop import kit
from plateformcoop.content import load_content
from plateformcoop.render.paths import course_kit_path, kits_page_path, practice_path
from plateformcoop.render.settings import SiteSettings

POPPLER = ("pdfinfo", "pdftotext", "pdftoppm")
DPI = 100
MM = DPI / 25.4  # pixels per millimetre at DPI


def _need(missing: list[str]) -> None:
    if missing:
        message = "the kit tests need " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def poppler() -> None:
    _need([f"{tool} (apt-get install poppler-utils)" for tool in POPPLER if shutil.which(tool) is None])


@pytest.fixture(scope="session")
def zxing():
    try:
        import zxingcpp
    except ImportError:
        _need(["zxing-cpp (pip install -r requirements-test.txt)"])
    return zxingcpp


def settings_of(project: Path) -> SiteSettings:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    return SiteSettings(site_url=config["site_url"])


def plan_of(site: BuildResult, project: Path) -> tuple[list[kit.KitFile], SiteSettings, object]:
    content = load_content(project)
    settings = settings_of(project)
    return kit.plan(content, settings), settings, content


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def pdftext(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def catalog_streams(path: Path) -> bytes:
    """The PDF's bytes with its compressed object streams inflated (where /Lang and the structure tree sit)."""
    data = path.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        try:
            parts.append(zlib.decompress(data[match.end() : end]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def pages_png(path: Path, tmp: Path, first: int | None = None, last: int | None = None, dpi: int = DPI) -> list[Path]:
    prefix = tmp / path.stem
    args = ["pdftoppm", "-r", str(dpi), "-png"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    subprocess.run([*args, str(path), str(prefix)], check=True, capture_output=True)
    return sorted(tmp.glob(f"{path.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def qr_urls(zxing, png: Path) -> list[str]:
    from PIL import Image

    with Image.open(png) as image:
        return sorted(result.text for result in zxing.read_barcodes(image.convert("L")))


def ink_outside(png: Path, box_mm: tuple[float, float, float, float]) -> int:
    """How many non-white pixels lie outside the box (left, top, right, bottom in mm, 1 px of slack)."""
    from PIL import Image

    left, top, right, bottom = (round(v * MM) for v in box_mm)
    with Image.open(png) as image:
        gray = image.convert("L")
        width, height = gray.size
        strips = [(0, 0, width, max(top - 1, 0)), (0, min(bottom + 2, height), width, height)]
        strips += [(0, 0, max(left - 1, 0), height), (min(right + 2, width), 0, width, height)]
        return sum(sum(gray.crop(strip).histogram()[:245]) for strip in strips if strip[2] > strip[0] and strip[3] > strip[1])


def check_every_pdf(site: Path, files: list[kit.KitFile]) -> list[str]:
    """Exists, tagged, titled, in French, with the page count known in advance."""
    problems = []
    for item in files:
        path = site / item.path
        if not path.is_file() or path.stat().st_size == 0:
            problems.append(f"{item.path}: missing or empty")
            continue
        info = pdfinfo(path)
        if info.get("Tagged") != "yes":
            problems.append(f"{item.path}: not tagged ({info.get('Tagged')})")
        if info.get("Title") != item.title:
            problems.append(f"{item.path}: title {info.get('Title')!r}, expected {item.title!r}")
        raw = catalog_streams(path)
        if b"/Lang (fr)" not in raw or b"/StructTreeRoot" not in raw:
            problems.append(f"{item.path}: no /Lang (fr) or no structure tree")
        if b"DejaVu" not in raw or b"/FontFile2" not in raw:
            problems.append(f"{item.path}: fonts not embedded")
        if item.pages is not None and int(info["Pages"]) != item.pages:
            problems.append(f"{item.path}: {info['Pages']} pages, expected {item.pages}")
    return problems


# --- Fixture site ------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_kit(fixture_site: BuildResult):
    project = fixture_site.site.parent
    files, settings, content = plan_of(fixture_site, project)
    return fixture_site.site, files, settings, content


def test_every_planned_pdf_is_built_tagged_and_paginated(poppler, fixture_kit) -> None:
    site, files, _, _ = fixture_kit
    kinds = {item.kind for item in files}
    assert {"deck", "sheets", "handout", "facilitator", "questionnaire"} <= kinds, kinds
    assert not check_every_pdf(site, files), "\n".join(check_every_pdf(site, files))


def test_decks_hold_their_cards_and_nothing_else(poppler, fixture_kit) -> None:
    site, files, _, content = fixture_kit
    decks = [item for item in files if item.kind in ("deck", "sheets")]
    assert {item.deck.id for item in decks} >= {"toutes-les-fiches", "principe-gouvernance-inclusive", "formation-module-test"}
    for item in decks:
        text = pdftext(site / item.path)
        for card_id in content.practices:
            title = content.practices[card_id].title
            if card_id in item.deck.cards:
                assert title in text, f"{item.path}: « {title} » missing"
            else:
                assert title not in text, f"{item.path}: « {title} » should not be there"
    # Front then back, one face per page.
    deck = next(item for item in files if item.kind == "deck" and item.deck.id == "toutes-les-fiches")
    first = content.practices[deck.deck.cards[0]]
    assert first.title in pdftext(site / deck.path, 1, 1)
    back = pdftext(site / deck.path, 2, 2)
    assert "Étapes" in back and "Pièges à éviter" in back and first.title not in back


def test_every_qr_code_opens_its_card(poppler, zxing, fixture_kit, tmp_path: Path) -> None:
    site, files, settings, _ = fixture_kit
    deck = next(item for item in files if item.kind == "deck" and item.deck.id == "toutes-les-fiches")
    pngs = pages_png(site / deck.path, tmp_path)
    expected = [settings.absolute(practice_path(card_id)) for card_id in deck.deck.cards]
    assert all(url.startswith("https://") for url in expected)
    assert [qr_urls(zxing, png) for png in pngs[1::2]] == [[url] for url in expected]
    assert [qr_urls(zxing, png) for png in pngs[0::2]] == [[] for _ in expected]  # fronts carry none
    sheets = next(item for item in files if item.kind == "sheets" and item.deck.id == "toutes-les-fiches")
    (tmp_path / "sheets").mkdir()
    sheet_pngs = pages_png(site / sheets.path, tmp_path / "sheets")
    found = [url for png in sheet_pngs[1::2] for url in qr_urls(zxing, png)]
    assert sorted(found) == sorted(expected)


def test_cards_keep_their_ink_inside_the_card_box(poppler, fixture_kit, tmp_path: Path) -> None:
    site, files, _, _ = fixture_kit
    deck = next(item for item in files if item.kind == "deck" and item.deck.id == "toutes-les-fiches")
    # A6 page 105 x 148 mm, card box 95 x 134 mm centred (kit.css: @page card margins 7 mm 5 mm).
    for png in pages_png(site / deck.path, tmp_path):
        assert ink_outside(png, (5, 7, 100, 141)) == 0, f"{png.name}: ink outside the card"


def test_handouts_follow_the_course(poppler, fixture_kit) -> None:
    site, files, _, content = fixture_kit
    data = content.courses["module-test"]
    learner = next(item for item in files if item.kind == "handout" and item.course_id == "module-test")
    facilitator = next(item for item in files if item.kind == "facilitator" and item.course_id == "module-test")
    learner_text, facilitator_text = pdftext(site / learner.path), pdftext(site / facilitator.path)
    for lesson in data.lessons:
        assert lesson.meta.title in learner_text and lesson.meta.title in facilitator_text
        for quiz in lesson.quizzes:
            assert " ".join(quiz.question.split()) in learner_text
    # Cover, one page per lesson at least, the answers; the facilitator adds sign-in sheet and attestation.
    assert int(pdfinfo(site / learner.path)["Pages"]) >= 2 + len(data.lessons)
    assert int(pdfinfo(site / facilitator.path)["Pages"]) >= 3 + len(data.lessons)
    assert "Réponses des quiz" in learner_text
    assert "Feuille d'émargement" in facilitator_text and "Attestation de suivi" in facilitator_text
    notes = [" ".join(block.body.split())[:40] for lesson in data.lessons for block in lesson.blocks("note-animateur")]
    solutions = [" ".join(b.sections["solution"].split())[:40] for lesson in data.lessons for b in lesson.blocks("exercice")]
    assert notes and solutions
    for text in notes + solutions:
        plain = re.sub(r"[*_`]", "", text)
        assert plain in facilitator_text, plain
        assert plain not in learner_text, plain


def test_paper_diagnostic_asks_the_web_questions_in_the_web_order(poppler, fixture_kit) -> None:
    site, files, _, _ = fixture_kit
    paper = next(item for item in files if item.kind == "questionnaire")
    html = BeautifulSoup((site / "diagnostic" / "collectivites" / "index.html").read_text(encoding="utf-8"), "html.parser")
    web = [node["data-question"] for node in html.select("[data-question]")]
    assert web, "the fixture's local authority diagnostic has questions"
    printed = re.findall(r"réf\. ([a-z0-9-]+)", pdftext(site / paper.path))
    assert printed == web
    assert html.select_one(f'a[href$="{Path(paper.path).name}"]'), "the web page links its paper version"


def test_download_pages_link_every_pdf(fixture_kit) -> None:
    site, files, _, _ = fixture_kit
    linked: set[str] = set()
    for page in (kits_page_path(), course_kit_path("module-test")):
        html_path = site / page.replace("index.md", "index.html").replace("kit.md", "kit/index.html")
        soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
        base = html_path.parent.relative_to(site)
        for anchor in soup.select("article a[href$='.pdf']"):
            linked.add(os.path.normpath(base / anchor["href"]))
    assert linked == {item.path for item in files}
    course = BeautifulSoup((site / "formations" / "module-test" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert course.select_one('a[href="kit/"]'), "the course page links its kit"


def test_kits_can_be_switched_off(tmp_path: Path) -> None:
    from conftest import build, make_project

    project = make_project(tmp_path)
    env_before = os.environ.get("PLATEFORMCOOP_KITS")
    os.environ["PLATEFORMCOOP_KITS"] = "0"
    try:
        result = build(project)
    finally:
        if env_before is None:
            del os.environ["PLATEFORMCOOP_KITS"]
        else:
            os.environ["PLATEFORMCOOP_KITS"] = env_before
    assert result.returncode == 0, result.output
    assert not (result.site / "kits").exists()
    assert "kit/" not in (result.site / "formations" / "module-test" / "index.html").read_text(encoding="utf-8")


# --- Real content --------------------------------------------------------------------


def test_real_kit_is_complete_and_every_card_fits(poppler, zxing, real_site: BuildResult, tmp_path: Path) -> None:
    files, settings, content = plan_of(real_site, REPO)
    assert not check_every_pdf(real_site.site, files), "\n".join(check_every_pdf(real_site.site, files))
    deck = next(item for item in files if item.kind == "deck" and item.deck.id == "toutes-les-fiches")
    assert len(deck.deck.cards) == len(content.practices)
    pngs = pages_png(real_site.site / deck.path, tmp_path)
    assert len(pngs) == 2 * len(content.practices)
    for png in pngs:
        assert ink_outside(png, (5, 7, 100, 141)) == 0, f"{png.name}: ink outside the card"
    decoded = [qr_urls(zxing, png) for png in pngs[1::2]]
    assert decoded == [[settings.absolute(practice_path(card_id))] for card_id in deck.deck.cards]
    sheets = next(item for item in files if item.kind == "sheets" and item.deck.id == "toutes-les-fiches")
    assert int(pdfinfo(real_site.site / sheets.path)["Pages"]) == 2 * math.ceil(len(content.practices) / 4)


# --- Contributed text stays data ----------------------------------------------------


def test_contributed_text_is_never_markup_nor_template() -> None:
    from plateformcoop.kit.markup import to_html
    from plateformcoop.kit.templates import render_template

    # Raw HTML cannot pass the text rules; if it did, the kit's converter would write it as text.
    html = to_html('Voir <script>alert(1)</script> et <a href="x">lien</a> **gras**')
    assert "<script" not in html and "&lt;script&gt;" in html and "<a href" not in html
    assert "<strong>gras</strong>" in html
    # Template syntax in a card is printed as it is, never evaluated.
    from dataclasses import replace

    from plateformcoop.kit.cards import printed_card

    content = load_content(REPO)
    card = printed_card(content, content.sorted_practices()[0], SiteSettings())
    tricky = replace(card, title="{{ 7 * 7 }} <b>x</b>", summary="{% raw %}", steps=("{{ config }}", "b"))
    page = render_template("cards.html", "fr", title="essai", author="test", cards=[tricky])
    assert "{{ 7 * 7 }} &lt;b&gt;x&lt;/b&gt;" in page and "{% raw %}" in page and "{{ config }}" in page


def test_limits_leave_out_large_decks_and_their_sheets() -> None:
    import tempfile

    from conftest import make_project

    with tempfile.TemporaryDirectory() as tmp:
        content = load_content(make_project(Path(tmp)))
    settings = SiteSettings(site_url="https://example.org/")
    every = kit.plan(content, settings, kit.Limits(None, None))
    assert {f.deck.id for f in every if f.kind == "deck"} >= {"toutes-les-fiches", "formation-module-test"}
    small = kit.plan(content, settings, kit.Limits(deck_max_cards=1, sheets_max_cards=0))
    decks = [f for f in small if f.kind == "deck"]
    assert decks and all(len(f.deck.cards) <= 1 for f in decks)
    assert not [f for f in small if f.kind == "sheets"]
    assert "toutes-les-fiches" in {d.id for d in kit.too_large(content, settings, kit.Limits(deck_max_cards=1))}
    # Handouts and the paper diagnostic do not depend on the limits.
    assert {f.path for f in small if f.deck is None} == {f.path for f in every if f.deck is None}
