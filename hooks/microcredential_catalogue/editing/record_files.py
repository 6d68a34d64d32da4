"""The editors' commands that change data files: rename a record keeping its old address alive,
and start a provider. Each writes plain text an editor can read in the pull request."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..model.ids import KEY_PATTERN, id_problem
from ..reading.data_folder import DataFolder
from ..reading.problems import Said
from ..reading.yaml_file import UnreadableFile, read_text, read_yaml

PROVIDER_TEMPLATE = Path(__file__).with_name("provider_template.yml")


class EditRefused(Exception):
    """Nothing was written; the message (a Said) says why and what to do instead."""

    def __init__(self, message: Said):
        super().__init__(message.en)
        self.message = message


def rename(folder: DataFolder, old_id: str, new_id: str, taken) -> Path:
    """Move data/credentials/OLD.yml to NEW.yml and list OLD in its aliases; `taken(id)` refuses an id."""
    old_file = folder.credentials / f"{old_id}.yml"
    if not old_file.is_file():
        raise EditRefused(
            Said(
                en=f"{folder.relative(old_file)} does not exist: give the id of an existing record",
                fr=f"{folder.relative(old_file)} n'existe pas : donnez l'identifiant d'une fiche existante",
            )
        )
    refusal = id_problem(new_id) or taken(new_id)
    if refusal:
        raise EditRefused(refusal)
    text = with_alias(read_text(old_file), old_id)
    new_file = folder.credentials / f"{new_id}.yml"
    with new_file.open("x", encoding="utf-8") as file:  # "x": never overwrite what appeared meanwhile
        file.write(text)
    old_file.unlink()
    return new_file


def with_alias(text: str, alias: str) -> str:
    """The record's text with `alias` added to `aliases`, every other line as the editor wrote it."""
    doc = read_yaml(text)
    aliases = doc.data.get("aliases") if isinstance(doc.data, dict) else None
    lines = text.splitlines(keepends=True)
    if not aliases:
        empty_line = doc.line_of(("aliases",)) if aliases == [] else 0  # `aliases: []` gives way to the new line
        kept = [line for number, line in enumerate(lines, 1) if number != empty_line]
        ending = "" if not kept or kept[-1].endswith("\n") else "\n"
        return "".join(kept) + ending + f"aliases: [{alias}]\n"
    if alias in aliases:
        return text
    first, last = doc.line_of(("aliases", 0)), doc.line_of(("aliases", len(aliases) - 1))
    own_line = doc.line_of(("aliases",))
    if first == own_line:  # written [a, b] on the key's line
        lines[own_line - 1] = f"aliases: [{', '.join([*aliases, alias])}]\n"
    else:  # a block list: one more "- item" under the last, indented alike
        indent = lines[last - 1][: len(lines[last - 1]) - len(lines[last - 1].lstrip())]
        lines.insert(last, f"{indent}- {alias}\n")
    return "".join(lines)


def new_provider(folder: DataFolder, provider_id: str) -> None:
    """Append an empty provider to data/providers.yml; `check` then names each value to fill in."""
    if not KEY_PATTERN.fullmatch(provider_id):
        raise EditRefused(
            Said(
                en=f"{provider_id!r} is not a valid provider id: use lowercase letters, digits and single hyphens, "
                "such as sudbury-training-centre",
                fr=f"{provider_id!r} n'est pas un identifiant d'établissement valide : employez des lettres "
                "minuscules, des chiffres et des traits d'union simples, par exemple centre-formation-sudbury",
            )
        )
    providers = folder.data / "providers.yml"
    try:
        existing = read_yaml(read_text(providers)).data
    except UnreadableFile:
        existing = None
    if isinstance(existing, dict) and provider_id in existing:
        raise EditRefused(
            Said(
                en=f"{provider_id!r} is already in data/providers.yml: use it as it is",
                fr=f"{provider_id!r} est déjà dans data/providers.yml : employez-le tel quel",
            )
        )
    text = providers.read_text(encoding="utf-8") if providers.is_file() else ""
    separator = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    providers.write_text(text + separator + provider_text(provider_id), encoding="utf-8")


def provider_text(provider_id: str) -> str:
    environment = Environment(
        loader=FileSystemLoader(PROVIDER_TEMPLATE.parent), undefined=StrictUndefined, keep_trailing_newline=True
    )
    return environment.get_template(PROVIDER_TEMPLATE.name).render(id=provider_id)
