/* Fetching the search data: the manifest and the record list first, then only the index shards
 * a query needs: its words' shards (first letter, or first two letters where the build split a
 * big letter; "*" when it made a single shard), then every shard of a word's first letter when
 * that word finds nothing and so looks for typos among all the letter's words. */

import { QueryIndex, shardsFor, typoLetters } from "./query.js";

/* A file's JSON. A response cut short or lost on the way (a slow or flaky link; a preload the
 * network dropped) is asked for once more, from the network; a missing file is not. */
export async function fetchJson(url) {
  try {
    return await fetchOnce(url, "default");
  } catch (error) {
    if (error instanceof MissingFile) throw error;
    return fetchOnce(url, "reload");
  }
}

class MissingFile extends Error {}

async function fetchOnce(url, cache) {
  const response = await fetch(url, { cache });
  if (!response.ok) throw new MissingFile(url + ": " + response.status);
  return response.json();
}

export class ShardedIndex {
  constructor(manifest, manifestUrl, stem) {
    this.index = new QueryIndex(manifest, stem);
    this.shards = manifest.shards;
    this.base = manifestUrl;
    this.loading = new Map(); // shard key -> promise
  }

  /* The shard keys `text` needs that have not arrived yet: its words' first, then (once those
   * are in) those of the letters its typo-seeking words start with. */
  missing(text) {
    if (this.shards["*"]) return this.loading.has("*") && this.loaded("*") ? [] : ["*"];
    const own = Array.from(shardsFor(text, this.index, this.shards)).filter((key) => this.shards[key] && !this.loaded(key));
    if (own.length) return own;
    const absent = Object.keys(this.shards).filter((key) => !this.loaded(key));
    const letters = typoLetters(text, this.index, new Set(absent.map((key) => key.charAt(0))));
    return absent.filter((key) => letters.has(key.charAt(0)));
  }

  loaded(key) {
    const entry = this.loading.get(key);
    return entry !== undefined && entry.done;
  }

  /* Resolves when every shard `text` needs is in the index. */
  async need(text) {
    for (let keys = this.missing(text); keys.length; keys = this.missing(text)) {
      await Promise.all(keys.map((key) => this.load(key)));
    }
  }

  load(key) {
    let entry = this.loading.get(key);
    if (!entry) {
      entry = { done: false };
      entry.promise = fetchJson(new URL(this.shards[key], this.base).href).then((shard) => {
        this.index.addShard(shard.terms);
        entry.done = true;
      });
      entry.promise.catch(() => this.loading.delete(key)); // a later key tries again
      this.loading.set(key, entry);
    }
    return entry.promise;
  }
}

/* The card files: one per `size` records in title order, fetched for the results on screen. */
export class CardFiles {
  constructor(cards, manifestUrl, records) {
    this.size = cards.size;
    this.files = cards.files;
    this.base = manifestUrl;
    this.records = records;
    this.loading = new Map();
  }

  hasCard(position) {
    return this.records[position].title !== undefined;
  }

  /* Resolves when the cards of `positions` are all in the records. */
  async need(positions) {
    const chunks = new Set(positions.filter((p) => !this.hasCard(p)).map((p) => Math.floor(p / this.size)));
    await Promise.all(Array.from(chunks, (chunk) => this.load(chunk)));
  }

  load(chunk) {
    let promise = this.loading.get(chunk);
    if (!promise) {
      promise = fetchJson(new URL(this.files[chunk], this.base).href).then((file) => {
        file.records.forEach((card, offset) => Object.assign(this.records[chunk * this.size + offset], card));
      });
      promise.catch(() => this.loading.delete(chunk));
      this.loading.set(chunk, promise);
    }
    return promise;
  }
}
