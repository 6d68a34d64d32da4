"""The typing mistakes that stop a YAML parser, told in the editor's words, in French and English.

The parser says "found character that cannot start any token" for a tab, and reports a missing
colon on the line after it. An editor needs the word "tab", the line they typed and what to write
instead, so each common mistake is recognized from the parser's error and the line's own text.
Anything else keeps the parser's words, with the line to look at.
"""

from __future__ import annotations

import re

import yaml

from .problems import Said

_KEY_AND_VALUE = re.compile(r"^(\s*(?:-\s+)?)([^\s:#'\"][^:#]*?):\s+(.*?)\s*$")
_INDENT = re.compile(r"^[ \t]*")


def explain_syntax_error(text: str, error: yaml.MarkedYAMLError) -> tuple[int, Said]:
    """The line to point at and what to write instead, for a file the parser refused."""
    lines = text.splitlines() or [""]
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = error.problem or str(error)
    for explain in (_tab, _missing_colon, _unclosed_quote, _quote_inside_quotes, _colon_inside_value):
        found = explain(lines, error, line, problem)
        if found:
            return found
    return line, _parser_words(problem)


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _tab(lines: list[str], error, line: int, problem: str) -> tuple[int, Said] | None:
    """A tab in the indentation of a line up to the error (YAML indents with spaces only)."""
    if "tab" not in problem and "cannot start any token" not in problem:
        return None
    for number in range(1, min(line, len(lines)) + 1):
        indent = _INDENT.match(lines[number - 1]).group()
        if "\t" in indent:
            column = indent.index("\t") + 1
            return number, Said(
                en=f"a tab character (column {column}) indents this line, and YAML indents with spaces only: "
                "replace the tab with spaces, two for each level",
                fr=f"une tabulation (colonne {column}) met cette ligne en retrait, et YAML n'accepte que des "
                "espaces : remplacez la tabulation par des espaces, deux par niveau",
            )
    return None


def _missing_colon(lines: list[str], error, line: int, problem: str) -> tuple[int, Said] | None:
    """The parser notices a missing colon on the next line; the editor's mistake is the line before."""
    if "could not find expected ':'" not in problem or error.context_mark is None:
        return None
    return _no_colon(lines, error.context_mark.line + 1)


def _no_colon(lines: list[str], number: int) -> tuple[int, Said]:
    typed = _line(lines, number).strip()
    name, _, rest = typed.partition(" ")
    example = f"{name}: {rest}" if rest else f"{name}: …"
    return number, Said(
        en=f"this line has no colon after the field name (got {typed[:60]!r}): write the name, a colon, "
        f"a space, then the value, such as {example[:80]}",
        fr=f"il manque le deux-points après le nom du champ sur cette ligne (trouvé {typed[:60]!r}) : écrivez "
        f"le nom, un deux-points, une espace, puis la valeur, par exemple {example[:80]}",
    )


def _quote_inside_quotes(lines: list[str], error, line: int, problem: str) -> tuple[int, Said] | None:
    """An apostrophe inside 'single quotes' (or a " inside "double quotes") ends the value early."""
    if "expected key" not in problem and "expected <block end>" not in problem:
        return None
    match = _KEY_AND_VALUE.match(_line(lines, line))
    value = match.group(3) if match else ""
    quote = value[:1]
    if quote not in ("'", '"') or value.count(quote) < 3:
        return None
    inner = value[1:-1] if value.endswith(quote) else value[1:]
    if quote == "'":
        fixed = f'"{inner}"' if '"' not in inner else "'" + inner.replace("'", "''") + "'"
        return line, Said(
            en=f"the apostrophe inside this value in single quotes ends it too early: put the value in double "
            f"quotes, such as {match.group(2)}: {fixed[:80]}",
            fr=f"l'apostrophe à l'intérieur de cette valeur entre apostrophes la termine trop tôt : mettez la "
            f"valeur entre guillemets droits, par exemple {match.group(2)}: {fixed[:80]}",
        )
    fixed = f"'{inner}'" if "'" not in inner else '"' + inner.replace('"', '\\"') + '"'
    return line, Said(
        en=f"the double quote inside this value in double quotes ends it too early: put the value in single "
        f"quotes, such as {match.group(2)}: {fixed[:80]}",
        fr=f"le guillemet droit à l'intérieur de cette valeur entre guillemets la termine trop tôt : mettez "
        f"la valeur entre apostrophes, par exemple {match.group(2)}: {fixed[:80]}",
    )


def _colon_inside_value(lines: list[str], error, line: int, problem: str) -> tuple[int, Said] | None:
    """`fr: Note: text` reads as a field inside a field: the value needs quotes."""
    if "mapping values are not allowed" not in problem:
        return None
    match = _KEY_AND_VALUE.match(_line(lines, line))
    if not match:
        return None
    if len(match.group(1)) + len(match.group(2)) == error.problem_mark.column:
        # The colon is this field's own: the line above, with no colon, ran into it.
        above = line - 1
        return _no_colon(lines, above) if above and ":" not in _line(lines, above) else None
    value = match.group(3).replace('"', '\\"')
    column = error.problem_mark.column + 1
    return line, Said(
        en=f"a colon followed by a space inside a value (column {column}) makes YAML read a new field: put the "
        f'whole value in double quotes, such as {match.group(2)}: "{value[:80]}"',
        fr=f"un deux-points suivi d'une espace dans une valeur (colonne {column}) fait lire à YAML un nouveau "
        f'champ : mettez toute la valeur entre guillemets droits, par exemple {match.group(2)}: "{value[:80]}"',
    )


def _unclosed_quote(lines: list[str], error, line: int, problem: str) -> tuple[int, Said] | None:
    """A quote opened and never closed: the parser reaches the end of the file; the mistake is where it opened."""
    if "quoted scalar" not in (error.context or "") or error.context_mark is None:
        return None
    number = error.context_mark.line + 1
    quote = _line(lines, number)[error.context_mark.column : error.context_mark.column + 1]
    return number, Said(
        en=f"the value that starts with {quote} on this line never ends: close it with the same quote, {quote}, "
        "at the end of the value",
        fr=f"la valeur qui commence par {quote} sur cette ligne ne se termine jamais : fermez-la par le même "
        f"signe, {quote}, à la fin de la valeur",
    )


def _parser_words(problem: str) -> Said:
    return Said(
        en=f"is not valid YAML: {problem}",
        fr=f"n'est pas du YAML valide ({problem}, selon le lecteur YAML) : vérifiez les guillemets, les "
        "deux-points et les retraits de cette ligne et de la précédente",
    )
