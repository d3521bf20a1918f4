"""Glossary tooltips: a Python-Markdown extension that wraps the first occurrence of
each glossary term on a page in ``<abbr title="short definition">``.

Python-Markdown's own ``abbr`` extension wraps every occurrence: on a card page of the
benchmark corpus, 29 ``<abbr>`` where 19 terms occur, each carrying its definition
again, and every one of them parsed once more by the search indexer. The usual
editorial rule (and WCAG technique H28) is to expand a term where it first appears;
the glossary page holds every definition.

One instance serves every page of a build (MkDocs makes a new ``Markdown`` per page
but keeps the extension objects it is given), so the pattern is compiled once.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Never inside these: code stays literal, links and headings keep their own meaning
# (a tooltip inside a link fights with it for the pointer), an author's abbr wins.
_SKIP = frozenset({"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"})


class TooltipTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, pattern: re.Pattern[str], terms: Mapping[str, tuple[int, str]]) -> None:
        super().__init__(md)
        self.pattern = pattern
        self.terms = terms  # spelling -> (entry number, short definition)
        self.seen: set[int] = set()

    def run(self, root: etree.Element) -> None:
        self.seen = set()
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        # The next child to visit; the abbr elements just inserted (already scanned) are stepped over.
        index = 0
        if element.text:
            element.text, index = self._wrap(element.text, element, index)
        while index < len(element):
            child = element[index]
            if child.tag not in _SKIP:
                self._walk(child)
            index += 1
            if child.tail:
                child.tail, index = self._wrap(child.tail, element, index)

    def _wrap(self, text: str, parent: etree.Element, index: int) -> tuple[str, int]:
        """Wrap the terms of ``text`` not seen yet on this page, inserting one ``abbr``
        per term into ``parent`` from ``index`` on, each carrying the text up to the
        next one as its tail. Returns the text left before the first term and the
        index after the inserted elements."""
        if isinstance(text, AtomicString):
            return text, index
        head = text
        previous: etree.Element | None = None
        start = 0
        for match in self.pattern.finditer(text):
            entry, title = self.terms[match.group()]
            if entry in self.seen:
                continue
            self.seen.add(entry)
            before = text[start : match.start()]
            if previous is None:
                head = before
            else:
                previous.tail = before
            previous = etree.Element("abbr", {"title": title})
            previous.text = AtomicString(match.group())
            parent.insert(index, previous)
            index += 1
            start = match.end()
        if previous is not None:
            previous.tail = text[start:]
        return head, index


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, written as a
    prefix tree: ``re`` then tries one branch per character instead of every word at
    every position (2.2 times faster with the 74 spellings of the glossary)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        paths = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not paths:
            return ""
        body = paths[0] if len(paths) == 1 else "(?:" + "|".join(paths) + ")"
        # A word may end here: the longer path is tried first (greedy), then this end.
        return f"(?:{body})?" if "" in node else body

    return branch(trie)


class GlossaryTooltips(Extension):
    """``groups``: each entry's short definition and its spellings (term, aliases).
    Every spelling maps to its entry, so that an alias does not get a second
    tooltip once the term has had one."""

    def __init__(self, groups: list[tuple[str, list[str]]]) -> None:
        super().__init__()
        self.terms: dict[str, tuple[int, str]] = {}
        for number, (title, spellings) in enumerate(groups):
            for spelling in spellings:
                self.terms.setdefault(spelling, (number, title))
        self.pattern = re.compile(rf"(?<!\w){trie_pattern(self.terms)}(?!\w)") if self.terms else None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        if self.pattern is None:
            return
        md.registerExtension(self)
        # After abbr (7: an author's own abbreviations win), before toc (5).
        md.treeprocessors.register(TooltipTreeprocessor(md, self.pattern, self.terms), "glossary_tooltips", 6)
