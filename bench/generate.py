"""Write N synthetic, valid credential records (and their providers) into a data/ folder.

Deterministic: the same N and seed give the same files, so two benchmark runs compare like with like.
Titles and summaries mix accented French words, as real records do.

    python3 bench/generate.py 1000 /tmp/bench-data
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent

SUBJECTS = [
    ("Sécurité", "Safety"),
    ("Soins infirmiers", "Nursing care"),
    ("Électricité", "Electricity"),
    ("Gestion de projet", "Project management"),
    ("Comptabilité", "Accounting"),
    ("Soudage", "Welding"),
    ("Hôpital et santé", "Hospital and health"),
    ("Cybersécurité", "Cybersecurity"),
    ("Cuisine", "Cooking"),
    ("Service à la clientèle", "Customer service"),
    ("Entretien ménager", "Housekeeping"),
    ("Logistique", "Logistics"),
    ("Bureautique", "Office software"),
    ("Petite enfance", "Early childhood"),
    ("Mécanique automobile", "Automotive mechanics"),
    ("Agriculture durable", "Sustainable farming"),
    ("Fabrication additive", "Additive manufacturing"),
    ("Données et analyse", "Data and analytics"),
    ("Premiers soins", "First aid"),
    ("Menuiserie", "Carpentry"),
    ("Plomberie", "Plumbing"),
    ("Réseaux informatiques", "Computer networks"),
    ("Vente au détail", "Retail sales"),
    ("Santé mentale", "Mental health"),
    ("Télécommunications", "Telecommunications"),
]
LEVELS = [
    ("Introduction à la", "Introduction to"),
    ("Fondements de la", "Foundations of"),
    ("Perfectionnement en", "Advanced"),
    ("Pratique de la", "Practice of"),
    ("Certificat en", "Certificate in"),
]
VERBS = [
    ("Apprendre les bases de", "Learn the basics of"),
    ("Maîtriser les outils de", "Master the tools of"),
    ("Se préparer à un emploi en", "Prepare for a job in"),
    ("Approfondir ses compétences en", "Deepen skills in"),
]
PLACES = ["Thunder Bay", "Sudbury", "Ottawa", "Toronto", "Windsor", "Kingston", "Hamilton", "Timmins", "Hearst"]


def taxonomy_keys(data: dict, name: str) -> list[str]:
    return list(data[name])


def providers(rng: random.Random, count: int, regions: list[str]) -> dict:
    result = {}
    for number in range(count):
        place = PLACES[number % len(PLACES)]
        result[f"provider-{number:03d}"] = {
            "name": {"fr": f"Collège de {place} nº {number}", "en": f"{place} College No. {number}"},
            "type": "college",
            "url": f"https://provider-{number}.example.org",
            "region": rng.choice(regions),
        }
    return result


def credential(rng: random.Random, number: int, provider_ids: list[str], taxonomies: dict) -> dict:
    subject = rng.choice(SUBJECTS)
    level = rng.choice(LEVELS)
    verb = rng.choice(VERBS)
    place = rng.choice(PLACES)
    record = {
        "title": {"fr": f"{level[0]} {subject[0].lower()} {number}", "en": f"{level[1]} {subject[1].lower()} {number}"},
        "provider": rng.choice(provider_ids),
        "summary": {
            "fr": f"{verb[0]} {subject[0].lower()}, à {place} ou à distance, pour l'emploi d'aujourd'hui.",
            "en": f"{verb[1]} {subject[1].lower()}, in {place} or remotely, for today's jobs.",
        },
        "sectors": rng.sample(taxonomy_keys(taxonomies, "sectors"), rng.randint(1, 2)),
        "pathways": rng.sample(taxonomy_keys(taxonomies, "pathways"), rng.randint(1, 3)),
        "source": f"https://source.example.org/{number}",
        "verified": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "keywords": [{"fr": s[0].lower(), "en": s[1].lower()} for s in rng.sample(SUBJECTS, 2)],
        "description": {
            "fr": f"Une formation **pratique** en {subject[0].lower()}.\n\n- des exercices\n- un projet final",
            "en": f"A **hands-on** course in {subject[1].lower()}.\n\n- exercises\n- a final project",
        },
    }
    if rng.random() < 0.85:
        record["delivery"] = rng.choice(taxonomy_keys(taxonomies, "delivery"))
    if rng.random() < 0.8:
        record["languages"] = rng.sample(["fr", "en"], rng.randint(1, 2))
    if rng.random() < 0.8:
        record["cost"] = {"amount": rng.choice([0, 0, 49, 150, 392, 750, 1200, 2500])}
    if rng.random() < 0.7:
        record["hours"] = rng.randint(5, 300)
    if rng.random() < 0.5:
        record["regions"] = rng.sample(taxonomy_keys(taxonomies, "regions"), 1)
    if rng.random() < 0.3:
        record["funding"] = ["osap"]
    if rng.random() < 0.5:
        record["intake"] = "continuous" if rng.random() < 0.5 else [f"2027-0{rng.randint(1, 9)}-15"]
    if rng.random() < 0.05:
        record["status"] = rng.choice(["paused", "discontinued"])
    return record


def generate(count: int, target: Path, seed: int = 2026) -> Path:
    """A data/ folder with `count` credentials; returns it."""
    rng = random.Random(seed)
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    (target / "credentials").mkdir(parents=True)
    shutil.copy2(PROJECT / "data" / "taxonomies.yml", target / "taxonomies.yml")
    shutil.copytree(PROJECT / "data" / "schema", target / "schema")
    taxonomies = yaml.safe_load((target / "taxonomies.yml").read_text(encoding="utf-8"))
    provider_map = providers(rng, max(5, count // 100), taxonomy_keys(taxonomies, "regions"))
    dump = {"allow_unicode": True, "sort_keys": False}
    (target / "providers.yml").write_text(yaml.safe_dump(provider_map, **dump), encoding="utf-8")
    for number in range(count):
        record = credential(rng, number, list(provider_map), taxonomies)
        path = target / "credentials" / f"synthetic-{number:05d}.yml"
        path.write_text(yaml.safe_dump(record, **dump), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    print(generate(arguments.count, arguments.target, arguments.seed))


if __name__ == "__main__":
    main()
