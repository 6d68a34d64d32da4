/* The embeddable list (overrides/catalogue/embed.html), in an <iframe> on a network's site.
 *
 * It reads the catalogue page's filter parameters from its own address (?region=north&cost=free),
 * filters the built data with the catalogue's own modules, and shows the same cards. It tells
 * the page around it how tall it is (embed-host.js on that page sets the frame's height), and
 * keeps nothing in the browser: no cookie, no storage. */

import { CardFiles, fetchJson, recordsFromFacets } from "./search/loader.js";
import { FacetTable, addIntakeKeys, isoDay } from "./search/facets.js";
import { queryOf, stateFromQuery, withQuery } from "./search/url-state.js";
import { View } from "./search/view.js";

export const HEIGHT_MESSAGE = "mc-embed-height";

const root = document.getElementById("mc-embed");
if (root) start(root);

function start(root) {
  const strings = JSON.parse(root.querySelector("[data-strings]").textContent);
  const view = new View(root, strings, root.dataset.lang);
  const params = root.dataset.params.split(" ");
  const state = stateFromQuery(location.search, params);
  state.q = ""; // the list is chosen by filters; words belong to the full catalogue

  root.querySelectorAll("[data-needs-js]").forEach((node) => { node.hidden = false; });
  const full = root.querySelector("[data-full]");
  const query = queryOf(state, params, (param) => Array.from(state.filters[param]).sort());
  full.href = withQuery(full.href, query);
  reportHeight();
  new ResizeObserver(reportHeight).observe(document.body);

  load(root, params).then(async (data) => {
    const { results } = data.facets.evaluate(data.order, state.filters);
    await data.cards.need(results.slice(0, view.pageSize));
    view.showFirstPage(results, data.records);
    view.showStatus(results.length, false);
    root.dataset.ready = "true"; // for tests: the list is on screen
    view.moreButton.addEventListener("click", async () => {
      await data.cards.need(view.nextPage());
      const first = view.showMore(data.records);
      if (first) first.querySelector("a").focus(); // keyboard readers continue where the new cards start
    });
  }).catch((error) => {
    view.showFailure();
    throw error;
  });
}

async function load(root, params) {
  const manifestUrl = new URL(root.dataset.index, location.href).href;
  const [manifest, table] = await Promise.all([fetchJson(manifestUrl), fetchJson(root.dataset.facets)]);
  const records = recordsFromFacets(table);
  addIntakeKeys(records, isoDay(new Date()));
  return {
    records,
    cards: new CardFiles(manifest.cards, manifestUrl, records),
    order: records.map((_, position) => position), // the build wrote them in title order
    facets: new FacetTable(params, records),
  };
}

/* The page's height to the page around it; any origin may know it, it says nothing else. */
function reportHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");
}
