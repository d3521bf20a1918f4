"""Offsets in a text -> the 1-based line and column people see in their editor."""

from __future__ import annotations

from bisect import bisect_right


def line_col(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based) of ``offset`` in ``text``. For many offsets in the
    same text, build one :class:`LineIndex` instead (this scans the text up to ``offset``)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


class LineIndex:
    """Where each line of a text starts, to place any number of offsets in log time."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position >= 0:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._starts = starts
        self._first_line = first_line

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based; lines counted from ``first_line``) of ``offset``."""
        line = bisect_right(self._starts, offset) - 1
        return self._first_line + line, offset - self._starts[line] + 1
