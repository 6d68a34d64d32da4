"""The shipped records stay honest: each names its source, none is newer than its source, the seed's
examples keep the facts the seed gives, and the French and English follow the site's conventions."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest
import yaml
from markupsafe import escape
from microcredential_catalogue.checks.validate import load_catalogue
from microcredential_catalogue.cli import main as catalogue
from microcredential_catalogue.model.catalogue import PartialDate
from microcredential_catalogue.model.facets import FACETS, NOT_SPECIFIED
from microcredential_catalogue.model.groups import groups_of
from microcredential_catalogue.wording.after_colon import lowercase_first
from microcredential_catalogue.wording.facts import as_said, unknown_facts
from support import (
    GENERATED,
    PROJECT,
    RECORDS,
    data_folder,
    data_with_new_records,
    shipped_credential,
    shipped_example,
    shipped_wording,
)

TODAY = date.today()
CATALOGUE = load_catalogue(PROJECT, TODAY)

# The seed: the French transcript of the Pop Up PD webinar, given in 2022 (the last of the
# 2021-2022 series; it quotes a December 2021 article and a report "from May of last year", 2021).
SEED_DATE = PartialDate(2022)
SEED_CITATION = "Pop Up PD"

# The seed's ten examples: the English name on its slides, and the provider's English name.
SEED_EXAMPLES = {
    "Advanced Manufacturing and Automation - Pre-Training": "Centennial College",
    "Automation and Industry 4.0": "Centennial College",
    "Culinary - Back to Basics": "Centennial College",
    "Manufacturing and Production": "Centennial College",
    "Graphic Design Photoshop and Illustrator": "Durham College",
    "Using Construction Tools": "Durham College",
    "Remotely Piloted Aircraft System (Drones) Ground School": "Mohawk College",
    "Footcare Management": "Mohawk College",
    "Legal Office Assistant": "Northern College",
    "Cybersecurity": "St. Lawrence College",
}
# The slide of Ontario public colleges by region, by the provider's English name.
SEED_REGIONS = {
    "Centennial College": "central",
    "Durham College": "east",
    "St. Lawrence College": "east",
    "Northern College": "north",
    "Mohawk College": "west",
}


def cites_the_seed(c) -> bool:
    return not c.source_url and SEED_CITATION in c.source_text.en


def seed_record(name: str):
    """The record that cites the seed for its example `name` (by the slide's English name), or
    None: an editor who finds a newer source cites it instead, and the seed's facts no longer bind."""
    found = [
        c
        for c in CATALOGUE.credentials
        if cites_the_seed(c) and c.official_title and (c.official_title.language, c.official_title.text) == ("en", name)
    ]
    assert len(found) <= 1, f"two records cite the seed for {name!r}: {[c.source_file for c in found]}"
    return found[0] if found else None


@pytest.fixture(scope="module")
def data_with_a_new_record_of_each_kind(tmp_path_factory) -> Path:
    return data_with_new_records(tmp_path_factory.mktemp("new-records") / "data")


@pytest.fixture(params=["shipped", "with new records"], scope="module")
def any_catalogue(request):
    """The shipped catalogue, then the same with a valid new record of each kind an editor adds."""
    if request.param == "shipped":
        return CATALOGUE
    return load_catalogue(request.getfixturevalue("data_with_a_new_record_of_each_kind").parent, TODAY)


def test_valid_new_records_of_each_kind_pass_the_editors_check(data_with_a_new_record_of_each_kind, capsys):
    """The pull request's data check is green for them: free, in French, a new provider, undated."""
    data = data_with_a_new_record_of_each_kind
    assert catalogue(["check"], project_root=data.parent) == 0, capsys.readouterr().err
    shipped = {c.id for c in CATALOGUE.credentials}
    added = {c.id: c for c in load_catalogue(data.parent, TODAY).credentials if c.id not in shipped}
    assert len(added) == 4
    assert any(c.is_free for c in added.values()) and any(c.languages == ("fr",) for c in added.values())
    assert any(c.provider not in CATALOGUE.providers for c in added.values())
    assert any(c.source_date is None for c in added.values()) and any(c.source_text for c in added.values())


def credential(credential_id):
    return CATALOGUE.credential(credential_id)


def english(text) -> str:
    return text.en if text else ""


# What every record must hold, whoever wrote it: properties of the data, never a list of allowed
# addresses or ids. Each test runs on the shipped data and on the shipped data plus one valid new
# record of each kind an editor adds (tests/fixtures/new-records/): adding one never turns them red.
WEB_ADDRESS = re.compile(r"https?://[^\s/]+\.[^\s]+")


def test_every_record_names_its_source_by_address_or_citation(any_catalogue):
    for c in any_catalogue.credentials:
        if c.source_url:
            assert WEB_ADDRESS.fullmatch(c.source_url), f"{c.source_file}: source is not a web address"
        else:
            assert c.source_text.fr.strip() and c.source_text.en.strip(), f"{c.source_file}: the citation is empty"


def test_every_source_is_dated_or_plainly_undated_and_no_fact_is_newer_than_it(any_catalogue):
    for c in any_catalogue.credentials:
        # A source without a date: the page says "Its source bears no date", never a made-up date.
        assert c.information_date == (c.source_date or c.verified), c.source_file
        if c.source_date:
            assert c.source_date.earliest() <= TODAY, f"{c.source_file}: a source from the future"
            assert c.source_date.iso() <= c.verified.iso(), f"{c.source_file}: checked before the source existed"
        assert c.verified.earliest() <= TODAY, f"{c.source_file}: verified in the future"


def test_records_citing_the_seed_carry_the_seeds_date(any_catalogue):
    for c in any_catalogue.credentials:
        if not c.source_url and SEED_CITATION in c.source_text.en:
            assert SEED_CITATION in c.source_text.fr, c.source_file
            assert c.source_date == SEED_DATE, f"{c.source_file}: the webinar was given in {SEED_DATE.iso()}"


# What the seed says, checked on the records that cite it: by the example's name, never by a file's
# id, so a renamed file keeps its checks and a record given a newer source leaves them.
def test_a_record_citing_the_seed_is_one_of_its_examples_with_its_name_and_provider(any_catalogue):
    for c in any_catalogue.credentials:
        if not cites_the_seed(c):
            continue
        official = c.official_title
        assert official and official.language == "en" and official.text in SEED_EXAMPLES, (
            f"{c.source_file}: the webinar names no such example (its names: {sorted(SEED_EXAMPLES)})"
        )
        assert any_catalogue.providers[c.provider].name.en == SEED_EXAMPLES[official.text], c.source_file
        assert c.title.en == official.text, c.source_file  # our French title translates it


def test_the_seed_providers_keep_their_regions():
    for provider in CATALOGUE.providers.values():
        if provider.name.en in SEED_REGIONS:
            assert provider.region == SEED_REGIONS[provider.name.en], provider.id


def test_footcare_is_for_nurses_not_for_any_job_seeker():
    footcare = seed_record("Footcare Management")
    if footcare is None:
        pytest.skip("no record cites the seed for Footcare Management")
    assert "registered nurse (RN)" in footcare.prerequisites.en and "registered practical nurse (RPN)" in (
        footcare.prerequisites.en
    )
    assert "(IA)" in footcare.prerequisites.fr and "(IAA)" in footcare.prerequisites.fr


def test_records_for_people_already_at_work_are_on_the_employment_path():
    """The site defines Employment as finding a job, keeping it or moving ahead at work
    (taxonomies.yml): a credential for people already working serves that path, whatever else it serves."""
    upskilling = [c for c in CATALOGUE.credentials if "employed-upskilling" in c.audiences]
    assert upskilling, "no record for people already at work: the rule below would prove nothing"
    assert [c.id for c in upskilling if "employment" not in c.pathways] == []


FREE_WITHOUT_YEAR = {
    "en": "cost.note: warning: the record says free (cost.amount: 0) but not in which year its source said so, "
    'and what was free then may not be now: write the year in the note, such as note: {fr: "en 2026", en: "in 2026"}',
    "fr": "cost.note: avertissement\u00a0: la fiche dit gratuit (cost.amount: 0) sans dire en quelle année sa source "
    "le disait, et ce qui était gratuit alors ne l'est peut-être plus\u00a0: écrivez l'année dans la note, comme "
    'note: {fr: "en 2026", en: "in 2026"}',
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_free_record_that_does_not_say_the_year_its_source_said_so_is_warned_of(tmp_path, capsys, lang):
    """Free then is not free now: `catalogue check` names each free record whose cost note does not
    give the year, in both languages, on its cost line, with what to write; a warning stops nothing
    (an editor's valid record never turns the pull request red), and a year in both notes ends it."""
    root = data_folder(tmp_path)  # its free-starter.yml says `cost: {amount: 0}` and no more
    starter = (RECORDS / "valid" / "free-starter.yml").read_text(encoding="utf-8")
    dated = starter.replace("cost: {amount: 0}", 'cost: {amount: 0, note: {fr: "en 2025", en: "in 2025"}}')
    one_language = starter.replace("cost: {amount: 0}", 'cost: {amount: 0, note: {fr: "en 2025", en: "for now"}}')
    (root / "data" / "credentials" / "free-dated.yml").write_text(dated, encoding="utf-8")
    (root / "data" / "credentials" / "free-half-dated.yml").write_text(one_language, encoding="utf-8")
    assert catalogue(["--today", "2026-11-28", "check", "--lang", lang], project_root=root) == 0
    warned = [line for line in capsys.readouterr().out.splitlines() if "cost.note" in line]
    assert warned == [
        f"data/credentials/free-half-dated.yml:8: {FREE_WITHOUT_YEAR[lang]}",
        f"data/credentials/free-starter.yml:8: {FREE_WITHOUT_YEAR[lang]}",
    ]


def test_a_cost_note_beside_a_price_completes_it_without_repeating_it():
    """Every copy prints a total and its note as « Gratuit (en 2021, avec un stage payé…) »: the note
    in brackets neither repeats the price's word (« Gratuit (Gratuite en 2021… ») nor ends as a sentence."""
    wording = shipped_wording()
    noted = [c for c in CATALOGUE.credentials if c.cost_amount is not None and c.cost_note]
    assert noted, "no record gives a total and a note: the rule below would prove nothing"
    for c in noted:
        for lang in ("fr", "en"):
            price, note = wording.amount(c, lang).lower(), c.cost_note[lang].strip()
            assert not note.lower().startswith(price.rstrip("e")), f"{c.source_file}: « {price} ({note}) »"
            assert not note.endswith("."), f"{c.source_file}: cost.note.{lang} ends with a full stop inside brackets"


DURATION = {
    "fr": re.compile(r"\b(?:semaines?|mois|semestres?|heures)\b"),
    "en": re.compile(r"\b(?:weeks?|months?|semesters?|hours)\b"),
}
LENGTH_WORD = {"fr": re.compile(r"\bdurée\b"), "en": re.compile(r"\blength\b")}


def test_a_page_never_calls_unknown_a_length_its_summary_gives():
    """A summary may give a length the record cannot hold in whole hours (« trois semaines », "under
    12 hours"): the page then says the number of hours is not known, never that the length is."""
    wording = shipped_wording()
    stated = [
        (c, lang)
        for c in CATALOGUE.credentials
        for lang in ("fr", "en")
        if c.hours is None and DURATION[lang].search(c.summary[lang])
    ]
    assert stated, "no summary gives a length its record leaves out: the rule below would prove nothing"
    for c, lang in stated:
        (named,) = wording.unknown(c, lang, ("hours",))
        assert not LENGTH_WORD[lang].search(named), f"{c.source_file}: the summary gives a length, the page « {named} »"


def test_a_card_dates_a_free_cost_as_information_of_its_year():
    """Free then is not free now, and the year a card gives is the information's, not the year it was
    free: a source of December 2023 about a run of 2024 reads « Gratuit (info de 2023) : à confirmer »,
    as the page's own mark « Info de 2023 : à confirmer » does, never « Gratuit en 2023 »."""
    wording = shipped_wording()
    old_free = [c for c in CATALOGUE.credentials if c.is_free and wording.is_old(c)]
    assert old_free, "no free record from old information: the rule below would prove nothing"
    for c in old_free:
        for lang in ("fr", "en"):
            dated = re.split(r"\s*:", wording.old_mark(c, lang))[0].lower()  # "info de 2023", "2023 info"
            mark = wording.card_facts(c, lang)[0 if c.status != "paused" else 1]
            assert dated in re.sub(r"\s", " ", mark.lower()), f"{c.source_file}: the card says « {mark} »"


def test_a_page_says_whether_its_record_was_compared_with_the_source_or_typed_from_notes(shipped_site):
    for c in CATALOGUE.credentials:
        english = (shipped_site / "en/mc" / c.id / "index.html").read_text(encoding="utf-8")
        compared, typed = "compared it with its source", "from research notes: no one has compared it"
        assert (compared in english, typed in english) == (c.checked_against == "source", c.checked_against == "notes")


def test_the_employment_path_means_moving_ahead_at_work_too():
    employment = CATALOGUE.taxonomies.terms("pathways")["employment"]
    assert "move ahead at work" in employment.description.en and "progresser au travail" in employment.description.fr


def test_seed_facts_of_cybersecurity_a_price_per_module_and_no_invented_total():
    cyber = seed_record("Cybersecurity")
    if cyber is None:
        pytest.skip("no record cites the seed for Cybersecurity")
    assert cyber.cost_amount is None  # the seed gives $98 a module and "about $400", not a total
    assert "$98 per module" in cyber.cost_note.en and "about $400" in cyber.cost_note.en
    assert "98 $ par module" in cyber.cost_note.fr and "environ 400 $" in cyber.cost_note.fr
    assert cyber.delivery == "online"
    assert "étiqueter les informations sensibles" in cyber.description.fr  # "label", not « identifier »
    assert "Kingston" in cyber.description.en


def test_seed_facts_of_the_other_examples():
    checked = 0
    for name, provider in SEED_EXAMPLES.items():
        c = seed_record(name)
        if c is None:
            continue
        checked += 1
        if provider == "Centennial College":
            assert c.funding == ("osap",)  # "OSAP Approved Micro-Credential Programs 2021"
            assert "mostly online" in c.description.en and "Toronto region" in c.description.en
        elif provider == "Durham College":
            assert "Centre for Professional and Part-time Learning" in c.description.en
        elif name.startswith("Remotely Piloted Aircraft"):
            assert c.award.type == "digital-badge" and "TP 15263" in c.award.standard.en
            assert "pilote de drone" in c.summary.fr
        elif name == "Legal Office Assistant":
            assert "Timmins" in c.description.en and "at least nine" in c.description.en
            assert "Office Administration – General" in c.description.en and "Law Clerk" in c.description.en
            assert not any(target.url for target in c.stacks_into)  # no home page labelled as a program
    if not checked:
        pytest.skip("no record cites the seed any more")


def french_texts() -> dict[str, str]:
    """Every French text the site shows that editors write: records, vocabularies, words, pages."""
    texts = {}
    for path in sorted((PROJECT / "data").rglob("*.yml")):
        texts[str(path)] = "\n".join(_language_values(yaml.safe_load(path.read_text(encoding="utf-8")), "fr"))
    for path in (PROJECT / "overrides" / "locales").glob("*.yml"):
        texts[str(path)] = "\n".join(_language_values(yaml.safe_load(path.read_text(encoding="utf-8")), "fr"))
    for path in _hand_written_pages("fr"):
        texts[str(path)] = path.read_text(encoding="utf-8")
    return texts


def english_texts() -> dict[str, str]:
    texts = {str(p): p.read_text(encoding="utf-8") for p in _hand_written_pages("en")}
    texts["CONTRIBUTING.md"] = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for path in [*sorted((PROJECT / "data").rglob("*.yml")), *(PROJECT / "overrides" / "locales").glob("*.yml")]:
        texts[str(path)] = "\n".join(_language_values(yaml.safe_load(path.read_text(encoding="utf-8")), "en"))
    return texts


def _language_values(node, lang: str) -> list[str]:
    if isinstance(node, dict):
        found = [node[lang]] if isinstance(node.get(lang), str) else []
        return found + [text for key, value in node.items() if key != lang for text in _language_values(value, lang)]
    if isinstance(node, list):
        return [text for item in node for text in _language_values(item, lang)]
    return []


def _hand_written_pages(lang: str) -> list[Path]:
    """The Markdown pages people write (the build's own pages are listed in .gitignore)."""
    pages = sorted((PROJECT / "docs").rglob(f"*.{lang}.md"))
    return [p for p in pages if not p.relative_to(PROJECT).as_posix().startswith(GENERATED)]


URL = re.compile(r"https?://\S+")
QUOTED_SPELLING = re.compile(r"«\s*micro-certification\s*»")  # the page that lists the spellings one may see


def test_french_writes_microcertification_as_ontario_does():
    wrong = {}
    for name, text in french_texts().items():
        prose = QUOTED_SPELLING.sub("", URL.sub("", text))
        if hits := re.findall(r"micro-certification\w*", prose, flags=re.IGNORECASE):
            wrong[name] = hits
    assert wrong == {}


BRITISH = re.compile(
    r"\b(organis|recognis|realis|prioritis|specialis|categoris|summaris|minimis|utilis|optimis|customis|authoris)"
    r"(e|ed|es|ing|ation|ations)\b",
    re.IGNORECASE,
)


PLACEHOLDER = re.compile(r"\{\w+\}")


def test_english_uses_canadian_ize_spellings():
    texts = {name: PLACEHOLDER.sub("", text) for name, text in english_texts().items()}  # {organisation} is a key
    wrong = {name: BRITISH.findall(text) for name, text in texts.items() if BRITISH.search(text)}
    assert wrong == {}


def test_the_checks_above_can_fail():
    assert re.findall(r"micro-certification\w*", QUOTED_SPELLING.sub("", "une micro-certification"))
    assert BRITISH.search("The organisation will recognise it")
    assert not BRITISH.search("The organization will recognize it")


def test_a_free_credential_shows_on_the_free_list_and_the_home_page(records_build):
    """The fixture records hold a free one (free-starter), beside whatever free records editors add."""
    site = records_build.site
    free = [c for c in load_catalogue(records_build.project, TODAY).credentials if c.is_free and c.is_listed]
    (starter,) = [c for c in free if c.id == "free-starter"]
    for prefix, lang in (("", "fr"), ("en/", "en")):
        listed = (site / prefix / "browse/free/index.html").read_text(encoding="utf-8")
        assert str(escape(starter.title[lang])) in listed, "the free list shows it"
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'href="browse/free/">[^<]+</a> \({len(free)}\)', home), "the home page counts them"


def test_the_other_language_page_shows_the_providers_own_title(shipped_site):
    def page(path: str) -> str:
        return (shipped_site / path / "index.html").read_text(encoding="utf-8")

    def official_in(lang: str):
        return lambda c: c.official_title is not None and c.official_title.language == lang

    english = shipped_example(
        "has an official title in English, its English title",
        lambda c: official_in("en")(c) and c.official_title.text == c.title["en"],
    )
    text = shipped_credential(english).official_title.text
    official = f'Titre officiel (en anglais)\u00a0: <span lang="en">{escape(as_said(text, "fr"))}</span>'
    assert official in page(english)
    assert "Official title" not in page("en/" + english)  # the English title is the official one
    french = shipped_credential(shipped_example("has an official title in French", official_in("fr")))
    official = f'Official title (in French): <span lang="fr">{escape(french.official_title.text)}</span>'
    assert official in page(f"en/mc/{french.id}")
    assert "Titre officiel" not in page("mc/uof-introduction-a-la-pedagogie")


# A start the source announced ahead of it: the source could not say the class started, nor count
# the run as held (« C'était la deuxième fois que le collège offrait… »).
STARTED = {
    "fr": re.compile(
        r"\b(?:a|ont) commencé\b|\bcommençai(?:t|ent)\b|\ba débuté\b|\bont débuté\b|\bc['’]était la \w+ fois\b",
        re.IGNORECASE,
    ),
    "en": re.compile(r"\b(?:began|started)\b|\b(?:this|it) was the \w+ time\b", re.IGNORECASE),
}


def latest_day(written: PartialDate) -> date:
    """The last day a date known to the year or the month may be."""
    if written.day:
        return written.earliest()
    if written.month:
        return date(written.year + written.month // 12, written.month % 12 + 1, 1) - timedelta(days=1)
    return date(written.year, 12, 31)


def test_a_start_after_the_source_is_said_as_planned_never_as_done():
    """A source of February 14 about a class starting February 16 says it was to start, not that it
    started: when every start date of a record is later than its source, the page may not report as
    done what the source could only announce (a source written after a first start may say it began)."""
    ahead = [
        c
        for c in CATALOGUE.credentials
        if c.source_date and c.intake_dates and all(start > latest_day(c.source_date) for start in c.intake_dates)
    ]
    assert ahead, "no record announces all its starts after its source: the rule below would prove nothing"
    for c in ahead:
        for lang in ("fr", "en"):
            text = c.summary[lang] + " " + (c.description[lang] if c.description else "")
            assert not STARTED[lang].search(" ".join(text.split())), f"{c.source_file} ({lang}): {text!r}"


SHEET_WORDS = yaml.safe_load((PROJECT / "overrides" / "locales" / "catalogue.yml").read_text(encoding="utf-8"))
# The words the plain labels replaced: a learner with modest reading skills stumbles on them.
REPLACED_WORDS = {
    "fr": re.compile(r"\b(?:hybrides?|préalables?|prestation|formule)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:hybrid|prerequisites?|delivery)\b", re.IGNORECASE),
}


def test_the_sheet_handed_to_a_learner_asks_in_the_pages_plain_words(shipped_site):
    """The referral sheet goes to the learner: it names how the training is given as every page
    does, and never with the words the plain labels replaced."""
    for lang, root in (("fr", ""), ("en", "en/")):
        page = (shipped_site / root / "practitioners/referral-sheet/index.html").read_text(encoding="utf-8")
        main = re.sub(r"<[^>]+>", " ", page[page.index("<main") : page.index("</main>")])
        main = " ".join(main.replace("\u00a0", " ").split())
        assert SHEET_WORDS["delivery"][lang] in main, lang
        assert not REPLACED_WORDS[lang].findall(main), (lang, REPLACED_WORDS[lang].findall(main))


def page_texts(site: Path):
    """(language, address, text) of every built page: the words a reader sees, tags and scripts left out."""
    for path in sorted(site.rglob("*.html")):
        address = path.relative_to(site).as_posix()
        lang = "en" if address.startswith("en/") else "fr"
        html = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
        yield lang, address, " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


# The words of the record format's first draft for an unknown fact; every page now names it under
# « Pas encore connu » / "Not known yet", so a page that tells a reader what the site says may not use them.
OLD_UNKNOWN_WORDS = {
    "fr": re.compile(r"\bnon précisée?s?\b", re.IGNORECASE),
    "en": re.compile(r"\bnot specified\b", re.IGNORECASE),
}


def test_no_page_says_the_site_calls_an_unknown_fact_not_specified(shipped_site):
    """The contributing and field pages told editors the site would say « non précisé » / 'not
    specified': the site says « Pas encore connu » / 'Not known yet' everywhere."""
    found = [
        (address, OLD_UNKNOWN_WORDS[lang].search(text).group(0))
        for lang, address, text in page_texts(shipped_site)
        if OLD_UNKNOWN_WORDS[lang].search(text)
    ]
    assert not found, found


def test_two_languages_of_instruction_are_said_as_a_phrase(shipped_site):
    """« Anglais, Français » capitalised a common noun inside a list: a French page says « Anglais et
    français », an English one 'English and French'."""
    both = [c for c in CATALOGUE.credentials if len(c.languages) == 2]
    assert both, "no record is taught in both languages: the rule below would prove nothing"
    for c in both:
        for lang, root, expected in (("fr", "", r"[A-Z]\w+ et [a-zç]+"), ("en", "en/", r"[A-Z][a-z]+ and [A-Z][a-z]+")):
            page = (shipped_site / root / "mc" / c.id / "index.html").read_text(encoding="utf-8")
            value = re.search(
                r"<dt>{}</dt>\s*<dd>([^<]*)</dd>".format(re.escape(escape(SHEET_WORDS["languages"][lang]))), page
            )
            assert value, (c.source_file, lang)
            assert re.fullmatch(expected, value.group(1)), (c.source_file, lang, value.group(1))


def test_several_work_situations_are_said_as_a_phrase(shipped_site):
    """« Personnes sans emploi ou licenciées, Personnes sous-employées » capitalised a common noun
    inside a list: the list reads as one phrase, the last item joined by « et » / 'and'."""
    several = [c for c in CATALOGUE.credentials if len(c.audiences) >= 2]
    assert several, "no record names two work situations: the rule below would prove nothing"
    for c in several:
        for lang, root, joiner in (("fr", "", " et "), ("en", "en/", " and ")):
            page = (shipped_site / root / "mc" / c.id / "index.html").read_text(encoding="utf-8")
            words = re.escape(escape(SHEET_WORDS["audiences"][lang]))
            value = re.search(rf"<dt>{words}</dt>\s*<dd>([^<]*)</dd>", page)
            assert value, (c.source_file, lang)
            said = unescape(value.group(1))
            labels = [CATALOGUE.taxonomies.label("audiences", key, lang) for key in c.audiences]
            assert all(label.lower() in said.lower() for label in labels), (c.source_file, lang, said)
            assert joiner + labels[-1][:1].lower() + labels[-1][1:] in said, (c.source_file, lang, said)
            assert not re.search(r", [A-ZÀ-Ý]", said), (c.source_file, lang, said)


# Facets whose groups are named by proper nouns (a provider, a region of Ontario): their names keep
# their capital after a colon; every other label is a common noun.
NAMED_FACETS = {"providers", "regions", "campus"}
AFTER_COLON = re.compile(r"\s:\s(\S{2})")


def _starts_as_a_common_noun_may(facet: str, key: str, after: str) -> bool:
    """« gratuit », « 1 000 $ », « RAFEO » (an acronym) or a name where the facet's values are names."""
    return (facet in NAMED_FACETS and key != "not-specified") or not after[0].isupper() or after[1].isupper()


def test_a_french_title_takes_no_capital_after_its_colon_unless_a_name_follows(shipped_site):
    """« Coût : Gratuit », « Secteur : Santé » and « Tous les groupes : Secteur » put a capital after a
    colon where French puts none: a group's title (its heading, its <title>) and the link to all
    groups of a facet say « Coût : gratuit », « Tous les groupes : secteur »."""
    wrong, seen = [], 0
    for page in sorted((shipped_site / "browse").glob("*/*/index.html")):
        facet, key = page.parent.parent.name, page.parent.name
        html = unescape(page.read_text(encoding="utf-8")).replace("\u00a0", " ").replace("\u202f", " ")
        for tag in ("h1", "title"):
            text = re.search(rf"<{tag}>([^<]*)</{tag}>", html).group(1)
            after = AFTER_COLON.search(text)
            seen += 1
            if after and not _starts_as_a_common_noun_may(facet, key, after.group(1)):
                wrong.append((page.relative_to(shipped_site).as_posix(), text))
    for lang, address, text in page_texts(shipped_site):
        if lang == "fr":
            wrong += [(address, m.group(0)) for m in re.finditer(r"Tous les groupes : [A-ZÀ-Ý][a-zà-ÿ]", text)]
    assert seen, "no group page was built: the rule above would prove nothing"
    assert wrong == []


NOT_A_MICROCREDENTIAL = re.compile(r"pas (?:une|forcément une) microcertification")


def test_the_site_never_calls_a_record_a_microcertification_that_its_own_text_says_may_not_be_one(shipped_site):
    """A Pre-ECE certificate, a work-readiness program, a university microcertificat: their pages say
    « la source ne l'appelle pas une microcertification »; the site's own sentences on those pages
    (the button's note, a paused or discontinued notice) then say « cette formation »."""
    doubtful = [
        c
        for c in CATALOGUE.credentials
        if NOT_A_MICROCREDENTIAL.search(c.summary["fr"] + " " + (c.description["fr"] if c.description else ""))
    ]
    assert doubtful, "no record says it may not be a microcertification: the rule below would prove nothing"
    for c in doubtful:
        page = unescape((shipped_site / "mc" / c.id / "index.html").read_text(encoding="utf-8"))
        assert "cette microcertification" not in page.replace("\u00a0", " "), c.source_file


def test_an_unknown_group_is_named_in_the_plain_words_of_the_known_ones():
    """The filters and group pages name each facet's "not known" group ("Delivery method unknown"
    under "How it is taught"): never with the words the plain labels replaced."""
    unknown = {key: words for key, words in SHEET_WORDS.items() if key.endswith("_not_specified")}
    assert unknown, "no label names an unknown group: the rule below would prove nothing"
    # « Mode de formation » is the jargon « Comment se donne la formation » replaced on the pages.
    plain_fr = re.compile(r"\b(?:hybrides?|préalables?|prestation|formule|mode)\b", re.IGNORECASE)
    found = [
        (key, words[lang])
        for key, words in unknown.items()
        for lang, replaced in (("fr", plain_fr), ("en", REPLACED_WORDS["en"]))
        if replaced.search(words[lang])
    ]
    assert found == []


def test_the_unknown_in_person_region_group_holds_exactly_the_pages_that_call_it_unknown():
    """« Région des activités en personne inconnue » listed the courses given fully online, as if they
    had in-person parts somewhere, while their own pages (rightly) did not call that region unknown:
    a group page and a credential page must say the same of a record."""
    online = [c for c in CATALOGUE.listed if c.delivery == "online" and not c.regions]
    assert online, "no listed record is given fully online: the rule below would prove nothing"
    groups = groups_of(FACETS["regions"], CATALOGUE, {"regions_not_specified": {"fr": "x", "en": "x"}})
    unknown_group = next(g for g in groups if g.key == NOT_SPECIFIED).credentials
    disagree = [c.id for c in CATALOGUE.listed if ("regions" in unknown_facts(c)) != (c in unknown_group)]
    assert disagree == []
    assert not any(c in g.credentials for g in groups for c in online)


def _folded(text: str) -> str:
    """Words as compared: case, accents and spacing left out (« Région » and « région » are one)."""
    plain = unicodedata.normalize("NFKD", unescape(text)).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())


def _first(html: str, pattern: str) -> str:
    found = re.search(pattern, html, flags=re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


def test_no_group_title_says_its_facet_twice(shipped_site):
    """« Région des activités en personne : région des activités en personne inconnue »: a "not
    known" group's label already names its facet, so its page's title, heading and link preview
    say the facet once (the facet's name is its own page's heading)."""
    repeated, seen = [], 0
    for root in (shipped_site, shipped_site / "en"):
        for facet_page in sorted((root / "browse").glob("*/index.html")):
            facet = _folded(_first(facet_page.read_text(encoding="utf-8"), r"<h1[^>]*>(.*?)</h1>"))
            assert facet, facet_page
            for page in sorted(facet_page.parent.glob("*/index.html")):
                html = page.read_text(encoding="utf-8")
                said = {
                    "h1": _first(html, r"<h1[^>]*>(.*?)</h1>"),
                    "title": _first(html, r"<title>(.*?)</title>"),
                    "og:title": _first(html, r'<meta property="og:title" content="([^"]*)"'),
                }
                for where, text in said.items():
                    seen += 1
                    if _folded(text).count(facet) > 1:
                        repeated.append((page.relative_to(shipped_site).as_posix(), where, text))
    assert seen, "no group page was built: the rule above would prove nothing"
    assert repeated == []


def test_a_link_preview_names_the_site_or_the_page(shipped_site):
    """The home page's preview said « Accueil » / "Home" alone: a link to the site, pasted in a
    message, must name the site. No page's preview title is the bare name of the home tab, and the
    home page's (the language's root) names the site."""
    generic, home_titles = [], []
    for path in sorted(shipped_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        site_name = _first(html, r'<meta property="og:site_name" content="([^"]*)"')
        if not site_name:
            continue  # a page without a preview: embedded lists, redirects
        home_tab = _first(html, r'class="md-tabs__link[^"]*">(.*?)</a>')
        address = path.relative_to(shipped_site).as_posix()
        for prefix in ("og", "twitter"):
            attribute = "property" if prefix == "og" else "name"
            title = _first(html, rf'<meta {attribute}="{prefix}:title" content="([^"]*)"')
            if home_tab and _folded(title) == _folded(home_tab):
                generic.append((address, prefix, title))
            if address in ("index.html", "en/index.html"):
                home_titles.append(title)
                assert _folded(site_name) in _folded(title), (address, prefix, title)
    assert len(home_titles) == 4, "the home pages' previews were not found: the rule above would prove nothing"
    assert generic == []


# How the one line explaining « voie AFB » / "LBS goal path" opens, on every page that shows it.
PATHS_LINE_OPENS = {"fr": "Les voies AFB sont", "en": "LBS goal paths are"}


def test_the_line_explaining_goal_paths_names_each_path_by_its_own_label(shipped_site):
    """The line under « Buts visés (voies AFB) » named « apprentissage » and « études secondaires » (a
    learner reads « apprentissage » as learning) where the groups and filters say « Formation en
    apprentissage » and « Crédit d'études secondaires »: it names the five paths by their labels."""
    terms = CATALOGUE.taxonomies.terms("pathways")
    labels = {lang: [lowercase_first(term.label[lang]) for term in terms.values()] for lang in ("fr", "en")}
    lines = 0
    for lang, address, text in page_texts(shipped_site):
        text = unescape(text)
        start = text.find(PATHS_LINE_OPENS[lang])
        if start < 0:
            continue
        listed = text[start:].split(": ", 1)[1].split(".", 1)[0]
        assert [name.strip() for name in listed.split(",")] == labels[lang], (address, listed)
        lines += 1
    assert lines, "no page explains the goal paths: the rule above would prove nothing"


def _meaning_on_the_field_page(site: Path, root: str, field: str) -> str:
    """The « Ce que ça veut dire » / "What it means" of `field` on the editors' field page."""
    html = (site / root / "editors/fields/index.html").read_text(encoding="utf-8")
    found = re.search(rf'<h2 id="{field}">.*?</dd>\s*<dt>[^<]*</dt>\s*<dd>(.*?)</dd>', html, flags=re.S)
    assert found, (root, field)
    return unescape(found.group(1))


def test_every_reader_of_a_verified_date_learns_whether_it_was_a_check_or_typed_notes(shipped_site):
    """The field page, the issue form and the open-data schema said `verified` is when someone last
    compared the record with its source, while most records were typed from research notes on that
    day; and catalogue.json gave the date without saying which, so a reuser read every date as a
    check against the source. Each record's export says what its date means, as its page does, and
    every explanation of the date names the research notes it may come from."""
    typed = [c for c in CATALOGUE.credentials if c.checked_against == "notes"]
    assert typed, "no record was typed from notes: the rule below would prove nothing"
    export = json.loads((shipped_site / "share/catalogue.json").read_text(encoding="utf-8"))
    said = {record["id"]: record.get("checked_against") for record in export["credentials"]}
    assert said == {c.id: c.checked_against for c in CATALOGUE.credentials}
    schema = json.loads((shipped_site / "share/catalogue.schema.json").read_text(encoding="utf-8"))
    form = yaml.safe_load((PROJECT / ".github/ISSUE_TEMPLATE/propose-credential.yml").read_text(encoding="utf-8"))
    record_schema = json.loads((PROJECT / "data/schema/credential.schema.json").read_text(encoding="utf-8"))
    explanations = {
        "catalogue.schema.json": schema["$defs"]["credential"]["properties"]["verified"]["description"],
        "credential.schema.json": record_schema["properties"]["verified"]["description"],
        "issue form": next(item for item in form["body"] if item.get("id") == "verified")["attributes"]["description"],
        "field page (fr)": _meaning_on_the_field_page(shipped_site, "", "verified"),
        "field page (en)": _meaning_on_the_field_page(shipped_site, "en", "verified"),
    }
    assert [where for where, text in explanations.items() if "notes" not in text] == []


# Where a French line must not break (wording/typography.py): a breakable space before « : ; ? ! »,
# inside « », or between a number and its « $ ».
FRENCH_BREAKS = re.compile(r"\S[ \t\r\n]+[:;?!]|«[ \t\r\n]|[ \t\r\n]»|\d[ \t\r\n]+\$")


def _json_strings(node) -> list[str]:
    if isinstance(node, dict):
        return [text for value in node.values() for text in _json_strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in _json_strings(value)]
    return [node] if isinstance(node, str) else []


def test_french_structured_data_keeps_the_pages_no_break_spaces(shipped_site):
    """A search engine shows a page's JSON-LD names (« Secteur : arts, culture et sports », a
    credential's title, its cost note) as the page's own words; the typography pass skips scripts,
    so those were left with ordinary spaces where the page has unbreakable ones."""
    breaks, read = [], 0
    for path in sorted(shipped_site.rglob("index.html")):
        address = path.relative_to(shipped_site).as_posix()
        if address.startswith("en/"):
            continue
        html = path.read_text(encoding="utf-8")
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S):
            for text in _json_strings(json.loads(block)):
                read += 1
                if FRENCH_BREAKS.search(text):
                    breaks.append((address, text[:80]))
    assert read, "no French page carries structured data: the rule above would prove nothing"
    assert breaks == []


# What the seed's presenter said in their own words beside a slide or a page they were showing (the
# transcript: « Elles sont aussi bonnes l'une que l'autre » after Contact North's slide on stacking;
# « Cela lui donne un peu d'avance » after Northern College's page). A hand-written page may repeat it,
# but then cites the webinar, never the article or the page on screen, which do not say it.
PRESENTERS_OWN_WORDS = {"fr": ("Les deux sont utiles", "un peu d’avance"), "en": ("Both are useful", "head start")}
CITATION = re.compile(r"\(Sources?\s?:\s*([^)]*)\)")
THE_WEBINAR = re.compile(r"(?:le webinaire|the webinar)\W*$")  # not « la page … montrée dans le webinaire »


def _cited_after(paragraph: str, at: int) -> str:
    """The first citation in brackets after position `at` of a paragraph, or "" if none follows."""
    found = CITATION.search(paragraph, at)
    return found.group(1) if found else ""


def test_the_presenters_own_words_cite_the_webinar_not_what_was_on_screen():
    said = [
        (page.name, words, _cited_after(paragraph, at))
        for lang, wordings in PRESENTERS_OWN_WORDS.items()
        for page in _hand_written_pages(lang)
        for paragraph in page.read_text(encoding="utf-8").split("\n\n")
        for words in wordings
        if (at := paragraph.find(words)) >= 0
    ]
    assert said, "no page repeats the presenter's own words: the rule below would prove nothing"
    for name, words, cited in said:
        assert THE_WEBINAR.match(cited), f"{name}: « {words} » cites « {cited} », not the webinar itself"
