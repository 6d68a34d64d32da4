/* Fetching the search data: the manifest and the record list first, then only the index shards
 * a query needs (one per first letter; "*" when the build made a single shard). */

import { QueryIndex, shardsFor } from "./query.js";

export async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(url + ": " + response.status);
  return response.json();
}

export class ShardedIndex {
  constructor(manifest, manifestUrl, stem) {
    this.index = new QueryIndex(manifest, stem);
    this.shards = manifest.shards;
    this.base = manifestUrl;
    this.loading = new Map(); // shard key -> promise
  }

  /* The shard keys `text` needs that have not arrived yet. */
  missing(text) {
    if (this.shards["*"]) return this.loading.has("*") && this.loaded("*") ? [] : ["*"];
    return Array.from(shardsFor(text, this.index)).filter((key) => this.shards[key] && !this.loaded(key));
  }

  loaded(key) {
    const entry = this.loading.get(key);
    return entry !== undefined && entry.done;
  }

  /* Resolves when every shard `text` needs is in the index. */
  async need(text) {
    await Promise.all(this.missing(text).map((key) => this.load(key)));
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
