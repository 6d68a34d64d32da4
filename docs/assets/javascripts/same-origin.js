/* Served from another origin than site_url (a staging copy, "www.", plain http), the head's
   alternate links still name site_url, and the theme's script fetches "sitemap.xml" beside each
   of them once the page is parsed (DOMContentLoaded), which the page's policy refuses. A module
   runs just before that moment: it points the links at the same page on this origin. On site_url
   itself it changes nothing, and the page's source, which crawlers read, keeps them. Every page
   loads it (main.html); the search pages join it into the script they carry in their body. */
export function pointAlternatesHere(doc) {
  const config = doc.getElementById("__config");
  if (!config) return;
  const base = JSON.parse(config.textContent).base; // "../.." on a page, "/" on the 404 pages
  const root = new URL(base.endsWith("/") ? base : base + "/", doc.location.href);
  for (const link of doc.querySelectorAll("link[rel=alternate][data-path]")) {
    const here = new URL(link.getAttribute("data-path"), root).href;
    if (link.href !== here) link.href = here;
  }
}

/* At once if the theme's settings (#__config, near the page's end) are there; else once the page
   is parsed: a search page runs its script from inside its body. Its listener comes before the
   theme's, which the theme's script, later in the page, adds. */
export function pointAlternatesHereWhenParsed(doc) {
  if (doc.getElementById("__config") || doc.readyState !== "loading") pointAlternatesHere(doc);
  else doc.addEventListener("DOMContentLoaded", () => pointAlternatesHere(doc), { once: true });
}

pointAlternatesHereWhenParsed(document);
