"""Check a YAML document against a shipped JSON Schema and word each failure for an editor.

The schemas in data/schema/ are the contract editors' tools read too. Each field carries an
`x-rule` annotation: the sentence an editor reads when the value breaks it.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache, lru_cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from .problems import Problem, Said, field_path, shown
from .yaml_file import UnreadableFile, YamlDocument, read_text


def _read_schema(path: Path) -> tuple[str, dict]:
    """A shipped JSON Schema's text and content, or UnreadableFile saying how to get a good one back."""
    text = read_text(path)
    problem = _schema_problem(text)
    if problem:
        raise UnreadableFile(problem)
    return text, json.loads(text)


# Checking a schema against JSON Schema's own took a fifth of the test suite's Python time: each
# text is checked once per process (a check, or a build, reads each schema once; tests read them
# thousands of times). A changed text is a new key, so it is checked again.
@lru_cache(maxsize=32)
def _schema_problem(text: str) -> Said | None:
    """What makes `text` no valid JSON Schema, worded for an editor; None if it is one."""
    try:
        root = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        return Said(
            en=f"is not valid JSON ({where}: {error.msg}): restore it from the project's repository",
            fr=f"n'est pas du JSON valide (ligne {error.lineno}, colonne {error.colno} : {error.msg}) : "
            "reprenez-le du dépôt du projet",
        )
    try:
        Draft202012Validator.check_schema(root)
    except SchemaError as error:
        said = shown(error.message, 100)
        return Said(
            en=f"is not a valid JSON Schema ({said}): restore it from the project's repository",
            fr=f"n'est pas un schéma JSON valide ({said}) : reprenez-le du dépôt du projet",
        )
    return None


class Schema:
    def __init__(self, path: Path):
        """Read through the data files' guards (reading/yaml_file.py); UnreadableFile says why not."""
        self.text, self.root = _read_schema(path)  # the text: what a file was checked against
        # Validate against a copy with every local $ref written out in place: looking references
        # up took most of the validation time. Rules and messages still come from self.root.
        self.validator = Draft202012Validator(self._inlined(self.root))

    def problems(self, doc: YamlDocument, file: str) -> list[Problem]:
        """Schema failures, leaving out values the YAML reader already refused."""
        refused = doc.refused + [path for _, path, _ in doc.errors]
        found = []
        for error in self.validator.iter_errors(doc.data):
            path = tuple(error.absolute_path)
            if any(path[: len(bad)] == bad for bad in refused):
                continue
            found.extend(self._explain(error, path, doc, file))
        return found

    def _explain(self, error, path: tuple, doc: YamlDocument, file: str) -> list[Problem]:
        if "propertyNames" in error.schema_path and isinstance(error.instance, str):
            key_path = path + (error.instance,)
            return [Problem(file, doc.line_of(key_path), field_path(key_path), _bad_key(error.instance))]
        if not path and error.validator == "type":
            return [Problem(file, doc.line_of(path), "", self._not_fields(error.instance))]
        if isinstance(error.instance, list) and (error.validator == "uniqueItems" or _only_repeats(error)):
            return _repeated_items(error.instance, path, doc, file)
        if error.validator == "required":
            missing = [key for key in error.validator_value if key not in error.instance]
            return [
                Problem(file, doc.line_of(path), field_path(path + (key,)), self._missing(path + (key,)))
                for key in missing
            ]
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            return [
                Problem(file, doc.line_of(path + (key,)), field_path(path + (key,)), self._unknown(path, key))
                for key in self._extra_keys(path, error.instance)
            ]
        rule = self.rule_for(path) or error.message
        got = shown(error.instance)
        message = Said(en=f"{rule} (got {got})", fr=f"{french_rule(rule)} (trouvé {got})")
        if error.validator == "type" and _wants_number(error.validator_value) and isinstance(error.instance, str):
            message = _number_hint(message, error.instance)
        return [Problem(file, doc.line_of(path), field_path(path), message)]

    def _not_fields(self, found) -> Said:
        first = next(iter(self.root.get("properties", {})), "name")
        kind = "a list" if isinstance(found, list) else "a single value"
        genre = "une liste" if isinstance(found, list) else "une valeur seule"
        return Said(
            en=f"must hold named fields, one per line, such as {first}: …, not {kind} (got {shown(found)})",
            fr=f"doit contenir des champs nommés, un par ligne, comme {first}: …, et non {genre} "
            f"(trouvé {shown(found)})",
        )

    def _missing(self, path: tuple) -> Said:
        rule = self.rule_for(path)
        if not rule:
            return Said(en="is missing", fr="manque")
        return Said(en=f"is missing; it {rule}", fr=f"manque ; ce champ {french_rule(rule)}")

    def _unknown(self, parent: tuple, key: str) -> Said:
        known = sorted(self._properties_at(parent))
        close = difflib.get_close_matches(key, known, n=1)
        if close:
            return Said(
                en=f"unknown field (did you mean '{close[0]}'?)", fr=f"champ inconnu (vouliez-vous dire '{close[0]}' ?)"
            )
        listed = ", ".join(known)
        return Said(
            en=f"unknown field (the fields allowed here are: {listed})",
            fr=f"champ inconnu (les champs permis ici sont : {listed})",
        )

    def _extra_keys(self, parent: tuple, instance: dict) -> list[str]:
        known = self._properties_at(parent)
        return [key for key in instance if key not in known]

    def _properties_at(self, path: tuple) -> set[str]:
        names: set[str] = set()
        for schema in self._schemas_at(path):
            names.update(schema.get("properties", {}))
        return names

    def rule_for(self, path: tuple) -> str | None:
        """The deepest `x-rule` that applies to the value at `path`, or else its parent's."""
        rule = None
        for depth in range(len(path) + 1):
            for schema in self._schemas_at(path[:depth]):
                rule = schema.get("x-rule", rule)
        return rule

    def _schemas_at(self, path: tuple) -> list[dict]:
        """Every schema met on the way from the root to `path`, following $ref, items, oneOf."""
        met = self._expand(self.root)
        for part in path:
            step = []
            for schema in met:
                step.extend(self._children(schema, part))
            if not step:
                return met
            met = step
        return met

    def _children(self, schema: dict, part) -> list[dict]:
        children = []
        if isinstance(part, int):
            if "items" in schema:
                children.append(schema["items"])
        elif part in schema.get("properties", {}):
            children.append(schema["properties"][part])
        elif isinstance(schema.get("additionalProperties"), dict):
            children.append(schema["additionalProperties"])
        for option in schema.get("oneOf", []):
            children.extend(self._children(self._resolve(option), part))
        expanded = []
        for child in children:
            expanded.extend(self._expand(child))
        return expanded

    def _expand(self, schema: dict) -> list[dict]:
        """A schema and the schemas its $ref points to, outermost last so its x-rule wins."""
        chain = [schema]
        while "$ref" in chain[0]:
            chain.insert(0, self._resolve({"$ref": chain[0]["$ref"]}))
        return chain

    def _inlined(self, schema):
        """The schema with each {"$ref": "#/$defs/x", …} replaced by {"allOf": [x], …}."""
        if isinstance(schema, list):
            return [self._inlined(item) for item in schema]
        if not isinstance(schema, dict):
            return schema
        inlined = {key: self._inlined(value) for key, value in schema.items() if key not in ("$ref", "$defs")}
        if "$ref" in schema:
            inlined["allOf"] = [self._inlined(self._resolve(schema))]
        return inlined

    def _resolve(self, schema: dict) -> dict:
        ref = schema.get("$ref")
        if not ref:
            return schema
        node = self.root
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        return node  # a $ref inside `node` is followed by _expand, keeping each level's rules


def _bad_key(key: str) -> Said:
    return Said(
        en=f"is not a valid key (got {shown(key)}): use lowercase letters, digits and single hyphens, "
        "such as st-lawrence-college",
        fr=f"n'est pas une clé valide (reçu {shown(key)}) : utilisez des minuscules, des chiffres et des traits "
        "d'union simples, par exemple st-lawrence-college",
    )


def _only_repeats(error) -> bool:
    """A oneOf whose list branch fails only for a value written twice (intake: [dates])."""
    if error.validator != "oneOf":
        return False
    by_branch: dict = {}
    for inner in error.context or ():
        by_branch.setdefault(inner.relative_schema_path[0], []).append(inner.validator)
    return any(set(failed) == {"uniqueItems"} for failed in by_branch.values())


def _repeated_items(items: list, path: tuple, doc: YamlDocument, file: str) -> list[Problem]:
    """Each value a list holds twice, named on the line of its second writing."""
    problems, first_at = [], {}
    for position, item in enumerate(items):
        key = json.dumps(item, sort_keys=True, default=str)
        if key in first_at:
            where = path + (position,)
            message = Said(
                en=f"repeats {shown(item)}, already item {first_at[key] + 1} of the list: keep one",
                fr=f"répète {shown(item)}, déjà l'élément {first_at[key] + 1} de la liste : n'en gardez qu'un",
            )
            problems.append(Problem(file, doc.line_of(where), field_path(where), message))
        first_at.setdefault(key, position)
    return problems


def load_schema(path: Path) -> Schema:
    """Read afresh: a build keeps its own (validate.DataFolder), so `mkdocs serve` applies an edit."""
    return Schema(path)


FRENCH_RULES = Path(__file__).with_name("schema_rules.fr.yml")
_FREE = frozenset({"free", "gratuit", "gratuite", "sans frais", "no cost"})
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


@cache
def _french_rules() -> dict[str, str]:
    return yaml.safe_load(FRENCH_RULES.read_text(encoding="utf-8"))


def french_rule(rule: str) -> str:
    """The French of a schema's rule; the English if it has none yet (a test keeps them in step)."""
    return _french_rules().get(rule, rule)


def _wants_number(expected) -> bool:
    types = expected if isinstance(expected, list) else [expected]
    return "integer" in types or "number" in types


def _number_hint(message: Said, value: str) -> Said:
    """`hours: "40"` or `amount: $250` is text to YAML: say what to write, not only that it is not a number."""
    if _NUMBER.fullmatch(value.strip()):
        number = value.strip()
        return Said(
            en=f"{message.en}: the quotes make it text; write {number} without quotes",
            fr=f"{message.fr} : les guillemets en font un texte ; écrivez {number} sans guillemets",
        )
    if value.strip().lower() in _FREE:
        return Said(
            en=f"{message.en}: write 0, which means free", fr=f"{message.fr} : écrivez 0, qui veut dire gratuit"
        )
    digits = _NUMBER.search(value.replace(",", "").replace("\u00a0", "").replace(" ", ""))
    if digits:
        return Said(
            en=f"{message.en}: write the number alone, {digits.group()}, without quotes, units or $",
            fr=f"{message.fr} : écrivez le nombre seul, {digits.group()}, sans guillemets, unité ni $",
        )
    return Said(
        en=f"{message.en}: write it in digits, such as 40",
        fr=f"{message.fr} : écrivez-le en chiffres, par exemple 40",
    )
