/* Served from another origin than site_url (a staging copy, "www.", plain http), the head's
   alternate links still name site_url, and the theme's script fetches "sitemap.xml" beside each
   of them once the page is parsed (DOMContentLoaded), which the page's policy refuses. A module
   runs just before that moment: it points the links at the same page on this origin. On site_url
   itself it changes nothing, and the page's source, which crawlers read, keeps them. Every page
   loads it (main.html); the search pages join it into their one script. */
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

pointAlternatesHere(document);
