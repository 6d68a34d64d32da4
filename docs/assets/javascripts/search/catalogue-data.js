/* The catalogue's data, loaded and queried one way for the catalogue page (catalogue.js) and the
 * embeddable list (embed.js): the same URL state gives the same results on both.
 *
 * The index manifest (word rules, shard and card file names) and the facet table (every record's
 * filter keys) are separate files: the catalogue page searches words before the facet table has
 * arrived. Shards and card files come as a query needs them (loader.js). */

import { stemmerFor } from "./text.js";
import { search } from "./query.js";
import { CardFiles, fetchJson, ShardedIndex } from "./loader.js";
import { FacetTable, isoDay } from "./facets.js";

/* {cards, order, index, vocabulary} from the manifest at `root`'s data-index. */
export async function loadIndex(root, lang) {
  const manifestUrl = new URL(root.dataset.index, location.href).href;
  const manifest = await fetchJson(manifestUrl);
  const count = manifest.cards.count;
  const cardRecords = Array.from({ length: count }, () => ({})); // card fields arrive file by file
  let vocabulary = null;
  return {
    cards: new CardFiles(manifest.cards, manifestUrl, cardRecords),
    // The known words, for the nearest ones to a word that found nothing: fetched once, when needed.
    vocabulary: () => (vocabulary = vocabulary || fetchJson(new URL(manifest.vocabulary, manifestUrl).href)),
    order: Array.from({ length: count }, (_, position) => position), // the build wrote them in title order
    index: new ShardedIndex(manifest, manifestUrl, stemmerFor(lang, window.lunr)),
  };
}

/* The filter table of `params` (URL parameters, in the page's order), from `root`'s data-facets. */
export async function loadFacets(root, params) {
  return FacetTable.fromFile(params, await fetchJson(root.dataset.facets), isoDay(new Date()));
}

/* What a state finds, once its words' shards are in: {results, counts, offers, partial}. The
 * filters the words name (offers: « gratuit », "online") apply as if ticked, so the count said is
 * the list shown. Without the facet table (not arrived yet) every found record is a result, no
 * count is known, and `needsFacets` says whether the words named a filter that waits for it. */
export function evaluate(data, facets, state) {
  const found = search(state.q, data.index.index);
  const candidates = found.refs || data.order;
  if (!facets) return { ...found, results: candidates, counts: null, needsFacets: found.offers.length > 0 };
  return { ...found, ...facets.evaluate(candidates, withNamedFilters(state.filters, found.offers)) };
}

/* The ticked filters and those the words named: a copy, the page's own state is left as it is. */
export function withNamedFilters(filters, offers) {
  const merged = {};
  for (const param of Object.keys(filters)) merged[param] = new Set(filters[param]);
  for (const [param, key] of offers) if (merged[param]) merged[param].add(key);
  return merged;
}

/* "Show more": the next cards, and the keyboard's focus on the first of them, where reading goes
 * on. A card file that does not arrive is said; the button stays, and a click asks again. */
export function showMoreOnClick(view, data) {
  view.moreButton.addEventListener("click", async () => {
    try {
      await data.cards.need(view.nextPage());
    } catch (error) {
      view.showMoreFailure();
      console.error(error);
      return;
    }
    const first = view.showMore(data.cards.records);
    if (first) first.querySelector("a").focus();
  });
}
