"""Dates written by the scripts are the visitor's calendar date, not UTC.

At 23:30 UTC on 15 June 2026 it is already 16 June (01:30) in Paris: the
attestation, the stored progress and the diagnostic export must say 16 June.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser

COURSE = "formations/module-test/"
UTC_INSTANT = "2026-06-15T23:30:00Z"


@pytest.fixture()
def paris(browser: Browser):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    page.clock.set_fixed_time(UTC_INSTANT)
    yield page
    context.close()


def test_lessons_and_attestation_carry_the_paris_date(paris, fixture_server: str) -> None:
    page = paris
    assert page.evaluate("new Date().getDate()") == 16  # the clock and time zone are as intended
    for lesson in ("premiere-lecon", "deuxieme-lecon"):
        page.goto(fixture_server + COURSE + lesson + "/")
        page.get_by_role("button", name="Marquer cette leçon comme terminée").click()
        expect(page.locator(".pc-lesson__done")).to_have_attribute("aria-pressed", "true")
    stored = json.loads(page.evaluate("localStorage.getItem('plateformcoop:progress:v1')"))
    assert stored["courses"]["module-test"]["done"] == {"premiere-lecon": "2026-06-16", "deuxieme-lecon": "2026-06-16"}
    page.goto(fixture_server + COURSE + "attestation/")
    expect(page.locator(".pc-att__completed")).to_have_text("16 juin 2026")
    expect(page.locator(".pc-att__table tbody tr").first.locator(".pc-att__date")).to_have_text("16 juin 2026")


def test_diagnostic_export_and_report_carry_the_paris_date(paris, fixture_server: str, tmp_path: Path) -> None:
    page = paris
    page.goto(fixture_server + "diagnostic/")
    page.locator('fieldset[data-question="cooperative-de-test-1"]').get_by_label("En place").check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Exporter mes réponses (fichier JSON)").click()
    download = download_info.value
    assert download.suggested_filename.endswith("-2026-06-16.json"), download.suggested_filename
    export = tmp_path / "export.json"
    download.save_as(export)
    assert json.loads(export.read_text(encoding="utf-8"))["date"] == "2026-06-16"
    expect(page.locator(".pc-diag__report-date")).to_contain_text("16 juin 2026")
