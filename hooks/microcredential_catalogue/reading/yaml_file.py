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
from .yaml_mistakes import explain_syntax_error

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
    errors: list[tuple[int, tuple, str | Said]] = field(default_factory=list)  # (line, path, message)
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

    def refuse(self, line: int, path: tuple, message: str | Said) -> None:
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
        raise UnreadableFile(Said(en="the file is missing", fr="le fichier est introuvable")) from None
    except OSError as error:
        raise _cannot_read(error) from None
    _check_kind(info)
    try:
        # O_NOFOLLOW and O_NONBLOCK: if the file was swapped for a link or a pipe since lstat,
        # opening fails or returns at once instead of following the link or waiting forever.
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        raise _cannot_read(error) from None
    with os.fdopen(descriptor, "rb") as file:
        _check_kind(os.fstat(file.fileno()))
        raw = file.read(MAX_BYTES + 1)
    _check_size(len(raw))
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise _not_utf8(raw, error.start) from None


def _not_utf8(raw: bytes, start: int) -> UnreadableFile:
    """Where the first byte that is not UTF-8 sits, as an editor counts: line and column."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return UnreadableFile(
            Said(
                en="is UTF-16 text, not UTF-8: save the file as UTF-8",
                fr="est un texte UTF-16, pas UTF-8 : enregistrez le fichier en UTF-8",
            )
        )
    line = raw.count(b"\n", 0, start) + 1
    line_start = raw.rfind(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    byte = f"0x{raw[start]:02X}"
    return UnreadableFile(
        Said(
            en=f"is not UTF-8 text: the character at line {line}, column {column} (byte {byte}) is written in "
            "another encoding, often an accent saved as Windows-1252 or Latin-1: save the file as UTF-8 "
            "(in your editor: Save as, then Encoding: UTF-8)",
            fr=f"n'est pas un texte UTF-8 : le caractère à la ligne {line}, colonne {column} (octet {byte}) est "
            "écrit dans un autre codage, souvent un accent enregistré en Windows-1252 ou Latin-1 : enregistrez "
            "le fichier en UTF-8 (dans votre éditeur : Enregistrer sous, puis Codage : UTF-8)",
        ),
        line,
    )


def _cannot_read(error: OSError) -> UnreadableFile:
    return UnreadableFile(
        Said(
            en=f"cannot be read ({error.strerror})",
            fr=f"ne peut pas être lu ({error.strerror}) : vérifiez que le fichier est bien là et lisible",
        )
    )


_NOT_A_LINK = Said(
    en="is a symbolic link: put the file itself here, not a link to it",
    fr="est un lien symbolique : mettez ici le fichier lui-même, pas un lien vers lui",
)
_NOT_A_FOLDER = Said(
    en="is a folder: a data file must be a plain text file",
    fr="est un dossier : un fichier de données doit être un simple fichier texte",
)
_NOT_SPECIAL = Said(
    en="is not a plain file (a pipe, socket or device): put a plain text file here",
    fr="n'est pas un simple fichier (un tube, une prise ou un périphérique) : mettez ici un simple fichier texte",
)


def _check_kind(info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise UnreadableFile(_NOT_A_LINK)
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(_NOT_A_FOLDER)
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(_NOT_SPECIAL)
    _check_size(info.st_size)


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        limit = MAX_BYTES // 1024
        raise UnreadableFile(
            Said(
                en=f"is larger than {limit} KB: a data file holds a few KB of text; check that it is the right file",
                fr=f"dépasse {limit} Ko : un fichier de données contient quelques Ko de texte ; vérifiez que c'est "
                "le bon fichier",
            )
        )


def read_yaml(text: str) -> YamlDocument:
    doc = YamlDocument(data=None)
    builder = _Builder(doc)
    loader = _Loader(text)
    try:
        while loader.check_event() and builder.take(loader.get_event()):
            pass
    except yaml.MarkedYAMLError as error:
        return _invalid(*explain_syntax_error(text, error))
    except yaml.reader.ReaderError as error:  # a character YAML does not allow anywhere
        return _unacceptable(text, error)
    except yaml.YAMLError as error:
        return _invalid(1, Said(en=f"is not valid YAML: {error}", fr=f"n'est pas du YAML valide ({error})"))
    finally:
        loader.dispose()
    if builder.too_deep:
        return _invalid(
            builder.too_deep,
            Said(
                en=f"nests values more than {MAX_DEPTH} levels deep: no field goes deeper than 4; "
                "check the indentation",
                fr=f"imbrique des valeurs sur plus de {MAX_DEPTH} niveaux : aucun champ ne dépasse 4 niveaux ; "
                "vérifiez les retraits",
            ),
        )
    if builder.documents > 1:
        return _invalid(builder.second_document, _ONE_DOCUMENT)
    if doc.data is None and not doc.errors:
        doc.errors.append((1, (), _EMPTY))
    return doc


# The characters the YAML reader refuses before parsing (PyYAML's reader.NON_PRINTABLE).
_UNACCEPTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NAMES = {"\x00": "NUL", "\x1b": "escape", "\x7f": "delete"}


def _unacceptable(text: str, error) -> YamlDocument:
    """The first character YAML refuses, by line, column and field: the file read with it
    blanked out says which value it sits in."""
    found = _UNACCEPTABLE.search(text)
    if found is None:  # the C reader counts bytes: only a stray surrogate gets here
        said = " ".join(str(error).split())
        return _invalid(1, Said(en=f"is not valid YAML: {said}", fr=f"n'est pas du YAML valide ({said})"))
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
            Said(
                en=f"must not contain a control character (got U+{ord(character):04X}{name} at line {line}, "
                f"column {column}): delete it",
                fr=f"ne doit contenir aucun caractère de contrôle (trouvé U+{ord(character):04X}{name} à la ligne "
                f"{line}, colonne {column}) : supprimez-le",
            ),
        )
    )
    return doc


_ONE_DOCUMENT = Said(
    en="holds more than one YAML document (---): keep one record per file",
    fr="contient plus d'un document YAML (---) : gardez une seule fiche par fichier",
)
_EMPTY = Said(
    en="the file is empty: write the fields of the record",
    fr="le fichier est vide : écrivez les champs de la fiche",
)
_KEY_NOT_TEXT = Said(
    en="a key must be plain text",
    fr="une clé doit être un simple texte : écrivez le nom du champ, sans guillemets ni crochets",
)
_NO_ANCHORS = Said(
    en="YAML anchors and aliases (&name, *name) are not allowed: write the value out",
    fr="les ancres et renvois YAML (&nom, *nom) ne sont pas permis : écrivez la valeur en entier",
)


def _invalid(line: int, message: str | Said) -> YamlDocument:
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
            self.doc.errors.append((line, frame.path, _KEY_NOT_TEXT))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.stack.append(_Frame(None, frame.path))  # read the key's content, keep nothing
            return
        if event.value in frame.first_line:
            first = frame.first_line[event.value]
            duplicated = Said(
                en=f"duplicated key (first written on line {first}): keep only one",
                fr=f"clé en double (déjà écrite à la ligne {first}) : n'en gardez qu'une",
            )
            self.doc.errors.append((line, frame.path + (event.value,), duplicated))
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
            message = _NO_ANCHORS
            if self.doc.errors and self.doc.errors[-1][::2] == (line, message):
                self.doc.refused.append(path)  # one line of the report per line of the file
            else:
                self.doc.refuse(line, path, message)
            return True
        if event.tag not in _ALLOWED_TAGS:
            tag = event.tag.replace(_CORE, "!!", 1)
            self.doc.refuse(
                line,
                path,
                Said(
                    en=f"the YAML tag '{tag}' is not allowed: write a plain value, without '!'",
                    fr=f"l'étiquette YAML '{tag}' n'est pas permise : écrivez une simple valeur, sans '!'",
                ),
            )
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
