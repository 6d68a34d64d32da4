// Runs the search page's head script (overrides/partials/javascripts/early-shards.html) once per
// query, for tests/search/test_search_shards.py: stdin {template, separator, shards, queries},
// stdout the shard keys it asked for, per query, sorted. The script's few page calls are given
// here (its data block, the address, the head it adds preload links to); a real Chromium runs it
// on a built page in tests/browser/test_search.py.
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";

const { template, separator, shards, queries } = JSON.parse(readFileSync(0, "utf8"));
const script = readFileSync(template, "utf8").match(/<script>([\s\S]*?)<\/script>/)[1];
const base = "https://catalogue.test/catalogue/";
const keyOf = new Map(Object.entries(shards).map(([key, file]) => [new URL(file, base).href, key]));

const answers = queries.map((q) => {
  const asked = [];
  const document = {
    getElementById: (id) => (id === "mc-early-shards" ? { textContent: JSON.stringify({ index: "search.json", separator, shards }) } : null),
    createElement: () => ({}),
    head: { appendChild: (link) => asked.push(link) },
  };
  const location = { search: "?" + new URLSearchParams({ q }), href: base };
  runInNewContext(script, { document, location, URL, URLSearchParams, JSON, Object });
  for (const link of asked) {
    if (link.rel !== "preload" || link.as !== "fetch" || link.crossOrigin !== "anonymous") throw new Error("not a fetch preload");
  }
  return asked.map((link) => keyOf.get(link.href)).sort();
});
console.log(JSON.stringify(answers));
