"""Safe YAML loading that keeps positions and refuses what PyYAML would accept silently.

PyYAML keeps the last of duplicate keys, expands aliases (a "billion laughs"
document exhausts memory once walked) and understands YAML 1.1 booleans such as
``no``. Here the document is *composed* (nodes only, nothing constructed), then
walked once: tags outside the plain JSON-like set, aliases and duplicate keys
become problems, and every value keeps the node it came from so that
validation errors can point at ``line:col``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .i18n import t
from .positions import LineIndex, line_col
from .problems import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
# First characters after which a plain scalar may be something other than text.
_MAYBE_NOT_TEXT = frozenset(key for key in _BaseLoader.yaml_implicit_resolvers if key)
# Tags of short plain scalars already resolved (bounded: the keys, mostly).
_resolved: dict[str, str] = {}
_RESOLVED_LENGTH, _RESOLVED_SIZE = 40, 20_000


class Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader, with the tag of most scalars found without trying every
    implicit resolver's regular expression: quoted text, and plain text whose first
    character cannot start a number, boolean, null or date, is always text.
    (Resolving was a sixth of the time spent reading a card.)"""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode and value and not self.yaml_path_resolvers:
            if not implicit[0] or value[0] not in _MAYBE_NOT_TEXT:
                return _STR
            if len(value) <= _RESOLVED_LENGTH:
                # Short plain scalars are mostly keys ("title", "themes"), the same in every card.
                tag = _resolved.get(value)
                if tag is None:
                    tag = super().resolve(kind, value, implicit)
                    if len(_resolved) < _RESOLVED_SIZE:
                        _resolved[value] = tag
                return tag
        return super().resolve(kind, value, implicit)


MAX_BYTES = 512 * 1024
MAX_NODES = 50_000

ALLOWED_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_TRUE_FALSE = {"true", "false"}

_constructor = SafeConstructor()
_FATAL = {"yaml-alias", "yaml-tag", "yaml-size", "yaml-key"}

PathKey = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """Data read from one YAML file, with the node of every value and key."""

    path: Path
    display: str
    text: str
    data: Any
    nodes: dict[PathKey, Node] = field(default_factory=dict)
    key_nodes: dict[PathKey, Node] = field(default_factory=dict)
    _lines: LineIndex | None = None

    def position(self, loc: PathKey, *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value (or key) at ``loc``, or of its nearest parent."""
        loc = tuple(loc)
        if key and loc in self.key_nodes:
            return _mark(self.key_nodes[loc])
        while loc and loc not in self.nodes:
            loc = loc[:-1]
        node = self.nodes.get(loc)
        return _mark(node) if node is not None else (1, 1)

    def locate_snippets(self, loc: PathKey, text: str, found: list[tuple[str, int]]) -> list[tuple[int, int]]:
        """Source positions of snippets found at offsets of ``text``, the value of the scalar at ``loc``.

        A value is not its source (quotes, escapes, folded lines): the n-th occurrence
        of a snippet in the value is taken to be its n-th occurrence in the scalar's
        source. Each snippet's occurrences are counted in one pass over the value and
        the source, however many there are.
        """
        node = self.nodes.get(tuple(loc))
        if node is None:
            return [self.position(loc)] * len(found)
        end = node.end_mark.index
        positions: list[tuple[int, int]] = [_mark(node)] * len(found)
        by_snippet: dict[str, list[tuple[int, int]]] = {}
        for number, (snippet, offset) in enumerate(found):
            by_snippet.setdefault(snippet, []).append((offset, number))
        for snippet, places in by_snippet.items():
            occurrence, counted_to = 0, 0  # in the value: occurrences before ``counted_to``
            source_occurrence, source_at = -1, node.start_mark.index - 1  # in the source
            for offset, number in sorted(places):
                occurrence += text.count(snippet, counted_to, offset)
                counted_to = offset
                while source_occurrence < occurrence:
                    source_at = self.text.find(snippet, source_at + 1, end + len(snippet))
                    if source_at < 0:
                        break
                    source_occurrence += 1
                if source_at < 0:
                    break  # not in the source as written: the scalar's own position is kept
                positions[number] = self.offset_position(source_at)
        return positions

    def offset_position(self, index: int) -> tuple[int, int]:
        """Line and column (1-based) of an offset in the file's text."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines.position(index)

    def problem(self, loc: PathKey, message: str, hint: str = "", *, key: bool = False, code: str = "invalid") -> Problem:
        line, col = self.position(loc, key=key)
        return Problem(self.display, line, col, message, hint, code)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read a content file as UTF-8 (BOM tolerated); report empty, huge or non-UTF-8 files."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(display, 1, 1, t("file.unreadable", error=error.strerror or str(error)), code="file")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(display, 1, 1, t("file.too_big", size=len(raw) // 1024, limit=MAX_BYTES // 1024), t("file.too_big.hint"), "file")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8-sig")
        line, col = line_col(before, len(before))
        bad = raw[error.start : error.start + 1].hex()
        return None, [Problem(display, line, col, t("file.not_utf8", byte=bad), t("file.not_utf8.hint"), "encoding")]
    if not text.strip():
        return None, [Problem(display, 1, 1, t("file.empty"), t("file.empty.hint"), "empty")]
    return text.replace("\r\n", "\n"), []


def load_yaml(path: Path, display: str, text: str | None = None) -> tuple[YamlDocument | None, list[Problem]]:
    """Compose and walk one YAML document. Returns (document, problems)."""
    if text is None:
        text, problems = read_text(path, display)
        if text is None:
            return None, problems
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(display, line, col, _syntax_message(error), _syntax_hint(error, text, mark), "yaml-syntax")]
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return None, [Problem(display, 1, 1, t("yaml.syntax", detail=str(error)), t("yaml.syntax.hint"), "yaml-syntax")]
    if root is None:
        return None, [Problem(display, 1, 1, t("file.empty"), t("file.empty.hint"), "empty")]
    document = YamlDocument(path=path, display=display, text=text, data=None)
    # An alias (*name) needs an anchor (&name): without any "&", the walk need not look for them.
    walker = _Walker(document, may_alias="&" in text)
    document.data = walker.walk(root, ())
    if any(problem.code in _FATAL for problem in walker.problems):
        # The data is incomplete (a refused tag or alias was dropped): validating it
        # would only add confusing "missing field" reports.
        return None, walker.problems
    return document, walker.problems


class _Walker:
    def __init__(self, document: YamlDocument, *, may_alias: bool = True) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.seen: set[int] | None = set() if may_alias else None
        self.count = 0

    def fail(self, node: Node, message: str, hint: str = "", code: str = "invalid") -> None:
        line, col = _mark(node)
        self.problems.append(Problem(self.document.display, line, col, message, hint, code))

    def walk(self, node: Node, loc: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self.fail(node, t("yaml.too_many_nodes", limit=MAX_NODES), t("yaml.too_many_nodes.hint"), "yaml-size")
            return None
        if self.seen is not None:
            if id(node) in self.seen:
                # The same node reached twice: an alias (*name) pointing at an anchor.
                self.fail(node, t("yaml.alias"), t("yaml.alias.hint"), "yaml-alias")
                return None
            self.seen.add(id(node))
        if node.tag not in ALLOWED_TAGS:
            self.fail(node, t("yaml.tag", tag=_short_tag(node.tag)), t("yaml.tag.hint"), "yaml-tag")
            return None
        self.document.nodes[loc] = node
        if isinstance(node, MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, SequenceNode):
            return [self.walk(item, loc + (index,)) for index, item in enumerate(node.value)]
        return self.scalar(node)

    def mapping(self, node: MappingNode, loc: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self.fail(key_node, t("yaml.alias"), t("yaml.alias.hint"), "yaml-alias")
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in ALLOWED_TAGS:
                self.fail(key_node, t("yaml.key_not_text"), t("yaml.key_not_text.hint"), "yaml-key")
                continue
            key = key_node.value
            if key in first_seen:
                line, _ = _mark(first_seen[key])
                self.fail(key_node, t("yaml.duplicate_key", key=key, line=line), t("yaml.duplicate_key.hint"), "duplicate-key")
                # Still walk the value so problems inside it are found too.
                self.walk(value_node, loc + (key,))
                continue
            first_seen[key] = key_node
            where = loc + (key,)
            self.document.key_nodes[where] = key_node
            result[key] = self.walk(value_node, where)
        return result

    def scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _TAG + "bool" and node.value.lower() not in _TRUE_FALSE:
            # YAML 1.1 reads yes/no/on/off as booleans: keep the words people wrote.
            return node.value
        try:
            value = _constructor.construct_object(node)
        except (yaml.constructor.ConstructorError, ValueError):
            return node.value
        return value


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


_SYNTAX_TRANSLATIONS = {
    "mapping values are not allowed": "un « : » suivi d'une espace apparaît à un endroit inattendu (indentation ou texte à mettre entre guillemets)",
    "could not find expected ':'": "il manque un « : » après une clé",
    "found character '\\t' that cannot start any token": "une tabulation est utilisée pour indenter",
    "found character that cannot start any token": "un caractère ne peut pas commencer une valeur",
    "did not find expected key": "une clé est attendue ici (indentation incohérente ?)",
    "did not find expected '-' indicator": "un élément de liste « - » est attendu ici",
    "found undefined alias": "un alias YAML (*nom) ne renvoie à aucune ancre",
    "found unexpected end of stream": "le fichier se termine au milieu d'une valeur (guillemet non fermé ?)",
    "expected a single document in the stream": "le fichier contient plusieurs documents YAML (« --- »)",
    "found unknown escape character": "une séquence d'échappement « \\ » inconnue dans un texte entre guillemets",
    "did not find expected node content": "une valeur est attendue ici",
    "while scanning a quoted scalar": "guillemet non fermé",
}


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or error.context or "").strip()
    for english, french in _SYNTAX_TRANSLATIONS.items():
        if english in problem:
            return t("yaml.syntax", detail=french)
    return t("yaml.syntax", detail=problem)


def _syntax_hint(error: yaml.MarkedYAMLError, text: str, mark: Any) -> str:
    if mark is not None:
        lines = text.split("\n")
        if 0 <= mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            return t("yaml.tab.hint")
    return t("yaml.syntax.hint")
