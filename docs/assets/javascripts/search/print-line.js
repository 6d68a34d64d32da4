/* On paper a list is only its cards: the printed catalogue page says which words and filters
 * made it, and the short address that shows it again (the page's own, with its query string).
 * Written with the address bar; empty, and not printed, for the list of an empty search. */

import { fill } from "./text.js";

export function showPrintLine(node, strings, state, query, labels) {
  if (!query) {
    node.replaceChildren();
    return;
  }
  const lines = [];
  const words = state.q.trim();
  if (words) lines.push(fill(strings.print_words, "q", words));
  // Each label quoted, so that none follows the colon as a bare word (overrides/locales/catalogue.yml).
  const quoted = labels.map((label) => fill(strings.print_filter, "label", label));
  if (labels.length) lines.push(fill(strings.print_filters, "labels", quoted.join(", ")));
  lines.push(fill(strings.print_address, "url", location.origin + location.pathname + query));
  node.replaceChildren(...lines.map((text) => {
    const line = document.createElement("span");
    line.className = "mc-print-query__line";
    line.textContent = text;
    return line;
  }));
}
