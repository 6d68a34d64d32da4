"""Which characters a text may not hold, for every character Unicode has."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from microcredential_catalogue.reading.text_policy import _control_character, text_problem


def _refused_by_definition(character: str, multi_line: bool) -> bool:
    """Unicode's control characters and lone surrogates, and its noncharacters; a line break only
    in a one-line field."""
    if character == "\n" and multi_line:
        return False
    code = ord(character)
    noncharacter = 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE
    return unicodedata.category(character) in ("Cc", "Cs") or noncharacter


@pytest.mark.parametrize("multi_line", [False, True], ids=["one line", "paragraphs"])
def test_exactly_the_control_characters_surrogates_and_noncharacters_are_refused(multi_line):
    wrong = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if (_control_character(chr(code), multi_line) is not None) != _refused_by_definition(chr(code), multi_line)
    ]
    assert wrong == []


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x85", "\ud800", "\ufdd0", "\uffff", "\U0010fffe"])
def test_a_refused_character_is_named_with_its_place(character):
    problem = text_problem(f"Soudage {character} 101", "title")
    assert problem and f"U+{ord(character):04X}" in problem.en and "at character 9" in problem.en
