/* The catalogue page: search and filters over the index the build made (hooks/catalogue/search_index.py).
 *
 * The whole state lives in the URL query string, so a link reproduces a list:
 *   ?q=securite&sector=health,trades-transport-equipment&cost=free
 * q is the words typed; every other parameter is a filter (the `name` of its checkboxes) whose
 * values are taxonomy keys, comma-separated. Values of one filter are alternatives (OR); filters
 * combine with each other and with the words (AND).
 *
 * No word of the interface is written here: labels are in the page, from the data and the locale file.
 */
(function () {
  "use strict";

  var root = document.getElementById("mc-search");
  if (!root || !window.lunr) return;

  // -- the same pipeline functions as the build, under the same labels ----------------------

  function foldAccents(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }
  var EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

  lunr.Pipeline.registerFunction(function (token) {
    return token.update(foldAccents);
  }, "foldAccents");
  lunr.Pipeline.registerFunction(function (token) {
    return token.update(function (text) { return text.replace(EDGE_PUNCTUATION, ""); });
  }, "trimPunctuation");

  function registerStopWords(lang, words) {
    var stopWords = new Set(words);
    lunr.Pipeline.registerFunction(function (token) {
      var text = token.toString();
      return text && !stopWords.has(text) ? token : undefined;
    }, "stopWords-" + lang);
  }

  // -- the page ---------------------------------------------------------------------------

  var PAGE_SIZE = 50;
  var lang = root.dataset.lang;
  var strings = JSON.parse(root.querySelector("[data-strings]").textContent);
  var form = root.querySelector("[data-search-form]");
  var input = root.querySelector("#mc-q");
  var status = root.querySelector("#mc-status");
  var list = root.querySelector("[data-results]");
  var moreButton = root.querySelector("[data-more]");
  var fieldsets = Array.prototype.slice.call(root.querySelectorAll("[data-filter]"));
  var params = fieldsets.map(function (fieldset) { return fieldset.dataset.filter; });
  var numberFormat = new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA");

  root.hidden = false;
  // On a phone the filters would push every result below a long form: they start folded there.
  if (window.matchMedia("(max-width: 50em)").matches) root.querySelector("[data-filters]").open = false;

  var index = null;
  var records = [];
  var byTitleOrder = [];
  var shown = [];
  var shownCount = 0;
  var typing = false; // while typing, the address bar is updated in place, not pushed on each key

  function checkboxes(param) {
    return Array.prototype.slice.call(root.querySelectorAll('input[type="checkbox"][name="' + param + '"]'));
  }

  // -- state <-> URL ------------------------------------------------------------------------

  function stateFromControls() {
    var filters = {};
    params.forEach(function (param) {
      filters[param] = new Set(checkboxes(param).filter(function (box) { return box.checked; })
        .map(function (box) { return box.value; }));
    });
    return { q: input.value, filters: filters };
  }

  function stateFromUrl(search) {
    var query = new URLSearchParams(search);
    var filters = {};
    params.forEach(function (param) {
      var values = [];
      query.getAll(param).forEach(function (value) { values = values.concat(value.split(",")); });
      filters[param] = new Set(values.filter(Boolean));
    });
    return { q: query.get("q") || "", filters: filters };
  }

  function showState(state) {
    input.value = state.q;
    params.forEach(function (param) {
      checkboxes(param).forEach(function (box) { box.checked = state.filters[param].has(box.value); });
    });
  }

  function urlOf(state) {
    var parts = [];
    if (state.q.trim()) parts.push("q=" + encodeURIComponent(state.q.trim()));
    params.forEach(function (param) {
      // in the page's order, so that one list always has one address
      var values = checkboxes(param).map(function (box) { return box.value; })
        .filter(function (value) { return state.filters[param].has(value); });
      if (values.length) parts.push(param + "=" + values.map(encodeURIComponent).join(","));
    });
    return location.pathname + (parts.length ? "?" + parts.join("&") : "") + location.hash;
  }

  function remember(state, push) {
    var url = urlOf(state);
    if (url === location.pathname + location.search + location.hash) return;
    history[push ? "pushState" : "replaceState"](null, "", url);
  }

  // -- search and filters -------------------------------------------------------------------

  var PREFIX_MIN = 3; // shorter prefixes match most of the index and cost more than they help

  /* The typed words through the index's own pipeline (fold, trim, stop words, stem). A word still
   * being typed (no space after it yet) that is shorter than PREFIX_MIN is left out for now, so
   * the list does not empty between two keys. */
  function queryTerms(text) {
    var tokens = lunr.tokenizer(text);
    var stillTyping = tokens.length && !/[\s'’-]$/.test(text) ? tokens[tokens.length - 1] : null;
    var terms = [];
    tokens.forEach(function (token) {
      index.pipeline.run([token]).map(String).forEach(function (term) {
        if (token === stillTyping && term.length < PREFIX_MIN) return;
        if (terms.indexOf(term) === -1) terms.push(term);
      });
    });
    return terms;
  }

  /* Positions of the records matching the words, best first; null when there are no words.
   * Several keys give the same words (a space, a letter below PREFIX_MIN): the last answers are
   * kept, as a lunr query over a large index costs far more than a lookup. */
  var hitsCache = new Map();
  var HITS_CACHE_SIZE = 50;

  function searchHits(text) {
    var terms = queryTerms(text);
    if (!terms.length) return null;
    var key = terms.join(" ");
    var hits = hitsCache.get(key);
    if (!hits) {
      hits = runQuery(terms);
      if (hitsCache.size >= HITS_CACHE_SIZE) hitsCache.delete(hitsCache.keys().next().value);
      hitsCache.set(key, hits);
    }
    return hits;
  }

  function runQuery(terms) {
    return index.query(function (query) {
      terms.forEach(function (term) {
        var asPrefix = term.length >= PREFIX_MIN;
        // every word must match: as a word, or as the start of one (results appear while typing)
        query.term(term, { usePipeline: false, presence: lunr.Query.presence.REQUIRED,
          wildcard: asPrefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE });
        if (asPrefix) query.term(term, { usePipeline: false, boost: 10 }); // a whole word ranks first
      });
    }).map(function (hit) { return Number(hit.ref); });
  }

  function todayIso() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /* The intake keys depend on the reader's day: a start date is "upcoming" until it has passed. */
  function addIntakeKeys(recordList) {
    var today = todayIso();
    recordList.forEach(function (record) {
      var keys = [];
      if (record.continuous) keys.push("continuous");
      if (record.starts.some(function (start) { return start >= today; })) keys.push("upcoming");
      record.filters.intake = keys;
    });
  }

  /* Filter keys as numbers, built once: each (filter, key) pair is a slot, and a record lists its
   * slots filter by filter in one typed array. Counting then adds into a typed array instead of
   * objects keyed by strings: with thousands of matches, that was most of a keystroke's work. */
  var slotsOfFilter = params.map(function () { return new Map(); }); // per filter: key -> slot
  var slotTotal = 0;
  var recordSlots = new Int32Array(0);
  var slotStart = new Int32Array(1); // record r's slots for filter f start at slotStart[r * params.length + f]
  var countCells = []; // per checkbox: its slot, its "(n)" node and the number it shows

  function slotOf(filter, key) {
    var slots = slotsOfFilter[filter];
    if (!slots.has(key)) slots.set(key, slotTotal++);
    return slots.get(key);
  }

  function buildFacetTables(recordList) {
    params.forEach(function (param, filter) {
      checkboxes(param).forEach(function (box) {
        countCells.push({ slot: slotOf(filter, box.value), node: box.labels[0].querySelector("[data-count]"), shown: -1 });
      });
    });
    var starts = new Int32Array(recordList.length * params.length + 1);
    var slots = [];
    recordList.forEach(function (record, position) {
      params.forEach(function (param, filter) {
        starts[position * params.length + filter] = slots.length;
        record.filters[param].forEach(function (key) { slots.push(slotOf(filter, key)); });
      });
    });
    starts[starts.length - 1] = slots.length;
    recordSlots = Int32Array.from(slots);
    slotStart = starts;
  }

  /* The ticked keys as slots; a filter with ticks is active (a key no record has matches nothing). */
  function selection(state) {
    var wanted = new Uint8Array(slotTotal);
    var active = params.map(function (param, filter) {
      state.filters[param].forEach(function (key) {
        if (slotsOfFilter[filter].has(key)) wanted[slotsOfFilter[filter].get(key)] = 1;
      });
      return state.filters[param].size > 0;
    });
    return { wanted: wanted, active: active };
  }

  function hasWantedSlot(cell, wanted) {
    for (var k = slotStart[cell]; k < slotStart[cell + 1]; k++) if (wanted[recordSlots[k]]) return true;
    return false;
  }

  function addCounts(counts, firstCell, endCell) {
    for (var k = slotStart[firstCell]; k < slotStart[endCell]; k++) counts[recordSlots[k]]++;
  }

  /* The results, and per filter option how many results ticking it would give alongside the
   * other filters (within a filter, options are alternatives, so its own ticks are left out). */
  function evaluate(state) {
    var hits = searchHits(state.q);
    var candidates = hits || byTitleOrder;
    var chosen = selection(state);
    var filterTotal = params.length;
    var counts = new Int32Array(slotTotal);
    var results = [];
    for (var i = 0; i < candidates.length; i++) {
      var first = candidates[i] * filterTotal;
      var failed = -1;
      var failures = 0;
      for (var filter = 0; filter < filterTotal && failures < 2; filter++) {
        if (chosen.active[filter] && !hasWantedSlot(first + filter, chosen.wanted)) { failed = filter; failures++; }
      }
      if (failures === 1) addCounts(counts, first + failed, first + failed + 1);
      if (failures === 0) {
        addCounts(counts, first, first + filterTotal); // a record's slots for all filters are contiguous
        results.push(records[candidates[i]]);
      }
    }
    return { results: results, counts: counts };
  }

  /* Without words, results are in alphabetical order (sorted once: it costs more than a search). */
  function titleOrder(recordList) {
    var collator = new Intl.Collator(lang === "fr" ? "fr-CA" : "en-CA", { sensitivity: "base" });
    return recordList.map(function (_, position) { return position; }).sort(function (a, b) {
      return collator.compare(recordList[a].title, recordList[b].title);
    });
  }

  // -- rendering ----------------------------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The same card as the group pages (overrides/catalogue/_card.html). */
  function card(record) {
    var item = element("li", "mc-card");
    var title = element("h3", "mc-card__title");
    var link = element("a", "", record.title);
    link.href = record.url;
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(element("p", "mc-card__provider", record.provider));
    item.appendChild(element("p", "mc-card__summary", record.summary));
    var tags = element("ul", "mc-tags");
    var facts = record.status === "paused" ? [strings.paused].concat(record.facts) : record.facts;
    facts.forEach(function (fact) { tags.appendChild(element("li", "", fact)); });
    item.appendChild(tags);
    return item;
  }

  /* Cards are made once per record and kept: a card left in place on the next key costs no new
   * style or layout, and most of the first page stays while a word is typed. */
  var cardCache = new Map();

  function cardOf(record) {
    var node = cardCache.get(record);
    if (!node) {
      node = card(record);
      cardCache.set(record, node);
    }
    return node;
  }

  function showMore() {
    var firstNew = shownCount;
    var fragment = document.createDocumentFragment();
    shown.slice(shownCount, shownCount + PAGE_SIZE).forEach(function (record) { fragment.appendChild(cardOf(record)); });
    list.appendChild(fragment);
    shownCount = Math.min(shown.length, shownCount + PAGE_SIZE);
    updateMoreButton();
    return list.children[firstNew];
  }

  /* The first page of results, moving or adding only the cards that differ from those shown. */
  function showFirstPage() {
    var cards = shown.slice(0, PAGE_SIZE).map(cardOf);
    cards.forEach(function (node, position) {
      var current = list.children[position];
      if (current !== node) list.insertBefore(node, current || null);
    });
    while (list.children.length > cards.length) list.removeChild(list.lastChild);
    shownCount = cards.length;
    updateMoreButton();
  }

  function updateMoreButton() {
    var left = shown.length - shownCount;
    var text = strings.more.replace("{n}", numberFormat.format(Math.min(left, PAGE_SIZE)));
    moreButton.hidden = left === 0;
    if (moreButton.textContent !== text) moreButton.textContent = text;
  }

  /* Only the numbers that changed are written: each write makes the filter column lay out again. */
  function showCounts(counts) {
    countCells.forEach(function (cell) {
      var n = counts[cell.slot];
      if (n === cell.shown) return;
      cell.shown = n;
      cell.node.textContent = "(" + numberFormat.format(n) + ")";
    });
  }

  function countText(n) {
    if (n === 0) return strings.count_none;
    if (n === 1) return strings.count_one;
    return strings.count.replace("{n}", numberFormat.format(n));
  }

  function render(state) {
    var outcome = evaluate(state);
    shown = outcome.results;
    showFirstPage();
    status.textContent = countText(shown.length);
    showCounts(outcome.counts);
  }

  // -- events -------------------------------------------------------------------------------

  function update(push) {
    var state = stateFromControls();
    remember(state, push);
    render(state);
  }

  input.addEventListener("input", function () {
    update(!typing);
    typing = true;
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); typing = false; });
  root.addEventListener("change", function (event) {
    if (event.target.type !== "checkbox") return;
    typing = false;
    update(true);
  });
  root.querySelector("[data-clear]").addEventListener("click", function () {
    root.querySelectorAll('input[type="checkbox"]').forEach(function (box) { box.checked = false; });
    typing = false;
    update(true);
  });
  moreButton.addEventListener("click", function () {
    var first = showMore();
    if (first) first.querySelector("a").focus(); // keyboard readers continue where the new cards start
  });
  window.addEventListener("popstate", function () {
    if (!index) return;
    typing = false;
    var state = stateFromUrl(location.search);
    showState(state);
    render(state);
  });

  // -- loading ------------------------------------------------------------------------------

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  Promise.all([fetchJson(root.dataset.index), fetchJson(root.dataset.records)]).then(function (loaded) {
    var search = loaded[0];
    registerStopWords(lang, search.stopWords);
    lunr.tokenizer.separator = new RegExp(search.separator);
    index = lunr.Index.load(search.index);
    records = loaded[1].records;
    addIntakeKeys(records);
    buildFacetTables(records);
    byTitleOrder = titleOrder(records);
    var state = stateFromUrl(location.search);
    showState(state);
    render(state);
    root.dataset.ready = "true"; // for tests: results are on screen
    if (window.performance && performance.mark) performance.mark("catalogue-ready"); // for bench/run.py
  }).catch(function (error) {
    status.textContent = "";
    root.querySelector("[data-failed]").hidden = false;
    throw error;
  });
})();
