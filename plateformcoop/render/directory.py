"""The directory of platforms: a filterable list, a page per platform and per territory, a map, open data.

Everything comes from platforms/<id>.yml and data/territories.yml; nothing here
is written by hand, so a page can never disagree with its entry.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .. import theme
from ..content import Content
from ..directory import Directory
from ..i18n import plural, t
from ..model.platform import Platform
from .catalog import day_number, filter_groups, filter_list
from .markdown import bullet_list, card_list, facts_block, french_date
from .map import load_areas, render_map
from .observatory import render_platform_results
from .paths import (
    DATA_PAGE,
    DIRECTORY_CSV,
    DIRECTORY_JSON,
    course_path,
    directory_path,
    md_link,
    platform_path,
    practice_path,
    stale_path,
    term_path,
    territories_path,
    territory_path,
)
from .settings import SiteSettings
from .widgets import script_json

# Entry field -> URL parameter (French, shareable) and vocabulary; "territoires" is computed.
FILTERS: tuple[tuple[str, str, str], ...] = (
    ("sectors", "secteur", "sectors"),
    ("legal_form", "forme", "legal-forms"),
    ("departements", "territoire", "departements"),
    ("principles", "principe", "principles"),
    ("status", "statut", "statuses"),
)
# Sort orders of the directory (see catalog.SORTS): by name, most recently verified first.
SORTS: tuple[tuple[str, str], ...] = (("az", "asc"), ("verified", "desc"))
EXPORT_VERSION = 1


class _Row:
    """What the filters read of an entry: its fields, plus the départements it serves."""

    def __init__(self, platform: Platform, departements: list[str]) -> None:
        self.platform = platform
        self.sectors = platform.sectors
        self.legal_form = platform.legal_form
        self.departements = departements
        self.principles = platform.principles
        self.status = platform.status


class _DepartementVocabulary:
    """The départements as a vocabulary, for the territory filter (region first)."""

    def __init__(self, directory: Directory) -> None:
        region = [d for d in directory.territories.departements if d.region]
        others = [d for d in directory.territories.departements if not d.region]
        self._names = {d.code: d.name for d in region + others}
        self.ids = list(self._names)

    def label(self, code: str, lang: str = "fr") -> str:
        return self._names[code]


def _where(content: Content, platform: Platform, lang: str) -> str:
    names = ", ".join(content.directory.territories.name(code) for code in platform.territories)
    scope = content.vocabularies["scopes"].label(platform.scope, lang)
    return f"{names} ({t('directory.scope', lang, scope=scope.lower())})"


def _status(content: Content, platform: Platform, lang: str) -> str:
    label = content.vocabularies["statuses"].label(platform.status, lang)
    if platform.closed:
        return t("directory.closed_on", lang, status=label, date=french_date(platform.closed, lang))
    return label


def render_directory(content: Content, settings: SiteSettings) -> str:
    lang = settings.language
    directory = content.directory
    here = directory_path()
    platforms = directory.sorted_platforms()
    rows = [_Row(p, directory.departements_served(p)) for p in platforms]
    vocabularies = {**content.vocabularies, "departements": _DepartementVocabulary(directory)}
    groups = filter_groups(rows, FILTERS, vocabularies, lang, "directory.filter")
    forms = content.vocabularies["legal-forms"]
    sectors = content.vocabularies["sectors"]
    items = [
        {
            "data": [(param, " ".join(getattr(row, field) if isinstance(getattr(row, field), list) else [getattr(row, field)])) for field, param, _ in FILTERS],
            "sort": [("az", str(index)), ("verified", day_number(row.platform.verified))],
            "href": settings.urls.link(here, platform_path(row.platform.id)),
            "title": row.platform.name,
            "summary": row.platform.summary,
            "badges": [sectors.label(s, lang) for s in row.platform.sectors],
            "meta": " · ".join([forms.label(row.platform.legal_form, lang), _where(content, row.platform, lang), _status(content, row.platform, lang)]),
        }
        for index, row in enumerate(rows)
    ]
    title = t("directory.title", lang)
    out = [
        theme.page_header(title, "directory", toc=False, search=False),
        theme.heading(1, theme.text(title)),
        t("directory.intro", lang, count=len(platforms)) + "\n",
        theme.paragraph(
            " · ".join(
                [
                    theme.link(t("directory.map_link", lang), md_link(here, territories_path())),
                    theme.link(t("directory.stale_link", lang), md_link(here, stale_path())),
                    theme.link(t("directory.data_link", lang), md_link(here, DATA_PAGE)),
                ]
            ),
            "pc-directory__links",
        ),
    ]
    if not platforms:
        out.append(t("directory.empty", lang) + "\n")
    out.append(filter_list(lang, "directory", groups, items, SORTS))
    return "\n".join(out)


def _organization(platform: Platform, content: Content, settings: SiteSettings) -> dict[str, Any]:
    """schema.org Organization data for the platform page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": platform.name,
        "description": platform.summary,
        "areaServed": [content.directory.territories.name(code) for code in platform.territories],
    }
    if platform.website:
        data["url"] = platform.website
    if platform.founded:
        data["foundingDate"] = str(platform.founded)
    if platform.closed:
        data["dissolutionDate"] = platform.closed.isoformat()
    if platform.contact and platform.contact.address:
        data["address"] = platform.contact.address
    if platform.networks:
        data["memberOf"] = [content.vocabularies["networks"].label(n, settings.language) for n in platform.networks]
    return data


def render_platform(content: Content, platform: Platform, settings: SiteSettings) -> str:
    lang = platform.lang
    here = platform_path(platform.id)
    vocab = content.vocabularies
    legal = vocab["legal-forms"].label(platform.legal_form, lang)
    if platform.legal_form_note:
        legal += f" ({platform.legal_form_note})"
    rows = [
        (t("directory.meta.legal_form", lang), theme.text(legal)),
        (t("directory.meta.sectors", lang), theme.text(", ".join(vocab["sectors"].label(s, lang) for s in platform.sectors))),
        (t("directory.meta.where", lang), theme.text(_where(content, platform, lang))),
        (t("directory.meta.status", lang), theme.text(_status(content, platform, lang))),
    ]
    if platform.founded:
        rows.append((t("directory.meta.founded", lang), str(platform.founded)))
    if platform.networks:
        rows.append((t("directory.meta.networks", lang), theme.text(", ".join(vocab["networks"].label(n, lang) for n in platform.networks))))
    if platform.principles:
        links = [
            theme.link(theme.text(vocab["principles"].label(p, lang)), md_link(here, term_path("principles", p)), "pc-badge", "pc-badge--principles")
            for p in platform.principles
        ]
        rows.append((t("directory.meta.principles", lang), " ".join(links)))
    out = [
        theme.page_header(
            platform.name,
            "platform",
            description=platform.summary,
            search_filters={"principle": [vocab["principles"].label(p, lang) for p in platform.principles]},
        ),
        theme.heading(1, theme.text(platform.name)),
        theme.paragraph(theme.text(platform.summary), "pc-summary"),
    ]
    if platform.is_closed:
        out.append(theme.paragraph(theme.text(t("directory.closed_notice", lang, date=french_date(platform.closed, lang))), "pc-note"))
    out.append(facts_block(rows))
    reach = [theme.link(theme.text(t("directory.website", lang, name=platform.name)), platform.website)] if platform.website else []
    if platform.contact and platform.contact.url:
        reach.append(theme.link(t("directory.contact_page", lang), platform.contact.url))
    if platform.contact and platform.contact.address:
        reach.append(t("directory.address", lang, address=theme.text(platform.contact.address)))
    out.append(theme.heading(2, t("directory.section.reach", lang)) + "\n" + (bullet_list(reach) if reach else t("directory.no_contact", lang) + "\n"))
    out.append(theme.heading(2, t("directory.section.practices", lang)))
    if platform.practices:
        items = []
        for applied in platform.practices:
            card = content.practices.get(applied.card)
            if card is None:
                continue
            link = theme.link(theme.text(card.title), md_link(here, practice_path(card.id)))
            items.append(f"{link} — {theme.text(applied.note)}" if applied.note else link)
        out.append(bullet_list(items))
    else:
        out.append(t("directory.no_practices", lang) + "\n")
    out.append(render_platform_results(content, platform, settings))  # only if the entry asks (show_diagnostic)
    sources = [theme.link(theme.text(s.title), s.url) for s in platform.sources]
    out.append(theme.heading(2, t("directory.section.sources", lang)) + "\n" + bullet_list(sources))
    footer = [t("directory.verified", lang, date=french_date(platform.verified, lang), who=theme.text(platform.verified_by))]
    edit = settings.edit_url(content.directory.sources[platform.id])
    if edit:
        footer.append(theme.link(t("directory.edit", lang), edit, "pc-edit"))
    out.append(theme.container(" · ".join(footer), cls="pc-card-footer", searchable=False))
    out.append(f'<script type="application/ld+json">{script_json(_organization(platform, content, settings))}</script>\n')
    return "\n".join(out)


def _platform_list(content: Content, platforms: list[Platform], here: str) -> str:
    items = []
    for platform in platforms:
        link = theme.link(theme.text(platform.name), md_link(here, platform_path(platform.id)))
        items.append(f"{link} — {theme.text(platform.summary)}")
    return bullet_list(items) if items else ""


def render_territories(content: Content, settings: SiteSettings) -> str:
    """The map of the region and the same links as a list, with counts."""
    lang = settings.language
    here = territories_path()
    directory = content.directory
    region = directory.territories.region
    counts = {d.code: len(directory.serving(d.code)) for d in region}
    national = [p for p in directory.sorted_platforms() if p.scope == "national" and not p.is_closed]
    title = t("territories.title", lang)
    out = [theme.page_header(title, "territories", search=False), theme.heading(1, theme.text(title)), t("territories.intro", lang) + "\n"]
    areas, credit = load_areas(content.layout.data / "map" / "hauts-de-france.json")
    areas = [area for area in areas if area.code in counts]
    if areas:
        links = {area.code: settings.urls.link(here, territory_path(area.code)) for area in areas}
        svg = render_map(
            areas,
            links,
            counts,
            title=t("territories.map_title", lang),
            description=t("territories.map_desc", lang),
            names={
                area.code: f"{area.name} : {plural(counts[area.code], 'territories.count_one', 'territories.count', lang)}" for area in areas
            },
        )
        out.append(f'<figure class="pc-map">\n{svg}\n</figure>\n')
    items = [
        f"{theme.link(theme.text(d.name), md_link(here, territory_path(d.code)))} — {plural(counts[d.code], 'territories.count_one', 'territories.count', lang)}"
        for d in region
    ]
    out.append(theme.heading(2, t("territories.list", lang)) + "\n" + bullet_list(items))
    if national:
        out.append(t("territories.national_note", lang, count=len(national)) + "\n")
    out.append(
        theme.paragraph(
            t("territories.credit", lang, package=credit["package"], version=credit["version"], author=credit["author"], license=credit["license"]),
            "pc-note",
        )
    )
    return "\n".join(out)


def render_territory(content: Content, code: str, settings: SiteSettings) -> str:
    lang = settings.language
    here = territory_path(code)
    directory = content.directory
    name = directory.territories.name(code)
    serving = [p for p in directory.serving(code) if p.scope != "national"]
    national = [p for p in directory.serving(code) if p.scope == "national"]
    title = t("territory.title", lang, name=name)
    out = [
        theme.page_header(title, "territory", description=t("territory.description", lang, name=name), search=False),
        theme.heading(1, theme.text(title)),
        theme.heading(2, t("territory.platforms", lang)),
        _platform_list(content, serving, here) or t("territory.no_platform", lang) + "\n",
    ]
    if national:
        out.append(theme.heading(2, t("territory.national", lang)) + "\n" + _platform_list(content, national, here))
    cards = [p.id for p in content.practices_with("audiences", "collectivites")]
    courses = [data for data in content.courses.values() if "collectivites" in data.course.audiences and data.lessons]
    out.append(theme.heading(2, t("territory.for_authorities", lang)) + "\n" + t("territory.for_authorities.intro", lang, name=name) + "\n")
    if courses:
        items = [f"{theme.link(theme.text(d.course.title), md_link(here, course_path(d.course.id)))} — {theme.text(d.course.summary)}" for d in courses]
        out.append(theme.heading(3, t("territory.courses", lang)) + "\n" + bullet_list(items))
    if cards:
        out.append(theme.heading(3, t("territory.cards", lang), searchable=False) + "\n" + card_list(content, cards, here))
    out.append(theme.link(t("territory.back", lang), md_link(here, territories_path())) + "\n")
    return "\n".join(out)


def render_stale(content: Content, settings: SiteSettings) -> str:
    """Entries whose information was verified too long ago, oldest first."""
    lang = settings.language
    here = stale_path()
    directory = content.directory
    title = t("stale.title", lang)
    out = [theme.page_header(title, "stale", search=False), theme.heading(1, theme.text(title)), t("stale.intro", lang) + "\n"]
    if directory.stale:
        items = []
        for pid in directory.stale:
            platform = directory.platforms[pid]
            link = theme.link(theme.text(platform.name), md_link(here, platform_path(pid)))
            items.append(f"{link} — {theme.text(t('stale.item', lang, date=french_date(platform.verified, lang), who=platform.verified_by))}")
        out.append(bullet_list(items))
    else:
        out.append(t("stale.none", lang) + "\n")
    return "\n".join(out)


def _record(content: Content, platform: Platform, settings: SiteSettings) -> dict[str, Any]:
    record = platform.model_dump(mode="json")
    record["url"] = settings.absolute(platform_path(platform.id)) or settings.urls.link(DIRECTORY_JSON, platform_path(platform.id))
    record["source"] = content.directory.sources[platform.id]
    record["departements"] = content.directory.departements_served(platform)
    return record


def render_directory_json(content: Content, settings: SiteSettings) -> str:
    platforms = [_record(content, p, settings) for p in content.directory.sorted_platforms()]
    payload = {
        "format": "plateformcoop-directory",
        "version": EXPORT_VERSION,
        "language": settings.language,
        "license": t("directory.data_license", settings.language),
        "count": len(platforms),
        "platforms": platforms,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


CSV_COLUMNS = (
    "id", "name", "summary", "website", "legal_form", "sectors", "scope", "territories", "departements",
    "founded", "status", "closed", "principles", "practices", "networks", "contact_url", "contact_address",
    "verified", "verified_by", "url",
)


def render_directory_csv(content: Content, settings: SiteSettings) -> str:
    """One row per platform; lists joined by "|" (a spreadsheet opens it as it is)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for platform in content.directory.sorted_platforms():
        record = _record(content, platform, settings)
        contact = platform.contact
        row = {
            **record,
            "sectors": "|".join(platform.sectors),
            "territories": "|".join(platform.territories),
            "departements": "|".join(record["departements"]),
            "principles": "|".join(platform.principles),
            "practices": "|".join(a.card for a in platform.practices),
            "networks": "|".join(platform.networks),
            "website": platform.website or "",
            "contact_url": contact.url if contact and contact.url else "",
            "contact_address": contact.address if contact and contact.address else "",
            "founded": platform.founded or "",
            "closed": record["closed"] or "",
        }
        writer.writerow([row[column] for column in CSV_COLUMNS])
    return buffer.getvalue()


def directory_pages(content: Content, settings: SiteSettings) -> dict[str, str]:
    directory = content.directory
    pages = {
        directory_path(): render_directory(content, settings),
        stale_path(): render_stale(content, settings),
        territories_path(): render_territories(content, settings),
        DIRECTORY_JSON: render_directory_json(content, settings),
        DIRECTORY_CSV: render_directory_csv(content, settings),
    }
    for platform in directory.sorted_platforms():
        pages[platform_path(platform.id)] = render_platform(content, platform, settings)
    for departement in directory.territories.region:
        pages[territory_path(departement.code)] = render_territory(content, departement.code, settings)
    return pages
