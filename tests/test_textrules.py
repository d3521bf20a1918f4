"""Rules for contributed text, tested directly on strings (fast layer)."""

from __future__ import annotations

import pytest

from plateformcoop import textrules


def keys(text: str) -> set[str]:
    return {finding.key for finding in textrules.check_markdown(text)}


@pytest.mark.parametrize(
    "text",
    [
        "![" + "a" * 1500 + "](https://tiers.example/pixel.png)",  # alternative text past the scanning bound
        "![" * 3000 + "](https://tiers.example/pixel.png)",
    ],
)
def test_an_image_with_a_very_long_alternative_is_refused_not_skipped(text: str) -> None:
    assert keys(text) & {"text.image", "text.image_alt_long"}


def test_an_ordinary_external_image_is_refused() -> None:
    assert "text.image" in keys("Voir ![schéma](https://tiers.example/s.png) ci-dessus.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("`" * 20_000, set()),  # one long run of backticks is no code span and no problem
        ("<a:" * 6_000, set()),
        ("Du `code <b>` puis <b>gras</b>", {"text.html"}),  # HTML outside code spans is still found
        ("<https://www.example.org/page>", set()),
    ],
)
def test_pathological_texts_give_the_same_findings_as_before(text: str, expected: set[str]) -> None:
    assert keys(text) == expected
