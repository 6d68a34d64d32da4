/* The page's whole state lives in the URL query string, so a link reproduces a list:
 *   ?q=securite&sector=health,trades-transport-equipment&cost=free
 * q is the words typed; every other parameter is a filter whose values are taxonomy keys,
 * comma-separated. Values of one filter are alternatives (OR); filters combine with each other
 * and with the words (AND). The parameters are permanent: newsletters link to them. */

export function stateFromQuery(search, params) {
  const query = new URLSearchParams(search);
  const filters = {};
  for (const param of params) {
    const values = query.getAll(param).flatMap((value) => value.split(","));
    filters[param] = new Set(values.filter(Boolean));
  }
  return { q: query.get("q") || "", filters };
}

/* The one reading of an address, for the catalogue page and the embeddable list alike: the
 * words, and for each filter only the keys the page offers (`options`: a Map from a parameter to
 * the Set of its keys). A key the page does not offer (a renamed one, ?provider=__proto__) is
 * left out, as if the address did not name it: an old link shows the rest of its list, not
 * nothing, and an unknown parameter is never read at all. */
export function stateFromAddress(search, options) {
  const params = Array.from(options.keys());
  const state = stateFromQuery(search, params);
  for (const param of params) {
    const offered = options.get(param);
    state.filters[param] = new Set(Array.from(state.filters[param]).filter((key) => offered.has(key)));
  }
  return state;
}

/* The options a page offers, from {param: [keys]} (the embeddable list's data-options). */
export function optionsOf(keysByParam) {
  return new Map(Object.entries(keysByParam).map(([param, keys]) => [param, new Set(keys)]));
}

/* "?q=…&sector=…" (or ""), values in the page's order so that one list has one address.
 * `order(param)` gives a filter's keys in the page's order. */
export function queryOf(state, params, order) {
  const parts = [];
  const words = state.q.trim();
  if (words) parts.push("q=" + encodeURIComponent(words));
  for (const param of params) {
    const values = order(param).filter((value) => state.filters[param].has(value));
    if (values.length) parts.push(param + "=" + values.map(encodeURIComponent).join(","));
  }
  return parts.length ? "?" + parts.join("&") : "";
}

/* The same list in the other language: the keys are language-neutral, only the path changes. */
export function withQuery(href, query) {
  const hash = href.indexOf("#");
  const base = hash === -1 ? href : href.slice(0, hash);
  return base.split("?")[0] + query + (hash === -1 ? "" : href.slice(hash));
}
