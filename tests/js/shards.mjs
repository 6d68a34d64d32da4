// Fetches, with the browser's loader.js, the index shards each query needs, then answers it, for
// tests/search/test_search_shards.py: stdin {folder, lang, queries}, stdout [{keys, refs, partial,
// offers, unfound}, …]; `keys`, the shards fetched, in key order. A fresh index per query.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { ShardedIndex } from "../../docs/assets/javascripts/search/loader.js";
import { search } from "../../docs/assets/javascripts/search/query.js";
import { stemmerFor } from "../../docs/assets/javascripts/search/text.js";

const require = createRequire(import.meta.url);
const lunr = require("lunr");
require("lunr-languages/lunr.stemmer.support.js")(lunr);
require("lunr-languages/lunr.fr.js")(lunr);

// The site's files, as fetch gives them (the ?v= version aside).
globalThis.fetch = async (url) => {
  const path = new URL(url).pathname;
  return { ok: true, json: async () => JSON.parse(readFileSync(decodeURIComponent(path), "utf8")) };
};

const { folder, lang, queries } = JSON.parse(readFileSync(0, "utf8"));
const manifestUrl = pathToFileURL(`${folder}/search-${lang}.json`).href;
const manifest = JSON.parse(readFileSync(`${folder}/search-${lang}.json`, "utf8"));
const answers = [];
for (const q of queries) {
  const sharded = new ShardedIndex(manifest, manifestUrl, stemmerFor(lang, lunr));
  await sharded.need(q);
  const keys = Array.from(sharded.loading.keys()).sort();
  answers.push({ keys, ...search(q, sharded.index) });
}
console.log(JSON.stringify(answers));
