"""The loaded content: what the renderers read from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from plateformcoop.content import load_content

from conftest import make_project


def test_sorted_practices_follow_the_cards(tmp_path: Path) -> None:
    content = load_content(make_project(tmp_path))
    listed = content.sorted_practices()
    assert len(listed) == len(content.practices) >= 2
    titles = [p.title.casefold() for p in listed]
    assert titles == sorted(titles)
    listed.reverse()  # the caller's copy: the next listing is not affected
    assert [p.title.casefold() for p in content.sorted_practices()] == titles
    # Replacing a card (same number of cards) must never leave a stale listing:
    # the loaded content is read-only.
    first, last = content.sorted_practices()[0], content.sorted_practices()[-1]
    renamed = first.model_copy(update={"title": "ZZZ " + first.title})
    try:
        content.practices[first.id] = renamed  # type: ignore[index]
    except TypeError:
        pass
    else:
        assert content.sorted_practices()[-1].title == renamed.title, "stale listing after a card was replaced"
    assert content.sorted_practices()[-1] in (last, renamed)
    with pytest.raises(AttributeError):
        content.practices = {}  # type: ignore[misc]
