"""The comments of a record file, and what each is about, so a record written again keeps them.

A "#" starts a comment only where YAML's own scanner finds no token: inside a quoted text or a
description's block it is text. A comment after a value on its line is about that value; a
comment on a line of its own inside a field (a nested key, a list) is about the value the next
line writes; one between top-level fields is about the field below it.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

import yaml

from ..reading.yaml_file import read_yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the engine the reader uses: one idea of what is text
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, as the scanner counts lines


@dataclass(frozen=True)
class Comment:
    line: int  # 1-based, in the file it was read from
    text: str  # from "#" to the end of its line, as written
    field: str  # the top-level field it belongs to; "" after the last one
    path: tuple = ()  # the value it is about: on its line (inline) or on the next line; () the field itself
    inline: bool = False  # written after a value, not on a line of its own


@dataclass(frozen=True)
class FileComments:
    head: list[str] = dataclasses.field(default_factory=list)  # the comment lines the file starts with
    comments: list[Comment] = dataclasses.field(default_factory=list)  # every other comment, in the file's order

    def texts(self) -> Counter:
        return Counter(self.head) + Counter(comment.text for comment in self.comments)


class UnreadableComments(Exception):
    pass


def file_comments(text: str) -> FileComments:
    """Every comment of a record file that reads as YAML; UnreadableComments if YAML's scanner
    refuses the text (a file the reader accepted never gets there)."""
    found = _found(text)
    head: list[str] = []
    for comment in found:
        if (comment.line, comment.column) != (len(head) + 1, 0):
            break
        head.append(comment.text)
    values = _ValueLines(text)
    return FileComments(head, [values.comment(found_comment) for found_comment in found[len(head) :]])


def lost_comments(before: FileComments, after_text: str) -> list[Comment]:
    """The comments of `before` that the new text does not have (as many times as it had them)."""
    missing = before.texts() - Counter(found.text for found in _found(after_text))
    lost = []
    for comment in [Comment(n, text, "") for n, text in enumerate(before.head, 1)] + before.comments:
        if missing[comment.text] > 0:
            missing[comment.text] -= 1
            lost.append(comment)
    return lost


@dataclass(frozen=True)
class _Found:
    line: int
    column: int  # -1: after a value on its line
    text: str


def _found(text: str) -> list[_Found]:
    """Each comment: a "#" in a gap between YAML's tokens, to the end of its line."""
    try:
        tokens = sorted(_span(token, text) for token in yaml.scan(text, Loader=_Loader))
    except yaml.YAMLError as error:
        raise UnreadableComments(" ".join(str(error).split())) from None
    starts = [0] + [match.end() for match in _BREAK.finditer(text)]
    found, position = [], 0
    for start, end in [*tokens, (len(text), len(text))]:
        while (at := text.find("#", position, start)) != -1:
            stop = _BREAK.search(text, at)
            position = stop.start() if stop else len(text)
            line = bisect.bisect_right(starts, at)
            before = text[starts[line - 1] : at]
            found.append(_Found(line, -1 if before.strip(" \t") else len(before), text[at:position].rstrip(" \t")))
        position = max(position, end)
    return found


def _span(token, text: str) -> tuple[int, int]:
    """Where a token's text lies; a block's starts on the line after its "|": that line may end with a comment."""
    start, end = token.start_mark.index, token.end_mark.index
    if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
        header = _BREAK.search(text, start, end)
        start = header.start() if header else end
    return start, end


class _ValueLines:
    """Which value each line of a record file starts, as the project's reader sees it."""

    def __init__(self, text: str):
        doc = read_yaml(text)
        self.on_line: dict[int, tuple] = {}  # line -> the shallowest value written from it
        for path, line in sorted(doc.lines.items(), key=lambda item: len(item[0])):
            if path:
                self.on_line.setdefault(line, path)
        self.fields = sorted((line, path[0]) for line, path in self.on_line.items() if len(path) == 1)

    def comment(self, found: _Found) -> Comment:
        line, text, current = found.line, found.text, self._field_at(found.line)
        if found.column < 0:
            path = self.on_line.get(line, ())
            return Comment(line, text, path[0] if path else current or self._field_after(line), path, True)
        following = min((number for number in self.on_line if number > line), default=0)
        path = self.on_line.get(following, ())
        if len(path) > 1:  # inside a field, above one of its values
            return Comment(line, text, path[0], path)
        if current and found.column > 0:  # indented at the end of a field: still that field's
            return Comment(line, text, current)
        return Comment(line, text, self._field_after(line))

    def _field_at(self, number: int) -> str:
        """The top-level field whose lines reach `number` ("" before the first)."""
        at = bisect.bisect_right(self.fields, (number, "\uffff"))
        return self.fields[at - 1][1] if at else ""

    def _field_after(self, number: int) -> str:
        at = bisect.bisect_right(self.fields, (number, "\uffff"))
        return self.fields[at][1] if at < len(self.fields) else ""
