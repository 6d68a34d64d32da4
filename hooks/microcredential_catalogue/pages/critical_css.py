"""Each page's critical styles inline, the theme's stylesheets after its content: the text paints
before the stylesheets arrive (issue 25 item 5: on Fast 3G they were a round trip of ~0.7 s).

A page's critical styles are the rules of the site's stylesheets (the theme's, then ours, in the
order the page links them) that can apply to one of its elements: every selector is reduced to
the tag names, classes, ids and attribute names an element must have for it to match, and a rule
is kept when one of its selectors needs only what the page's HTML holds (states such as :hover,
and the arguments of :not(…) or :is(…), are not looked at: a rule is kept rather than lost).
Print styles are left to the stylesheets. The kept rules keep their order and their media
queries, so when the stylesheets themselves arrive, after the page's content, they set the same
values in the same order: nothing moves. So that they arrive at once, the stylesheets are joined
into one file (COMBINED): three links applied one by one would let Material's rules, in the one
that arrived first, override ours in the critical styles for a frame. The inline <style> is
allowed by its hash in the page's Content-Security-Policy (pages/csp.py); the stylesheet stays a
plain link, so a page read without JavaScript is styled as before, and a <link rel="preload"> in
the head asks for it at once.

Browsers paint what comes before a stylesheet linked in <body> without waiting for it (Chromium
since 69, Firefox, Safari); the scripts after it wait for it, as they waited in the head.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import tinycss2

from .. import addresses
from . import minify

# Where the page's template (overrides/main.html, block scripts) wants the stylesheets: after the
# content, before the theme's scripts.
MARKER = "<!-- mc-stylesheets -->"
COMBINED = f"{addresses.THEME_STYLESHEETS}/site.css"  # the stylesheets joined, in order


@dataclass(frozen=True)
class _Rule:
    needs: tuple[frozenset[str], ...]  # one set per selector; the rule applies when any is met
    text: str


@dataclass(frozen=True)
class _Block:
    prelude: str  # "@media screen and (min-width:76.25em)", or "" for the top level
    rules: tuple[_Rule, ...]


class Stylesheets:
    """The site's stylesheets read once, rule by rule; `critical(html)` picks a page's rules."""

    def __init__(self, sheets: list[tuple[str, str]]):
        """`sheets`: (address as linked, without its ?v=, CSS text), in the order pages link them."""
        self.sheets = tuple(sheets)
        self.addresses = [address for address, _ in sheets]
        self.combined = "\n".join(text for _, text in sheets)
        self.combined_href = f"{COMBINED}?v={addresses.content_version(self.combined)}"
        self._blocks: list[_Block | str] = []  # a str is kept whole (@keyframes, @font-face…)
        for _, text in sheets:
            self._read(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))
        # Every token some selector needs: a page's other tokens (its links' addresses, its ids…)
        # change no rule's choice, so pages of a kind share one answer, worked out once.
        rules = [rule for block in self._blocks if isinstance(block, _Block) for rule in block.rules]
        self._looked_at = frozenset().union(*(need for rule in rules for need in rule.needs))
        self._critical_by_tokens: dict[frozenset[str], str] = {}

    def _read(self, nodes) -> None:
        top: list[_Rule] = []
        for node in nodes:
            if node.type == "qualified-rule":
                top.append(_rule(node))
            elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports"):
                if node.lower_at_keyword == "media" and _print_only(tinycss2.serialize(node.prelude)):
                    continue
                self._flush(top)
                inner = tinycss2.parse_rule_list(node.content or [], skip_comments=True, skip_whitespace=True)
                prelude = f"@{node.at_keyword} {tinycss2.serialize(node.prelude).strip()}"
                self._blocks.append(_Block(prelude, tuple(_rule(r) for r in inner if r.type == "qualified-rule")))
            elif node.type == "at-rule":
                self._flush(top)
                self._blocks.append(tinycss2.serialize([node]))
        self._flush(top)

    def _flush(self, top: list[_Rule]) -> None:
        if top:
            self._blocks.append(_Block("", tuple(top)))
            top.clear()

    def critical(self, html: str) -> str:
        """The rules that can apply to an element of `html`, minified, in the stylesheets' order."""
        has = (page_tokens(html) | ADDED_BY_SCRIPTS) & self._looked_at
        if has not in self._critical_by_tokens:
            self._critical_by_tokens[has] = self._critical(has)
        return self._critical_by_tokens[has]

    def _critical(self, has: frozenset[str]) -> str:
        parts = []
        for block in self._blocks:
            if isinstance(block, str):
                parts.append(block)
                continue
            kept = "".join(rule.text for rule in block.rules if any(need <= has for need in rule.needs))
            if kept:
                parts.append(f"{block.prelude}{{{kept}}}" if block.prelude else kept)
        return minify.stylesheet("".join(parts))


def _rule(node) -> _Rule:
    selectors = _split_selectors(tinycss2.serialize(node.prelude))
    return _Rule(tuple(selector_needs(s) for s in selectors), tinycss2.serialize([node]))


def _print_only(prelude: str) -> bool:
    return prelude.strip().lower() == "print"


def _split_selectors(text: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(…) or a string)."""
    parts, depth, start, quote = [], 0, 0, ""
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


_ATTRIBUTE = re.compile(r"\[\s*([\w-]+)\s*(?:(=)\s*(?:\"([^\"]*)\"|'([^']*)'|([\w-]+))\s*\]|[^\]]*\])")
_PSEUDO = re.compile(r"::?[\w-]+")
_CLASS_OR_ID = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")
_TYPE = re.compile(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")


def selector_needs(selector: str) -> frozenset[str]:
    """What an element (with its ancestors and siblings) must have for `selector` to match:
    "tag", ".class", "#id", "[attribute" and "[attribute=value" tokens. Escaped names are not
    read: such a selector needs nothing."""
    if "\\" in selector:
        return frozenset()
    needs = set()
    outside = _outside_parentheses(selector)  # ".a:not([hidden])" needs no attribute "hidden"
    for name, equals, *value in _ATTRIBUTE.findall(outside):
        needs.add("[" + name.lower() + ("=" + "".join(value) if equals else ""))
    rest = _PSEUDO.sub("", _ATTRIBUTE.sub("", outside))
    needs |= {kind + name for kind, name in _CLASS_OR_ID.findall(rest)}
    needs |= {name.lower() for name in _TYPE.findall(_CLASS_OR_ID.sub("", rest))}
    return frozenset(needs)


def _outside_parentheses(selector: str) -> str:
    """The selector without the arguments of its pseudo-classes (a quoted "(" in an attribute's
    value is not one)."""
    kept, depth, quote = [], 0, ""
    for char in selector:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "()":
            depth += 1 if char == "(" else -1
            continue
        if depth == 0:
            kept.append(char)
    return "".join(kept)


# What our scripts add to every page's elements, which may run before the stylesheets arrive:
# menu.js puts a <button class="mc-menu-button"> in place of the theme's menu label.
ADDED_BY_SCRIPTS = frozenset({"button", ".mc-menu-button", ".mc-menu-label--replaced"})
_START_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
# The same tags as whole strings, written as a loop the regex engine runs fast (about three times).
_START_TAG_TEXT = re.compile(r"<[a-zA-Z][^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>")
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def page_tokens(html: str) -> frozenset[str]:
    """The tag names, classes, ids and attribute names of a page's elements (as selector_needs names them)."""
    tokens: set[str] = set()
    for text in set(_START_TAG_TEXT.findall(html)):  # a page repeats most of its tags (its menu's items)
        known = _TAGS_READ.get(text)
        if known is None:
            tag = _START_TAG.fullmatch(text)
            known = _tag_tokens(tag.group(1), tag.group(2))
            if len(_TAGS_READ) < _TAGS_KEPT:
                _TAGS_READ[text] = known
        tokens.update(known)
    return frozenset(tokens)


# Most of a page's tags are the theme's, the same on every page: each is read once per build
# (at most _TAGS_KEPT of them kept, so a build of any size keeps a bounded memory).
_TAGS_READ: dict[str, tuple[str, ...]] = {}
_TAGS_KEPT = 100_000


def _tag_tokens(name: str, attributes: str) -> tuple[str, ...]:
    tokens = [name.lower()]
    for attribute, value in _ATTR.findall(attributes):
        attribute = attribute.lower()
        value = value[1:-1] if value[:1] in "\"'" else value
        tokens += ("[" + attribute, f"[{attribute}={value}")
        if attribute == "class":
            tokens += ("." + word for word in value.split())
        elif attribute == "id" and value:
            tokens.append("#" + value)
    return tuple(tokens)


_STYLESHEET_LINK = re.compile(r"""<link rel="stylesheet" href="([^"?]*)(?:\?[^"]*)?">\s*""")


def with_critical_styles(html: str, sheets: Stylesheets) -> tuple[str, str | None]:
    """The page with its critical styles inline where its stylesheets were, a preload of each in
    the head, and the stylesheets themselves at MARKER; and the inline style's text (None when the
    page has no MARKER or links none of the stylesheets: it is returned as it was)."""
    at = html.find(MARKER)
    head_end = html.find("</head>")
    if at < 0 or head_end < 0:
        return html, None
    links = [m for m in _STYLESHEET_LINK.finditer(html, 0, head_end) if _known(m.group(1), sheets.addresses)]
    if not links:
        return html, None
    if len(links) != len(sheets.addresses):
        return html, None  # not the site's usual stylesheets: left as they are
    critical = sheets.critical(html)
    first = links[0]
    href = first.group(1)[: -len(sheets.addresses[0])] + sheets.combined_href  # the same relative prefix
    head = html[:head_end]
    for m in reversed(links[1:]):
        head = head[: m.start()] + head[m.end() :]
    preload = f'<link rel="preload" as="style" href="{href}">'
    head = head[: first.start()] + f"<style>{critical}</style>{preload}" + head[first.end() :]
    rest = html[head_end:].replace(MARKER, f'<link rel="stylesheet" href="{href}">', 1)
    return head + rest, critical


def _known(href: str, addresses: list[str]) -> bool:
    return any(href.endswith(address) for address in addresses)
