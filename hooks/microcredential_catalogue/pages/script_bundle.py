"""One script file from an ES module, everything it imports and the plain scripts it needs first.

On a slow link every file is a round trip, and a browser finds a module's imports only once it
has that module: the catalogue page's eight modules and three stemmer scripts took most of its
three seconds to search on Fast 3G (bench/RESULTS.md). The build joins them into one classic
script instead: the plain scripts as they are, then each module in its own function scope, in
the order a browser would run them. The modules stay the source, tested as modules (tests/js/).

Our modules use a small part of the module syntax, and only that part is read here:
`import { a, b as c } from "./x.js";` and `export` before a function, class or const.
Anything else (a default export, an exported `let`, whose importers would not see it change,
`import * as`, an import of a package, a dynamic import, `import.meta`, an import cycle) stops
the build, naming the file and line, rather than making a bundle that could behave differently
from the modules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..reading.yaml_file import UnreadableFile, read_text

_IMPORT = re.compile(r'^import\s*\{(?P<names>[^}]*)\}\s*from\s*"(?P<path>[^"\n]+)";[ \t]*(?://[^\n]*)?$', re.M)
_EXPORT = re.compile(r"^export\s+(?=(?:async\s+)?function\b|class\b|const\b)", re.M)
_ANY_MODULE_SYNTAX = re.compile(r"^[ \t]*(?:import|export)\b|\bimport\s*\(|\bimport\.meta\b", re.M)
_IDENTIFIER = r"[A-Za-z_$][\w$]*"
Minifier = Callable[[str, str], str]  # (a module's text, its name) -> the text minified


class BundleError(ValueError):
    """A module this bundler cannot join faithfully: `script (line n): why`."""


@dataclass(frozen=True)
class _Import:
    source: str  # the importing module, relative to the scripts folder
    line: int
    target: str  # the imported module, relative to the scripts folder
    names: tuple[tuple[str, str], ...]  # (exported name, local name)


def bundle(scripts_dir: Path, entry: str, plain_scripts: tuple[str, ...] = (), minify: Minifier | None = None) -> str:
    """The classic script that runs `plain_scripts` (paths under `scripts_dir`), then the module
    `entry` as a browser would: its imports first, each once, depth first.

    With `minify(text, name)`, each module's text goes through it (the plain scripts, vendored
    and minified already, stay as they are) and the bundle has no comment of its own."""
    scripts_dir = Path(scripts_dir)
    order, imports = _module_order(scripts_dir, entry)
    exported = _names_wanted(imports)
    parts = [] if minify else [_header(entry, plain_scripts, order)]
    parts += [f"{_read(scripts_dir, name).rstrip()}\n;" for name in plain_scripts]
    modules = [
        _scoped(scripts_dir, name, imports[name], exported.get(name, ()), name == entry, minify) for name in order
    ]
    parts.append('(function () {\n"use strict";\n' + "\n".join(modules) + "})();\n")
    return "\n".join(parts)


def _header(entry: str, plain_scripts: tuple[str, ...], order: list[str]) -> str:
    sources = ", ".join([*plain_scripts, *order])
    return (
        f"/* {entry} and what it needs, joined by the catalogue's build (script_bundle.py) from: {sources}.\n"
        " * Edit those files, not this one. */"
    )


def _module_order(scripts_dir: Path, entry: str) -> tuple[list[str], dict[str, list[_Import]]]:
    """Modules in the order a browser evaluates them (imports first), and each one's imports."""
    order: list[str] = []
    imports: dict[str, list[_Import]] = {}
    visiting: list[str] = []

    def visit(name: str, reached_from: _Import | None) -> None:
        if name in imports:
            return
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name) :], name])
            raise BundleError(f"{reached_from.source} (line {reached_from.line}): an import cycle: {cycle}")
        visiting.append(name)
        found = _imports_of(scripts_dir, name, reached_from)
        for step in found:
            visit(step.target, step)
        visiting.pop()
        imports[name] = found
        order.append(name)

    visit(entry, None)
    return order, imports


def _imports_of(scripts_dir: Path, name: str, reached_from: _Import | None) -> list[_Import]:
    text = _read(scripts_dir, name, reached_from)
    found = []
    for match in _IMPORT.finditer(text):
        line = _line_of(text, match.start())
        target = _resolve(name, match["path"], line)
        found.append(_Import(name, line, target, _imported_names(match["names"], name, line)))
    _refuse_other_module_syntax(text, name)
    return found


def _resolve(source: str, path: str, line: int) -> str:
    if not path.startswith(("./", "../")):
        raise BundleError(f"{source} (line {line}): imports {path!r}; only files of ours ('./x.js') can be joined")
    parts: list[str] = []
    for part in (PurePosixPath(source).parent / path).parts:
        if part == "..":
            if not parts:
                raise BundleError(f"{source} (line {line}): {path!r} is outside the scripts folder")
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _imported_names(names: str, source: str, line: int) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in filter(None, (part.strip() for part in names.split(","))):
        match = re.fullmatch(rf"({_IDENTIFIER})(?:\s+as\s+({_IDENTIFIER}))?", item)
        if not match:
            raise BundleError(f"{source} (line {line}): cannot read the imported name {item!r}")
        pairs.append((match[1], match[2] or match[1]))
    return tuple(pairs)


def _refuse_other_module_syntax(text: str, name: str) -> None:
    """Any module syntax left once the imports and the `export` keywords this bundler reads are out."""
    joined_lines = {
        line
        for match in _IMPORT.finditer(text)
        for line in range(_line_of(text, match.start()), _line_of(text, match.end()) + 1)
    }
    for number, line in enumerate(text.splitlines(), 1):
        if number not in joined_lines and _ANY_MODULE_SYNTAX.search(_EXPORT.sub("", line)):
            raise BundleError(
                f"{name} (line {number}): {line.strip()!r} cannot be joined into one script; "
                'write `import { name } from "./file.js";` and `export` before a function, class or const'
            )


def _names_wanted(imports: dict[str, list[_Import]]) -> dict[str, tuple[str, ...]]:
    """Per module, the exported names some other module imports."""
    wanted: dict[str, set[str]] = {}
    for steps in imports.values():
        for step in steps:
            wanted.setdefault(step.target, set()).update(exported for exported, _ in step.names)
    return {name: tuple(sorted(names)) for name, names in wanted.items()}


def _scoped(
    scripts_dir: Path,
    name: str,
    imports: list[_Import],
    exported: tuple[str, ...],
    is_entry: bool,
    minify: Minifier | None = None,
) -> str:
    """One module in a function scope: its imports read from the modules before it, and what the
    others import from it returned."""
    text = _read(scripts_dir, name)
    for step in imports:
        _check_exported(scripts_dir, step)
    body = _EXPORT.sub("", _IMPORT.sub("", text))  # line for line the module's: a minifier's error names its line
    body = minify(body, name) if minify else body.strip()
    reads = [f"const {{ {_bindings(step.names)} }} = {_variable(step.target)};" for step in imports if step.names]
    opening = "" if minify else f"// {name}\n"
    opening += "(function () {" if is_entry else f"const {_variable(name)} = (function () {{"
    closing = "})();" if is_entry else f"return {{ {', '.join(exported)} }};\n}})();"
    return "\n".join([opening, *reads, body, closing]) + "\n"


def _bindings(names: tuple[tuple[str, str], ...]) -> str:
    """`a, b: c` for `import { a, b as c }`."""
    return ", ".join(name if name == local else f"{name}: {local}" for name, local in names)


def _check_exported(scripts_dir: Path, step: _Import) -> None:
    text = _read(scripts_dir, step.target)
    for exported, _ in step.names:
        declared = re.search(
            rf"^export\s+(?:(?:async\s+)?function\*?\s*{exported}\s*\(|class\s+{exported}\b"
            rf"|const\s[^;]*?\b{exported}\s*=)",
            text,
            re.M,
        )
        if not declared:
            raise BundleError(f"{step.source} (line {step.line}): {step.target} does not export {exported!r}")


def _variable(name: str) -> str:
    return "module_" + re.sub(r"\W", "_", name)


def _read(scripts_dir: Path, name: str, reached_from: _Import | None = None) -> str:
    path = scripts_dir / name
    where = f"{reached_from.source} (line {reached_from.line}): " if reached_from else ""
    if not (path.is_file() or path.is_symlink()):
        raise BundleError(f"{where}{name} is not a file under {scripts_dir}")
    try:  # the data files' guards: a link, a pipe or a huge file is never joined into a page
        return read_text(path)
    except UnreadableFile as unreadable:
        raise BundleError(f"{where}{name} {unreadable}") from None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
