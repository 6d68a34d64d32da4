/* One "page not found" serves every missing address (a host serves the site's root 404.html),
 * so a missing English address got the French page. The page names the other language's root
 * and its own 404 page (overrides/404.html): under that root, the page becomes that language's
 * 404 (its words, title and language), at the same address, so the typed address stays in view.
 * Without JavaScript the page still links the other language's home. */

import { bindMenu } from "./menu.js";

async function inItsLanguage(doc) {
  const mark = doc.querySelector("[data-other-not-found]");
  if (!mark) return;
  const root = new URL(mark.dataset.otherRoot, location.href);
  if (root.origin !== location.origin || !location.pathname.startsWith(root.pathname)) return;
  const response = await fetch(mark.dataset.otherNotFound);
  if (!response.ok) return;
  const other = new DOMParser().parseFromString(await response.text(), "text/html");
  doc.documentElement.lang = other.documentElement.lang;
  doc.title = other.title;
  doc.body.replaceWith(doc.adoptNode(other.body));
  bindMenu(doc);
}

inItsLanguage(document).catch((error) => console.error(error));
