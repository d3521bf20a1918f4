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
    urls: UrlStyle = UrlStyle()

    def edit_url(self, source_path: str) -> str | None:
        if not self.source_edit_url:
            return None
        return self.source_edit_url.rstrip("/") + "/" + source_path
