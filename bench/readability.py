"""Readability of the words a learner reads first: vocabulary labels, field labels and summaries.

    python -m bench.readability [project folder]   (needs textstat; not a build dependency)

Each set is measured as one text, one label or summary per sentence, with textstat's formulas:
Flesch reading ease in both languages (textstat's French variant for French) and, in English,
the Flesch-Kincaid grade. Labels are too short to be measured one by one; a set shows how the
words a learner meets read together. The figures go into bench/RESULTS.md by hand.
"""

from __future__ import annotations

import statistics
import sys
from datetime import date
from pathlib import Path

import yaml
from microcredential_catalogue.checks.validate import load_catalogue

PROJECT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
# The site's words a learner meets as labels: fields, groups, unknown facts, cards.
LABEL_KEYS = (
    "cost",
    "free",
    "hours",
    "delivery",
    "delivery_not_specified",
    "languages",
    "languages_not_specified",
    "regions",
    "regions_not_specified",
    "campus_region",
    "intake",
    "intake_continuous",
    "pathways",
    "audiences",
    "award",
    "prerequisites",
    "assessment",
    "outcomes",
    "not_specified",
    "facet_pathways",
    "facet_delivery",
    "facet_campus",
    "facet_regions",
    "card_details_to_confirm",
)
VOCABULARIES = ("delivery", "pathways", "regions", "award_types", "audiences")


def label_texts(lang: str) -> list[str]:
    """Every short label: sectors' everyday names, vocabulary values, unknown wordings, field words."""
    taxonomies = yaml.safe_load((PROJECT / "data" / "taxonomies.yml").read_text(encoding="utf-8"))
    words = yaml.safe_load((PROJECT / "overrides" / "locales" / "catalogue.yml").read_text(encoding="utf-8"))
    texts = [term["short"][lang] for term in taxonomies["sectors"].values()]
    texts += [term["label"][lang] for name in VOCABULARIES for term in taxonomies[name].values()]
    texts += [taxonomies[name]["label"][lang] for name in ("cost_unknown", "hours_unknown")]
    return texts + [words[key][lang] for key in LABEL_KEYS if key in words]  # an older tree lacks new words


def summary_texts(lang: str) -> list[str]:
    catalogue = load_catalogue(PROJECT, date.today())
    return [c.summary[lang] for c in catalogue.credentials]


def as_one_text(texts: list[str]) -> str:
    """One sentence per label, so that a formula counts each label as a sentence."""
    return " ".join(text.rstrip(".") + "." for text in texts)


def measure(texts: list[str], lang: str) -> dict[str, float]:
    import textstat  # an optional tool: the build never needs it

    textstat.set_lang(lang)
    one = as_one_text(texts)
    figures = {"texts": len(texts), "reading_ease": textstat.flesch_reading_ease(one)}
    each = [textstat.flesch_reading_ease(text) for text in texts]
    figures["median_reading_ease"] = statistics.median(each)
    if lang == "en":
        figures["grade"] = textstat.flesch_kincaid_grade(one)
        figures["median_grade"] = statistics.median(textstat.flesch_kincaid_grade(text) for text in texts)
    return figures


def main() -> None:
    for name, texts_of in (("labels", label_texts), ("summaries", summary_texts)):
        for lang in ("fr", "en"):
            figures = measure(texts_of(lang), lang)
            print(name, lang, ", ".join(f"{key} {value:.1f}" for key, value in figures.items()))


if __name__ == "__main__":
    main()
