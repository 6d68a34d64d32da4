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
  } else {
    return;
  }
  // Back, rather than anew: the list comes back at the same place (search/place.js), and with
  // the cards "Show more" had added.
  link.addEventListener("click", function (event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (window.history.length < 2) return;
    event.preventDefault();
    window.history.back();
  });
})();
