"""The kit's Jinja templates (plateformcoop/kit/templates/), autoescaped.

The templates are the project's own files; contributed text only reaches them
as data and is written as text. The one exception is HTML that ``markup.to_html``
made from validated Markdown, passed as ``Markup``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

from ..i18n import t


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("plateformcoop", "kit/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, lang: str, **data: Any) -> str:
    def translate(key: str, **values: Any) -> str:
        return t(key, lang, **values)

    return _environment().get_template(name).render(t=translate, lang=lang, **data)
