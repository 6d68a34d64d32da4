"""What an unquoted YAML value means: the YAML 1.2 core schema, minus the forms tools disagree on.

YAML 1.1 (PyYAML's default, and many editors' highlighters) reads `no` as false, `1:30` as 90 and
`010` as 8; YAML 1.2 reads them as text, 10 and text. An editor cannot see which one a tool
uses, so those forms are refused with what to write instead, and everything else is read the
YAML 1.2 way. Numbers a page cannot show (.nan, .inf, a thousand digits) are refused too.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .problems import Said

MAX_DIGITS = 15  # above this a float loses whole units; no cost or duration comes close

_NULL = re.compile(r"~|null|Null|NULL|")
_TRUE = re.compile(r"true|True|TRUE")
_FALSE = re.compile(r"false|False|FALSE")
_INTEGER = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?((0|[1-9][0-9]*)(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_YAML11_BOOLEAN = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF")
_BASE_60 = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+(\.[0-9_]*)?([eE][-+]?[0-9]+)?")
_OTHER_BASE = re.compile(r"[-+]?0([xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)")
_UNDERSCORES = re.compile(r"[-+]?[0-9_]*_[0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?")
_NOT_A_NUMBER = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


def plain_scalar(text: str) -> tuple[Any, Said | None]:
    """The value of an unquoted scalar, and the problem when it must be written otherwise."""
    if _NULL.fullmatch(text):
        return None, None
    if _TRUE.fullmatch(text) or _FALSE.fullmatch(text):
        return _TRUE.fullmatch(text) is not None, None
    if _INTEGER.fullmatch(text) or _DECIMAL.fullmatch(text):
        return _number(text)
    problem = _ambiguous(text)
    return (None, problem) if problem else (text, None)


def _number(text: str) -> tuple[Any, Said | None]:
    digits = sum(character.isdigit() for character in text.split("e")[0].split("E")[0])
    value = int(text) if _INTEGER.fullmatch(text) and digits <= MAX_DIGITS else None
    if value is None and digits <= MAX_DIGITS + 2:
        value = float(text)
        value = value if math.isfinite(value) and abs(value) < 10**MAX_DIGITS else None
    if value is None:
        return None, Said(
            en=f"is too large a number (got {_short(text)}): write at most {MAX_DIGITS} digits",
            fr=f"est un nombre trop grand (trouvé {_short(text)}) : écrivez au plus {MAX_DIGITS} chiffres",
        )
    return value, None


def _ambiguous(text: str) -> Said | None:
    """What to write instead of a form that YAML 1.1 and YAML 1.2 read differently."""
    got = _short(text)
    quoted = Said(
        en=f'or put it in quotes ("{text[:30]}") if it is text',
        fr=f'ou mettez-la entre guillemets ("{text[:30]}") si c\'est un texte',
    )
    if _YAML11_BOOLEAN.fullmatch(text):
        return Said(
            en=f"is read as true or false by some YAML tools (got {got}): write true or false, {quoted.en}",
            fr=f"est lue comme vrai ou faux par certains outils YAML (trouvé {got}) : écrivez true ou false, "
            f"{quoted.fr}",
        )
    if _BASE_60.fullmatch(text):
        return Said(
            en=f"is read as a base-60 number by some YAML tools (got {got}): write one plain number, {quoted.en}",
            fr=f"est lue comme un nombre en base 60 par certains outils YAML (trouvé {got}) : écrivez un seul nombre, "
            f"{quoted.fr}",
        )
    if _OTHER_BASE.fullmatch(text) or _LEADING_ZERO.fullmatch(text) or _UNDERSCORES.fullmatch(text):
        return Said(
            en=f"is read as different numbers by different YAML tools (got {got}): "
            f"write it with digits only, without a leading zero or _, {quoted.en}",
            fr=f"est lue comme des nombres différents selon les outils YAML (trouvé {got}) : écrivez-la en chiffres "
            f"seulement, sans zéro au début ni _, {quoted.fr}",
        )
    if _NOT_A_NUMBER.fullmatch(text):
        return Said(
            en=f"is not a number a page can show (got {got}): write a number, such as 250",
            fr=f"n'est pas un nombre qu'une page peut afficher (trouvé {got}) : écrivez un nombre, par exemple 250",
        )
    return None


def _short(text: str, limit: int = 30) -> str:
    return repr(text) if len(text) <= limit else repr(text[: limit - 1] + "…")
