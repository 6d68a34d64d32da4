"""Read YAML safely and remember the line of every value, so errors can point at it.

The file is checked before it is read (a regular file, not a link, not too large, UTF-8), then
parsed into a stream of events by the C parser and turned into plain values here, without the
recursive composer: nesting is capped before it can exhaust the stack, anchors and aliases are
refused before any is expanded (a billion-laughs file costs nothing), duplicated keys and tags
become problems, and scalars are read the YAML 1.2 way, refusing the YAML 1.1 forms that other
tools read differently (`no` as false, `1:30` as 90, `010` as 8).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .line_map import LineMap
from .problems import Said
from .scalars import plain_scalar

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 256 * 1024  # a record is a few KB; the whole shipped taxonomies.yml is 20 KB
MAX_DEPTH = 10  # the deepest field (stacks_into[1].title.fr) is 4 levels down

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {None, "!", _CORE + "str", _CORE + "map", _CORE + "seq"}
_SKIPPED = object()  # the key of a value that is read but not kept (its key was refused)


@dataclass
class YamlDocument:
    data: Any
    lines: LineMap = field(default_factory=LineMap)  # value path -> 1-based line
    errors: list[tuple[int, tuple, str]] = field(default_factory=list)  # (line, path, message)
    refused: list[tuple] = field(default_factory=list)  # paths whose values were not read
    # path -> (line of the text's first line, whether each line of the text is a line of the
    # file): true of a block written with |, where a description's problems are pointed at
    text_lines: dict[tuple, tuple[int, bool]] = field(default_factory=dict)
    starts: dict[tuple, tuple[int, int]] = field(default_factory=dict)  # path -> (line, column) of a scalar

    def line_in_text(self, path: tuple, text_line: int) -> int:
        """The file's line of line `text_line` (0-based) of the text at `path`."""
        first, literal = self.text_lines.get(path, (self.line_of(path), False))
        return first + text_line if literal else first

    def line_of(self, path: tuple) -> int:
        """The line of the value at `path`, or of its nearest parent that has one."""
        return self.lines.line_of(path)

    def refuse(self, line: int, path: tuple, message: str) -> None:
        self.errors.append((line, path, message))
        self.refused.append(path)


class UnreadableFile(Exception):
    """A data file that is not read at all; the message never quotes its content."""

    def __init__(self, message: str | Said, line: int = 1):
        super().__init__(str(message))
        self.message = message
        self.line = line


def read_text(path: Path) -> str:
    """The text of a data file, or UnreadableFile saying why it cannot be one."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise UnreadableFile("the file is missing") from None
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror})") from None
    _check_kind(info)
    try:
        # O_NOFOLLOW and O_NONBLOCK: if the file was swapped for a link or a pipe since lstat,
        # opening fails or returns at once instead of following the link or waiting forever.
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror})") from None
    with os.fdopen(descriptor, "rb") as file:
        _check_kind(os.fstat(file.fileno()))
        raw = file.read(MAX_BYTES + 1)
    _check_size(len(raw))
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise _not_utf8(raw, error) from None


def _not_utf8(raw: bytes, error: UnicodeDecodeError) -> UnreadableFile:
    """Where the first byte that is not UTF-8 is, as an editor's tools count: line and column."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return UnreadableFile(
            Said(
                en="is UTF-16 text, not UTF-8: save the file as UTF-8",
                fr="est un texte UTF-16, pas UTF-8 : enregistrez le fichier en UTF-8",
            )
        )
    line_start = raw.rfind(b"\n", 0, error.start) + 1
    line = raw.count(b"\n", 0, error.start) + 1
    column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
    byte = f"0x{raw[error.start]:02X}"
    try:
        seen = raw[error.start : error.end].decode("cp1252")
        hint_en, hint_fr = f" (« {seen} » in Windows-1252)", f" (« {seen} » en Windows-1252)"
    except UnicodeDecodeError:
        hint_en = hint_fr = ""
    return UnreadableFile(
        Said(
            en=f"is not UTF-8 text: at line {line}, column {column}, the byte {byte}{hint_en} is not UTF-8: "
            "save the file as UTF-8 (in your editor: Save as…, encoding UTF-8)",
            fr=f"n'est pas un texte UTF-8 : à la ligne {line}, colonne {column}, l'octet {byte}{hint_fr} n'est pas "
            "de l'UTF-8 : enregistrez le fichier en UTF-8 (dans votre éditeur : Enregistrer sous…, encodage UTF-8)",
        ),
        line,
    )


def _check_kind(info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise UnreadableFile("is a symbolic link: put the file itself here, not a link to it")
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile("is a folder: a data file must be a plain text file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile("is not a plain file (a pipe, socket or device): put a plain text file here")
    _check_size(info.st_size)


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise UnreadableFile(
            f"is larger than {MAX_BYTES // 1024} KB: a data file holds a few KB of text; "
            "check that it is the right file"
        )


def read_yaml(text: str) -> YamlDocument:
    doc = YamlDocument(data=None)
    builder = _Builder(doc)
    loader = _Loader(text)
    try:
        while loader.check_event() and builder.take(loader.get_event()):
            pass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return _invalid(mark.line + 1 if mark else 1, f"is not valid YAML: {error.problem or error}")
    except yaml.reader.ReaderError as error:  # a character YAML does not allow anywhere
        return _unacceptable(text, error)
    except yaml.YAMLError as error:
        return _invalid(1, f"is not valid YAML: {' '.join(str(error).split())}")
    finally:
        loader.dispose()
    if builder.too_deep:
        return _invalid(
            builder.too_deep,
            f"nests values more than {MAX_DEPTH} levels deep: no field goes deeper than 4; check the indentation",
        )
    if builder.documents > 1:
        return _invalid(builder.second_document, "holds more than one YAML document (---): keep one record per file")
    if doc.data is None and not doc.errors:
        doc.errors.append((1, (), "the file is empty: write the fields of the record"))
    return doc


# The characters the YAML reader refuses before parsing (PyYAML's reader.NON_PRINTABLE).
_UNACCEPTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NAMES = {"\x00": "NUL", "\x1b": "escape", "\x7f": "delete"}


def _unacceptable(text: str, error) -> YamlDocument:
    """The first character YAML refuses, by line, column and field: the file read with it
    blanked out says which value it sits in."""
    found = _UNACCEPTABLE.search(text)
    if found is None:  # the C reader counts bytes: only a stray surrogate gets here
        return _invalid(1, f"is not valid YAML: {' '.join(str(error).split())}")
    position = found.start()
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    character = found.group()
    name = f" ({_NAMES[character]})" if character in _NAMES else ""
    blanked = read_yaml(_UNACCEPTABLE.sub(" ", text))
    before = [(at, path) for path, at in blanked.starts.items() if at <= (line, column)]
    path = max(before, key=lambda item: item[0])[1] if before else ()
    doc = YamlDocument(data=None)
    doc.errors.append(
        (
            line,
            path,
            f"must not contain a control character (got U+{ord(character):04X}{name} at line {line}, "
            f"column {column}): delete it",
        )
    )
    return doc


def _invalid(line: int, message: str) -> YamlDocument:
    doc = YamlDocument(data=None)
    doc.errors.append((line, (), message))
    return doc


@dataclass
class _Frame:
    """A mapping or sequence being read: where it goes, and the key waiting for its value."""

    container: Any  # dict or list; None when the values are read but not kept
    path: tuple
    key: Any = None  # the key read last, waiting for its value (mappings only)
    key_line: int = 0
    first_line: dict = field(default_factory=dict)  # key -> line it was first written on


class _Builder:
    """Plain values from parser events, one event at a time, with an explicit stack."""

    def __init__(self, doc: YamlDocument):
        self.doc = doc
        self.stack: list[_Frame] = []
        self.documents = 0
        self.second_document = 0
        self.too_deep = 0  # the line where nesting went past MAX_DEPTH, or 0

    def take(self, event) -> bool:
        """Use one event; False stops reading (the file is refused as a whole)."""
        line = event.start_mark.line + 1
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            self.second_document = self.second_document or (line if self.documents > 1 else 0)
            return self.documents == 1
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
            return True
        if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            return True
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.container, dict) and frame.key is None:
            self._key(frame, event, line)
            return True
        return self._value(frame, event, line)

    def _key(self, frame: _Frame, event, line: int) -> None:
        frame.key, frame.key_line = _SKIPPED, line
        if not isinstance(event, yaml.ScalarEvent) or event.anchor or event.tag not in _ALLOWED_TAGS:
            self.doc.errors.append((line, frame.path, "a key must be plain text"))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.stack.append(_Frame(None, frame.path))  # read the key's content, keep nothing
            return
        if event.value in frame.first_line:
            first = frame.first_line[event.value]
            self.doc.errors.append(
                (line, frame.path + (event.value,), f"duplicated key (first written on line {first}): keep only one")
            )
            return
        frame.first_line[event.value] = line
        frame.key = event.value

    def _value(self, frame: _Frame | None, event, line: int) -> bool:
        path, kept = self._slot(frame, line)
        refused = kept and self._refused(event, path, line)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                self.too_deep = line
                return False
            container = None
            if kept and not refused:
                container = {} if isinstance(event, yaml.MappingStartEvent) else []
            self._put(frame, container, kept)
            self.stack.append(_Frame(container, path))
            return True
        readable = kept and not refused and isinstance(event, yaml.ScalarEvent)
        self._put(frame, self._scalar(event, path, line) if readable else None, kept)
        return True

    def _refused(self, event, path: tuple, line: int) -> bool:
        """Refuse an anchor, an alias or a tag: its value is then neither read nor expanded."""
        if isinstance(event, yaml.AliasEvent) or event.anchor:
            message = "YAML anchors and aliases (&name, *name) are not allowed: write the value out"
            if self.doc.errors and self.doc.errors[-1][::2] == (line, message):
                self.doc.refused.append(path)  # one line of the report per line of the file
            else:
                self.doc.refuse(line, path, message)
            return True
        if event.tag not in _ALLOWED_TAGS:
            tag = event.tag.replace(_CORE, "!!", 1)
            self.doc.refuse(line, path, f"the YAML tag '{tag}' is not allowed: write a plain value, without '!'")
            return True
        return False

    def _slot(self, frame: _Frame | None, line: int) -> tuple[tuple, bool]:
        """The path of the value about to be read, and whether it is kept."""
        if frame is None:
            self.doc.lines[()] = line
            return (), True
        if frame.container is None:
            return frame.path, False
        if isinstance(frame.container, dict):
            if frame.key is _SKIPPED:
                return frame.path, False
            path = frame.path + (frame.key,)
            self.doc.lines[path] = frame.key_line
            return path, True
        path = frame.path + (len(frame.container),)
        self.doc.lines[path] = line
        return path, True

    def _put(self, frame: _Frame | None, value: Any, kept: bool) -> None:
        if frame is None:
            self.doc.data = value
        elif isinstance(frame.container, dict):
            if kept:
                frame.container[frame.key] = value
            frame.key = None
        elif isinstance(frame.container, list):
            frame.container.append(value)

    def _scalar(self, event, path: tuple, line: int) -> Any:
        self.doc.starts[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if event.style == "|":  # the text starts on the line after the |
            self.doc.text_lines[path] = (event.start_mark.line + 2, True)
        else:
            self.doc.text_lines[path] = (event.start_mark.line + 1, False)
        if event.style or event.tag is not None:  # quoted, a block, or tagged !!str / !
            return event.value
        value, problem = plain_scalar(event.value)
        if problem:
            self.doc.refuse(line, path, problem)
        return value
