/* The language switch of the catalogue page leads to the same list in the other language: its
 * link takes the page's query string (the filter keys are the same in both languages). Written
 * from the address as soon as the script runs, before any data arrives, and at every change. */

import { withQuery } from "./url-state.js";

export function carryAddress(query) {
  document.querySelectorAll("a[hreflang]").forEach((link) => {
    if (/\/catalogue\/?$/.test(new URL(link.href).pathname)) link.href = withQuery(link.href, query);
  });
}
