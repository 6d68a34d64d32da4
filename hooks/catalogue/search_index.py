"""The search assets: one lunr index and one compact record list per language, built here.

The browser (docs/assets/javascripts/catalogue.js) loads them with lunr.js. An index names the
pipeline functions it was built with, and lunr.js refuses to load an index that names a function
it does not know; so every function below is registered under the same label in both languages,
and what the browser must share with the build (word separators, stop words) travels in the
index file rather than being copied into JavaScript.

Indexed: listed credentials (active and paused; discontinued ones leave search, as they leave
listings). A paused credential stays findable, as on the group pages, and says it is paused.
The index holds no display text; the record list holds what a result card shows.

Nothing here touches the network: lunr.py's language support would call `nltk.download` for
stop words, so the French pipeline is assembled by hand from the Snowball stemmer.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.stemmer import stemmer as english_stemmer
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS
from lunr.token import Token

from . import addresses
from .groups import NOT_SPECIFIED, groups_of, keys_of
from .model import LANGUAGES, Bilingual, Catalogue, Credential

DATA_FOLDER = "assets/catalogue-data"  # under docs/, git-ignored, generated

# Words split on spaces, hyphens, apostrophes (d'électricité -> d, électricité) and slashes.
SEPARATOR = r"[\s\-\u2010-\u2015'\u2018\u2019\u02bc/]+"

# lunr-languages' French list (Snowball's), folded below like every indexed word.
FRENCH_STOP_WORDS = """
ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions aurons
auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci celà ces cet
cette d dans de des du elle en es est et eu eue eues eurent eus eusse eussent eusses eussiez
eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses fussiez fussions fut fûmes fût
fûtes ici il ils j je l la le les leur leurs lui m ma mais me mes moi mon même n ne nos notre nous
on ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se sera serai seraient serais
serait seras serez seriez serions serons seront ses soi soient sois soit sommes son sont soyez
soyons suis sur t ta te tes toi ton tu un une vos votre vous y à étaient étais était étant étiez
étions été étée étées étés êtes
""".split()

# Fields searched, with how much a match in each weighs. The description is left out: it would
# double the index for little gain, as title, keywords and summary name what a credential is.
FIELDS = (("title", 10), ("keywords", 5), ("provider", 3), ("summary", 1))


def fold_accents(text: str) -> str:
    """« Sécurité » -> « securite »; catalogue.js applies the same rule to what a reader types."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = re.sub("[\u0300-\u036f]", "", decomposed)
    return stripped.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")


_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


def words(text: str) -> list[str]:
    return [w for w in re.split(SEPARATOR, text) if w]


# -- pipeline functions, registered under the labels catalogue.js registers too -------------


def _token_function(label: str, change):
    def function(token, i=None, tokens=None):
        return token.update(lambda text, metadata=None: change(text))

    Pipeline.register_function(function, label)
    return function


def _stop_word_function(label: str, stop_words: frozenset[str]):
    """Drops stop words, and the empty words trimming leaves ("«" -> "")."""

    def function(token, i=None, tokens=None):
        return None if str(token) in stop_words or not str(token) else token

    Pipeline.register_function(function, label)
    return function


fold_function = _token_function("foldAccents", fold_accents)
trim_function = _token_function("trimPunctuation", lambda text: _EDGE_PUNCTUATION.sub("", text))
_french_snowball = snowballstemmer.stemmer("french")


@dataclass(frozen=True)
class LanguagePipeline:
    """The functions every indexed word and every typed word goes through, in this order."""

    lang: str
    stop_words: frozenset[str]
    functions: tuple

    @classmethod
    def of(cls, lang: str, stop_words, stemmer) -> LanguagePipeline:
        stop_words = frozenset(stop_words)
        stop = _stop_word_function(f"stopWords-{lang}", stop_words)
        return cls(lang, stop_words, (fold_function, trim_function, stop, stemmer))


PIPELINES = {
    "fr": LanguagePipeline.of(
        "fr",
        (fold_accents(w) for w in FRENCH_STOP_WORDS),
        _token_function("stemmer-fr", _french_snowball.stemWord),  # lunr-languages' label
    ),
    "en": LanguagePipeline.of("en", ENGLISH_STOP_WORDS, english_stemmer),  # lunr's own "stemmer"
}


# -- filters: the facets a reader can tick on the catalogue page ----------------------------


@dataclass(frozen=True)
class FilterOption:
    key: str
    label: Bilingual


@dataclass(frozen=True)
class Filter:
    param: str  # the URL query parameter: permanent, newsletters link to it
    legend: str  # key of overrides/locales/catalogue.yml
    options: tuple[FilterOption, ...]


# (URL parameter, facet of groups.py, whether it has a "not specified" option). Required fields
# are always known; funding is a yes-or-no question ("eligible for OSAP"), not a fact left out.
GROUP_FILTERS = (
    ("sector", "sectors", False),
    ("pathway", "pathways", False),
    ("cost", "cost", True),
    ("delivery", "delivery", True),
    ("region", "regions", True),
    ("hours", "hours", True),
    ("funding", "funding", False),
    ("language", "languages", True),
)
INTAKE_OPTIONS = ("continuous", "upcoming")  # "upcoming" is decided in the browser, on its day


def filters(catalogue: Catalogue, strings: dict) -> list[Filter]:
    """Every filter of the catalogue page, with its options in taxonomy order."""
    result = []
    for param, facet, with_unknown in GROUP_FILTERS:
        options = [FilterOption(key, label) for key, label in _facet_values(facet, catalogue, strings)]
        if with_unknown:
            options.append(FilterOption(NOT_SPECIFIED, _unknown_label(facet, catalogue, strings)))
        result.append(Filter(param, f"facet_{facet}", tuple(options)))
    intake = [FilterOption(key, Bilingual(**strings[f"intake_option_{key}"])) for key in INTAKE_OPTIONS]
    result.append(Filter("intake", "facet_intake", tuple(intake)))
    return result


def _facet_values(facet: str, catalogue: Catalogue, strings: dict):
    if facet == "languages":  # of instruction: the two the record format allows
        return [(code, Bilingual(**strings[f"language_{code}"])) for code in LANGUAGES]
    return [(group.key, group.label) for group in groups_of(facet, catalogue, None)]


def _unknown_label(facet: str, catalogue: Catalogue, strings: dict) -> Bilingual:
    taxonomies = catalogue.taxonomies
    if facet == "cost":
        return taxonomies.cost_unknown
    if facet == "hours":
        return taxonomies.hours_unknown
    return Bilingual(**strings[f"{facet}_not_specified"])


def filter_keys(credential: Credential, catalogue: Catalogue) -> dict[str, list[str]]:
    """The option keys of each filter that a credential matches (intake excepted)."""
    keys = {}
    for param, facet, with_unknown in GROUP_FILTERS:
        values = [k for k in keys_of(credential, facet, catalogue) if with_unknown or k != NOT_SPECIFIED]
        keys[param] = values
    return keys


# -- the files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchAssets:
    """The generated files (docs-relative path -> text) and, per language, their names."""

    files: dict[str, str]
    index_file: dict[str, str]
    records_file: dict[str, str]

    def version(self, path: str) -> str:
        """A short hash of a file's content, so a browser never pairs an old index with new records."""
        return hashlib.sha1(self.files[path].encode()).hexdigest()[:10]


def build_search_assets(catalogue: Catalogue, card_facts) -> SearchAssets:
    """`card_facts(credential, lang)` gives the short labels a card shows, as on group pages."""
    files, index_file, records_file = {}, {}, {}
    listed = catalogue.listed
    for lang in LANGUAGES:
        index_file[lang] = f"{DATA_FOLDER}/search-{lang}.json"
        records_file[lang] = f"{DATA_FOLDER}/records-{lang}.json"
        files[index_file[lang]] = _compact(search_index(listed, catalogue, lang))
        files[records_file[lang]] = _compact(
            {"records": [result_record(c, catalogue, lang, card_facts) for c in listed]}
        )
    return SearchAssets(files, index_file, records_file)


def search_index(credentials, catalogue: Catalogue, lang: str) -> dict:
    """The serialised lunr index of `credentials` (ref = position in the record list)."""
    pipeline = PIPELINES[lang]
    builder = Builder()
    # Words reach the builder already through the pipeline (see index_terms), so its indexing
    # pipeline stays empty; the search pipeline is what the index file names for lunr.js.
    builder.search_pipeline.add(*pipeline.functions)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for position, credential in enumerate(credentials):
        builder.add(_document(position, credential, catalogue, lang))
    return {
        "separator": SEPARATOR,
        "stopWords": sorted(pipeline.stop_words),
        "index": builder.build().serialize(),
    }


def _document(position: int, credential: Credential, catalogue: Catalogue, lang: str) -> dict:
    provider = catalogue.providers[credential.provider]
    keywords = " ".join(k[lang] for k in credential.keywords)
    texts = {
        "title": credential.title[lang],
        "keywords": keywords,
        "provider": provider.name[lang],
        "summary": credential.summary[lang],
    }
    terms = {field: [term for word in words(text) for term in index_terms(word, lang)] for field, text in texts.items()}
    return {"ref": str(position), **terms}


@lru_cache(maxsize=200_000)
def index_terms(word: str, lang: str) -> tuple[str, ...]:
    """A word through the language's pipeline, once per distinct word: the same few thousand
    words recur across thousands of records, and the pipeline was most of the indexing time."""
    tokens = [Token(word.lower())]
    for function in PIPELINES[lang].functions:
        tokens = [result for token in tokens if (result := function(token))]
    return tuple(str(token) for token in tokens)


def result_record(credential: Credential, catalogue: Catalogue, lang: str, card_facts) -> dict:
    """What a result card shows, and the filter keys it answers to."""
    record = {
        "id": credential.id,
        "title": credential.title[lang],
        "provider": catalogue.providers[credential.provider].name[lang],
        "summary": credential.summary[lang],
        "url": addresses.relative("catalogue", addresses.credential_page(credential.id), lang),
        "facts": list(card_facts(credential, lang)),
        "filters": filter_keys(credential, catalogue),
        "continuous": credential.intake_continuous,
        "starts": [d.isoformat() for d in credential.intake_dates],
    }
    if credential.status != "active":
        record["status"] = credential.status
    return record


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
