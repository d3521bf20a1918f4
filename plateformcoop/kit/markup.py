"""Markdown fields of cards and lessons as HTML for the printed kit.

Contributed text is data: it is converted by Python-Markdown with safe
extensions only (tables, sane lists), never used as a template. Its HTML is
trusted because the engine's text rules (``textrules``) already rejected raw
HTML, attribute lists and template syntax in every contributed field; as a
second barrier, this converter has no raw-HTML support at all: a ``<`` that got
through would be written as text.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import markupsafe

from .. import theme
from ..lessons import CARD_CITATION

_HEADING = re.compile(r"<(/?)h([1-6])([ >])")
# End of a sentence, not too close to the start (keeps "art. 47" whole).
_SENTENCE_END = re.compile(r"(?<=[^\s.]{2}[.!?])\s+(?=[A-ZÀ-Ý«(])")


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    # No raw HTML, block or inline: it is escaped as text instead of passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def to_html(text: str, *, shift: int = 0, inline: bool = False) -> markupsafe.Markup:
    """Markdown -> HTML; ``shift`` lowers headings (## in a lesson under an h2 becomes h4 with shift=2);
    ``inline`` drops the wrapping paragraph of a one-paragraph text (list items)."""
    md = _converter()
    md.reset()
    html = md.convert(text)
    if shift:
        html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + shift, 6)}{m.group(3)}", html)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return markupsafe.Markup(html)


def cite(text: str, titles: dict[str, str]) -> str:
    """[[fiche:id]] -> « card title » in italics (Markdown); ids were validated."""

    def replace(match: re.Match[str]) -> str:
        title = titles.get(match.group("id"))
        return f"*« {theme.text(title)} »*" if title else theme.text(match.group("id"))

    return CARD_CITATION.sub(replace, text)


def first_sentence(text: str, minimum: int = 40) -> str:
    """The first sentence of a Markdown text (for the short back of a card), with "…" when cut."""
    flat = " ".join(text.split())
    for match in _SENTENCE_END.finditer(flat):
        if match.start() >= minimum:
            cut = flat[: match.start()]
            if cut.count("**") % 2:  # do not leave a bold run open
                cut += "**"
            return cut + " …"
    return flat
