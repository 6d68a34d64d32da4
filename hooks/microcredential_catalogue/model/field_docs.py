"""The field documentation of a credential record, read from the shipped JSON Schema.

The schema is the contract (`x-rule` is the sentence the validator prints, `x-example` a good
value); a small YAML beside the site's words adds what each field means, in both languages, and
the French rule. A field added to the schema without its words stops the build here, so the
page can never silently miss a field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..reading.yaml_file import read_text, read_yaml
from .catalogue import Bilingual

SCHEMA = Path("data") / "schema" / "credential.schema.json"
WORDS = Path("overrides") / "locales" / "fields.yml"


@dataclass(frozen=True)
class FieldDoc:
    path: str  # "cost.amount"
    required: bool  # for a field inside a group: required when the group is given
    in_group: bool
    meaning: Bilingual
    rule: Bilingual
    example: str | None


class MissingFieldWords(Exception):
    pass


def field_docs(project_root: Path) -> list[FieldDoc]:
    """Every field of a credential, in schema order, each group followed by its own fields."""
    # Through the data files' guards (no link, pipe or huge file); both were checked by the build.
    schema = json.loads(read_text(Path(project_root) / SCHEMA))
    words = read_yaml(read_text(Path(project_root) / WORDS)).data
    docs = []
    for name, spec in schema["properties"].items():
        docs.append(_doc(name, spec, name in schema.get("required", []), False, words))
        for inner, inner_spec in spec.get("properties", {}).items():
            docs.append(_doc(f"{name}.{inner}", inner_spec, inner in spec.get("required", []), True, words))
    unknown = sorted(set(words) - {d.path for d in docs})
    if unknown:
        raise MissingFieldWords(
            f"{WORDS.as_posix()}: {', '.join(unknown)} is not a field of {SCHEMA.as_posix()}: remove it"
        )
    return docs


def _doc(path: str, spec: dict, required: bool, in_group: bool, words: dict) -> FieldDoc:
    entry = words.get(path)
    if not entry or "meaning" not in entry or "rule_fr" not in entry:
        raise MissingFieldWords(
            f"{WORDS.as_posix()}: the field {path!r} needs its meaning {{fr, en}} and rule_fr: add them"
        )
    return FieldDoc(
        path=path,
        required=required,
        in_group=in_group,
        meaning=Bilingual.of(entry["meaning"]),
        rule=Bilingual(fr=entry["rule_fr"], en=spec["x-rule"]),
        example=_example(path, spec.get("x-example")),
    )


def _example(path: str, example: str | None) -> str | None:
    """A field inside a group is shown under its group's name, as an editor writes it."""
    if example and example.startswith(" "):
        return f"{path.split('.')[0]}:\n{example.rstrip()}"
    return example.rstrip() if example else None
