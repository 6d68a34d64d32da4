"""A credential record as an editor would write it in data/credentials/<id>.yml: the fields in
the schema's order, texts in double quotes, lists of keys on one line, a description as a block.

Whatever is written is read back with the project's own YAML reader and must equal the record,
or nothing is written: a text the block form cannot hold falls back to a quoted string.
"""

from __future__ import annotations

import json
import re

from ..reading.yaml_file import read_yaml

FIRST_LINE = "# yaml-language-server: $schema=../schema/credential.schema.json"
PLAIN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*|\d{4}(-\d{2}(-\d{2})?)?|https?://[A-Za-z0-9./_~%-]+")
TEXT_KEYS = {"fr", "en", "text"}  # the keys whose values are words, never keys


class UnwritableRecord(Exception):
    pass


def record_yaml(
    record: dict, field_order: list[str], head: list[str] | None = None, comments: dict | None = None
) -> str:
    """The file's text: the comments at the top of the file it replaces (or the template's first
    line), then each field in the schema's order, after the comments written above it in the file
    it replaces (`comments`, from field_comments). A comment above a field the record no longer
    has moves above the next field written, or to the end: none is lost."""
    order = {name: position for position, name in enumerate(field_order)}
    lines = list(head or [FIRST_LINE])
    fields = sorted(record, key=lambda name: order.get(name, len(order)))
    waiting = _comments_in_order(comments or {}, fields, order)
    for key in fields:
        lines.extend(waiting.pop(key, []))
        lines.extend(_field(key, record[key], ""))
    lines.extend(line for rest in waiting.values() for line in rest)
    text = "\n".join(lines) + "\n"
    if read_yaml(text).data != record:
        raise UnwritableRecord("the record does not read back as written")
    return text


def head_comments(text: str) -> list[str]:
    """The comment lines a file starts with: kept when the record is written again."""
    head = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        head.append(line)
    return head


def field_comments(text: str) -> dict[str, list[str]]:
    """The comment lines written just above each top-level field, after the head comments. Only
    lines starting in the first column: inside a field (a description's block) a "#" is text."""
    comments: dict[str, list[str]] = {}
    pending: list[str] = []
    lines = text.splitlines()
    start = len(head_comments(text))
    for line in lines[start:]:
        if line.startswith("#"):
            pending.append(line)
            continue
        key = _TOP_LEVEL_KEY.match(line)
        if key and pending:
            comments.setdefault(key.group(1), []).extend(pending)
            pending = []
    if pending:
        comments.setdefault("", []).extend(pending)  # after the last field
    return comments


_TOP_LEVEL_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:")


def _comments_in_order(comments: dict, fields: list[str], order: dict) -> dict[str, list[str]]:
    """Each comment block above the field it was written over, or, when that field is gone, above
    the next field in the schema's order that is written ("" for the end)."""
    placed: dict[str, list[str]] = {}
    for key, block in comments.items():
        if key in fields or key == "":
            target = key
        else:
            later = [f for f in fields if order.get(f, len(order)) > order.get(key, len(order))]
            target = later[0] if later else ""
        placed.setdefault(target, []).extend(block)
    ending = placed.pop("", [])
    ordered = {key: placed[key] for key in fields if key in placed}
    return {**ordered, "": ending} if ending else ordered


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
