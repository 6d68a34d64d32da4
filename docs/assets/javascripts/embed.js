/* The embeddable list (overrides/catalogue/embed.html), in an <iframe> on a network's site.
 *
 * It reads the catalogue page's state from its own address (?q=…&region=north&cost=free) and
 * answers it with the catalogue page's own loading and evaluation (search/catalogue-data.js), so
 * one address shows the same results in both. It tells the page around it how tall it is
 * (embed-host.js on that page sets the frame's height), and keeps nothing in the browser: no
 * cookie, no storage. */

import { evaluate, loadFacets, loadIndex, showMoreOnClick } from "./search/catalogue-data.js";
import { optionsOf, queryOf, stateFromAddress, withQuery } from "./search/url-state.js";
import { View } from "./search/view.js";

export const HEIGHT_MESSAGE = "mc-embed-height";

const root = document.getElementById("mc-embed");
if (root) start(root);

function start(root) {
  const lang = root.dataset.lang;
  const strings = JSON.parse(root.querySelector("[data-strings]").textContent);
  const view = new View(root, strings, lang);
  const params = root.dataset.params.split(" ");
  // The catalogue page's options, read as it reads them (url-state.js): unknown keys are left out.
  const options = optionsOf(JSON.parse(root.querySelector("[data-options]").textContent));
  const state = stateFromAddress(location.search, options);

  const full = root.querySelector("[data-full]");
  // The link under the list comes with the list (or with the news that it failed): shown before
  // it, on a slow link, it would be pushed off the screen as the cards arrive, under a finger.
  const fullLine = full.closest("[data-needs-js]");
  root.querySelectorAll("[data-needs-js]").forEach((node) => { node.hidden = node === fullLine; });
  const query = queryOf(state, params, (param) => Array.from(state.filters[param]).sort());
  full.href = withQuery(full.href, query);
  reportHeight();
  new ResizeObserver(reportHeight).observe(document.body);

  Promise.all([loadIndex(root, lang), loadFacets(root, params)]).then(async ([data, facets]) => {
    await data.index.need(state.q);
    const { results, partial } = evaluate(data, facets, state);
    await data.cards.need(results.slice(0, view.pageSize));
    view.showFirstPage(results, data.cards.records);
    view.showStatus(results.length, partial);
    fullLine.hidden = false;
    root.dataset.ready = "true"; // for tests: the list is on screen
    showMoreOnClick(view, data);
  }).catch((error) => {
    view.showFailure();
    fullLine.hidden = false;
    throw error;
  });
}

/* The page's height to the page around it; any origin may know it, it says nothing else. */
function reportHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");
}
