"""What a query finds: the Python twin of docs/assets/javascripts/search/query.js.

The rules, the same on both sides (tests/js/ and tests/relevance/ hold them to it):

- A query is folded into words as the index was (search/text.py). Stop words are left out,
  unless the query has nothing else.
- Each word is looked up as written and as its stem. The word still being typed (the last one,
  with no space after it) also matches every indexed word that starts with it or with its stem,
  so a result never disappears while the learner types more of its word ("tronconneu"). A
  one-letter prefix matches only short words (SHORT_WORD): a first letter says too little to be
  worth scanning half the index on every key.
- A word or two-word phrase that names a filter value ("gratuit", "online", « en ligne ») works
  as that filter ticked (`offers`, applied by `evaluate`): it leaves the words, so the count said
  is the list shown, the same as ticking it.
- Filler words ("course", "short", « formation », « courte »: text.FILLER_WORDS) leave a query
  that has other words, as stop words do: they never outrank the words that say what is wanted.
- A word of 5 letters or more that finds no record (TYPO_WHEN_FEWER) also matches indexed
  words at edit distance 1 (2 from 9 letters) with the same first letter, ranked below.
- Provider names are indexed as whole words under "~" only: "lawrence" finds St. Lawrence's
  credentials, "law" does not.
- A query needs only some shards of the index (search/index.py): for each word and its stem, the
  longest shard key that starts it, two letters or one (shard_key); then, for a word that finds
  nothing there and so looks for typos, every shard of its first letter (shards_needed). The
  browser's loader.js fetches those; `load_index(…, text=…)` reads the same.
- Records matching every word come first, by score. When none matches every word, records matching
  the most words are given, ranked by how many words they match, then by score, and the result
  says so (`partial`), so the page can say that not every word was found.
- Scores: the index gives each (word, record) a weight (title 10, keywords 6, synonyms 4, other
  language's title 3 and keywords 2, summary 1, provider 2); an exact match counts it in full, a
  prefix match half, a typo a quarter; a word keeps its best match per record; words add up. Equal
  scores keep the record order, which is title order.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .text import folded_words, stem

EXACT, PREFIX, TYPO = 1.0, 0.5, 0.25
TYPO_WHEN_FEWER = 1  # only when the word finds nothing: a typo guess never crowds out what was typed
PROVIDER_MARK = "~"
SHORT_WORD = 3  # a one-letter prefix matches only words this short: "r" finds RN and RCR, not half the index
_SHARD_LETTER = re.compile(r"[a-z0-9]")


@dataclass
class Word:
    text: str
    stem: str
    typing: bool  # the last word, still being typed: also a prefix


@dataclass
class Outcome:
    refs: list[int] | None  # None: no words, every record in order
    partial: bool = False
    offers: list[tuple[str, str]] = field(default_factory=list)  # (filter, key) the words named
    unfound: list[str] = field(default_factory=list)  # the words (folded) that found nothing at all


class QueryIndex:
    """A language's index as the browser sees it once every shard has arrived."""

    def __init__(self, manifest: dict, terms: dict[str, list[int]]):
        self.lang = manifest["lang"]
        self.stop_words = frozenset(manifest["stopWords"])
        self.filler_words = frozenset(manifest.get("fillerWords", ()))
        self.filter_words = manifest["filterWords"]
        self.terms = terms
        self.sorted_terms = sorted(terms)

    def postings(self, term: str):
        flat = self.terms.get(term, ())
        return zip(flat[0::2], flat[1::2], strict=True)

    def starting_with(self, prefix: str):
        position = bisect_left(self.sorted_terms, prefix)
        while position < len(self.sorted_terms) and self.sorted_terms[position].startswith(prefix):
            yield self.sorted_terms[position]
            position += 1


def analyse(text: str, index: QueryIndex) -> tuple[list[Word], list[tuple[str, str]]]:
    """The words to look up, and the filters named by words the index does not know."""
    found, offers = _take_filter_words(folded_words(text), index)
    typing_last = bool(text) and not text[-1].isspace()
    numbered = list(enumerate(found))
    content = [(i, w) for i, w in numbered if w not in index.stop_words]
    kept = [(i, w) for i, w in content if w not in index.filler_words] or content or numbered
    last = len(found) - 1
    return [Word(w, stem(w, index.lang), typing_last and i == last) for i, w in kept], offers


def _take_filter_words(found: list[str], index: QueryIndex):
    """The words left to look up, and the filters that words and two-word phrases name."""
    offers, kept, position = [], [], 0
    while position < len(found):
        pair = " ".join(found[position : position + 2])
        if position + 1 < len(found) and pair in index.filter_words:
            offers.append(tuple(index.filter_words[pair]))
            position += 2
            continue
        word = found[position]
        if word in index.filter_words:
            offers.append(tuple(index.filter_words[word]))
        else:
            kept.append(word)
        position += 1
    return kept, list(dict.fromkeys(offers))


def word_hits(word: Word, index: QueryIndex) -> dict[int, float]:
    hits = _matches(word, index)
    if _looks_for_typos(word, hits):
        exact = {word.text, word.stem}
        for term in typo_neighbours(word.text, index):
            if term not in exact:
                _add(hits, index, term, TYPO)
    return hits


def _matches(word: Word, index: QueryIndex) -> dict[int, float]:
    """The records a word finds as written, stemmed, a provider's word or (typed) a prefix."""
    hits: dict[int, float] = {}
    exact = {word.text, word.stem}
    for term in exact:
        _add(hits, index, term, EXACT)
    _add(hits, index, PROVIDER_MARK + word.text, EXACT)
    if word.typing:
        for start in sorted({word.text, word.stem}):
            for term in index.starting_with(start):
                if term not in exact and (len(start) > 1 or len(term) <= SHORT_WORD):
                    _add(hits, index, term, PREFIX)
    return hits


def _add(hits: dict[int, float], index: QueryIndex, term: str, factor: float) -> None:
    for ref, weight in index.postings(term):
        score = weight * factor
        if score > hits.get(ref, 0):
            hits[ref] = score


def _looks_for_typos(word: Word, hits: dict) -> bool:
    return len(hits) < TYPO_WHEN_FEWER and len(word.text) >= 5


def typo_neighbours(text: str, index: QueryIndex):
    distance = 2 if len(text) >= 9 else 1
    for term in index.starting_with(text[0]):
        if abs(len(term) - len(text)) <= distance and within(term, text, distance):
            yield term


def within(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance (Levenshtein) between a and b is at most `limit`."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def search(text: str, index: QueryIndex) -> Outcome:
    words, offers = analyse(text, index)
    if not words:
        return Outcome(None, offers=offers)
    per_word = [word_hits(word, index) for word in words]
    unfound = [word.text for word, hits in zip(words, per_word, strict=True) if not hits]
    totals: dict[int, list] = {}
    for hits in per_word:
        for ref, score in hits.items():
            total = totals.setdefault(ref, [0, 0.0])
            total[0] += 1
            total[1] += score
    everything = [ref for ref, (count, _) in totals.items() if count == len(words)]
    if everything:
        return Outcome(sorted(everything, key=lambda r: (-totals[r][1], r)), offers=offers, unfound=unfound)
    ranked = sorted(totals, key=lambda r: (-totals[r][0], -totals[r][1], r))
    return Outcome(ranked, partial=bool(ranked), offers=offers, unfound=unfound)


SUGGESTIONS = 3


def nearest_words(word: str, vocabulary: dict) -> list[str]:
    """The known words nearest a word that found nothing, as written (« soudur » -> « soudure »,
    "welidng" -> "welding"): at most 1 edit for a word of 4 letters or fewer, else 2, a swap of
    two letters counting as one; nearest first, then the most common, then alphabetical."""
    limit = 1 if len(word) <= 4 else 2
    found = []
    for key, (shown, count) in vocabulary["words"].items():
        if key != word and abs(len(key) - len(word)) <= limit:
            distance = swap_distance(word, key, limit)
            if distance <= limit:
                found.append((distance, -count, key, shown))
    return [shown for *_, shown in sorted(found)[:SUGGESTIONS]]


def swap_distance(a: str, b: str, limit: int | None = None) -> int:
    """Edits (insert, delete, change, swap two neighbours) from a to b: optimal string alignment.

    Past `limit`, any number over it: the search stops once two rows in a row are all over it.
    A beginning or an end the two share changes no distance, so it is left out first."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return len(a) + len(b)
    rows = [list(range(len(b) + 1))] + [[i] + [0] * len(b) for i in range(1, len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
        if limit is not None and min(rows[i]) > limit and min(rows[i - 1]) > limit:
            return limit + 1
    return rows[len(a)][len(b)]


def evaluate(outcome: Outcome, record_filters: list[dict], ticked: dict[str, set[str]] | None = None) -> list[int]:
    """The records a page lists for an outcome: those found that pass the ticked filters and the
    filters the words named, as if ticked (within a filter, options are alternatives). The twin of
    search/catalogue-data.js evaluate and FacetTable.evaluate; `record_filters[ref]` maps a
    filter to the record's keys."""
    wanted: dict[str, set[str]] = {param: set(keys) for param, keys in (ticked or {}).items() if keys}
    for param, key in outcome.offers:
        wanted.setdefault(param, set()).add(key)
    refs = outcome.refs if outcome.refs is not None else range(len(record_filters))
    return [
        ref for ref in refs if all(set(record_filters[ref].get(param, ())) & keys for param, keys in wanted.items())
    ]


def shard_key(term: str, shards=()) -> str:
    """The shard a word lives in: the longest key of `shards` (the manifest's) that starts it
    ("~" of provider words aside), two letters or one; "_" when it starts with neither a letter
    nor a digit. With no keys, its first letter: how search/index.py first splits the index."""
    bare = term.lstrip(PROVIDER_MARK)
    if not _SHARD_LETTER.fullmatch(bare[:1]):
        return "_"
    return bare[:2] if len(bare) > 1 and bare[:2] in shards else bare[:1]


def shards_for(text: str, lang: str, shards) -> set[str]:
    """The shards of a query's words and their stems (a stem may end where a shard key does)."""
    return {shard_key(form, shards) for word in folded_words(text) for form in (word, stem(word, lang))}


def typo_letters(text: str, index: QueryIndex, among) -> set[str]:
    """Of the letters `among`, those that words finding nothing start with: such a word looks for
    typos among every word of its first letter (typo_neighbours). Asked once the words' own
    shards are in `index`."""
    words, _ = analyse(text, index)
    candidates = [word for word in words if len(word.text) >= 5 and word.text[0] in among]
    return {word.text[0] for word in candidates if _looks_for_typos(word, _matches(word, index))}


def shards_needed(text: str, manifest: dict, terms_of) -> list[str]:
    """The shard keys a query fetches, as loader.js does: those of its words, then every shard of
    a typo-seeking word's first letter. `terms_of(key)` gives a shard's terms."""
    shards = manifest["shards"]
    if "*" in shards:
        return ["*"]
    keys = sorted(key for key in shards_for(text, manifest["lang"], shards) if key in shards)
    first = QueryIndex(manifest, {term: flat for key in keys for term, flat in terms_of(key).items()})
    absent = [key for key in shards if key not in keys]
    letters = typo_letters(text, first, {key[0] for key in absent})
    return keys + [key for key in absent if key[0] in letters]


def load_index(read, manifest_path: str, text: str | None = None) -> QueryIndex:
    """A language's index, `read(path)` giving a file's text (a built site's file, or
    SearchAssets.files.get); shard names are relative to the manifest, as in the browser. With
    `text`, only the shards that query needs (shards_needed), else every shard."""
    manifest = json.loads(read(manifest_path))
    folder = manifest_path.rsplit("/", 1)[0] + "/" if "/" in manifest_path else ""

    def terms_of(key: str) -> dict[str, list[int]]:
        return json.loads(read(folder + manifest["shards"][key].split("?")[0]))["terms"]

    keys = manifest["shards"] if text is None else shards_needed(text, manifest, terms_of)
    terms: dict[str, list[int]] = {}
    for key in keys:
        terms.update(terms_of(key))
    return QueryIndex(manifest, terms)
