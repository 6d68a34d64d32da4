/* What a query finds. The rules are documented once, in hooks/microcredential_catalogue/search/query.py (the
 * Python twin the relevance suite runs); tests/js/query.test.mjs and
 * tests/test_search_twin.py hold this file to the same answers.
 *
 * In short: every word must match when some record has them all, else records matching the most
 * words are given and `partial` says so; the word being typed is also a prefix (stemmed and not);
 * a word of 5+ letters finding little also matches at edit distance 1 (2 from 9 letters); words
 * naming a filter value work as that filter ticked (they leave the words; catalogue-data.js
 * applies them); filler words ("course", « formation ») leave a query that has other words;
 * provider names match whole words only. */

import { foldedWords } from "./text.js";

export const EXACT = 1, PREFIX = 0.5, TYPO = 0.25;
export const TYPO_WHEN_FEWER = 1; // only when the word finds nothing
export const PROVIDER_MARK = "~";
export const SHORT_WORD = 3; // a one-letter prefix matches only words this short (RN, RCR)

/* The shard a word lives in: the longest key of `shards` (the manifest's) that starts it (after
 * "~"), two letters or one; "_" when it starts with neither a letter nor a digit. */
export function shardKey(term, shards = {}) {
  const bare = term.replace(/^~+/, "");
  if (!/^[a-z0-9]$/.test(bare.charAt(0))) return "_";
  return bare.length > 1 && Object.hasOwn(shards, bare.slice(0, 2)) ? bare.slice(0, 2) : bare.charAt(0);
}

/* A language's index: the manifest's rules and the terms of the shards loaded so far. */
export class QueryIndex {
  constructor(manifest, stem) {
    this.lang = manifest.lang;
    this.separator = new RegExp(manifest.separator);
    this.stopWords = new Set(manifest.stopWords);
    this.fillerWords = new Set(manifest.fillerWords || []);
    this.filterWords = manifest.filterWords;
    this.stem = stem;
    this.terms = new Map();
    this.sortedTerms = [];
    this.refLimit = 0; // one more than the largest record position in the shards loaded
    this.scratch = null;
  }

  /* A shard's words join the sorted list by merging, not by sorting every word again. */
  addShard(terms) {
    const added = [];
    for (const term of Object.keys(terms)) {
      const flat = terms[term];
      if (!this.terms.has(term)) added.push(term);
      this.terms.set(term, flat);
      for (let i = 0; i < flat.length; i += 2) if (flat[i] >= this.refLimit) this.refLimit = flat[i] + 1;
    }
    this.sortedTerms = mergeSorted(this.sortedTerms, added.sort(byCodePoint));
  }

  /* Per-record score arrays reused by every query: a keystroke allocates (and so collects) little. */
  tallies() {
    if (!this.scratch || this.scratch.limit < this.refLimit) {
      this.scratch = { limit: this.refLimit, word: new ScoreSet(this.refLimit), total: new ScoreSet(this.refLimit), counts: new Int32Array(this.refLimit) };
    }
    return this.scratch;
  }

  postings(term) {
    return this.terms.get(term) || [];
  }

  * startingWith(prefix) {
    let low = 0, high = this.sortedTerms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (byCodePoint(this.sortedTerms[middle], prefix) < 0) low = middle + 1; else high = middle;
    }
    for (let i = low; i < this.sortedTerms.length && this.sortedTerms[i].startsWith(prefix); i++) {
      yield this.sortedTerms[i];
    }
  }
}

/* Python sorts strings by code point; so does this (localeCompare would not). */
function byCodePoint(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mergeSorted(a, b) {
  const merged = new Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) merged[k++] = a[i] < b[j] ? a[i++] : b[j++];
  while (i < a.length) merged[k++] = a[i++];
  while (j < b.length) merged[k++] = b[j++];
  return merged;
}

/* Record position -> score, for the records touched so far; `clear` undoes only those. A score
 * of 0 is never kept, as in a map that keeps the best score above 0. */
class ScoreSet {
  constructor(limit) {
    this.score = new Float64Array(limit);
    this.refs = new Int32Array(limit);
    this.size = 0;
  }

  keepBest(ref, score) {
    const old = this.score[ref];
    if (score <= old) return;
    if (old === 0) this.refs[this.size++] = ref;
    this.score[ref] = score;
  }

  clear() {
    for (let i = 0; i < this.size; i++) this.score[this.refs[i]] = 0;
    this.size = 0;
  }
}

/* The words to look up ({text, stem, typing}) and the filters named by unknown words. */
export function analyse(text, index) {
  const taken = takeFilterWords(foldedWords(text, index.separator), index);
  const found = taken.kept;
  const typingLast = text.length > 0 && !/\s$/.test(text);
  const numbered = found.map((word, position) => [position, word]);
  const content = numbered.filter(([, word]) => !index.stopWords.has(word));
  let kept = content.filter(([, word]) => !index.fillerWords.has(word));
  if (!kept.length) kept = content.length ? content : numbered;
  const last = found.length - 1;
  const words = kept.map(([position, word]) => ({
    text: word, stem: index.stem(word), typing: typingLast && position === last,
  }));
  return { words, offers: taken.offers };
}

function takeFilterWords(found, index) {
  const offers = [], kept = [];
  const seen = new Set();
  const offer = (pair) => {
    const key = pair.join("=");
    if (!seen.has(key)) { seen.add(key); offers.push(pair); }
  };
  for (let position = 0; position < found.length; position++) {
    const pair = found.slice(position, position + 2).join(" ");
    if (position + 1 < found.length && Object.hasOwn(index.filterWords, pair)) {
      offer(index.filterWords[pair]);
      position++;
      continue;
    }
    const word = found[position];
    if (Object.hasOwn(index.filterWords, word)) offer(index.filterWords[word]);
    else kept.push(word);
  }
  return { kept, offers };
}

/* The shards of a query's words and their stems (a stem may end where a shard key does). */
export function shardsFor(text, index, shards = {}) {
  const keys = new Set();
  for (const word of foldedWords(text, index.separator)) {
    keys.add(shardKey(word, shards));
    keys.add(shardKey(index.stem(word), shards));
  }
  return keys;
}

/* Of the letters `among`, those that words finding nothing start with: such a word looks for
 * typos among every word of its first letter (typoNeighbours). Asked once the words' own shards
 * are in the index; `among` spares a keystroke the lookups when every shard is in. */
export function typoLetters(text, index, among) {
  const letters = new Set();
  const hits = index.tallies().word;
  for (const word of analyse(text, index).words) {
    if (word.text.length < 5 || !among.has(word.text.charAt(0))) continue;
    hits.clear();
    collectMatches(word, index, hits);
    if (looksForTypos(word, hits)) letters.add(word.text.charAt(0));
  }
  hits.clear();
  return letters;
}

/* The records `word` finds and their best score, as a map. */
export function wordHits(word, index) {
  const hits = index.tallies().word;
  hits.clear();
  collectHits(word, index, hits);
  const found = new Map();
  for (let i = 0; i < hits.size; i++) found.set(hits.refs[i], hits.score[hits.refs[i]]);
  hits.clear();
  return found;
}

/* Adds to `hits` (a cleared ScoreSet) every record `word` finds, with its best score. */
function collectHits(word, index, hits) {
  collectMatches(word, index, hits);
  if (looksForTypos(word, hits)) {
    for (const term of typoNeighbours(word.text, index)) {
      if (term !== word.text && term !== word.stem) addPostings(hits, index, term, TYPO);
    }
  }
}

/* The records a word finds as written, stemmed, a provider's word or (typed) a prefix. */
function collectMatches(word, index, hits) {
  const exact = new Set([word.text, word.stem]);
  for (const term of exact) addPostings(hits, index, term, EXACT);
  addPostings(hits, index, PROVIDER_MARK + word.text, EXACT);
  if (word.typing) {
    for (const start of Array.from(new Set([word.text, word.stem])).sort(byCodePoint)) {
      for (const term of index.startingWith(start)) {
        if (!exact.has(term) && (start.length > 1 || term.length <= SHORT_WORD)) addPostings(hits, index, term, PREFIX);
      }
    }
  }
}

function addPostings(hits, index, term, factor) {
  const flat = index.postings(term);
  for (let i = 0; i < flat.length; i += 2) hits.keepBest(flat[i], flat[i + 1] * factor);
}

function looksForTypos(word, hits) {
  return hits.size < TYPO_WHEN_FEWER && word.text.length >= 5;
}

function* typoNeighbours(text, index) {
  const distance = text.length >= 9 ? 2 : 1;
  for (const term of index.startingWith(text.charAt(0))) {
    if (Math.abs(term.length - text.length) <= distance && within(term, text, distance)) yield term;
  }
}

/* Whether the edit distance (Levenshtein) between a and b is at most `limit`. */
export function within(a, b, limit) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < smallest) smallest = value;
    }
    if (smallest > limit) return false;
    previous = current;
  }
  return previous[b.length] <= limit;
}

const SCORE_SPAN = 2 ** 22, REF_SPAN = 2 ** 24, COUNT_SPAN = 64;

/* `refs` most words first (when `counts` is given), then highest score, then lowest position.
 * Sorted as one number per ref in a Float64Array (a native sort, no comparator: thousands of
 * results on a one-letter prefix took milliseconds). A score is a whole number of quarters
 * (weights × 1, ½, ¼), so the packed number is exact; anything else takes the comparator. */
function bestFirst(refs, scores, counts) {
  const keys = new Float64Array(refs.length);
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i], quarters = scores[ref] * 4, count = counts ? counts[ref] : 0;
    if (!Number.isInteger(quarters) || quarters >= SCORE_SPAN || ref >= REF_SPAN || count >= COUNT_SPAN) {
      return refs.sort((a, b) => (counts ? counts[b] - counts[a] : 0) || scores[b] - scores[a] || a - b);
    }
    const countRank = counts ? COUNT_SPAN - 1 - count : 0;
    keys[i] = (countRank * SCORE_SPAN + (SCORE_SPAN - 1 - quarters)) * REF_SPAN + ref;
  }
  keys.sort();
  return Array.from(keys, (key) => key % REF_SPAN);
}

/* {refs, partial, offers, unfound}: refs null when there are no words (every record, in order);
 * unfound, the words (folded) that found nothing at all. */
export function search(text, index) {
  const { words, offers } = analyse(text, index);
  if (!words.length) return { refs: null, partial: false, offers, unfound: [] };
  const { word: hits, total, counts } = index.tallies();
  const unfound = [];
  for (const word of words) {
    hits.clear();
    collectHits(word, index, hits);
    if (hits.size === 0) unfound.push(word.text);
    for (let i = 0; i < hits.size; i++) {
      const ref = hits.refs[i], score = hits.score[ref];
      if (counts[ref] === 0) total.refs[total.size++] = ref;
      counts[ref]++;
      total.score[ref] += score;
    }
  }
  hits.clear();
  const found = Array.from(total.refs.subarray(0, total.size));
  const scores = total.score;
  const everything = found.filter((ref) => counts[ref] === words.length);
  let outcome;
  if (everything.length) {
    outcome = { refs: bestFirst(everything, scores, null), partial: false, offers, unfound };
  } else {
    outcome = { refs: bestFirst(found, scores, counts), partial: found.length > 0, offers, unfound };
  }
  for (const ref of found) counts[ref] = 0; // the tallies are ready for the next query
  total.clear();
  return outcome;
}

export const SUGGESTIONS = 3;

/* The known words nearest a word that found nothing, as written (« soudur » -> « soudure »,
 * "welidng" -> "welding"), from the build's vocabulary file: at most 1 edit for a word of 4
 * letters or fewer, else 2, a swap of two letters counting as one; nearest first, then the most
 * common, then alphabetical. */
export function nearestWords(word, vocabulary) {
  const limit = word.length <= 4 ? 1 : 2;
  const found = [];
  for (const [key, [shown, count]] of Object.entries(vocabulary.words)) {
    if (key === word || Math.abs(key.length - word.length) > limit) continue;
    const distance = swapDistance(word, key);
    if (distance <= limit) found.push({ distance, count, key, shown });
  }
  found.sort((a, b) => a.distance - b.distance || b.count - a.count || byCodePoint(a.key, b.key));
  return found.slice(0, SUGGESTIONS).map((entry) => entry.shown);
}

/* Edits (insert, delete, change, swap two neighbours) from a to b: optimal string alignment. */
export function swapDistance(a, b) {
  const rows = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i].push(value);
    }
  }
  return rows[a.length][b.length];
}
