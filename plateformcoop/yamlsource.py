"""Safe YAML loading that keeps positions and refuses what PyYAML would accept silently.

PyYAML keeps the last of duplicate keys, expands aliases (a "billion laughs"
document exhausts memory once walked) and understands YAML 1.1 booleans such as
``no``. Here the document is *composed* (nodes only, nothing constructed), then
walked once: tags outside the plain JSON-like set, aliases and duplicate keys
become problems, and every value keeps the node it came from so that
validation errors can point at ``line:col``.
"""

from __future__ import annotations

import re
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
# Cards nest four levels deep; data files a few more.
MAX_DEPTH = 50

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


_READ_ERRORS = (
    (PermissionError, "file.unreadable.permission"),
    (IsADirectoryError, "file.unreadable.directory"),
    (FileNotFoundError, "file.unreadable.missing"),
)


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read a content file as UTF-8 (BOM tolerated); report empty, huge or non-UTF-8 files."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        # The system's own words (error.strerror) are English: name the case in French.
        reason = next((key for kind, key in _READ_ERRORS if isinstance(error, kind)), "file.unreadable.other")
        return None, [Problem(display, 1, 1, t("file.unreadable", error=t(reason)), code="file")]
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


def load_yaml(
    path: Path, display: str, text: str | None = None, *, at: tuple[str, ...] = ()
) -> tuple[YamlDocument | None, list[Problem]]:
    """Compose and walk one YAML document. Returns (document, problems).

    With ``at`` (keys, such as ``("extra", "plateformcoop")``), only the value
    under those keys is walked and becomes the document's data: the rest of the
    file may hold tags this loader refuses (mkdocs.yml's ``!!python/name:`` or
    ``!ENV``), which are composed, never constructed. (None, []) if it is absent.
    """
    if text is None:
        text, problems = read_text(path, display)
        if text is None:
            return None, problems
    try:
        too_deep = _too_deep(text)
        if too_deep is not None:
            return None, [Problem(display, *too_deep, t("yaml.too_deep", limit=MAX_DEPTH), t("yaml.too_deep.hint"), "yaml-size")]
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, display, text)]
    except yaml.reader.ReaderError as error:
        line, col = line_col(text, error.position)
        code = f"{error.character:04X}" if isinstance(error.character, int) else "?"
        return None, [Problem(display, line, col, t("yaml.control_character", code=code), t("yaml.control_character.hint"), "yaml-syntax")]
    except yaml.YAMLError:  # pragma: no cover - every error PyYAML raises while reading text is one of the above
        return None, [Problem(display, 1, 1, t("yaml.syntax", detail=t("yaml.syntax.other")), t("yaml.syntax.hint"), "yaml-syntax")]
    if root is None:
        return (None, []) if at else (None, [Problem(display, 1, 1, t("file.empty"), t("file.empty.hint"), "empty")])
    for key in at:
        root = _value_of(root, key)
        if root is None:
            return None, []
    document = YamlDocument(path=path, display=display, text=text, data=None)
    # An alias (*name) needs an anchor (&name): without any "&", the walk need not look for them.
    walker = _Walker(document, may_alias="&" in text)
    document.data = walker.walk(root, ())
    if any(problem.code in _FATAL for problem in walker.problems):
        # The data is incomplete (a refused tag or alias was dropped): validating it
        # would only add confusing "missing field" reports.
        return None, walker.problems
    return document, walker.problems


def _value_of(node: Node, key: str) -> Node | None:
    """The node under ``key`` in a mapping node (the last one, as PyYAML keeps), if any."""
    if not isinstance(node, MappingNode):
        return None
    found = [value for name, value in node.value if isinstance(name, ScalarNode) and name.value == key]
    return found[-1] if found else None


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


def _nesting_bound(text: str) -> int:
    """An upper bound of how deeply collections nest in ``text``, found without parsing.

    A flow collection opens with "[" or "{". A nested block collection starts at a
    column inside the run of spaces and "-", "?", ":" indicators that begins its
    line, and at most two levels (a mapping and a sequence) share a column.
    """
    block = max((len(run) for run in _LEADING_RUN.findall(text)), default=0)
    return 2 * (block + 1) + text.count("[") + text.count("{")


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where collections first nest deeper than MAX_DEPTH, if they do.

    libyaml composes nodes recursively in C: a few hundred thousand "[" crash the
    process (and deep data would overflow Python's stack further on). Its parser
    is not recursive: when the cheap bound allows too deep a nesting, the events
    are counted before anything is composed.
    """
    if _nesting_bound(text) <= MAX_DEPTH:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, _COLLECTION_START):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1, event.start_mark.column + 1
        elif isinstance(event, _COLLECTION_END):
            depth -= 1
    return None


_LEADING_RUN = re.compile(r"(?m)^[ ?:-]+")
_COLLECTION_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_COLLECTION_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)

# PyYAML's and libyaml's words for what went wrong (``problem``, else ``context``),
# in French. Nothing of the English text reaches people: an unknown one is "other".
_SYNTAX_TRANSLATIONS = {
    "mapping values are not allowed": "un « : » suivi d'une espace apparaît à un endroit inattendu (indentation ou texte à mettre entre guillemets)",
    "could not find expected ':'": "il manque un « : » après une clé",
    "found character '\\t' that cannot start any token": "une tabulation est utilisée pour indenter",
    "tab character": "une tabulation est utilisée pour indenter",
    "cannot start any token": "un caractère ne peut pas commencer une valeur",
    "did not find expected key": "une clé est attendue ici (indentation incohérente ?)",
    "did not find expected '-' indicator": "un élément de liste « - » est attendu ici",
    "expected <block end>": "une clé ou un élément « - » est attendu ici (indentation incohérente ?)",
    "block sequence entries are not allowed": "un élément de liste « - » apparaît à un endroit inattendu (indentation ?)",
    "mapping keys are not allowed": "une clé apparaît à un endroit inattendu (indentation ?)",
    "did not find expected ',' or ']'": "« , » ou « ] » attendu dans la liste entre crochets",
    "expected ',' or ']'": "« , » ou « ] » attendu dans la liste entre crochets",
    "did not find expected ',' or '}'": "« , » ou « } » attendu entre accolades",
    "expected ',' or '}'": "« , » ou « } » attendu entre accolades",
    "undefined alias": "un alias YAML (*nom) ne renvoie à aucune ancre",
    "duplicate anchor": "la même ancre YAML (&nom) est définie deux fois",
    "second occurrence": "la même ancre YAML (&nom) est définie deux fois",
    "document indicator": "une ligne « --- » ou « ... » coupe une valeur",
    "document separator": "une ligne « --- » ou « ... » apparaît à un endroit inattendu",
    "unexpected end of stream": "le fichier se termine au milieu d'une valeur (guillemet non fermé ?)",
    "single document": "le fichier contient plusieurs documents YAML (« --- »)",
    "another document": "le fichier contient plusieurs documents YAML (« --- »)",
    "document start": "le fichier contient plusieurs documents YAML (« --- »)",
    "unknown escape character": "une séquence d'échappement « \\ » inconnue dans un texte entre guillemets",
    "hexdecimal number": "une séquence d'échappement « \\x », « \\u » ou « \\U » incomplète dans un texte entre guillemets",
    "hexadecimal number": "une séquence d'échappement « \\x », « \\u » ou « \\U » incomplète dans un texte entre guillemets",
    "Unicode character escape": "une séquence d'échappement « \\u » invalide dans un texte entre guillemets",
    "node content": "une valeur est attendue ici",
    "indentation indicator": "l'indicateur d'indentation après « | » ou « > » doit être un chiffre de 1 à 9",
    "chomping": "seuls « - », « + » ou un chiffre peuvent suivre « | » ou « > »",
    "comment or line break": "rien ne peut suivre « | » ou « > » sur la même ligne, sauf un commentaire",
    "alphabetic or numeric character": "le nom d'une ancre ou d'un alias (&nom, *nom) est vide ou invalide",
    "tag": "une étiquette YAML (!…) est mal écrite",
    "directive": "une directive YAML (%…) est mal écrite",
    "while scanning a quoted scalar": "guillemet non fermé",
    "while parsing a quoted scalar": "texte entre guillemets invalide",
}
# Errors whose fix belongs where the construct opens (PyYAML's context_mark), not
# where the parser noticed (problem_mark, often the end of the file).
_OPENERS = {
    "quoted scalar": ("yaml.unclosed_quote", ("end of stream", "document indicator")),
    "flow sequence": ("yaml.unclosed_flow", ("',' or ']'",)),
    "flow mapping": ("yaml.unclosed_flow", ("',' or '}'",)),
}


def _syntax_problem(error: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    context, problem = error.context or "", error.problem or ""
    context_mark, problem_mark = error.context_mark, error.problem_mark
    mark = problem_mark or context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message, hint = _syntax_message(problem, context), _syntax_hint(text, mark)
    for construct, (key, problems) in _OPENERS.items():
        if construct not in context or context_mark is None or problem_mark is None:
            continue
        if not any(words in problem for words in problems):
            break
        opener = text[context_mark.index : context_mark.index + 1]
        at = {"line": line, "col": col}
        if key == "yaml.unclosed_flow" and problem_mark.line == context_mark.line:
            # On the line that opens it: a bad item, not a missing "]". Point at the item.
            hint = t("yaml.flow_item.hint", bracket=opener, line=context_mark.line + 1, col=context_mark.column + 1)
            break
        line, col = context_mark.line + 1, context_mark.column + 1
        closing = {"[": "]", "{": "}"}.get(opener, opener)
        message = t("yaml.syntax", detail=t(key, bracket=opener))
        hint = t(key + ".hint", quote=opener, bracket=opener, closing=closing, **at)
        break
    return Problem(display, line, col, message, hint, "yaml-syntax")


def _syntax_message(problem: str, context: str) -> str:
    for words in (problem, context):
        for english, french in _SYNTAX_TRANSLATIONS.items():
            if words and english in words:
                return t("yaml.syntax", detail=french)
    return t("yaml.syntax", detail=t("yaml.syntax.other"))


def _syntax_hint(text: str, mark: Any) -> str:
    if mark is not None:
        lines = text.split("\n")
        if 0 <= mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            return t("yaml.tab.hint")
    return t("yaml.syntax.hint")
