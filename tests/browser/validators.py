"""Validators nobody here wrote, run on built pages: the Nu Html Checker (vnu-jar, Java) and
pa11y (HTML_CodeSniffer, WCAG2AA, in Debian's Chromium). Both come from npm (package.json)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from in_browser import CHROMIUM
from support import PROJECT

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y = Path(__file__).with_name("pa11y_pages.mjs")


def nu_errors_in(folders: list[Path]) -> dict[Path, list[str]]:
    """Every error the Nu Html Checker finds in the HTML files under each folder (warnings left
    out), from one run of it: its Java start takes seconds."""
    # A run of seconds gains nothing from Java's optimizing compiler or parallel collector: with the
    # quick compiler only (which needs a deeper stack for the schema) and the serial collector, it
    # takes half the CPU (15.8 s instead of 29.2 s on the shipped site).
    java = ["java", "-Xss16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    command = [*java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", *map(str, folders)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    found: dict[Path, list[str]] = {folder: [] for folder in folders}
    for m in json.loads(result.stderr)["messages"]:
        folder = next(f for f in folders if str(f) + "/" in m["url"])
        found[folder].append(f"{m['url'].rsplit(str(folder), 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}")
    return found


def pa11y_errors(urls: list[str]) -> list[str]:
    """Every pa11y error on each address, with page scripts on and off."""
    result = subprocess.run(
        ["node", str(PA11Y), CHROMIUM, *urls], capture_output=True, text=True, timeout=900, cwd=PROJECT
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return [
        f"{e['url']} (scripts {'on' if e['javascript'] else 'off'}) {e['selector']}: {e['code']} {e['message']}"
        for e in json.loads(result.stdout)
    ]
