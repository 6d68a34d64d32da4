"""The search assets, per language: an index split in shards by first letter, and the record list.

The browser (docs/assets/javascripts/search/) fetches the small manifest, then only the shards
of the first letters a query needs (as Pagefind does), so a large catalogue costs a reader the
words they type, not the whole index. search/query.py is the Python twin of the browser's query
rules; search/text.py holds the word rules both sides share.

The shards (the manifest's "shards": key -> file name):
- "*": the whole index, when it is small (SINGLE_SHARD_BELOW): one file, one request.
- Else one shard per first letter or digit of a word ("~" of provider words aside), and "_" for
  words starting with neither.
- A first-letter shard over SPLIT_SHARD_ABOVE is split by its words' first two letters ("so",
  "se"…), and its one-letter key keeps what a one-letter word looks up: the words with no
  second letter or digit ("s", "s&p") and a copy of the words of SHORT_WORD letters or fewer,
  all a one-letter prefix matches (search/query.py).
A word's shard is the longest key of the manifest that starts it (search/query.py shard_key):
two letters, else one.

Indexed: listed credentials (active and paused; discontinued ones leave search, as they leave
listings). A paused credential stays findable, as on the group pages, and says it is paused.
Each index holds, per word (as written, folded, and its stem), the records that have it and a
weight: the page language's title, keywords and summary, the synonyms of data/synonyms.yml, the
other language's title and keywords (lower: a bilingual learner's word finds the record, shown
in the page's language), the labels of its groups in both languages (sector, goal path, delivery,
regions, languages: « santé » and "health" find the health sector), the provider's name as whole
words only (see search/query.py), and, weighed lowest, the rest of what the page shows
(description, prerequisites, outcomes…).
The records file holds what a result card shows, in title order: the order of an empty query.

Nothing here touches the network.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

from .. import addresses
from ..model.catalogue import LANGUAGES, Bilingual, Catalogue, Credential
from ..model.facets import NOT_SPECIFIED, registry_of
from ..model.groups import groups_of
from ..wording.typography import french_text
from .query import PROVIDER_MARK, SHORT_WORD, shard_key
from .synonyms import Synonyms
from .text import FILLER_WORDS, SEPARATOR, STOP_WORDS, fold_accents, folded_words, stem, words

DATA_FOLDER = addresses.SEARCH_DATA  # under docs/, git-ignored, generated

# How much a word weighs in each field (see search/query.py for how matches add up).
FIELD_WEIGHTS = {
    "title": 10,
    "keywords": 6,
    "synonyms": 4,
    "other_title": 3,
    "other_keywords": 2,
    "labels": 3,  # the groups a card and a page name: sector, goal path, delivery, regions, languages
    "other_labels": 2,
    "summary": 1,
    "page": 1,  # the rest of what the page shows: a word the learner just read there finds it
}
# A Markdown link's address is not text the page shows: "[site](https://…)" reads "site".
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
PROVIDER_WEIGHT = 2
_SHARD_KEY = re.compile(r"[a-z0-9]")
FIRST_PAGE = 20  # results per page; the catalogue page's HTML holds the first page (view.js: PAGE_SIZE)
SINGLE_SHARD_BELOW = 64_000  # bytes: a small index is one file, one request
# Bytes of JSON (about 24 KB gzipped): on Fast 3G a bigger shard delays a query's first answer
# by over a second (bench/RESULTS.md), so its words are split by their first two letters.
SPLIT_SHARD_ABOVE = 96_000
CARD_CHUNK = 25  # cards per file: a query's first page fetches the few files its results are in

__all__ = ["SEPARATOR", "fold_accents", "words"]


# -- filters: the facets a reader can tick on the catalogue page ----------------------------


@dataclass(frozen=True)
class FilterOption:
    key: str
    label: Bilingual


# A filter with more options than a phone shows at once gets a box to find one (the providers).
FINDER_FROM = 13


@dataclass(frozen=True)
class Filter:
    param: str  # the URL query parameter: permanent, newsletters link to it
    legend: str  # key of overrides/locales/catalogue.yml
    options: tuple[FilterOption, ...]

    @property
    def findable(self) -> bool:
        return len(self.options) >= FINDER_FROM


INTAKE_OPTIONS = ("continuous", "upcoming")  # "upcoming" is decided in the browser, on its day


def filters(catalogue: Catalogue, strings: dict) -> list[Filter]:
    """Every filter of the catalogue page, with its options in taxonomy order, but those no listed
    credential has after those that hold some: a way in that holds nothing is not offered first
    (issue 25). Bands keep their order, held or empty: « 20 à 49 heures » never comes before
    « moins de 20 ». "Not specified" stays last, where a reader looks for it."""
    result = []
    for facet in registry_of(catalogue).filters:
        groups = groups_of(facet, catalogue, strings)
        known = [g for g in groups if g.key != NOT_SPECIFIED]
        if not facet.ordered:
            known = [g for g in known if g.credentials] + [g for g in known if not g.credentials]
        ordered = known + [g for g in groups if g.key == NOT_SPECIFIED]
        options = [FilterOption(g.key, g.label) for g in ordered]
        result.append(Filter(facet.param, f"facet_{facet.name}", tuple(options)))
    intake = [FilterOption(key, Bilingual(**strings[f"intake_option_{key}"])) for key in INTAKE_OPTIONS]
    result.append(Filter("intake", "facet_intake", tuple(intake)))
    return result


def filter_option_keys(catalogue: Catalogue) -> dict[str, set[str]]:
    """Every filter's option keys (URL parameter -> keys), as data/synonyms.yml may name them."""
    keys = {facet.param: set(facet.keys(catalogue)) for facet in registry_of(catalogue).filters}
    keys["intake"] = set(INTAKE_OPTIONS)
    return keys


def filter_keys(credential: Credential, catalogue: Catalogue) -> dict[str, list[str]]:
    """The option keys of each filter that a credential matches (intake excepted)."""
    return {
        facet.param: [k for k in facet.keys_of(credential, catalogue) if facet.unknown or k != NOT_SPECIFIED]
        for facet in registry_of(catalogue).filters
    }


# -- the files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchAssets:
    """The generated files (docs-relative path -> text) and, per language, their names."""

    files: dict[str, str]
    index_file: dict[str, str]  # the manifest: word rules, shard and card file names, filter words
    records_file: dict[str, str]  # every record's filter keys and intake: what search-ready needs

    def records(self, lang: str) -> list[dict]:
        """Every record as the page puts it together: filter keys, intake and card fields."""
        return joined_records(self.files.get, self.index_file[lang], self.records_file[lang])

    def version(self, path: str) -> str:
        """A short hash of a file's content, so a browser never pairs an old index with new records."""
        return addresses.content_version(self.files[path])

    def shard_map(self, lang: str) -> dict:
        """What a page needs to ask for a query's shards before its script arrives: the word
        separator and the shard file names (the manifest's, relative to it)."""
        manifest = json.loads(self.files[self.index_file[lang]])
        return {"separator": manifest["separator"], "shards": manifest["shards"]}


def build_search_assets(
    catalogue: Catalogue,
    card_facts,
    synonyms: Synonyms | None = None,
    strings=None,
    single_shard_below=SINGLE_SHARD_BELOW,
    split_shard_above=SPLIT_SHARD_ABOVE,
) -> SearchAssets:
    """`card_facts(credential, lang)` gives the short labels a card shows, as on group pages;
    `strings` the site's words (overrides/locales/catalogue.yml)."""
    synonyms = synonyms or Synonyms()
    files, index_file, records_file = {}, {}, {}
    for lang in LANGUAGES:
        listed = title_order(catalogue, lang)
        index_file[lang] = f"{DATA_FOLDER}/search-{lang}.json"
        records_file[lang] = f"{DATA_FOLDER}/facets-{lang}.json"
        records = [result_record(c, catalogue, lang, card_facts) for c in listed]
        files[records_file[lang]] = _compact(facet_table(records, [f.param for f in registry_of(catalogue).filters]))
        terms = index_terms(listed, catalogue, lang, synonyms, strings)
        manifest = {
            "lang": lang,
            "separator": SEPARATOR,
            "stopWords": sorted(STOP_WORDS[lang]),
            "fillerWords": sorted(FILLER_WORDS[lang]),
            "filterWords": filter_words(catalogue, synonyms, strings, lang),
            "shards": _named_files(files, f"search-{lang}", _shards(terms, single_shard_below, split_shard_above)),
            "cards": {
                "count": len(records),  # the page can search before the facet table arrives
                "size": CARD_CHUNK,
                "files": list(_named_files(files, f"cards-{lang}", _card_chunks(records, lang)).values()),
            },
        }
        words_name = f"words-{lang}.json"
        words_text = files[f"{DATA_FOLDER}/{words_name}"] = _compact(
            vocabulary(listed, catalogue, lang, synonyms, strings)
        )
        manifest["vocabulary"] = f"{words_name}?v={addresses.content_version(words_text)}"
        files[index_file[lang]] = _compact(manifest)
    return SearchAssets(files, index_file, records_file)


def _shards(terms: dict, single_shard_below: int, split_shard_above: int) -> dict[str, dict]:
    split = split_in_shards(terms)
    if sum(len(_compact(part)) for part in split.values()) < single_shard_below:
        return {"*": {"terms": terms}}
    shards = {}
    for key, part in split.items():
        if key != "_" and len(_compact({"terms": part})) > split_shard_above:
            shards.update(split_by_two_letters(key, part))
        else:
            shards[key] = part
    return {key: {"terms": part} for key, part in shards.items()}


def _card_chunks(records: list[dict], lang: str) -> dict[str, dict]:
    chunks = range(0, len(records), CARD_CHUNK)
    return {
        str(i // CARD_CHUNK): {"records": [_card_fields(r, lang) for r in records[i : i + CARD_CHUNK]]} for i in chunks
    }


def _named_files(files: dict, stem: str, parts: dict[str, dict]) -> dict[str, str]:
    """Writes each part as `stem-key.json` ("all" for "*") and gives key -> "name?v=hash"."""
    names = {}
    for key, content in parts.items():
        name = f"{stem}-{'all' if key == '*' else key}.json"
        text = files[f"{DATA_FOLDER}/{name}"] = _compact(content)
        names[key] = f"{name}?v={addresses.content_version(text)}"
    return names


def title_order(catalogue: Catalogue, lang: str) -> list[Credential]:
    """Listed credentials by title as a reader sorts them: accents and case aside."""
    return sorted(catalogue.listed, key=lambda c: (fold_accents(c.title[lang]), c.id))


def index_terms(credentials, catalogue: Catalogue, lang: str, synonyms: Synonyms, strings=None) -> dict[str, list[int]]:
    """Every indexed word -> [ref, weight, ref, weight…], ref being the position in the record list."""
    postings: dict[str, list[int]] = defaultdict(list)
    tables = label_tables(catalogue, strings)
    for ref, credential in enumerate(credentials):
        for term, weight in record_weights(credential, catalogue, lang, synonyms, strings, tables).items():
            postings[term].extend((ref, weight))
    # In word order: the words come out of sets, and the same data must give the same bytes
    # (a rebuild with unchanged data changes no file, and no ?v= version).
    return {term: postings[term] for term in sorted(postings)}


def record_weights(
    credential: Credential, catalogue: Catalogue, lang: str, synonyms: Synonyms, strings=None, tables=None
) -> dict[str, int]:
    other = "en" if lang == "fr" else "fr"
    c = credential
    texts = {
        "title": (c.title[lang], lang),
        "keywords": (" , ".join(k[lang] for k in c.keywords), lang),
        "summary": (c.summary[lang], lang),
        "other_title": (c.title[other], other),
        "other_keywords": (" , ".join(k[other] for k in c.keywords), other),
        "labels": (" , ".join(group_labels(c, catalogue, strings, lang, tables)), lang),
        "other_labels": (" , ".join(group_labels(c, catalogue, strings, other, tables)), other),
        "page": (page_text(c, catalogue, lang), lang),
    }
    own_words = [w for field in ("title", "keywords", "summary") for w in folded_words(texts[field][0])]
    texts["synonyms"] = (" , ".join(synonyms.expansions(lang, own_words)), lang)
    provider = catalogue.providers[c.provider].name
    provider_words = {word for text_lang in LANGUAGES for word in folded_words(provider[text_lang])}
    weights: dict[str, int] = defaultdict(int)
    for field, (text, text_lang) in texts.items():
        # A description naming its provider ("St. Lawrence College") must not make "law" find it:
        # provider words are found as whole words only, below.
        skip = provider_words if field == "page" else frozenset()
        for term in _terms(text, text_lang, lang, skip):
            weights[term] += FIELD_WEIGHTS[field]
    for text_lang in LANGUAGES:
        for word in folded_words(provider[text_lang]):
            if word not in STOP_WORDS[text_lang]:
                weights[PROVIDER_MARK + word] = PROVIDER_WEIGHT
    return weights


# The facets whose labels a card or a page shows as words ("Santé", "En ligne", "Nord de
# l'Ontario", "Français"); cost and hours are numbers, the provider is found by its name.
LABELLED_FACETS = ("sectors", "pathways", "delivery", "regions", "campus", "languages")


def label_tables(catalogue: Catalogue, strings) -> list[tuple]:
    """Each labelled facet with its values' labels (key -> label): made once per index, not once
    per record (a quarter of the search files' time went to making them again)."""
    registry = registry_of(catalogue)
    return [
        (registry[name], {value.key: value.label for value in registry[name].values(catalogue, strings or {})})
        for name in LABELLED_FACETS
        if name != "languages" or strings is not None
    ]


def group_labels(credential: Credential, catalogue: Catalogue, strings, lang: str, tables=None) -> list[str]:
    """The labels of the groups a credential is in, in one language: « santé » and "health" find
    the health sector's records in either index. `tables`: label_tables, when already made."""
    labels = []
    for facet, values in label_tables(catalogue, strings) if tables is None else tables:
        labels += [values[key][lang] for key in facet.keys_of(credential, catalogue) if key in values]
    return labels


def page_text(credential: Credential, catalogue: Catalogue, lang: str) -> str:
    """What the credential's page shows besides title, summary and keywords, in its language:
    the description, prerequisites, assessment, outcomes, the cost note and the standard (the
    labels of its groups are group_labels). Weighed low (FIELD_WEIGHTS["page"])."""
    c = credential
    texts = [_LINK_TARGET.sub("]", c.description[lang]) if c.description else ""]
    texts += [text[lang] for text in (c.prerequisites, c.assessment, c.cost_note) if text]
    texts += [outcome[lang] for outcome in c.outcomes]
    texts += [c.award.standard[lang]] if c.award and c.award.standard else []
    return " , ".join(texts)


def _terms(text: str, text_lang: str, index_lang: str, skip=frozenset()) -> set[str]:
    """A field's distinct words (but those in `skip`), as written and stemmed with the index's
    stemmer (the query's)."""
    found = set()
    for word in folded_words(text):
        if word not in STOP_WORDS[text_lang] and word not in skip:
            found.add(word)
            found.add(stem(word, index_lang))
    return found


def vocabulary(credentials, catalogue: Catalogue, lang: str, synonyms: Synonyms, strings=None) -> dict:
    """The words a learner could mean when a word finds nothing (« soudur » -> « soudure ? »):
    those of titles, keywords, summaries, group labels and synonyms, as written (lowercase,
    accents kept) with how many records have them, most common spelling first. Loaded by the
    page only on an empty answer; search/query.py nearest_words reads it."""
    other = "en" if lang == "fr" else "fr"
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    tables = label_tables(catalogue, strings)
    for credential in credentials:
        c = credential
        texts = [c.title[lang], c.summary[lang], c.title[other], *(k[lang] for k in c.keywords)]
        texts += [k[other] for k in c.keywords]
        texts += group_labels(c, catalogue, strings, lang, tables) + group_labels(c, catalogue, strings, other, tables)
        own = [w for text in texts for w in folded_words(text)]
        texts += synonyms.expansions(lang, own)
        seen: set[str] = set()
        for text in texts:
            for written in words(text):
                shown = _EDGE.sub("", written.lower())
                key = " ".join(folded_words(shown))
                if key in seen or not _WORD.fullmatch(key) or key in STOP_WORDS[lang] or key in FILLER_WORDS[lang]:
                    continue
                seen.add(key)
                counts[key][shown] += 1
    result = {}
    for key in sorted(counts):
        spellings = counts[key]
        shown = min(spellings, key=lambda w: (-spellings[w], w))
        result[key] = [shown, sum(spellings.values())]
    return {"words": result}


_WORD = re.compile(r"[a-z]{3,}")  # folded: letters only, three or more
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def split_in_shards(terms: dict[str, list[int]]) -> dict[str, dict[str, list[int]]]:
    shards: dict[str, dict] = defaultdict(dict)
    for term in sorted(terms):
        shards[shard_key(term)][term] = terms[term]
    return dict(shards)


def split_by_two_letters(letter: str, terms: dict[str, list[int]]) -> dict[str, dict[str, list[int]]]:
    """A first letter's words by their first two letters; those with no second letter or digit
    under `letter`, with a copy of the short words a one-letter prefix matches (query.SHORT_WORD):
    a typed « s » then fetches one small shard, not all of them."""
    shards: dict[str, dict] = defaultdict(dict)
    for term, postings in terms.items():
        second = term.lstrip(PROVIDER_MARK)[1:2]
        key = letter + second if _SHARD_KEY.fullmatch(second) else letter
        shards[key][term] = postings
        if key != letter and term.startswith(letter) and len(term) <= SHORT_WORD:
            shards[letter][term] = postings
    return dict(shards)


def filter_words(catalogue: Catalogue, synonyms: Synonyms, strings, lang: str) -> dict[str, list[str]]:
    """Folded word or two-word phrase -> [filter, option key]: the option labels, both languages,
    and the other words data/synonyms.yml gives for them."""
    found: dict[str, list[str]] = {}
    if strings is not None:
        for option_filter in filters(catalogue, strings):
            for option in option_filter.options:
                if option.key == NOT_SPECIFIED or option_filter.param == "sector":
                    continue
                for label_lang in LANGUAGES:
                    label = " ".join(folded_words(option.label[label_lang]))
                    if 0 < len(label.split()) <= 2 and label not in STOP_WORDS[lang]:
                        found.setdefault(label, [option_filter.param, option.key])
    for (param, key), phrases in synonyms.filter_words.get(lang, {}).items():
        for phrase in phrases:
            found.setdefault(phrase, [param, key])
    return found


def result_record(credential: Credential, catalogue: Catalogue, lang: str, card_facts) -> dict:
    """What a result card shows, and the filter keys it answers to."""
    record = {
        "id": credential.id,
        "title": credential.title[lang],
        "provider": catalogue.provider_line(credential, lang),
        "summary": credential.summary[lang],
        "url": addresses.relative(addresses.CATALOGUE, addresses.credential_page(credential.id), lang),
        "facts": list(card_facts(credential, lang)),
        "filters": filter_keys(credential, catalogue),
        "continuous": credential.intake_continuous,
        "starts": [d.isoformat() for d in credential.intake_dates],
    }
    if credential.status != "active":
        record["status"] = credential.status
    return record


_CARD_FIELDS = ("id", "title", "provider", "summary", "url", "facts", "status")


def _card_fields(record: dict, lang: str) -> dict:
    card = {key: record[key] for key in _CARD_FIELDS if key in record}
    if lang == "fr":  # the no-break spaces the build's pages get (typography.py), for cards a script draws
        for key in ("title", "provider", "summary"):
            card[key] = french_text(card[key])
        card["facts"] = [french_text(fact) for fact in card["facts"]]
    return card


def facet_table(records: list[dict], params: list[str]) -> dict:
    """The records' filter keys, as numbers into per-filter key lists, and their intake: small
    enough at 10,000 records to load before the first search, unlike the cards."""
    keys: dict[str, list[str]] = {param: [] for param in params}
    numbers: dict[str, dict[str, int]] = {param: {} for param in params}
    rows = []
    for record in records:
        row = []
        for param in params:
            for key in record["filters"][param]:
                numbers[param].setdefault(key, len(keys[param]))
                if len(keys[param]) == numbers[param][key]:
                    keys[param].append(key)
            row.append([numbers[param][key] for key in record["filters"][param]])
        rows.append(row)
    return {
        "params": params,
        "keys": keys,
        "records": rows,
        "continuous": [int(r["continuous"]) for r in records],
        "starts": {str(i): r["starts"] for i, r in enumerate(records) if r["starts"]},
    }


def joined_records(read, manifest_path: str, facets_path: str) -> list[dict]:
    """The record list put back together from the facet table and the card files, as the
    browser does (`read(path)` gives a file's text; card files are next to the manifest)."""
    folder = manifest_path.rsplit("/", 1)[0] + "/" if "/" in manifest_path else ""
    manifest, table = json.loads(read(manifest_path)), json.loads(read(facets_path))
    cards = [c for name in manifest["cards"]["files"] for c in json.loads(read(folder + name.split("?")[0]))["records"]]
    records = []
    for position, (card, row) in enumerate(zip(cards, table["records"], strict=True)):
        filters = {p: [table["keys"][p][n] for n in numbers] for p, numbers in zip(table["params"], row, strict=True)}
        starts = table["starts"].get(str(position), [])
        records.append(
            {**card, "filters": filters, "continuous": bool(table["continuous"][position]), "starts": starts}
        )
    return records


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
