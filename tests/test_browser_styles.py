"""The site's widgets share one focus ring and one fieldset style (accessibility.css,
plateformcoop.css): computed in a real browser, in the light palette."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# Catalog filter, quiz answer, diagnostic answer: one control and its fieldset each.
WIDGETS = {
    "pratiques/": "#pc-filters fieldset input[type=checkbox]",
    "formations/module-test/premiere-lecon/": "form.pc-quiz fieldset input",
    "diagnostic/": "fieldset.pc-diag__question input[type=radio]",
}
ACCENT = "rgb(191, 54, 12)"  # --md-accent-fg-color, light palette (accessibility.css)

STYLE = """control => {
  control.focus();
  const ring = getComputedStyle(control);
  const fieldset = getComputedStyle(control.closest('fieldset'));
  const legend = getComputedStyle(control.closest('fieldset').querySelector('legend'));
  return {
    focusVisible: control.matches(':focus-visible'),
    ring: [ring.outlineStyle, ring.outlineWidth, ring.outlineColor, ring.outlineOffset].join(' '),
    fieldset: [fieldset.borderTopStyle, fieldset.borderTopWidth, fieldset.borderTopColor, fieldset.borderTopLeftRadius,
               fieldset.paddingTop, fieldset.paddingLeft, fieldset.paddingBottom].join(' '),
    legend: [legend.fontWeight, legend.paddingLeft].join(' '),
  };
}"""


def test_widgets_share_one_focus_ring_and_one_fieldset_style(page: Page, fixture_server: str) -> None:
    page.emulate_media(color_scheme="light")
    styles = {}
    for path, control in WIDGETS.items():
        page.goto(fixture_server + path)
        # The catalog's filters sit in a closed panel: open it, as a reader would.
        page.evaluate("() => { const panel = document.getElementById('pc-filters-panel'); if (panel) panel.open = true; }")
        page.keyboard.press("Tab")  # a keyboard user: script focus then shows the ring
        styles[path] = page.locator(control).first.evaluate(STYLE)
    for path, style in styles.items():
        assert style["focusVisible"], path
        assert style["ring"] == f"solid 3px {ACCENT} 2px", (path, style)
    assert len({style["fieldset"] for style in styles.values()}) == 1, styles
    assert len({style["legend"] for style in styles.values()}) == 1, styles
    assert next(iter(styles.values()))["legend"].startswith("700"), styles
