"""One offset -> line/column helper for every located problem."""

from __future__ import annotations

from plateformcoop.positions import LineIndex, line_col


def _naive(text: str, offset: int) -> tuple[int, int]:
    lines = text[:offset].split("\n")
    return len(lines), len(lines[-1]) + 1


def test_line_col_and_line_index_agree_with_counting() -> None:
    text = "premier\n\ndeuxième ligne é\n\nfin sans retour"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        assert line_col(text, offset) == _naive(text, offset) == index.position(offset)
    shifted = LineIndex(text, first_line=10)
    assert shifted.position(0) == (10, 1)
    assert shifted.position(text.index("deuxième")) == (12, 1)
