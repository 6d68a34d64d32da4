// The pure parts of the catalogue page's script, without a browser: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { QueryIndex, search, shardKey, shardsFor, within, analyse } from "../../docs/assets/javascripts/search/query.js";
import { foldAccents, foldedWords, stemmerFor } from "../../docs/assets/javascripts/search/text.js";

const require = createRequire(import.meta.url);
const lunr = require("lunr");
require("lunr-languages/lunr.stemmer.support.js")(lunr);
require("lunr-languages/lunr.fr.js")(lunr);

const SEPARATOR = "[\\s\\-\\u2010-\\u2015'\\u2018\\u2019\\u02bc/,;:()\\[\\]«»\\x22“”!?]+";

/* A tiny index, as the build writes one: term -> [ref, weight, …]. */
function index(lang, terms, filterWords = {}) {
  const built = new QueryIndex({ lang, separator: SEPARATOR, stopWords: ["au", "de", "la", "en"], filterWords }, stemmerFor(lang, lunr));
  built.addShard(terms);
  return built;
}

const french = index("fr", {
  securite: [0, 10, 1, 6], secur: [0, 10, 1, 6], travail: [0, 10], travail_: [],
  tronconneuse: [2, 10], tronconneux: [], tronconneus: [2, 10],
  "~lawrence": [3, 2], droit: [4, 6], cybersecurite: [3, 10], cybersecur: [3, 10],
  ia: [5, 1],
}, { gratuit: ["cost", "free"], "en ligne": ["delivery", "online"] });

test("accents and case are folded, words split, nothing is too short", () => {
  assert.equal(foldAccents("Sécurité CŒUR"), "securite coeur");
  assert.deepEqual(foldedWords("L'IA, « RN » et d’électricité", new RegExp(SEPARATOR)), ["l", "ia", "rn", "et", "d", "electricite"]);
});

test("every word must match when a record has them all", () => {
  assert.deepEqual(search("securite travail", french), { refs: [0], partial: false, offers: [], unfound: [] });
});

test("otherwise the records with the most words, and the result says so", () => {
  const outcome = search("securite drone ", french);
  assert.deepEqual(outcome.refs, [0, 1]);
  assert.equal(outcome.partial, true);
});

test("a word being typed is a prefix: results stay while it grows", () => {
  for (const typed of ["tron", "tronconneu", "tronconneus", "tronconneuse"]) {
    assert.deepEqual(search(typed, french).refs, [2], typed);
  }
  assert.deepEqual(search("tron ", french).refs, []); // finished word: no prefix
});

test("a typo finds the word at distance 1 from 5 letters, 2 from 9, only when nothing else does", () => {
  assert.deepEqual(search("cybersecurte ", french).refs, [3]);
  assert.deepEqual(search("sybersecurite ", french).refs, []); // the first letter is trusted
  assert.equal(within("welding", "welfing", 1), true);
  assert.equal(within("welding", "wefling", 1), false);
});

test("short words and acronyms are searched like any word", () => {
  assert.deepEqual(search("IA", french).refs, [5]);
});

test("provider names match whole words only", () => {
  assert.deepEqual(search("lawrence", french).refs, [3]);
  assert.deepEqual(search("law", french).refs, []);
});

test("words naming a filter value are offered as that filter", () => {
  assert.deepEqual(search("gratuit", french), { refs: null, partial: false, offers: [["cost", "free"]], unfound: [] });
  assert.deepEqual(search("securite en ligne", french).offers, [["delivery", "online"]]);
  assert.deepEqual(analyse("securite en ligne", french).words.map((w) => w.text), ["securite"]);
});

test("a word's shard is its first letter or digit", () => {
  assert.equal(shardKey("securite"), "s");
  assert.equal(shardKey("~lawrence"), "l");
  assert.equal(shardKey("4.0"), "4");
  assert.equal(shardKey("été"), "_");
});

test("where the build split a letter, a word's shard is its first two letters; else its first", () => {
  const shards = { s: "search-fr-s.json", so: "search-fr-so.json", se: "search-fr-se.json", t: "search-fr-t.json" };
  assert.equal(shardKey("soudage", shards), "so");
  assert.equal(shardKey("~sobeys", shards), "so");
  assert.equal(shardKey("tour", shards), "t");
  assert.equal(shardKey("s", shards), "s"); // a one-letter word: the letter's own shard, with its short words
  assert.equal(shardKey("sx", shards), "s"); // no word starts so: nothing to fetch but the letter's own
  assert.equal(shardKey("s&p", shards), "s");
});

test("a query fetches its words' shards and their stems': « ps » stems to « p »", () => {
  const shards = { p: "search-fr-p.json", ps: "search-fr-ps.json", pr: "search-fr-pr.json" };
  assert.deepEqual(Array.from(shardsFor("ps", french, shards)).sort(), ["p", "ps"]);
});

test("filler words leave a query that has other words, and are looked up when alone", () => {
  const built = new QueryIndex({ lang: "fr", separator: SEPARATOR, stopWords: ["en"], fillerWords: ["formation", "courte"], filterWords: {} }, stemmerFor("fr", lunr));
  built.addShard({ sante: [0, 3], sant: [0, 3], formation: [1, 10], format: [1, 10], courte: [1, 10], court: [1, 10] });
  assert.deepEqual(search("formation courte en santé ", built).refs, [0]);
  assert.deepEqual(search("formation ", built).refs, [1]);
});

test("a word naming a filter leaves the words even when the index has it", () => {
  const built = index("fr", { gratuit: [0, 10], soins: [1, 10], soin: [1, 10] }, { gratuit: ["cost", "free"] });
  assert.deepEqual(search("soins gratuit", built), { refs: [1], partial: false, offers: [["cost", "free"]], unfound: [] });
});

test("the words naming a filter come out of the box, the others stay", async () => {
  const { withoutNamingWords } = await import("../../docs/assets/javascripts/search/named-filters.js");
  assert.equal(withoutNamingWords("sécurité En ligne gratuit", french, "delivery", "online"), "sécurité gratuit");
  assert.equal(withoutNamingWords("Gratuit, soins", french, "cost", "free"), "soins");
  assert.equal(withoutNamingWords("soins en personne", french, "delivery", "online"), "soins en personne");
});

test("an empty answer says which words found nothing, and the nearest known words", async () => {
  const { nearestWords } = await import("../../docs/assets/javascripts/search/query.js");
  assert.deepEqual(search("securite zzzzz", french).unfound, ["zzzzz"]);
  const vocabulary = { words: { soudure: ["soudure", 2], welding: ["welding", 1], hopital: ["hôpital", 3], hospital: ["hospital", 1], soudures: ["soudures", 1] } };
  assert.deepEqual(nearestWords("soudur", vocabulary), ["soudure", "soudures"]);
  assert.deepEqual(nearestWords("welidng", vocabulary), ["welding"]); // a swap is one edit
  assert.deepEqual(nearestWords("hopitla", vocabulary), ["hôpital", "hospital"]);
  assert.deepEqual(nearestWords("xyz", vocabulary), []);
});
