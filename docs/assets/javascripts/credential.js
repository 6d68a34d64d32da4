/* A credential page: "Back to the results" restores the search the learner came from.
   The catalogue page keeps its words and filters in its address (?q=…&sector=…), so the page
   that led here, when it is this site's catalogue page or one of its lists, is the way back.
   Nothing is stored or sent: the address comes from the browser's own referrer. */
(function () {
  "use strict";
  var link = document.querySelector("[data-back]");
  if (!link || !document.referrer) return;
  var from;
  try { from = new URL(document.referrer); } catch (error) { return; }
  if (from.origin !== window.location.origin) return;
  var catalogue = new URL(link.getAttribute("data-catalogue"), window.location.href);
  var root = new URL("../", catalogue); // the catalogue page is <language root>/catalogue/
  if (from.pathname === catalogue.pathname) {
    link.href = from.href;
    link.textContent = link.getAttribute("data-label-results");
  } else if (from.pathname.indexOf(root.pathname + "browse/") === 0) {
    link.href = from.href;
    link.textContent = link.getAttribute("data-label-list");
  }
})();
