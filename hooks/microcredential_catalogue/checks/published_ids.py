"""Published addresses stay alive: an id the last published catalogue had must still lead somewhere.

A record's id is its address (/mc/<id>/), which other sites, QR codes and embeds point at. A pull
request that renames or deletes a file would turn them into 404s; this check compares the ids
with the last published ones (the previous build's catalogue.json, or the files on the base
branch) and refuses an id that no record keeps, as its own or in `aliases`.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from ..model.catalogue import Catalogue
from ..reading.problems import Problem, Said

GIT_PREFIX = "git:"


class PreviousIdsUnreadable(Exception):
    """The published ids could not be read: the check says so rather than pass silently."""


def previous_ids(source: str, root: Path) -> set[str]:
    """`git:<ref>`: the credential files on that branch; otherwise a previous build's catalogue.json."""
    if source.startswith(GIT_PREFIX):
        return _ids_on_branch(source.removeprefix(GIT_PREFIX), root)
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
        return {record["id"] for record in data["credentials"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise PreviousIdsUnreadable(f"{source}: not a catalogue.json a build wrote ({error})") from None


def _ids_on_branch(ref: str, root: Path) -> set[str]:
    command = ["git", "ls-tree", "--name-only", f"{ref}:data/credentials"]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise PreviousIdsUnreadable(f"git: cannot list data/credentials on {ref}: {result.stderr.strip()}")
    return {name.removesuffix(".yml") for name in result.stdout.splitlines() if name.endswith(".yml")}


def vanished_ids(catalogue: Catalogue, published: set[str]) -> list[Problem]:
    """A problem for each published id that no record keeps, on the file the id used to be."""
    kept = {c.id for c in catalogue.credentials} | {alias for c in catalogue.credentials for alias in c.aliases}
    return [_vanished(old_id) for old_id in sorted(published - kept)]


def _vanished(old_id: str) -> Problem:
    return Problem(
        f"data/credentials/{old_id}.yml",
        1,
        "",
        Said(
            en=f"the published record {old_id!r} is gone, and links, QR codes and embeds to /mc/{old_id}/ would "
            f"break: if you renamed it, add {old_id} to the aliases of the new file (catalogue rename {old_id} NEW "
            "does both); if the credential ended, put the file back with status: discontinued",
            fr=f"la fiche publiée {old_id!r} a disparu, et les liens, codes QR et intégrations vers /mc/{old_id}/ "
            f"seraient rompus : si vous l'avez renommée, ajoutez {old_id} aux aliases du nouveau fichier (catalogue "
            f"rename {old_id} NOUVEAU fait les deux) ; si la microcertification a pris fin, remettez le fichier avec "
            "status: discontinued",
        ),
    )
