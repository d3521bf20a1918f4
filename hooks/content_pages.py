"""MkDocs glue: load and validate content, add the generated pages, turn glossary terms into tooltips.

All logic lives in the plateformcoop package; this file only adapts MkDocs events.
Problems are logged as warnings on a ``mkdocs.`` logger, so ``mkdocs build --strict``
fails on exactly the problems ``plateformcoop check`` reports.
"""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from plateformcoop.content import Content, load_content_cached
from plateformcoop.render.glossary import tooltip_groups
from plateformcoop.render.paths import UrlStyle
from plateformcoop.render.settings import SiteSettings
from plateformcoop.render.site import generated_pages, source_files, static_files
from plateformcoop.model.site_options import SiteOptions
from plateformcoop.problems import shown_problems
from plateformcoop.theme.tooltips import GlossaryTooltips

log = logging.getLogger("mkdocs.plugins.plateformcoop")

_state: dict[str, object] = {}


def _settings(config: MkDocsConfig, content: Content | None = None) -> SiteSettings:
    """The renderers' settings, from mkdocs.yml and the validated content (hooks/kit.py,
    a module of its own, passes the content it read)."""
    content = content or current_content()
    assert content is not None, "on_config (which MkDocs runs first) reads the content"
    # extra.plateformcoop, validated by the engine (its problems are in content.problems).
    options = content.site_options
    edit = options.source_edit_url
    if not edit and config.repo_url and config.edit_uri:
        # edit_uri points at docs/; content files sit one level up.
        edit = urljoin(urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri), "..")
    language = (config.theme.get("language") if config.theme else None) or "fr"
    return SiteSettings(
        language=language,
        source_edit_url=edit,
        source_new_url=options.source_new_url,
        urls=UrlStyle(bool(config.use_directory_urls)),
        site_url=config.site_url or None,
        kits=kits_enabled(options),
    )


def kits_enabled(options: SiteOptions) -> bool:
    """extra.plateformcoop.kits in mkdocs.yml (default on); PLATEFORMCOOP_KITS=0 or 1 overrides it."""
    forced = os.environ.get("PLATEFORMCOOP_KITS", "").strip()
    return forced != "0" if forced else options.kits


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Read once per build (serve runs this again on every rebuild); on_files uses it.
    content = load_content_cached(Path(config.config_file_path).parent)
    _state["content"] = content
    # The first occurrence of each glossary term on a page becomes a tooltip. One
    # extension object for the whole build: its pattern is compiled once.
    groups = tooltip_groups(content)
    if groups:
        config.markdown_extensions.append(GlossaryTooltips(groups))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    content = current_content()
    assert content is not None, "on_config (which MkDocs runs first) reads the content"
    for problem in shown_problems(content.problems):  # as `plateformcoop check` shows them
        log.warning(problem.one_line())
    for notice in content.notices:  # entries to re-check: shown, never fatal in --strict
        log.info(notice.one_line())
    settings = _settings(config)
    sources = source_files(content)
    pages = generated_pages(content, settings)
    _state["generated"] = {src_path for src_path in pages if src_path.endswith(".md")}
    for src_path, text in pages.items():
        if files.get_file_from_path(src_path) is not None:
            files.remove(files.get_file_from_path(src_path))
        generated = File.generated(config, src_path, content=text)
        if src_path in sources:
            # Lets the theme's "edit" action open the YAML source, not a docs/ file.
            generated.edit_uri = "../" + sources[src_path]
        files.append(generated)
    for src_path, absolute in static_files(content).items():
        files.append(File.generated(config, src_path, abs_src_path=absolute))
    # The content model and the generated pages live until the end of the build:
    # moved out of the collector's reach, they are not walked again by every full
    # collection MkDocs' page rendering triggers. on_post_build gives them back.
    gc.freeze()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs has read the generated page into page.markdown: its File need not keep a
    # second copy of the text for the rest of the build (peak memory at 5,000 cards:
    # 701 -> 612 MB, measured).
    generated = _state.get("generated")
    if isinstance(generated, set) and page.file.src_uri in generated:
        page.file.content_string = ""
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    gc.unfreeze()  # serve: the previous build's content can be freed


def on_build_error(error: Exception) -> None:
    gc.unfreeze()


def current_content() -> Content | None:
    content = _state.get("content")
    return content if isinstance(content, Content) else None
