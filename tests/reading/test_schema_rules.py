"""Every rule a schema states reaches a French-speaking editor in French (reading/schema_rules.fr.yml)."""

from __future__ import annotations

import json

from microcredential_catalogue.reading.schema import french_rule
from support import PROJECT


def _rules(node) -> set[str]:
    if isinstance(node, dict):
        own = {node["x-rule"]} if isinstance(node.get("x-rule"), str) else set()
        return own.union(*(_rules(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_rules(value) for value in node))
    return set()


def test_every_rule_of_every_shipped_schema_has_its_french_wording():
    rules = set().union(
        *(_rules(json.loads(path.read_text(encoding="utf-8"))) for path in (PROJECT / "data" / "schema").glob("*.json"))
    )
    assert rules, "the schemas state their rules in x-rule"
    untranslated = sorted(rule for rule in rules if french_rule(rule) == rule)
    assert untranslated == [], "add these to hooks/microcredential_catalogue/reading/schema_rules.fr.yml"
