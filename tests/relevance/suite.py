"""The relevance suite (queries.yml) run against built search assets, through the Python twin.

Used by tests/search/test_relevance.py, tests/browser/test_relevance_page.py (for the cases) and bench/run.py
(for recall at 10).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).parent
TOP = 10


@dataclass(frozen=True)
class Case:
    corpus: str
    lang: str
    q: str
    found: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    partial: bool = False
    offers: tuple[tuple[str, str], ...] = ()
    hint: bool = False

    @property
    def name(self) -> str:
        return f"{self.corpus}-{self.lang}-{self.q}"


@dataclass
class Answer:
    ids: list[str]  # every result, best first
    partial: bool
    offers: list[tuple[str, str]] = field(default_factory=list)


def cases() -> list[Case]:
    data = yaml.safe_load((HERE / "queries.yml").read_text(encoding="utf-8"))
    return [
        Case(
            **{
                **case,
                "found": tuple(case.get("found", ())),
                "absent": tuple(case.get("absent", ())),
                "offers": tuple(tuple(o) for o in case.get("offers", ())),
            }
        )
        for case in data["cases"]
    ]


def failures(case: Case, answer: Answer) -> list[str]:
    """What a learner would notice is wrong, or [] when the case passes."""
    problems = []
    top = answer.ids[:TOP]
    missing = [i for i in case.found if i not in top]
    if missing:
        problems.append(f"not in the first {TOP}: {missing} (got {top})")
    present = [i for i in case.absent if i in answer.ids]
    if present:
        problems.append(f"should not be found: {present}")
    if case.found and answer.partial != case.partial:
        problems.append(f"partial should be {case.partial}")
    missing_offers = [o for o in case.offers if tuple(o) not in {tuple(x) for x in answer.offers}]
    if missing_offers:
        problems.append(f"filters not offered: {missing_offers} (got {answer.offers})")
    return problems


def recall_at_10(answers: dict[Case, Answer]) -> float:
    """Of the records cases say must be found, the share found in the first 10."""
    wanted = sum(len(case.found) for case in answers)
    got = sum(len(set(case.found) & set(answer.ids[:TOP])) for case, answer in answers.items())
    return got / wanted if wanted else 1.0


def python_answer(case: Case, site: Path) -> Answer:
    """The case run through the Python twin against a built site's files."""
    from microcredential_catalogue.search.index import joined_records
    from microcredential_catalogue.search.query import load_index, search

    folder = site / "assets" / "catalogue-data"
    index = load_index(lambda path: (folder / path).read_text(encoding="utf-8"), f"search-{case.lang}.json")  # noqa: E501

    def read(path):
        return (folder / path).read_text(encoding="utf-8")

    records = joined_records(read, f"search-{case.lang}.json", f"facets-{case.lang}.json")
    outcome = search(case.q, index)
    refs = outcome.refs if outcome.refs is not None else range(len(records))
    return Answer([records[ref]["id"] for ref in refs], outcome.partial, list(outcome.offers))


CORPORA = {"shipped": None, "relevance": HERE / "data"}  # None: the project's own data/


def write_search_assets(corpus: str, target: Path) -> Path:
    """The search files a build of `corpus` writes, into target/assets/catalogue-data/ (no MkDocs)."""
    import shutil

    project_root = HERE.parent.parent
    from microcredential_catalogue.building.catalogue_build import CatalogueBuild
    from microcredential_catalogue.pages.render import Renderer
    from microcredential_catalogue.search.index import build_search_assets

    project = project_root
    if CORPORA[corpus] is not None:
        project = target / "project"
        shutil.copytree(CORPORA[corpus], project / "data")
        shutil.copytree(project_root / "data" / "schema", project / "data" / "schema")
    build = CatalogueBuild.load(project, project / "docs", project_root / "overrides" / "catalogue")
    renderer = Renderer(project_root / "overrides" / "catalogue", build.catalogue)
    assets = build_search_assets(build.catalogue, renderer.card_facts, build.synonyms, renderer.strings)
    site = target / "site"
    for path, text in assets.files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site
