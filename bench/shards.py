"""The search index's shards for a project's data, as the build writes them (no MkDocs): the
shards of one first letter, raw and gzipped (level 6, as web servers send), with the index split
as today and with no two-letter split, for comparison.

    python3 -m bench.shards PROJECT_DIR [--letter s] [--lang fr]

Run from the project's folder, as a module. Loading 10,000 records takes a few minutes.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "hooks"))

from microcredential_catalogue.building.catalogue_build import CatalogueBuild  # noqa: E402
from microcredential_catalogue.pages.render import Renderer  # noqa: E402
from microcredential_catalogue.search.index import DATA_FOLDER, build_search_assets  # noqa: E402


def letter_shards(assets, lang: str, letter: str) -> dict[str, tuple[int, int]]:
    """Shard file name -> (raw bytes, gzipped bytes), for the shards of `letter`."""
    sizes = {}
    for path, text in sorted(assets.files.items()):
        name = path.removeprefix(DATA_FOLDER + "/")
        if name.startswith(f"search-{lang}-{letter}"):
            raw = text.encode()
            sizes[name] = (len(raw), len(gzip.compress(raw, compresslevel=6)))
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description="Sizes of one letter's search shards.")
    parser.add_argument("project", type=Path)
    parser.add_argument("--letter", default="s")
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args()
    build = CatalogueBuild.load(args.project, args.project / "docs", PROJECT / "overrides" / "catalogue")
    renderer = Renderer(PROJECT / "overrides" / "catalogue", build.catalogue)
    for label, split_above in (("first letter only", 10**12), ("split by two letters", None)):
        options = {} if split_above is None else {"split_shard_above": split_above}
        assets = build_search_assets(build.catalogue, renderer.card_facts, build.synonyms, renderer.strings, **options)
        print(f"{label}:\n| shard | raw KB | gzipped KB |\n| --- | ---: | ---: |")
        for name, (raw, packed) in letter_shards(assets, args.lang, args.letter).items():
            print(f"| {name} | {raw / 1024:,.1f} | {packed / 1024:,.1f} |")
        print(flush=True)


if __name__ == "__main__":
    main()
