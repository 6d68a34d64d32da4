"""A credential record as an editor would write it in data/credentials/<id>.yml: the fields in
the schema's order, texts in double quotes, lists of keys on one line, a description as a block.

Whatever is written is read back with the project's own YAML reader and must equal the record,
or nothing is written: a text the block form cannot hold falls back to a quoted string. The
comments of the file a record replaces are written again (record_comments.py finds them).
"""

from __future__ import annotations

import json
import re

from ..reading.yaml_file import read_yaml
from .record_comments import Comment, FileComments

FIRST_LINE = "# yaml-language-server: $schema=../schema/credential.schema.json"
PLAIN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*|\d{4}(-\d{2}(-\d{2})?)?|https?://[A-Za-z0-9./_~%-]+")
TEXT_KEYS = {"fr", "en", "text"}  # the keys whose values are words, never keys


class UnwritableRecord(Exception):
    pass


def record_yaml(record: dict, field_order: list[str], kept: FileComments | None = None) -> str:
    """The file's text: the comments at the top of the file it replaces (or the template's first
    line), then each field in the schema's order, with every other comment of that file (`kept`):
    after the value it followed, above the value it preceded, or else above its top-level field;
    above the next field written, or at the end, when the record no longer has that field."""
    order = {name: position for position, name in enumerate(field_order)}
    fields = sorted(record, key=lambda name: order.get(name, len(order)))
    blocks = {key: _field(key, record[key], "") for key in fields}
    head = (kept.head if kept else []) or [FIRST_LINE]
    comments = kept.comments if kept else []
    for placed in _PLACINGS:
        text = "\n".join(head + placed(blocks, comments, order)) + "\n"
        if read_yaml(text).data == record:
            return text
    raise UnwritableRecord("the record does not read back as written")


def _in_place(blocks: dict[str, list[str]], comments: list[Comment], order: dict) -> list[str]:
    """The fields' lines with each comment on or above the line that writes its value, when one does."""
    homes = _value_lines(blocks) if any(comment.path for comment in comments) else {}
    after, above, elsewhere = {}, {}, []
    for comment in comments:
        home = homes.get(comment.path)
        if home and comment.inline:
            after[home] = comment.text
        elif home:
            above.setdefault(home, []).append(comment.text)
        else:
            elsewhere.append(comment)
    return _lines(blocks, _by_field(elsewhere, list(blocks), order), above, after)


def _above_fields(blocks: dict[str, list[str]], comments: list[Comment], order: dict) -> list[str]:
    return _lines(blocks, _by_field(comments, list(blocks), order), {}, {})


_PLACINGS = (_in_place, _above_fields)  # each comment where it was; failing that, above its field


def _value_lines(blocks: dict[str, list[str]]) -> dict[tuple, tuple[str, int]]:
    """Value path -> (field, line of its block) of each value a line starts (the shallowest, when
    a line starts several: `- {fr: …, en: …}` starts the item)."""
    numbered = [(key, offset) for key, lines in blocks.items() for offset in range(len(lines))]
    doc = read_yaml("\n".join(line for lines in blocks.values() for line in lines) + "\n")
    starts: dict[int, tuple] = {}
    for path, line in sorted(doc.lines.items(), key=lambda item: len(item[0])):
        if path:
            starts.setdefault(line, path)
    return {path: numbered[line - 1] for line, path in starts.items()}


def _lines(blocks: dict, above_fields: dict[str, list[str]], above: dict, after: dict) -> list[str]:
    lines = []
    for key, block in blocks.items():
        lines.extend(above_fields.get(key, []))
        for offset, line in enumerate(block):
            indent = line[: len(line) - len(line.lstrip(" "))]
            lines.extend(indent + text for text in above.get((key, offset), []))
            lines.append(f"{line}  {after[key, offset]}" if (key, offset) in after else line)
    return lines + above_fields.get("", [])


def _by_field(comments: list[Comment], fields: list[str], order: dict) -> dict[str, list[str]]:
    """Each comment's text under the field it belongs to, or, when the record no longer has that
    field, under the next field in the schema's order that is written ("" for the end)."""
    placed: dict[str, list[str]] = {}
    for comment in sorted(comments, key=lambda comment: comment.line):
        target = comment.field
        if target not in fields and target != "":
            later = [f for f in fields if order.get(f, len(order)) > order.get(target, len(order))]
            target = later[0] if later else ""
        placed.setdefault(target, []).append(comment.text)
    return placed


def _field(key: str, value, indent: str) -> list[str]:
    if isinstance(value, dict):
        lines = [f"{indent}{key}:"]
        for inner, inner_value in value.items():
            lines.extend(_text_field(inner, inner_value, indent + "  ") if key == "description" else [])
            lines.extend([] if key == "description" else _field(inner, inner_value, indent + "  "))
        return lines
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [f"{indent}{key}: [{', '.join(_scalar(item) for item in value)}]"]
    if isinstance(value, list):
        return [f"{indent}{key}:"] + [line for item in value for line in _item(item, indent + "  ")]
    return [f"{indent}{key}: {_scalar(value, texts=key in TEXT_KEYS)}"]


def _item(item: dict, indent: str) -> list[str]:
    """One item of a list of groups: a bilingual text on one line, a stacks_into target."""
    if set(item) == {"fr", "en"}:
        return [f"{indent}- {_flow(item)}"]
    lines = []
    for position, (key, value) in enumerate(item.items()):
        lead = f"{indent}- " if position == 0 else f"{indent}  "
        lines.append(f"{lead}{key}: {_flow(value) if isinstance(value, dict) else _scalar(value)}")
    return lines


def _text_field(key: str, text: str, indent: str) -> list[str]:
    """A long Markdown text as a literal block when the block keeps it exactly, else quoted."""
    body = text[:-1] if text.endswith("\n") else text
    fits = body and not body.startswith((" ", "\n")) and "\n\n\n" not in text and not text.endswith("\n\n")
    if not fits or any(line != line.rstrip() for line in body.split("\n")):
        return [f"{indent}{key}: {_scalar(text)}"]
    header = "|" if text.endswith("\n") else "|-"
    return [f"{indent}{key}: {header}"] + [f"{indent}  {line}" if line else "" for line in body.split("\n")]


def _flow(value: dict) -> str:
    return "{" + ", ".join(f"{key}: {_scalar(inner, texts=True)}" for key, inner in value.items()) + "}"


def _scalar(value, texts: bool = False) -> str:
    """Keys, dates, numbers and addresses plain; words always in quotes, as the records have them."""
    if isinstance(value, bool) or value is None:
        raise UnwritableRecord(f"a field holds {value!r}, which a record never holds")
    if isinstance(value, int | float):
        return repr(value)
    return value if PLAIN.fullmatch(value) and not texts else json.dumps(value, ensure_ascii=False)
