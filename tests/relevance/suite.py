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
    # Issue 25: what the answer must equal, hold or start with, said as other addresses of the page
    # (words `q` and filters, e.g. {cost: free}), never as ids: the words naming a filter give
    # what ticking it gives, filler words change nothing, a sector's name finds the whole sector.
    same_as: tuple[tuple[str, str], ...] = ()  # the very list (and count) of that address
    finds_all_of: tuple[tuple[str, str], ...] = ()  # every record of that address, in the first TOP
    leads_with_all_of: tuple[str, ...] = ()  # the records each of these words finds come first

    @property
    def name(self) -> str:
        return f"{self.corpus}-{self.lang}-{self.q}"


@dataclass
class Answer:
    ids: list[str]  # every result, best first
    partial: bool
    offers: list[tuple[str, str]] = field(default_factory=list)
    count: int | None = None  # the number the page says (None: the number of ids)

    def __post_init__(self):
        if self.count is None:
            self.count = len(self.ids)


def cases() -> list[Case]:
    data = yaml.safe_load((HERE / "queries.yml").read_text(encoding="utf-8"))
    return [
        Case(
            **{
                **case,
                "found": tuple(case.get("found", ())),
                "absent": tuple(case.get("absent", ())),
                "offers": tuple(tuple(o) for o in case.get("offers", ())),
                "same_as": tuple((case.get("same_as") or {}).items()),
                "finds_all_of": tuple((case.get("finds_all_of") or {}).items()),
                "leads_with_all_of": tuple(case.get("leads_with_all_of", ())),
            }
        )
        for case in data["cases"]
    ]


def failures(case: Case, answer: Answer, other=None) -> list[str]:
    """What a learner would notice is wrong, or [] when the case passes. `other(address)` gives
    the Answer of another address of the page (a dict of `q` and filters), for the cases that
    compare with one."""
    problems = []
    if case.same_as:
        expected = other(dict(case.same_as))
        if (answer.ids, answer.count) != (expected.ids, expected.count):
            problems.append(f"should list what {dict(case.same_as)} lists: {expected.ids} (got {answer.ids})")
    if case.finds_all_of:
        group = other(dict(case.finds_all_of)).ids
        missing = [i for i in group if i not in answer.ids[:TOP]]
        if not group or missing:
            problems.append(f"{dict(case.finds_all_of)} ({group}): not in the first {TOP}: {missing}")
    if case.leads_with_all_of:
        each = [set(other({"q": word}).ids) for word in case.leads_with_all_of]
        both = set.intersection(*each)
        if not both or set(answer.ids[: len(both)]) != both:
            problems.append(f"the records with every word ({sorted(both)}) should come first (got {answer.ids})")
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


def python_answer(case: Case, site: Path, address: dict | None = None) -> Answer:
    """The case (or another `address` of the page, in the case's language: words `q` and
    filters) run through the Python twin against a built site's files."""
    from microcredential_catalogue.search.index import joined_records
    from microcredential_catalogue.search.query import evaluate, load_index, search

    folder = site / "assets" / "catalogue-data"
    index = load_index(lambda path: (folder / path).read_text(encoding="utf-8"), f"search-{case.lang}.json")  # noqa: E501

    def read(path):
        return (folder / path).read_text(encoding="utf-8")

    records = joined_records(read, f"search-{case.lang}.json", f"facets-{case.lang}.json")
    address = {"q": case.q} if address is None else address
    ticked = {param: set(keys.split(",")) for param, keys in address.items() if param != "q"}
    outcome = search(address.get("q", ""), index)
    refs = evaluate(outcome, [r["filters"] for r in records], ticked)
    return Answer([records[ref]["id"] for ref in refs], outcome.partial and bool(refs), list(outcome.offers))


def python_other(case: Case, site: Path):
    """`other` for failures(): another address of the page, through the Python twin."""
    return lambda address: python_answer(case, site, address)


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
