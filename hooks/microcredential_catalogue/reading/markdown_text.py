"""An editor's description in Markdown: the one parser that reads it, and what the site refuses.

CommonMark, read by markdown-it-py: its time grows with the length of the text, not with its
shape (Python-Markdown took 6 s on "x [[[[…" of 5,000 characters and overflowed the stack on
"- - - - …"), so a description of at most 5,000 characters is read in milliseconds (bench/
RESULTS.md, "Bounded work per description"). The same parser checks a record (here) and renders
its page (pages/render.py): what `catalogue check` accepts is exactly what the page shows.

The site shows paragraphs, emphasis, code, lists, quotes and links to http, https and mailto
addresses. Anything else an editor may write (a heading, an image, a table, a block of code, a
rule, a relative link) would be dropped or shown as typed: it is refused here with its line
and what to write instead, so nothing is lost without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .problems import Said, shown

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
MAX_DEPTH = 4  # lists and quotes inside one another; the parser stops reading at 20
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTAINERS = frozenset({"bullet_list_open", "ordered_list_open", "blockquote_open"})


def description_parser() -> MarkdownIt:
    """CommonMark without raw HTML; tables recognised and every link read as a link, so that
    both can be refused with their line rather than shown as typed."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.validateLink = lambda url: True  # judged here and by the sanitiser, never dropped unseen
    parser.add_render_rule("text", _text)
    parser.add_render_rule("code_inline", _code_inline)
    return parser


# Between tags, HTML escapes only &, < and >: a quotation mark there is written as typed, as the
# sanitiser (pages/render.py) writes it, so a shipped text comes out of it byte for byte.
# Attributes (a link's address and title) keep markdown-it's escaping of quotation marks.
def _text(renderer, tokens: list[Token], idx: int, options, env) -> str:
    return _escaped(tokens[idx].content)


def _code_inline(renderer, tokens: list[Token], idx: int, options, env) -> str:
    token = tokens[idx]
    return f"<code{renderer.renderAttrs(token)}>{_escaped(token.content)}</code>"


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_PARSER = description_parser()


@dataclass(frozen=True)
class Refusal:
    line: int  # 0-based line of the text
    message: Said


def html(text: str) -> str:
    """The description as HTML, before the sanitiser (pages/render.py) keeps only what is allowed."""
    rendered = _RENDERED.get(text)
    return _PARSER.render(text) if rendered is None else rendered


# Each description is checked (refusals) and then shown (html): its check keeps the HTML of the
# tokens it read, so the page takes it instead of reading the text a second time (a third of a
# credential page's rendering). The HTML depends on the text alone; at most _RENDERED_KEPT are kept.
_RENDERED: dict[str, str] = {}
_RENDERED_KEPT = 50_000


def refusals(text: str) -> list[Refusal]:
    """What in `text` the site would not show, each with its line, in the order written."""
    found: list[Refusal] = []
    depth = 0
    env: dict = {}
    tokens = _PARSER.parse(text, env)
    if len(_RENDERED) < _RENDERED_KEPT:
        _RENDERED[text] = _PARSER.renderer.render(tokens, _PARSER.options, env)
    for token in tokens:
        line = token.map[0] if token.map else 0
        if token.type in _CONTAINERS:
            depth += 1
            if depth == MAX_DEPTH + 1:
                found.append(Refusal(line, _TOO_DEEP))
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            depth -= 1
        elif token.type == "inline":
            found.extend(_inline_refusals(token, line))
        elif token.type in _BLOCKS:
            underlined = token.type == "heading_open" and token.markup in ("=", "-")
            found.append(Refusal(token.map[1] - 1 if underlined else line, _block_message(token)))
    return found


def _inline_refusals(inline: Token, line: int) -> Iterator[Refusal]:
    for child in inline.children or ():
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "image":
            yield Refusal(line, _IMAGE)
        elif child.type == "link_open":
            message = link_message(str(child.attrs.get("href", "")))
            if message:
                yield Refusal(line, message)


def link_message(href: str) -> Said | None:
    """Why a link's address cannot be kept, or None for an http, https or mailto address."""
    scheme = _SCHEME.match(href)
    if scheme and scheme.group(1).lower() in LINK_SCHEMES:
        return None
    got = shown(href)
    if scheme:
        return Said(
            en=f"a link to a {scheme.group(1)}: address is not shown (got {got}): "
            "links lead to https://, http:// or mailto: addresses only",
            fr=f"un lien vers une adresse {scheme.group(1)}: ne s'affiche pas (reçu {got}) : "
            "les liens mènent à des adresses https://, http:// ou mailto: seulement",
        )
    return Said(
        en=f"a link must lead to a full address starting with https:// (got {got}): "
        "write the whole address, such as [words](https://example.org/page)",
        fr=f"un lien doit mener à une adresse complète commençant par https:// (reçu {got}) : "
        "écrivez l'adresse entière, par exemple [mots](https://example.org/page)",
    )


def _block_message(token: Token) -> Said:
    if token.type == "heading_open" and token.markup in ("=", "-"):
        return _UNDERLINED_HEADING
    return _BLOCKS[token.type]


_TOO_DEEP = Said(
    en=f"lists and quotes are nested more than {MAX_DEPTH} levels deep: keep at most {MAX_DEPTH} levels",
    fr=f"les listes et citations sont imbriquées sur plus de {MAX_DEPTH} niveaux : gardez-en {MAX_DEPTH} au plus",
)
_IMAGE = Said(
    en="an image (![…](…)) is not shown: the site loads nothing from other sites; "
    "write a link to it instead, such as [the poster](https://example.org/poster.pdf)",
    fr="une image (![…](…)) ne s'affiche pas : le site ne charge rien depuis d'autres sites ; "
    "écrivez plutôt un lien, par exemple [l'affiche](https://example.org/affiche.pdf)",
)
_UNDERLINED_HEADING = Said(
    en="a line of === or --- right under a text makes it a heading, which is not shown: "
    "remove that line, or leave a blank line before it",
    fr="une ligne de === ou de --- juste sous un texte en fait un titre, qui ne s'affiche pas : "
    "supprimez cette ligne, ou laissez une ligne vide avant",
)
_BLOCKS = {
    "heading_open": Said(
        en="a heading (# …) is not shown as a heading: write it as a paragraph, with **bold** words "
        "if it must stand out",
        fr="un titre (# …) ne s'affiche pas comme titre : écrivez-le comme un paragraphe, en **gras** "
        "s'il doit ressortir",
    ),
    "hr": Said(
        en="a line of ---, *** or ___ (a horizontal rule) is not shown: remove it; a blank line "
        "already separates paragraphs",
        fr="une ligne de ---, *** ou ___ (un trait horizontal) ne s'affiche pas : supprimez-la ; une "
        "ligne vide sépare déjà les paragraphes",
    ),
    "table_open": Said(
        en="a table (| … | … |) is not shown: write its rows as a list, one item per line starting with a hyphen (-)",
        fr="un tableau (| … | … |) ne s'affiche pas : écrivez ses lignes en liste, un élément par ligne "
        "commençant par un tiret (-)",
    ),
    "code_block": Said(
        en="lines indented by four spaces or more are a block of code, which is not shown: remove the "
        "indentation (for a few words of code, write `code`)",
        fr="des lignes en retrait de quatre espaces ou plus forment un bloc de code, qui ne s'affiche "
        "pas : supprimez le retrait (pour quelques mots de code, écrivez `code`)",
    ),
    "fence": Said(
        en="a block of code between ``` lines is not shown: write it as a paragraph (for a few words "
        "of code, write `code`)",
        fr="un bloc de code entre des lignes ``` ne s'affiche pas : écrivez-le comme un paragraphe "
        "(pour quelques mots de code, écrivez `code`)",
    ),
}
