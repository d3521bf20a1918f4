"""Everything generated from content, as {source path: text}, for any site generator."""

from __future__ import annotations

from ..content import Content, gc_paused
from .catalog import render_catalog
from .course_pages import course_assets, course_pages
from .diagnostic import diagnostic_pages
from .directory import directory_pages
from .export import render_data_page, render_export
from .glossary import render_glossary
from .kit_pages import kit_pages
from .observatory import observatory_pages
from .paths import DATA_PAGE, EXPORT, GLOSSARY, REFERENCE, TEMPLATE_PAGE, platform_path, practice_catalog_path, practice_path
from .practice_page import render_practice
from .reference import render_reference, render_template_page
from .settings import SiteSettings
from .taxonomy import taxonomy_pages


def generated_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    # Rendering makes strings, not cycles: the collector would only walk the content again.
    with gc_paused():
        return _generated_pages(content, settings)


def _generated_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    pages = {practice_path(p.id): render_practice(content, p, settings) for p in content.sorted_practices()}
    pages[practice_catalog_path()] = render_catalog(content, settings)
    pages.update(taxonomy_pages(content, settings))
    if content.glossary:
        pages[GLOSSARY] = render_glossary(content, settings)
    pages[EXPORT] = render_export(content, settings)
    pages[DATA_PAGE] = render_data_page(content, settings)
    pages.update(directory_pages(content, settings))
    pages.update(course_pages(content, settings))
    pages.update(diagnostic_pages(content, settings))
    pages.update(kit_pages(content, settings))
    pages.update(observatory_pages(content, settings))
    pages[REFERENCE] = render_reference(content, settings)
    pages[TEMPLATE_PAGE] = render_template_page(content, settings)
    return pages


def static_files(content: Content) -> dict[str, str]:
    """Files copied as they are: site path -> absolute source path."""
    return course_assets(content)


def source_files(content: Content) -> dict[str, str]:
    """Generated page -> the repository file it comes from (for "edit" links)."""
    sources = {practice_path(pid): source for pid, source in content.sources.items()}
    sources.update({platform_path(pid): source for pid, source in content.directory.sources.items()})
    return sources
