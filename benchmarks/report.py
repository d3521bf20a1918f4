"""The reports: targets, derived figures (scaling), the machine, the printed
table and the JSON file (also used by benchmarks/lighthouse.py)."""

from __future__ import annotations

import json
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

import yaml

TARGETS = {
    "overhead": 0.10,  # the project's build takes at most 10 % more than the same pages built by stock MkDocs
    "scaling": 0.15,  # one more card costs at most 15 % more at the largest size than at the smallest
    "check_1000_s": 1.0,
    "card_page_kb": 100.0,
    "search_ratio": 1.5,
}


def log(message: str) -> None:
    """Progress, on stderr (the table goes to stdout)."""
    print(message, file=sys.stderr, flush=True)


def write_report(report: dict, out: Path, summary: str) -> None:
    """Write the JSON report, then print its table and where it went."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(summary)
    print(f"\nRapport : {out} ({report['duration_s']:.0f} s)")


def machine() -> dict:
    info = {
        "cpu_count": os.cpu_count(),
        "cpu_model": None,
        "ram_gb": None,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "pymdown-extensions", "pydantic", "PyYAML"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    versions["libyaml"] = bool(getattr(yaml, "__with_libyaml__", False))
    info["versions"] = versions
    return info


def _target(name: str, value: float | None, limit: float, unit: str, detail: str, lower_is_better: bool = True) -> dict:
    met = None if value is None else (value <= limit if lower_is_better else value >= limit)
    return {"name": name, "value": value, "limit": limit, "unit": unit, "met": met, "detail": detail}


def evaluate(report: dict) -> list[dict]:
    targets = []
    for entry in report["builds"]:
        targets.append(
            _target(
                f"engine overhead, {entry['cards']} cards", round(entry["overhead"] * 100, 1), TARGETS["overhead"] * 100, "%",
                "strict build of the project / stock MkDocs + Material building the same pages written as Markdown files, minus 1 "
                f"(wall time; processor time: {_percent(entry.get('overhead_cpu'))}); "
                f"against the cards' text alone: {_percent(entry['pages_vs_text'])}",
            )
        )
    scaling = report["scaling"]
    if scaling.get("ratio") is not None:
        targets.append(
            _target(
                f"per-card cost, {scaling['largest']} vs {scaling['smallest']} cards", round((scaling["ratio"] - 1) * 100, 1),
                TARGETS["scaling"] * 100, "%", "marginal build time of one more card (build minus the one-card build, divided by cards - 1)",
            )
        )
    check_1000 = next((c for c in report["check"] if c["cards"] == 1000), None)
    targets.append(
        _target("plateformcoop check, 1,000 cards", check_1000["best_s"] if check_1000 else None, TARGETS["check_1000_s"], "s",
                "wall time of the command, Python start-up included")
    )
    largest = report["builds"][-1] if report["builds"] else None
    if largest and "page_weight" in largest:
        card = largest["page_weight"]["card"]
        targets.append(
            _target(f"card page, first visit, {largest['cards']} cards", card["html_css_js_gzip_kb"], TARGETS["card_page_kb"], "KB gzip",
                    f"HTML + CSS + JS; Material also fetches the search index at load: +{card['search_index_gzip_kb']} KB gzip")
        )
    if largest:
        index = largest["search_index"]
        targets.append(
            _target(f"search index / raw text, {largest['cards']} cards", index["ratio_to_raw_text"], TARGETS["search_ratio"], "×",
                    f"{index['bytes_per_card']} bytes per card; stock MkDocs on the plain pages: {largest['plain_search_index']['ratio_to_raw_text']}×")
        )
    return targets


def _marginal_ms(base: dict, builds: list[dict], side: str) -> dict[str, float]:
    """Cost of one more card at each size, in ms: (build(N) - build(1)) / (N - 1)."""
    return {
        str(entry["cards"]): round((entry[side]["best_s"] - base[side]["best_s"]) * 1000 / (entry["cards"] - 1), 2)
        for entry in builds
        if entry["cards"] > 1
    }


def scaling(base: dict, builds: list[dict]) -> dict:
    """Fixed cost (the one-card build) and marginal cost of a card at each size, for the
    project and the plain pages; ratio of the largest size's marginal cost to the smallest's."""
    marginal = _marginal_ms(base, builds, "project")
    result: dict = {
        "fixed_cost_s": base["project"]["best_s"],
        "plain_fixed_cost_s": base["plain"]["best_s"],
        "marginal_ms_per_card": marginal,
        "plain_marginal_ms_per_card": _marginal_ms(base, builds, "plain"),
        "raw_ms_per_card": {str(e["cards"]): round(e["project"]["best_s"] * 1000 / e["cards"], 2) for e in builds},
        "ratio": None,
    }
    sizes = [e["cards"] for e in builds if e["cards"] > 1]
    if len(sizes) >= 2 and marginal[str(sizes[0])] > 0:
        result.update(smallest=sizes[0], largest=sizes[-1], ratio=round(marginal[str(sizes[-1])] / marginal[str(sizes[0])], 3))
    return result


def _percent(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio * 100:+.0f} %"


def _fmt(value: object, suffix: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}{suffix}".replace(",", " ")
    return f"{value}{suffix}"


def aligned(lines: list[tuple], right: bool = True) -> list[str]:
    """Rows of cells in columns as wide as their widest cell."""
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(lines[0]))]
    pad = str.rjust if right else str.ljust
    return ["  ".join(pad(str(cell), width) for cell, width in zip(line, widths)) for line in lines]


BUILD_COLUMNS = ("fiches", "projet s", "mêmes pages .md s", "surcoût moteur", "surcoût CPU", "texte seul s", "écart",
                 "ms/fiche (marge)", "mémoire Mo", "pages", "moteur seul s", "index Mo", "index/texte")
BUILD_LEGEND = [
    "(mêmes pages .md : les pages générées par le moteur, écrites en fichiers Markdown et construites par MkDocs + Material",
    " sans le moteur ; texte seul : le seul texte des fiches et leçons en pages Markdown ; écart : projet / texte seul ;",
    " surcoût CPU : le même rapport en temps processeur (utilisateur + système) au lieu du temps écoulé ;",
    " mémoire : pic du projet / pic des mêmes pages .md ; ms/fiche : coût d'une fiche de plus, hors coût fixe)",
]


def _build_line(entry: dict, marginal_ms: dict[str, float]) -> tuple:
    return (
        _fmt(entry["cards"]),
        _fmt(entry["project"]["best_s"]),
        _fmt(entry["rendered"]["best_s"]),
        _percent(entry["overhead"]),
        _percent(entry.get("overhead_cpu")),
        _fmt(entry["plain"]["best_s"]),
        _percent(entry["pages_vs_text"]),
        _fmt(marginal_ms.get(str(entry["cards"]))),
        f"{_fmt(entry['project']['max_rss_mb'])} / {_fmt(entry['rendered']['max_rss_mb'])}",
        _fmt(entry["project"]["html_pages"]),
        _fmt(round(entry["engine"]["load_s"] + entry["engine"]["render_s"], 2)),
        _fmt(round(entry["search_index"]["bytes"] / 1e6, 2)),
        _fmt(entry["search_index"]["ratio_to_raw_text"]),
    )


def _page_weight_rows(largest: dict) -> list[str]:
    rows = ["", f"Poids des pages, première visite, gzip ({largest['cards']} fiches) :"]
    for name, weight in largest["page_weight"].items():
        rows.append(
            f"  {name:8} HTML+CSS+JS {weight['html_css_js_gzip_kb']:7.1f} Ko  (HTML {weight['gzip_bytes']['html'] / 1024:6.1f} Ko)"
            f"  + index de recherche {weight['search_index_gzip_kb']:7.1f} Ko  = {weight['first_visit_total_gzip_kb']:.1f} Ko, {weight['requests']} requêtes"
        )
    rows.append(f"  (fiche en Markdown simple : HTML+CSS+JS {largest['plain_page_weight']['card']['html_css_js_gzip_kb']:.1f} Ko)")
    return rows


def _serve_row(serve: dict) -> str:
    if not serve.get("rebuild_s"):
        return f"mkdocs serve : non mesuré ({serve.get('skipped', '—')})"
    return (
        f"mkdocs serve ({serve['cards']} fiches) : premier rendu {serve['first_build_s']:.1f} s, "
        f"reconstruction après modification d'une fiche {serve['rebuild_median_s']:.1f} s (médiane de {serve['rebuild_s']}), "
        f"mémoire {_fmt(serve['max_rss_mb'])} Mo"
    )


def table(report: dict) -> str:
    """The report as printed at the end of a run, in French."""
    machine_info = report["machine"]
    rows = [f"Machine : {machine_info['cpu_count']} CPU ({machine_info['cpu_model']}), "
            f"{machine_info['ram_gb']} Go de RAM, Python {machine_info['python']}", ""]
    marginal_ms = report["scaling"]["marginal_ms_per_card"]
    rows += aligned([BUILD_COLUMNS, *(_build_line(entry, marginal_ms) for entry in [report["base"], *report["builds"]])])
    rows += BUILD_LEGEND
    rows += ["", "Vérification seule (plateformcoop check) :"]
    for entry in report["check"]:
        rows.append(f"  {entry['cards']:>6} fiches : {entry['best_s']:.2f} s, {entry['ms_per_card']:.2f} ms/fiche, {_fmt(entry['max_rss_mb'])} Mo")
    largest = report["builds"][-1] if report["builds"] else None
    if largest and "page_weight" in largest:
        rows += _page_weight_rows(largest)
    rows += ["", _serve_row(report.get("serve") or {}), "", "Objectifs (indicatifs) :"]
    for target in report["targets"]:
        state = {True: "atteint", False: "MANQUÉ", None: "non mesuré"}[target["met"]]
        rows.append(f"  [{state:10}] {target['name']}: {_fmt(target['value'])} {target['unit']} (objectif ≤ {target['limit']} {target['unit']})")
    return "\n".join(rows)
