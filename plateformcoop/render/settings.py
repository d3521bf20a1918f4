"""Settings the renderers need from the site generator, kept engine-neutral."""

from __future__ import annotations

from dataclasses import dataclass

from .paths import UrlStyle


@dataclass(frozen=True)
class SiteSettings:
    language: str = "fr"
    # Base URL that opens a repository file for editing, e.g.
    # https://github.com/org/repo/edit/main/ (GitHub) or .../-/edit/main/ (GitLab).
    source_edit_url: str | None = None
    # Base URL that creates a new repository file, e.g. https://github.com/org/repo/new/main/.
    source_new_url: str | None = None
    urls: UrlStyle = UrlStyle()
    # Public address of the site, for absolute links in exports (None: relative links).
    site_url: str | None = None
    # Build the workshop kit (PDFs, plateformcoop/kit) and its download pages; the
    # MkDocs hook turns it on (mkdocs.yml extra.plateformcoop.kits).
    kits: bool = False

    def absolute(self, src_path: str) -> str | None:
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + self.urls.url(src_path)

    def edit_url(self, source_path: str) -> str | None:
        if not self.source_edit_url:
            return None
        return self.source_edit_url.rstrip("/") + "/" + source_path
