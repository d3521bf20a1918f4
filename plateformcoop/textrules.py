"""Rules for contributed text: what Markdown and plain-text fields may contain.

Contributed text is untrusted: no raw HTML (it could carry a script), no
template syntax (a template engine would execute it), no external images (a
third-party request from the reader's browser), only https links.
Each finding keeps the exact snippet so it can be located in the source file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

TEMPLATE = re.compile(r"\{\{|\{%|\{#")
# pymdownx.snippets would include a repository file at build time.
SNIPPET = re.compile(r"-{1,}8<-{1,}")
# A code span opens at the start of a backtick run only ((?<!`), possessive run): a
# long run of backticks is then scanned once, not once per backtick (quadratic).
CODE = re.compile(r"(?ms)^ {0,3}(```|~~~).*?^ {0,3}\1|(?<!`)(`++).+?(?<!`)\2(?!`)")
# No "<" inside an autolink: "<a:<a:<a:…" is then linear, not one scan to the end per "<".
AUTOLINK = re.compile(r"<https://[^>\s<]+>")
HTML = re.compile(r"<!--|<\?|<!\[CDATA\[|</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)")
HEADING = re.compile(r"(?m)^ {0,3}#{1,6}(?=[ \t]|$)")
# Alternative texts are bounded so that "![![![…" stays linear (each "![" would scan
# to the end of the text); a longer one is refused (IMAGE_LONG_ALT), never skipped.
ALT_MAX = 1000
IMAGE = re.compile(r"!\[(?P<alt>[^\]]{0,%d})\]\(\s*<?(?P<src>[^)\s>]*)" % ALT_MAX)
IMAGE_LONG_ALT = re.compile(r"!\[[^\]]{%d}" % (ALT_MAX + 1))
# Link texts that say nothing out of context (WCAG 2.4.4), compared without case or punctuation.
UNINFORMATIVE = {
    "ici", "cliquez ici", "cliquer ici", "clic ici", "lien", "ce lien", "le lien", "en savoir plus",
    "lire la suite", "la suite", "voir", "plus", "here", "click here", "link", "read more",
}
LINK = re.compile(r"\[(?P<text>[^\]]*)\]\(\s*<?(?P<url>[^)\s>]*)")
REFERENCE = re.compile(r"(?m)^ {0,3}\[[^\]]+\]:[ \t]*<?(?P<url>[^\s>]*)")
OTHER_AUTOLINK = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.-]*:[^>\s<]*)>")
HTTP = re.compile(r"(?i)\bhttp://[^\s)>\]]*")
# attr_list syntax ("{: onclick=...}", "{ .class }") would let text set HTML attributes.
ATTRIBUTES = re.compile(r"\{:?[ \t]*(?:[.#][\w-]|[\w-]+[ \t]*=)")
MD_LINK_IN_PLAIN = re.compile(r"\[[^\]]*\]\([^)]*\)")


@dataclass(frozen=True)
class Finding:
    """One rule broken inside a text: the snippet to point at, where it starts in
    the checked text (an offset), and message keys."""

    snippet: str
    start: int
    key: str
    values: tuple[tuple[str, str], ...] = ()


def _finding(text: str, match: re.Match[str], key: str, group: int | str = 0, **values: str) -> Finding:
    return Finding(match.group(group), match.start(group), key, tuple(values.items()))


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    """Blank out matches (same length) so offsets stay valid for later rules."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


# Most texts are plain prose. Each rule below needs a character that is rare in
# prose ("{" for templates, "<" for HTML, "[" for links...): when the text has
# none, the rule cannot match and its regular expression is not run. Same
# findings, about half the validation time of a card.


def _finditer(pattern: re.Pattern[str], text: str, needed: str) -> Iterator[re.Match[str]]:
    return pattern.finditer(text) if needed in text else iter(())


# Letters (accented ones too: internationalised names), digits, dots and hyphens.
_HOST = re.compile(r"(?:[^\W_]|[.-])+")


@lru_cache(maxsize=4096)  # the same sources recur across cards
def is_https_url(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return (
        parts.scheme == "https"
        and "." in host
        and not host.startswith(".")
        and not host.endswith(".")
        and " " not in url
        and _HOST.fullmatch(host) is not None
    )


def check_template(text: str) -> list[Finding]:
    findings = [_finding(text, m, "text.template") for m in _finditer(TEMPLATE, text, "{")]
    return findings + [_finding(text, m, "text.snippet") for m in _finditer(SNIPPET, text, "8<")]


def check_markdown(text: str, *, headings: bool = False, local_images: bool = False) -> list[Finding]:
    """Everything wrong with a contributed Markdown text.

    Cards forbid headings and images (their page outline is generated; an image
    would be a third-party request). Lessons allow headings (checked for
    structure elsewhere) and local images with a text alternative.
    """
    findings = check_template(text)
    prose = _mask(text, CODE) if ("`" in text or "~~~" in text) else text
    prose = _mask(prose, AUTOLINK) if "<" in prose else prose
    findings += [_finding(text, m, "text.attributes") for m in _finditer(ATTRIBUTES, prose, "{")]
    findings += [_finding(text, m, "text.html", tag=m.group(0)) for m in _finditer(HTML, prose, "<")]
    if not headings:
        findings += [_finding(text, m, "text.heading") for m in _finditer(HEADING, prose, "#")]
    findings += [_finding(text, m, "text.image_alt_long") for m in _finditer(IMAGE_LONG_ALT, prose, "![")]
    for match in _finditer(IMAGE, prose, "!["):
        if not local_images:
            findings.append(_finding(text, match, "text.image"))
        elif not match.group("alt").strip():
            findings.append(_finding(text, match, "text.image_alt"))
        elif not is_local_path(match.group("src")):
            findings.append(_finding(text, match, "text.image_external", "src", src=match.group("src")))
    # Images are checked above; mask them so their address is not read as a link.
    findings += check_links(text, _mask(prose, IMAGE_WHOLE) if "![" in prose else prose)
    return findings


IMAGE_WHOLE = re.compile(r"!\[[^\]]{0,%d}\]\([^)]{0,2000}\)" % ALT_MAX)


def is_local_path(src: str) -> bool:
    parts = urlsplit(src)
    return bool(src) and not parts.scheme and not parts.netloc and not src.startswith("/") and ".." not in src.split("/")


def local_images(text: str) -> list[tuple[str, int]]:
    """Local image paths with their offset in ``text``."""
    prose = _mask(text, CODE)
    return [(m.group("src"), m.start("src")) for m in IMAGE.finditer(prose) if is_local_path(m.group("src"))]


def check_links(text: str, prose: str) -> list[Finding]:
    has_http = "http://" in prose.lower() if ("p:" in prose or "P:" in prose) else False
    findings = [_finding(text, m, "text.http", url=m.group(0)) for m in HTTP.finditer(prose)] if has_http else []
    for match in _finditer(LINK, prose, "]("):
        label = re.sub(r"[\W_]+", " ", match.group("text")).strip().casefold()
        if label in UNINFORMATIVE or not label:
            findings.append(_finding(text, match, "text.link_text", "text", label=match.group("text")))
    links = [*_finditer(LINK, prose, "]("), *_finditer(REFERENCE, prose, "]:"), *_finditer(OTHER_AUTOLINK, prose, "<")]
    for match in links:
        url = match.group("url")
        if url.lower().startswith("http://"):
            continue  # already reported by the http rule
        if not is_https_url(url):
            findings.append(_finding(text, match, "text.link", "url", url=url or "(vide)"))
    return findings


def check_plain(text: str) -> list[Finding]:
    """A plain-text field: one line, no Markdown link, no HTML, no template."""
    findings = check_template(text)
    findings += [_finding(text, m, "text.html", tag=m.group(0)) for m in _finditer(HTML, text, "<")]
    findings += [_finding(text, m, "text.attributes") for m in _finditer(ATTRIBUTES, text, "{")]
    findings += [_finding(text, m, "text.markdown_in_plain") for m in _finditer(MD_LINK_IN_PLAIN, text, "](")]
    stripped = text.strip()
    if "\n" in stripped:
        second_line = stripped.split("\n")[1][:20]
        if second_line:
            start = len(text) - len(text.lstrip()) + stripped.index("\n") + 1
            findings.append(Finding(second_line, start, "text.newline"))
        else:
            findings.append(Finding(text[:20], 0, "text.newline"))
    return findings
