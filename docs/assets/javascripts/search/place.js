/* The learner's place in the list, kept in the page's own history entry (history.state): how
 * many cards "Show more" had added and how far the page was scrolled, written as they leave it
 * (a click on a result, any page hide); read back when they come back to that entry (the back
 * button, or « Retour aux résultats », which goes back: credential.js). Nothing leaves the tab. */

export function keepPlace(view) {
  const save = () => history.replaceState({ ...(history.state || {}), shown: view.shownCount, scroll: window.scrollY }, "");
  window.addEventListener("pagehide", save);
  view.list.addEventListener("click", save, true);
}

/* After the first answer: as many cards as were shown, then the same scroll. */
export async function restorePlace(view, data) {
  const place = history.state;
  if (!place || !place.shown) return;
  while (view.shownCount < Math.min(place.shown, view.shown.length)) {
    await data.cards.need(view.nextPage());
    view.showMore(data.cards.records);
  }
  window.scrollTo(0, place.scroll);
}
