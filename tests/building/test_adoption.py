"""A network adopting the project edits data/site.yml, and only that file: the site's name and the
organisation that runs it change everywhere they appear (page titles, header, footer, home page,
feeds, link previews, structured data), and no old name is left in the built site."""

from __future__ import annotations

from pathlib import Path

import feedparser
import html5lib
import yaml
from support import copy_project, mkdocs_build

NEW_NAME = {"fr": "Répertoire Zéphyr des formations", "en": "Zephyr training directory"}
NEW_ORGANISATION = {"fr": "Réseau Zéphyr", "en": "Zephyr Network"}
TEXT_SUFFIXES = {".html", ".xml", ".json", ".js", ".ics", ".csv", ".txt", ".svg", ".webmanifest"}


def _adopt(project: Path) -> dict[str, str]:
    """Give the site a new name and organisation in data/site.yml; return the old names."""
    path = project / "data" / "site.yml"
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    old = {**{f"name {k}": v for k, v in settings["name"].items()}}
    old |= {f"organisation {k}": v for k, v in settings["organisation"]["name"].items()}
    settings["name"] = NEW_NAME
    settings["organisation"]["name"] = NEW_ORGANISATION
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return old


def test_changing_only_site_yml_renames_the_whole_site(tmp_path):
    project = copy_project(tmp_path / "project")
    old = _adopt(project)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]

    left = []
    for path in sorted(site.rglob("*")):
        if path.suffix in TEXT_SUFFIXES:
            text = path.read_text(encoding="utf-8", errors="replace")
            left.extend(f"{path.relative_to(site)}: {label}" for label, name in old.items() if name in text)
    assert not left, "\n".join(left[:30])

    for lang, root in (("fr", site), ("en", site / "en")):
        document = html5lib.parse((root / "index.html").read_text(encoding="utf-8"), namespaceHTMLElements=False)
        assert NEW_NAME[lang] in document.find("head").find("title").text
        metas = {m.get("property"): m.get("content") for m in document.iter("meta")}
        assert metas["og:site_name"] == NEW_NAME[lang]
        assert NEW_ORGANISATION[lang] in "".join(document.find("body").itertext())
        feed = feedparser.parse((root / "share" / "new.xml").read_bytes())
        assert feed.feed.author == NEW_NAME[lang]
