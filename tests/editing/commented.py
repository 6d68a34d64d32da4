"""Comments added to a record file the way an editor adds them, for the import's tests: after a
value on its line, on a line of their own above a nested value (indented like it) or above a
top-level field, and at the end. Every place is checked to leave the record as it was."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from microcredential_catalogue.reading.yaml_file import read_yaml

KINDS = ("after a top-level value", "after a nested value", "above a nested value", "above a field", "at the end")


@dataclass(frozen=True)
class Spot:
    kind: str
    line: int  # 1-based: the line the comment goes after (on it) or above
    path: tuple  # the value written from that line
    indent: str = ""


def value_lines(text: str) -> dict[int, tuple]:
    """Line -> the shallowest value written from it (the item, not its keys, for `- {fr: …}`)."""
    starts: dict[int, tuple] = {}
    for path, line in sorted(read_yaml(text).lines.items(), key=lambda item: len(item[0])):
        if path:
            starts.setdefault(line, path)
    return starts


@functools.cache  # each shipped file's places, found once for all of Hypothesis's examples
def spots(text: str) -> list[Spot]:
    """Every place of each kind where a comment leaves the record as it reads."""
    lines = text.split("\n")
    found = [Spot("at the end", len(lines), ())]
    for line, path in sorted(value_lines(text).items()):
        written = lines[line - 1]
        indent = written[: len(written) - len(written.lstrip(" "))]
        if " #" not in written:
            found.append(Spot("after a top-level value" if len(path) == 1 else "after a nested value", line, path))
        found.append(Spot("above a field" if len(path) == 1 else "above a nested value", line, path, indent))
    data = read_yaml(text).data
    return [spot for spot in found if read_yaml(with_comments(text, [(spot, "# probe")])).data == data]


def with_comments(text: str, placed: list[tuple[Spot, str]]) -> str:
    lines = text.split("\n")
    for spot, comment in sorted(placed, key=lambda item: item[0].line, reverse=True):
        if spot.kind == "at the end":
            lines.insert(len(lines) - 1 if lines[-1] == "" else len(lines), comment)
        elif spot.kind.startswith("after"):
            lines[spot.line - 1] += "  " + comment
        else:
            lines.insert(spot.line - 1, spot.indent + comment)
    return "\n".join(lines)


def comments_written(text: str) -> list[str]:
    """The comments of a shipped file, which writes "#" nowhere else: whole lines, and "  # …" after a value."""
    return [match.group(1) for match in re.finditer(r"(?m)(?:^ *|  )(#.*)$", text)]
