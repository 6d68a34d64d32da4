// Answers queries with the browser's query.js against a built site's search files, for
// tests/search/test_search_twin.py: stdin {folder, lang, queries}, stdout [{refs, partial, offers}, …].
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { QueryIndex, search } from "../../docs/assets/javascripts/search/query.js";
import { stemmerFor } from "../../docs/assets/javascripts/search/text.js";

const require = createRequire(import.meta.url);
const lunr = require("lunr");
require("lunr-languages/lunr.stemmer.support.js")(lunr);
require("lunr-languages/lunr.fr.js")(lunr);

const { folder, lang, queries } = JSON.parse(readFileSync(0, "utf8"));
const read = (name) => JSON.parse(readFileSync(folder + "/" + name.split("?")[0], "utf8"));
const manifest = read(`search-${lang}.json`);
const index = new QueryIndex(manifest, stemmerFor(lang, lunr));
for (const name of Object.values(manifest.shards)) index.addShard(read(name).terms);
console.log(JSON.stringify(queries.map((q) => search(q, index))));
