"""Render validated content to Markdown pages (engine-neutral: no MkDocs import)."""
