"""Interactive widgets (catalog filters, quiz, progress, attestation, diagnostic) from Jinja templates.

The templates in ``plateformcoop/templates/`` are the project's own, trusted files;
contributed text only ever reaches them as data, and autoescaping writes it as
text whatever it contains. (No contributed text is ever a template: mkdocs-macros
is kept away from generated pages for the same reason.)
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import jinja2
import markupsafe

from .. import theme
from ..i18n import t


def script_json(value: Any) -> markupsafe.Markup:
    """JSON for the inside of a ``<script type="application/json">`` element.

    Script content is not entity-decoded, so it cannot be HTML-escaped; escaping
    every "<" instead means contributed text can never close the element.
    """
    return markupsafe.Markup(json.dumps(value, ensure_ascii=False).replace("<", "\\u003c"))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("plateformcoop", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["theme"] = {"button": theme.BUTTON, "primary": theme.PRIMARY_BUTTON}
    env.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False)
    env.filters["script_json"] = script_json
    return env


def render_widget(name: str, lang: str, **data: Any) -> str:
    """``templates/<name>.html`` filled with ``data``; ``t(key, ...)`` gives UI strings in ``lang``."""

    def translate(key: str, **values: Any) -> str:
        return t(key, lang, **values)

    return _environment().get_template(f"{name}.html").render(t=translate, **data)
