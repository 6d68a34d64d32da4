"""The worst time one description costs, checked and rendered (not a test; figures in RESULTS.md).

A description is the only Markdown an editor writes, at most 5,000 characters per language. Each
shape below repeats one of Markdown's constructs (brackets, emphasis, backticks, quotes, lists,
entities, links, tables…) to 5,000 characters, the shapes that make a parser backtrack; then
random texts from Markdown's punctuation. For each: the CPU time of `catalogue check`'s reading
(the text policy and reading/markdown_text.refusals) and of the page's rendering (pages/render.py:
parse, render, sanitise), and, for comparison, of Python-Markdown, the parser used before.

    python3 -m bench.descriptions [--random 500] [--no-before]
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import markdown
from microcredential_catalogue.pages.render import _markdown
from microcredential_catalogue.reading import markdown_text
from microcredential_catalogue.reading.text_policy import text_problem

LIMIT = 5000  # characters: the schema's longest description
ALPHABET = "[]()!*_`>#-+=|:&;\\<\"' \n\t1.ax"

# Units repeated (or nested) up to LIMIT characters: each names a way a parser could go wrong.
UNITS = {
    "open brackets": "[",
    "close brackets": "]",
    "image openers": "![",
    "link openers": "[a](",
    "open parentheses in a link": "(",
    "stars": "*a ",
    "underscores": "_a ",
    "star runs": "**",
    "star and underscore": "*_",
    "backticks": "`",
    "code spans": "a`",
    "quote markers": ">",
    "quote lines": "> a\n",
    "list markers on one line": "- ",
    "ordered markers on one line": "1. ",
    "escapes": "\\",
    "entity openers": "&#",
    "named entities": "&amp;",
    "less-than": "<",
    "autolink openers": "<http://a",
    "reference definitions": "[a]: ",
    "links": "[a](https://example.org) ",
    "hashes": "#",
    "table pipes": "|",
    "table rows": "| a | b |\n|---|---|\n",
    "setext lines": "a\n-\n",
    "blank lines": "\n",
    "emphasis in links": "[*a*](b) ",
}


def nested(opening: str, middle: str, closing: str) -> str:
    count = (LIMIT - len(middle)) // (len(opening) + len(closing))
    return opening * count + middle + closing * count


SHAPES = {
    **{name: (unit * (LIMIT // len(unit) + 1))[:LIMIT] for name, unit in UNITS.items()},
    "x then open brackets (issue 18)": ("x " + "[" * LIMIT)[:LIMIT],
    "nested brackets": nested("[", "a", "]"),
    "nested links": nested("[", "a", "](b)"),
    "nested emphasis": nested("*", "a", "*"),
    "nested strong and emphasis": nested("***", "a", "***"),
    "indented lists": "".join("  " * depth + "- a\n" for depth in range(60))[:LIMIT],
    "nested quotes then lists": nested("> - ", "a", ""),
}


def measure(text: str) -> tuple[float, float]:
    """CPU seconds to check (text policy and Markdown refusals) and to render one description."""
    start = time.process_time()
    text_problem(text, "description")
    markdown_text.refusals(text)
    checked = time.process_time()
    _markdown(text)
    return checked - start, time.process_time() - checked


def before(text: str) -> str:
    """Python-Markdown, the parser used before, on the same text: seconds, or how it failed."""
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    start = time.process_time()
    try:
        converter.convert(text)
    except RecursionError:
        return "RecursionError"
    return f"{time.process_time() - start:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, default=500, help="random texts from Markdown's punctuation")
    parser.add_argument("--no-before", action="store_true", help="leave out Python-Markdown")
    args = parser.parse_args()
    sys.setrecursionlimit(1000)
    print("| shape (5,000 characters) | check s | render s | Python-Markdown s |")
    print("| --- | ---: | ---: | ---: |")
    worst = (0.0, "")
    for name, text in SHAPES.items():
        check, render = measure(text)
        worst = max(worst, (check + render, name))
        was = "—" if args.no_before else before(text)
        print(f"| {name} | {check:.3f} | {render:.3f} | {was} |", flush=True)
    draw = random.Random(18)
    for number in range(args.random):
        text = "".join(draw.choice(ALPHABET) for _ in range(LIMIT))
        check, render = measure(text)
        worst = max(worst, (check + render, f"random text {number}"))
    print(f"\nWorst of {len(SHAPES)} shapes and {args.random} random texts: {worst[0]:.3f} s CPU ({worst[1]})")


if __name__ == "__main__":
    main()
