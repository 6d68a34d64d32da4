"""What a description may hold: every Markdown construct the site will not show is refused by
`catalogue check`, on its own line, with what to write instead (issue 18 item 5, issue 19 item 4);
character references are read as the characters they write (item 4); and whatever check lets
through renders within a set time (item 2, bench/descriptions.py)."""

from __future__ import annotations

import time

import pytest
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.pages.render import _markdown
from microcredential_catalogue.reading import markdown_text
from microcredential_catalogue.reading.problems import DataInvalid
from support import RECORDS, TODAY, data_folder

from bench.descriptions import LIMIT, SHAPES

BASE = (RECORDS / "valid" / "free-starter.yml").read_text(encoding="utf-8")  # 9 lines
FIRST = 13  # the file's line of the French description's first line (see record below)
FILE = "data/credentials/described.yml"
CPU_BOUND = 2.0  # seconds to check and render one description: 0.36 s measured at worst (RESULTS.md)


def record(french: str, english: str = "Plain words.") -> str:
    """The valid record with a description; the French text starts on line FIRST."""
    indented = "".join(f"    {line}\n" if line else "\n" for line in french.split("\n"))
    return f"{BASE}description:\n  en: {english!r}\n  fr: |\n{indented}"


def problems(tmp_path, french: str, english: str = "Plain words.", lang: str = "en") -> list[str]:
    root = data_folder(tmp_path)
    (root / "data" / "credentials" / "described.yml").write_text(record(french, english), encoding="utf-8")
    with pytest.raises(DataInvalid) as caught:
        load_catalogue(root, today=TODAY)
    return [problem.in_language(lang) for problem in caught.value.problems]


def accepted(tmp_path, french: str) -> None:
    root = data_folder(tmp_path)
    (root / "data" / "credentials" / "described.yml").write_text(record(french), encoding="utf-8")
    load_catalogue(root, today=TODAY)


# (French text, its line within the text, the message after "description.fr: ")
REFUSED = {
    "image": (
        "Voir l'affiche :\n![affiche](https://example.org/a.png)",
        1,
        "an image (![…](…)) is not shown: the site loads nothing from other sites; write a link to it instead, "
        "such as [the poster](https://example.org/poster.pdf)",
    ),
    "image by reference": (
        "![affiche][a]\n\n[a]: https://example.org/a.png",
        0,
        "an image (![…](…)) is not shown: the site loads nothing from other sites; write a link to it instead, "
        "such as [the poster](https://example.org/poster.pdf)",
    ),
    "heading": (
        "Intro.\n\n## Objectifs\n\nTexte.",
        2,
        "a heading (# …) is not shown as a heading: write it as a paragraph, with **bold** words if it must stand out",
    ),
    "underlined heading": (
        "Objectifs\n---------\nTexte.",
        1,
        "a line of === or --- right under a text makes it a heading, which is not shown: remove that line, "
        "or leave a blank line before it",
    ),
    "rule": (
        "Un.\n\n***\n\nDeux.",
        2,
        "a line of ---, *** or ___ (a horizontal rule) is not shown: remove it; a blank line already separates paragraphs",
    ),
    "table": (
        "Intro.\n\n| Module | Heures |\n| --- | --- |\n| A | 10 |",
        2,
        "a table (| … | … |) is not shown: write its rows as a list, one item per line starting with a hyphen (-)",
    ),
    "indented code": (
        "Intro.\n\n    indenté par erreur",
        2,
        "lines indented by four spaces or more are a block of code, which is not shown: remove the indentation "
        "(for a few words of code, write `code`)",
    ),
    "fenced code": (
        "```\nprint(1)\n```",
        0,
        "a block of code between ``` lines is not shown: write it as a paragraph (for a few words of code, write `code`)",
    ),
    "relative link": (
        "Voir [la page](../autre/)",
        0,
        "a link must lead to a full address starting with https:// (got '../autre/'): write the whole address, "
        "such as [words](https://example.org/page)",
    ),
    "fragment link": (
        "Un.\nVoir [plus bas](#details)",
        1,
        "a link must lead to a full address starting with https:// (got '#details'): write the whole address, "
        "such as [words](https://example.org/page)",
    ),
    "address without scheme": (
        "[site](www.example.org)",
        0,
        "a link must lead to a full address starting with https:// (got 'www.example.org'): write the whole address, "
        "such as [words](https://example.org/page)",
    ),
    "javascript link": (
        "[clic](javascript:alert(1))",
        0,
        "a link to a javascript: address is not shown (got 'javascript:alert(1)'): links lead to https://, http:// "
        "or mailto: addresses only",
    ),
    "encoded javascript link": (
        "[clic](&#106;avascript:alert(1))",
        0,
        "a link to a javascript: address is not shown (got 'javascript:alert(1)'): links lead to https://, http:// "
        "or mailto: addresses only",
    ),
    "reference to a data link": (
        "[clic][d]\n\n[d]: data:text/html,x",
        0,
        "a link to a data: address is not shown (got 'data:text/html,x'): links lead to https://, http:// "
        "or mailto: addresses only",
    ),
    "tel link": (
        "[appeler](tel:+15555550100)",
        0,
        "a link to a tel: address is not shown (got 'tel:+15555550100'): links lead to https://, http:// "
        "or mailto: addresses only",
    ),
    "nested too deep": (
        "- un\n  - deux\n    - trois\n      - quatre\n        - cinq",
        4,
        "lists and quotes are nested more than 4 levels deep: keep at most 4 levels",
    ),
    "bidi override by reference": (
        "Prix &#x202E;001$",
        0,
        "the character reference &#x202E; writes U+202E, a bidirectional control character: delete it",
    ),
    "noncharacter by reference": (
        "Texte &#xFFFE;",
        0,
        "the character reference &#xFFFE; writes U+FFFE, a control character or a code that is not a character: "
        "delete it",
    ),
    "NUL by reference": (
        "Texte &#0; fin",
        0,
        "the character reference &#0; writes U+0000, a control character or a code that is not a character: delete it",
    ),
    "only invisible references": (
        "&#x200B;&#x200B;",
        0,
        "contains only invisible characters once its character references (&#…;) are read: write the text",
    ),
    "control character on the third line": (
        "Un.\nDeux.\nTrois\x7f.",
        2,
        "must not contain a control character (got U+007F (delete) at line 15, column 10): delete it",
    ),
}


@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_what_the_site_would_not_show_is_refused_on_its_line(tmp_path, case):
    french, line, message = case
    assert problems(tmp_path, french) == [f"{FILE}:{FIRST + line}: description.fr: {message}"]


def test_each_refusal_is_said_in_french_too(tmp_path):
    said = problems(tmp_path, "## Titre\n\n![x](https://example.org/x.png)", lang="fr")
    assert said == [
        f"{FILE}:{FIRST}: description.fr: un titre (# …) ne s'affiche pas comme titre\u00a0: écrivez-le comme un "
        "paragraphe, en **gras** s'il doit ressortir",
        f"{FILE}:{FIRST + 2}: description.fr: une image (![…](…)) ne s'affiche pas\u00a0: le site ne charge rien "
        "depuis d'autres sites\u202f; écrivez plutôt un lien, par exemple [l'affiche](https://example.org/affiche.pdf)",
    ]


def test_a_description_on_one_line_is_pointed_at_its_line(tmp_path):
    english = "See [this](/relative)"
    lines = problems(tmp_path, "Texte.", english=english)
    assert lines == [
        f"{FILE}:11: description.en: a link must lead to a full address starting with https:// (got '/relative'): "
        "write the whole address, such as [words](https://example.org/page)"
    ]


@pytest.mark.parametrize(
    "french",
    [
        "Un **gras**, un *italique*, du `code`.\n\n- un\n- deux\n\n3. trois\n\n> une citation",
        "[Le site](https://example.org/?a=1&b=2) ou [écrire](mailto:info@example.org) ou [HTTP](HTTP://EXAMPLE.ORG)",
        "Des références : &amp; &eacute; &#233; &#x2014; &nbsp;; « guillemets »",
        "- un\n  - deux\n    - trois\n      - quatre",
        "Ligne un  \nligne deux (saut de ligne forcé)",
    ],
    ids=["emphasis, code, lists, quote", "web and mail links", "harmless references", "four levels", "hard break"],
)
def test_what_the_site_shows_is_accepted(tmp_path, french):
    accepted(tmp_path, french)


def test_an_accepted_description_renders_what_was_checked():
    """The page and the check read with one parser: an accepted text renders no dropped tag."""
    html = str(_markdown("Un [lien](https://example.org) et `code`.\n\n1. un\n2. deux"))
    assert '<a href="https://example.org" rel="external noopener">lien</a>' in html
    assert "<ol>" in html and "<code>code</code>" in html


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_every_pathological_shape_is_checked_and_rendered_within_the_bound(shape):
    assert len(shape) <= LIMIT
    start = time.process_time()
    markdown_text.refusals(shape)
    _markdown(shape)
    assert time.process_time() - start < CPU_BOUND
