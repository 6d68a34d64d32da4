/* The catalogue page: search and filters over the data the build made (hooks/microcredential_catalogue/search/index.py).
 *
 * The page already shows the first results of an empty search (rendered by the build), so a
 * learner sees credentials before any data arrives. Then the index manifest loads, and words can
 * be searched: words typed meanwhile are kept and applied. The index shards a query needs are
 * fetched as it is typed. The facet table (every record's filter keys) loads once the first
 * answer is on screen, or at once for a ticked filter, the only thing that waits for it; until it
 * arrives the filters show no counts. Modules:
 * search/catalogue-data.js (loading and evaluating, shared with the embeddable list), query.js
 * (what a query finds), url-state.js (the URL as state), facets.js (filtering and counts),
 * view.js (the document), loader.js, option-finder.js (a box to find an option in a long filter),
 * active-filters.js (the ticked filters above the results), language-link.js (the language switch),
 * print-line.js (what a printed list says of its words and address), place.js (the place in the list, kept). */

import { evaluate, loadFacets, loadIndex, showMoreOnClick } from "./search/catalogue-data.js";
import { queryOf, stateFromAddress } from "./search/url-state.js";
import { View } from "./search/view.js";
import { bindOptionFinders } from "./search/option-finder.js";
import { withoutNamingWords } from "./search/named-filters.js";
import { DeadEnd } from "./search/dead-end.js";
import { foldedWords } from "./search/text.js";
import { ActiveFilters } from "./search/active-filters.js";
import { carryAddress } from "./search/language-link.js";
import { bindMenu } from "./menu.js";
import { pointAlternatesHereWhenParsed } from "./same-origin.js"; // runs as it loads: the head's alternates on this origin
import { showPrintLine } from "./search/print-line.js";
import { keepPlace, restorePlace } from "./search/place.js";

const ADDRESS_PAUSE = 300; // ms without a key before the typed words go into the address bar

bindMenu(document); // the theme's menu for the keyboard: this page's one script carries it
pointAlternatesHereWhenParsed(document); // and the head's alternate links on whatever origin serves this copy
const root = document.getElementById("mc-search");
if (root) start(root);

function start(root) {
  const lang = root.dataset.lang;
  const strings = JSON.parse(root.querySelector("[data-strings]").textContent);
  const view = new View(root, strings, lang);
  const deadEnd = new DeadEnd(root, strings, () => data.vocabulary());
  const input = root.querySelector("#mc-q");
  const fieldsets = Array.from(root.querySelectorAll("[data-filter]"));
  const params = fieldsets.map((fieldset) => fieldset.dataset.filter);
  // Looked up once: a keystroke reads every box, and a query per filter per key added up.
  const boxes = new Map(params.map((param) => [param, Array.from(root.querySelectorAll('input[type="checkbox"][name="' + param + '"]'))]));
  const boxesOf = (param) => boxes.get(param);
  // What the address may ask for: the page's own boxes (url-state.js leaves any other key out).
  const options = new Map(params.map((param) => [param, new Set(boxesOf(param).map((box) => box.value))]));
  const narrow = window.matchMedia("(max-width: 50em)");

  let data = null; // {cards, order, index, vocabulary} once the manifest is loaded
  let facets = null; // the FacetTable once the facet file is loaded
  let facetsArrived = null; // resolves with `facets`
  let failed = false;
  let typing = false; // while typing, the address bar is replaced in place, not pushed on each key
  let unwritten = null; // {state, timer}: typed words the address bar gets at a pause in typing
  let addressSearch = location.search; // the state the address bar says, as this page last wrote it
  let rendering = 0;
  let answered = false;

  root.querySelectorAll("[data-needs-js]").forEach((node) => { node.hidden = false; });
  bindOptionFinders(root);
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

  /* The address bar follows the words and filters: a pushed state at once, a new entry. While
   * typing, it is written at a pause (ADDRESS_PAUSE), not on every key: rewriting the browser's
   * history entry was the costliest part of a keystroke. Any click, a submit, leaving the page and
   * any pushed state write it first. */
  function remember(state, push) {
    if (push) {
      writeUnwritten();
      writeAddress(state, true);
      return;
    }
    if (unwritten) clearTimeout(unwritten.timer);
    unwritten = { state, timer: setTimeout(writeUnwritten, ADDRESS_PAUSE) };
  }

  function writeUnwritten() {
    if (!unwritten) return;
    clearTimeout(unwritten.timer);
    const { state } = unwritten;
    unwritten = null;
    writeAddress(state, false);
  }

  /* The address bar, and the language switch, which keeps the same words and filters. */
  function writeAddress(state, push) {
    const query = queryString(state);
    const url = location.pathname + query + location.hash;
    if (url !== location.pathname + location.search + location.hash) history[push ? "pushState" : "replaceState"](null, "", url);
    addressSearch = location.search;
    carryAddress(query);
    const labels = params.flatMap((param) => Array.from(state.filters[param], (key) => label(param, key)));
    showPrintLine(root.querySelector("[data-print-query]"), strings, state, query, labels);
  }

  function label(param, key) {
    const box = root.querySelector("#mc-" + param + "-" + CSS.escape(key));
    const text = box ? box.labels[0].cloneNode(true) : null;
    if (!text) return key;
    text.querySelectorAll("[data-count]").forEach((count) => count.remove());
    return text.textContent.trim();
  }

  const active = new ActiveFilters(root, strings, label, (param, key) => {
    const box = root.querySelector("#mc-" + param + "-" + CSS.escape(key));
    if (box) box.checked = false;
    typing = false;
    update(true);
  });

  /* A nearest word takes the place of the word that found nothing. */
  function suggest(word, shown) {
    const separator = data.index.index.separator;
    input.value = input.value.split(/(\s+)/).map((part) => (foldedWords(part, separator).join(" ") === word ? shown : part)).join("");
    typing = false;
    update(true);
  }

  /* A filter the words named goes as those words go (a ticked one, as its box is unticked). */
  function removeNamed(param, key) {
    input.value = withoutNamingWords(input.value, data.index.index, param, key);
    const box = root.querySelector("#mc-" + param + "-" + CSS.escape(key));
    if (box) box.checked = false;
    typing = false;
    update(true);
  }

  /* Shows the controls' state; fetches the index shards its words need first. A deliberate
   * change (a tick, a cleared filter, a first key) is a history entry at once, data or not: two
   * ticks made while the data was on its way are two steps back. */
  async function update(push) {
    if (push) remember(stateFromControls(), true);
    if (!data || failed) return; // kept: applied when the data arrives
    const ticket = ++rendering;
    const state = stateFromControls();
    const waits = [];
    if (data.index.missing(state.q).length) waits.push(data.index.need(state.q));
    if (!facets && params.some((param) => state.filters[param].size)) waits.push(facetTable());
    if (waits.length) {
      root.dataset.ready = "false";
      if (!(await arrived(Promise.all(waits))) || ticket !== rendering || failed) return; // a newer key already asked
    }
    const outcome = evaluate(data, facets, state);
    if (outcome.needsFacets) { // the words name a filter: the table's arrival shows the list it gives
      root.dataset.ready = "false";
      await arrived(facetTable());
      return;
    }
    const firstPage = outcome.results.slice(0, view.pageSize).filter((position) => !view.cards.has(position));
    if (firstPage.some((position) => !data.cards.hasCard(position))) {
      root.dataset.ready = "false";
      if (!(await arrived(data.cards.need(firstPage))) || ticket !== rendering || failed) return;
    }
    render(state, outcome);
    active.answered();
    remember(state, false);
    root.dataset.ready = "true"; // for tests: results are on screen
    if (!answered && performance.mark) performance.mark("catalogue-first-answer"); // for bench/run.py
    answered = true;
  }

  /* Whether `promise` resolved; a failed load is said (a later key tries the file again). */
  async function arrived(promise) {
    try {
      await promise;
      return true;
    } catch (error) {
      view.showFailure();
      console.error(error);
      return false;
    }
  }

  /* Without the manifest or the facet table the page cannot answer: said once, updates stop. */
  function fail(error) {
    if (failed) return;
    failed = true;
    view.showFailure();
    console.error(error);
  }

  function render(state, outcome) {
    active.show(state, params);
    view.showFirstPage(outcome.results, data.cards.records);
    view.showStatus(outcome.results.length, outcome.partial);
    if (outcome.counts) view.showCounts(outcome.counts);
    const offers = outcome.offers.filter(([param, key]) => !(state.filters[param] && state.filters[param].has(key)));
    view.showOffers(offers, label, removeNamed);
    if (outcome.results.length) deadEnd.hide();
    else {
      const on = params.flatMap((param) => Array.from(state.filters[param], (key) => [param, key]));
      deadEnd.show({ unfound: outcome.unfound || [], filters: on.concat(offers), label, onSuggest: suggest, onRemove: removeNamed });
    }
  }

  input.addEventListener("input", () => {
    update(!typing);
    typing = true;
  });
  root.querySelector("[data-search-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    typing = false;
    writeUnwritten();
  });
  document.addEventListener("click", writeUnwritten, true); // before a link (the language switch) is followed
  window.addEventListener("pagehide", writeUnwritten);
  root.addEventListener("change", (event) => {
    if (event.target.type !== "checkbox") return;
    typing = false;
    active.show(stateFromControls(), params);
    update(true);
    view.showResultsButton(narrow.matches);
  });
  root.querySelector("[data-clear]").addEventListener("click", () => {
    root.querySelectorAll('input[type="checkbox"]').forEach((box) => { box.checked = false; });
    typing = false;
    update(true);
  });
  window.addEventListener("popstate", () => {
    // A move within the page (« Voir les résultats » is a link to #mc-results-title) fires it too:
    // the same words and filters, and a tick still waiting for its data must not be undone.
    if (location.search === addressSearch) return;
    addressSearch = location.search;
    if (unwritten) clearTimeout(unwritten.timer);
    unwritten = null; // those words belonged to the entry just left: not written over this one
    typing = false;
    showState(stateFromAddress(location.search, options));
    update(false);
  });

  // The words and filters of the address go back in the box at once, data or not.
  const initial = stateFromAddress(location.search, options);
  showState(initial);
  carryAddress(location.search); // the language switch carries them from the first moment
  active.show(initial, params);
  const pending = active.showPending(initial, params);
  if (pending) view.showLoading(pending);
  /* The facet table, asked for once: at once when the address ticks a filter, otherwise once the
   * first answer is on screen (a slow link carries the words' files first), or at the first tick. */
  function facetTable() {
    if (facetsArrived) return facetsArrived;
    facetsArrived = loadFacets(root, params).then((table) => {
      facets = table;
      const boxes = params.flatMap(boxesOf);
      view.bindCounts(boxes, (box) => facets.slotOf(params.indexOf(box.name), box.value));
      if (window.performance && performance.mark) performance.mark("catalogue-facets-ready"); // for bench/run.py
      return update(false); // the counts
    });
    facetsArrived.catch(fail);
    return facetsArrived;
  }

  if (params.some((param) => initial.filters[param].size)) facetTable();
  // The manifest is already on its way: the page's head preloads it.
  loadIndex(root, lang).then(async (loaded) => {
    data = loaded;
    showMoreOnClick(view, data);
    keepPlace(view);
    if (window.performance && performance.mark) performance.mark("catalogue-search-ready"); // for bench/run.py
    await update(false);
    const table = facetTable();
    if (history.state && history.state.shown) { // back to this list: after the counts' update, which shows the first page
      await table;
      if (!failed) await restorePlace(view, data);
    }
  }).catch(fail);
}
