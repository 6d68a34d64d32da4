/* What the catalogue page is showing, said on screen at every width: the ticked filters as
 * buttons above the results (each removes its filter), their number on the filters' title (which
 * stays folded on a phone), and, while the data of a shared address loads, what is being looked
 * for instead of the first results of an empty search. Words come from the page
 * (_result_strings.html); labels from the filters' own labels, always written as text. */

import { fill } from "./text.js";

export class ActiveFilters {
  /* `label(param, key)`: an option's words; `remove(param, key)`: unticks it and updates. */
  constructor(root, strings, label, remove) {
    this.root = root;
    this.strings = strings;
    this.label = label;
    this.remove = remove;
    this.box = root.querySelector("[data-chips]");
    this.list = this.box.querySelector("ul");
    this.count = root.querySelector("[data-filter-count]");
    this.results = root.querySelector("[data-results]");
    this.shown = "";
  }

  /* The ticked filters of `state` ({q, filters: {param: Set}}), in the order of `params`. */
  show(state, params) {
    const ticked = params.flatMap((param) => Array.from(state.filters[param], (key) => [param, key]));
    const signature = ticked.map((pair) => pair.join("=")).join("&");
    if (signature === this.shown) return;
    this.shown = signature;
    const hadFocus = this.box.contains(document.activeElement);
    this.list.replaceChildren(...ticked.map(([param, key]) => this.chip(param, key)));
    this.box.hidden = ticked.length === 0;
    const n = ticked.length;
    this.count.textContent = n === 0 ? "" : " " + (n === 1 ? this.strings.active_one : fill(this.strings.active, "n", n));
    this.count.hidden = n === 0;
    if (hadFocus) this.refocus();
  }

  chip(param, key) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "mc-chip";
    button.dataset.filter = param;
    button.dataset.key = key;
    // Heard as "Remove the filter “Health care”"; seen as "Health care ×". A name of its own, not
    // hidden words around the label: Chromium heard those as "“ Health care ”", spaces inside.
    const name = this.label(param, key);
    button.setAttribute("aria-label", fill(this.strings.remove_filter, "label", name));
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.className = "mc-chip__cross";
    cross.textContent = "×";
    button.append(name, cross);
    button.addEventListener("click", () => this.remove(param, key));
    item.appendChild(button);
    return item;
  }

  /* The removed chip had the focus: it goes to the next one, or to the results' heading. */
  refocus() {
    const next = this.list.querySelector("button");
    if (next) next.focus();
    else this.root.querySelector("#mc-results-title").focus();
  }

  /* While the data a shared address needs is loading: the built list answers no question. */
  showPending(state, params) {
    const words = state.q.trim();
    const filtered = params.some((param) => state.filters[param].size);
    if (!words && !filtered) return false;
    this.results.dataset.pending = "";
    return words ? fill(this.strings.looking_for, "q", words) : this.strings.looking_for_filters;
  }

  answered() {
    delete this.results.dataset.pending;
  }
}
