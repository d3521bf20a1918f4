"""Small horizontal charts as inline SVG, drawn at build time (no script, printable).

Each chart is an image (``role="img"``, named by its ``<title>`` and ``<desc>``)
that always sits beside a data table holding the same figures: the chart is
never the only way to read them. Values are fractions between 0 and 1; every
text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import theme
from ..observatory import percent

WIDTH = 400
BAR = 300  # the 0-100 % axis, from x=0
ROW = 44
_MAX_LABEL = 52


@dataclass(frozen=True)
class Box:
    q1: float
    median: float
    q3: float


def _label(text: str) -> str:
    text = " ".join(text.split())
    return theme.attribute(text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1].rstrip() + "…")


def _pct(value: float) -> str:
    return f"{percent(value)} %"


def _x(value: float, start: float = 0, length: float = BAR) -> float:
    return round(start + length * max(0.0, min(1.0, value)), 1)


def _svg(ident: str, title: str, desc: str, height: int, body: list[str]) -> str:
    return (
        f'<svg class="pc-chart" id="{theme.attribute(ident)}" role="img" aria-labelledby="{theme.attribute(ident)}-title {theme.attribute(ident)}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{theme.attribute(ident)}-title">{theme.attribute(title)}</title>'
        f'<desc id="{theme.attribute(ident)}-desc">{theme.attribute(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _axis(y: float) -> list[str]:
    out = []
    for tick in (0, 0.5, 1):
        x = _x(tick)
        anchor = "start" if tick == 0 else "end" if tick == 1 else "middle"
        out.append(f'<line class="pc-chart__grid" x1="{x}" y1="0" x2="{x}" y2="{y}"/>')
        out.append(f'<text class="pc-chart__tick" x="{x}" y="{y + 14}" text-anchor="{anchor}">{_pct(tick)}</text>')
    return out


def box_chart(ident: str, title: str, desc: str, rows: list[tuple[str, Box | None]], hidden: str) -> str:
    """One row per item: its name, then the box from the first to the third quartile and the median line."""
    body = []
    for index, (label, box) in enumerate(rows):
        y = index * ROW
        body.append(f'<text class="pc-chart__label" x="0" y="{y + 14}">{_label(label)}</text>')
        body.append(f'<rect class="pc-chart__track" x="0" y="{y + 20}" width="{BAR}" height="16"/>')
        if box is None:
            body.append(f'<text class="pc-chart__value" x="4" y="{y + 33}">{theme.attribute(hidden)}</text>')
            continue
        left, right = _x(box.q1), _x(box.q3)
        body.append(f'<rect class="pc-chart__box" x="{left}" y="{y + 20}" width="{max(round(right - left, 1), 2)}" height="16"/>')
        median = _x(box.median)
        body.append(f'<line class="pc-chart__median" x1="{median}" y1="{y + 17}" x2="{median}" y2="{y + 39}"/>')
        body.append(f'<text class="pc-chart__value" x="{BAR + 8}" y="{y + 33}">{_pct(box.median)}</text>')
    height = len(rows) * ROW
    return _svg(ident, title, desc, height + 20, body + _axis(height))


def stacked_chart(ident: str, title: str, desc: str, rows: list[tuple[str, tuple[float, float, float] | None]], legend: tuple[str, str, str], hidden: str) -> str:
    """One row per item: a bar split into three shares (e.g. in place, in progress, not started)."""
    body = []
    for position, (name, cls) in enumerate(zip(legend, ("done", "doing", "todo"))):
        x = position * 130
        body.append(f'<rect class="pc-chart__seg pc-chart__seg--{cls}" x="{x}" y="2" width="12" height="12"/>')
        body.append(f'<text class="pc-chart__tick" x="{x + 16}" y="13">{theme.attribute(name)}</text>')
    top = 24
    for index, (label, shares) in enumerate(rows):
        y = top + index * ROW
        body.append(f'<text class="pc-chart__label" x="0" y="{y + 14}">{_label(label)}</text>')
        body.append(f'<rect class="pc-chart__track" x="0" y="{y + 20}" width="{BAR}" height="16"/>')
        if shares is None:
            body.append(f'<text class="pc-chart__value" x="4" y="{y + 33}">{theme.attribute(hidden)}</text>')
            continue
        start = 0.0
        for share, cls in zip(shares, ("done", "doing", "todo")):
            width = round(BAR * share, 1)
            if width > 0:
                body.append(f'<rect class="pc-chart__seg pc-chart__seg--{cls}" x="{round(start, 1)}" y="{y + 20}" width="{width}" height="16"/>')
            start += BAR * share
        body.append(f'<text class="pc-chart__value" x="{BAR + 8}" y="{y + 33}">{_pct(shares[0])}</text>')
    return _svg(ident, title, desc, top + len(rows) * ROW + 4, body)


def grouped_chart(ident: str, title: str, desc: str, groups: list[tuple[str, list[tuple[str, float | None]]]], hidden: str) -> str:
    """Groups (e.g. principles), each with one bar per sub-item (e.g. year)."""
    body = []
    y = 0
    start, length = 48, BAR - 48
    for label, bars in groups:
        body.append(f'<text class="pc-chart__label" x="0" y="{y + 14}">{_label(label)}</text>')
        y += 20
        for name, value in bars:
            body.append(f'<text class="pc-chart__tick" x="0" y="{y + 12}">{theme.attribute(name)}</text>')
            body.append(f'<rect class="pc-chart__track" x="{start}" y="{y + 1}" width="{length}" height="14"/>')
            if value is None:
                body.append(f'<text class="pc-chart__value" x="{start + 4}" y="{y + 12}">{theme.attribute(hidden)}</text>')
            else:
                body.append(f'<rect class="pc-chart__bar" x="{start}" y="{y + 1}" width="{_x(value, 0, length)}" height="14"/>')
                body.append(f'<text class="pc-chart__value" x="{BAR + 8}" y="{y + 12}">{_pct(value)}</text>')
            y += 20
        y += 8
    return _svg(ident, title, desc, y + 4, body)
