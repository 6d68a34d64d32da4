/* The catalogue page: search and filters over the data the build made (hooks/microcredential_catalogue/search_index.py).
 *
 * The page already shows the first results of an empty search (rendered by the build), so a
 * learner sees credentials before any data arrives. Then the record list and the index manifest
 * load; words typed meanwhile are kept and applied when they arrive. The index shards a query
 * needs are fetched as it is typed. Modules: search/query.js (what a query finds), url-state.js
 * (the URL as state), facets.js (filtering and counts), view.js (the document), loader.js. */

import { stemmerFor } from "./search/text.js";
import { search } from "./search/query.js";
import { CardFiles, fetchJson, recordsFromFacets, ShardedIndex } from "./search/loader.js";
import { FacetTable, addIntakeKeys, isoDay } from "./search/facets.js";
import { queryOf, stateFromQuery, withQuery } from "./search/url-state.js";
import { View } from "./search/view.js";

const root = document.getElementById("mc-search");
if (root) start(root);

function start(root) {
  const lang = root.dataset.lang;
  const strings = JSON.parse(root.querySelector("[data-strings]").textContent);
  const view = new View(root, strings, lang);
  const input = root.querySelector("#mc-q");
  const fieldsets = Array.from(root.querySelectorAll("[data-filter]"));
  const params = fieldsets.map((fieldset) => fieldset.dataset.filter);
  const boxesOf = (param) => Array.from(root.querySelectorAll('input[type="checkbox"][name="' + param + '"]'));
  const narrow = window.matchMedia("(max-width: 50em)");

  let data = null; // {records, facets, index} once loaded
  let typing = false; // while typing, the address bar is replaced in place, not pushed on each key
  let pushNext = false;
  let rendering = 0;
  let answered = false;

  root.querySelectorAll("[data-needs-js]").forEach((node) => { node.hidden = false; });
  // On a phone the filters would push every result below a long form: they start folded there.
  if (narrow.matches) root.querySelector("[data-filters]").open = false;

  function stateFromControls() {
    const filters = {};
    for (const param of params) filters[param] = new Set(boxesOf(param).filter((box) => box.checked).map((box) => box.value));
    return { q: input.value, filters };
  }

  function showState(state) {
    input.value = state.q;
    for (const param of params) for (const box of boxesOf(param)) box.checked = state.filters[param].has(box.value);
  }

  function queryString(state) {
    return queryOf(state, params, (param) => boxesOf(param).map((box) => box.value));
  }

  /* The address bar, and the language switch, which keeps the same words and filters. */
  function remember(state, push) {
    const query = queryString(state);
    const url = location.pathname + query + location.hash;
    if (url !== location.pathname + location.search + location.hash) history[push ? "pushState" : "replaceState"](null, "", url);
    document.querySelectorAll("a[hreflang]").forEach((link) => {
      if (/\/catalogue\/?$/.test(new URL(link.href).pathname)) link.href = withQuery(link.href, query);
    });
  }

  function label(param, key) {
    const box = root.querySelector("#mc-" + param + "-" + CSS.escape(key));
    const text = box ? box.labels[0].cloneNode(true) : null;
    if (!text) return key;
    text.querySelectorAll("[data-count]").forEach((count) => count.remove());
    return text.textContent.trim();
  }

  function tick(param, key) {
    const box = root.querySelector("#mc-" + param + "-" + CSS.escape(key));
    if (box) box.checked = true;
    typing = false;
    update(true);
  }

  /* Shows the controls' state; fetches the index shards its words need first. */
  async function update(push) {
    pushNext = pushNext || push;
    if (!data) return; // kept: applied when the data arrives
    const ticket = ++rendering;
    const state = stateFromControls();
    if (data.index.missing(state.q).length) {
      root.dataset.ready = "false";
      try {
        await data.index.need(state.q);
      } catch (error) {
        view.showFailure();
        throw error;
      }
      if (ticket !== rendering) return; // a newer key already asked
    }
    const outcome = evaluate(state);
    const firstPage = outcome.results.slice(0, view.pageSize).filter((position) => !view.cards.has(position));
    if (firstPage.some((position) => !data.cards.hasCard(position))) {
      root.dataset.ready = "false";
      try {
        await data.cards.need(firstPage);
      } catch (error) {
        view.showFailure();
        throw error;
      }
      if (ticket !== rendering) return;
    }
    render(state, outcome);
    remember(state, pushNext);
    pushNext = false;
    root.dataset.ready = "true"; // for tests: results are on screen
    if (!answered && performance.mark) performance.mark("catalogue-first-answer"); // for bench/run.py
    answered = true;
  }

  function evaluate(state) {
    const found = search(state.q, data.index.index);
    return { ...found, ...data.facets.evaluate(found.refs || data.order, state.filters) };
  }

  function render(state, outcome) {
    view.showFirstPage(outcome.results, data.records);
    view.showStatus(outcome.results.length, outcome.partial);
    view.showCounts(outcome.counts);
    const offers = outcome.offers.filter(([param, key]) => !(state.filters[param] && state.filters[param].has(key)));
    view.showOffers(offers, label, tick);
  }

  input.addEventListener("input", () => {
    update(!typing);
    typing = true;
  });
  root.querySelector("[data-search-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    typing = false;
  });
  root.addEventListener("change", (event) => {
    if (event.target.type !== "checkbox") return;
    typing = false;
    update(true);
    view.showResultsButton(narrow.matches);
  });
  root.querySelector("[data-clear]").addEventListener("click", () => {
    root.querySelectorAll('input[type="checkbox"]').forEach((box) => { box.checked = false; });
    typing = false;
    update(true);
  });
  view.moreButton.addEventListener("click", async () => {
    await data.cards.need(view.nextPage());
    const first = view.showMore(data.records);
    if (first) first.querySelector("a").focus(); // keyboard readers continue where the new cards start
  });
  window.addEventListener("popstate", () => {
    typing = false;
    showState(stateFromQuery(location.search, params));
    update(false);
  });

  // The words and filters of the address go back in the box at once, data or not.
  const initial = stateFromQuery(location.search, params);
  showState(initial);
  if (queryString(initial)) view.showLoading();
  load(root, lang).then((loaded) => {
    data = loaded;
    const boxes = params.flatMap(boxesOf);
    view.bindCounts(boxes, (box) => data.facets.slotOf(params.indexOf(box.name), box.value));
    if (window.performance && performance.mark) performance.mark("catalogue-search-ready"); // for bench/run.py
    return update(false);
  }).catch((error) => {
    view.showFailure();
    throw error;
  });
}

async function load(root, lang) {
  const manifestUrl = new URL(root.dataset.index, location.href).href;
  const [manifest, table] = await Promise.all([fetchJson(manifestUrl), fetchJson(root.dataset.facets)]);
  const records = recordsFromFacets(table);
  addIntakeKeys(records, isoDay(new Date()));
  const params = Array.from(root.querySelectorAll("[data-filter]")).map((fieldset) => fieldset.dataset.filter);
  return {
    records,
    cards: new CardFiles(manifest.cards, manifestUrl, records),
    order: records.map((_, position) => position), // the build wrote them in title order
    facets: new FacetTable(params, records),
    index: new ShardedIndex(manifest, manifestUrl, stemmerFor(lang, window.lunr)),
  };
}


