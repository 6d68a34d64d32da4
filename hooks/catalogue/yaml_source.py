"""Read YAML safely and remember the line of every value, so errors can point at it.

PyYAML silently keeps the last of two duplicated keys and, with an unsafe loader, runs
`!!python/...` tags. Here the document is composed into nodes by the C parser (fast, and no
object is built), then turned into plain values by hand: duplicated keys and unknown tags
become problems, dates stay as the text the editor wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null")}
_KEPT_AS_WRITTEN = {_CORE + "timestamp"}  # 2022-05-03 stays the string the editor typed
_SEQ, _MAP = _CORE + "seq", _CORE + "map"


@dataclass
class YamlDocument:
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)  # value path -> 1-based line
    errors: list[tuple[int, tuple, str]] = field(default_factory=list)  # (line, path, message)

    def line_of(self, path: tuple) -> int:
        """The line of the value at `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(text: str) -> YamlDocument:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        doc = YamlDocument(data=None)
        doc.errors.append((line, (), f"is not valid YAML: {error.problem or error}"))
        return doc
    except yaml.YAMLError as error:
        doc = YamlDocument(data=None)
        doc.errors.append((1, (), f"is not valid YAML: {error}"))
        return doc
    finally:
        loader.dispose()
    doc = YamlDocument(data=None)
    if node is None:
        doc.errors.append((1, (), "the file is empty: write the fields of the record"))
        return doc
    doc.data = _NodeReader(loader, doc).value(node, ())
    return doc


class _NodeReader:
    def __init__(self, loader, doc: YamlDocument):
        self.loader = loader
        self.doc = doc

    def value(self, node, path: tuple) -> Any:
        self.doc.lines.setdefault(path, node.start_mark.line + 1)
        if node.tag in _KEPT_AS_WRITTEN:
            return node.value
        if node.tag == _MAP:
            return self.mapping(node, path)
        if node.tag == _SEQ:
            return [self.value(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag in _PLAIN_TAGS:
            return self.loader.construct_object(node)
        line = node.start_mark.line + 1
        tag = node.tag.replace(_CORE, "!!", 1)
        self.doc.errors.append((line, path, f"the YAML tag '{tag}' is not allowed: write a plain value, without '!'"))
        return None

    def mapping(self, node, path: tuple) -> dict:
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag not in _PLAIN_TAGS:
                self.doc.errors.append((key_line, path, "a key must be plain text"))
                continue
            key = self.loader.construct_object(key_node)
            key = key if isinstance(key, str) else str(key)
            if key in first_line:
                self.doc.errors.append(
                    (
                        key_line,
                        path + (key,),
                        f"duplicated key (first written on line {first_line[key]}): keep only one",
                    )
                )
                continue
            first_line[key] = key_line
            self.doc.lines[path + (key,)] = key_line
            result[key] = self.value(value_node, path + (key,))
            self.doc.lines[path + (key,)] = key_line
        return result
