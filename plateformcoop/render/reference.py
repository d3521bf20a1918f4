"""The contributor's field reference, generated from the models and vocabularies."""

from __future__ import annotations

from pydantic import BaseModel

from .. import theme
from ..content import Content
from ..i18n import t
from ..lessons import BLOCK_TYPES, SECTIONS
from ..model.course import Course, LessonMeta
from ..model.introspect import FieldDoc, describe
from ..model.platform import Platform
from ..model.practice import Practice
from ..vocabularies import VOCABULARY_NAMES
from .settings import SiteSettings


_MODELS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("reference.practice", Practice),
    ("reference.course", Course),
    ("reference.lesson", LessonMeta),
    ("reference.platform", Platform),
)


def _cell(markdown: str) -> str:
    """Generated Markdown (types, limits) inside a table cell."""
    return markdown.replace("|", "\\|").replace("\n", " ")


def _type(doc: FieldDoc) -> str:
    base = t(f"reference.kind.{doc.kind}")
    if doc.submodel is not None:
        base = t("reference.kind.object_named", name=doc.submodel.__name__)
    return t("reference.list_of", item=base) if doc.is_list else base


def _limits(doc: FieldDoc) -> str:
    parts = []
    if doc.vocabulary:
        parts.append(t("reference.vocabulary", name=doc.vocabulary, anchor=f"vocabulaire-{doc.vocabulary}"))
    if doc.literals:
        parts.append(", ".join(f"`{v}`" for v in doc.literals))
    if doc.min_items:
        parts.append(t("template.min_items", count=doc.min_items))
    if doc.max_length:
        parts.append(t("template.max_length", count=doc.max_length))
    if doc.bounds != (None, None):
        parts.append(t("template.bounds", low=doc.bounds[0], high=doc.bounds[1]))
    return " ; ".join(parts) or "—"


def _table(model: type[BaseModel], level: int = 3) -> list[str]:
    rows = [
        f"| {t('reference.col.field')} | {t('reference.col.type')} | {t('reference.col.required')} | {t('reference.col.limits')} | {t('reference.col.description')} |",
        "|---|---|---|---|---|",
    ]
    nested: list[type[BaseModel]] = []
    for doc in describe(model):
        required = t("reference.yes") if doc.required else t("reference.no")
        rows.append(f"| `{doc.name}` | {_cell(_type(doc))} | {required} | {_cell(_limits(doc))} | {theme.text(doc.description)} |")
        if doc.submodel is not None and doc.submodel not in nested:
            nested.append(doc.submodel)
    out = rows + [""]
    for sub in nested:
        out += [f"{'#' * level} {t('reference.kind.object_named', name=sub.__name__)}", ""] + _table(sub, level + 1)
    return out


def render_reference(content: Content, settings: SiteSettings) -> str:
    lang = settings.language
    out = [
        theme.page_header(t("reference.title", lang), "reference"),
        theme.heading(1, theme.text(t("reference.title", lang))),
        t("reference.intro", lang) + "\n",
    ]
    for key, model in _MODELS:
        out.append(f"## {t(key, lang)}\n")
        out.append(t(key + ".intro", lang) + "\n")
        out.extend(_table(model))
    out.append(f"## {t('reference.blocks', lang)}\n")
    out.append(t("reference.blocks.intro", lang) + "\n")
    out.append(f"| {t('reference.col.block')} | {t('reference.col.sections')} | {t('reference.col.description')} |\n|---|---|---|")
    for kind in BLOCK_TYPES:
        sections = ", ".join(f"`--- {s}`" for s in SECTIONS.get(kind, ())) or "—"
        out.append(f"| `::: {kind}` | {sections} | {t('reference.block.' + kind, lang)} |")
    out.append("")
    out.append(f"## {t('reference.vocabularies', lang)}\n")
    out.append(t("reference.vocabularies.intro", lang) + "\n")
    for name in VOCABULARY_NAMES:
        vocab = content.vocabularies[name]
        out.append(theme.heading(3, f"`{name}`", anchor=f"vocabulaire-{name}"))
        out.append(f"| {t('reference.col.value')} | {t('reference.col.label')} | {t('reference.col.description')} |\n|---|---|---|")
        for term in vocab.ids:
            out.append(f"| `{term}` | {theme.text(vocab.label(term, lang))} | {theme.text(vocab.description(term, lang))} |")
        out.append("")
    return "\n".join(out)


def render_template_page(content: Content, settings: SiteSettings) -> str:
    """The card template, ready to copy, and a link that opens it pre-filled on the forge."""
    from urllib.parse import quote

    from ..scaffold import practice_template

    lang = settings.language
    template = practice_template("identifiant-de-la-fiche", content.vocabularies)
    out = [
        theme.page_header(t("template_page.title", lang), "reference"),
        theme.heading(1, theme.text(t("template_page.title", lang))),
        t("template_page.intro", lang) + "\n",
    ]
    if settings.source_new_url:
        url = f"{settings.source_new_url.rstrip('/')}/practices?filename=identifiant-de-la-fiche.yml&value={quote(template)}"
        out.append(theme.button_link(t("template_page.open", lang), url, primary=True) + "\n")
    out.append(t("template_page.local", lang) + "\n")
    out.append("```yaml\n" + template + "```\n")
    return "\n".join(out)
