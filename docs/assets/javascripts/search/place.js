/* The learner's place in the list, kept in the page's own history entry (history.state): how
 * many cards "Show more" had added, and the card they were at (the one followed, or the first in
 * view) with its distance from the top of the window, written as they leave it (a click on a
 * result, any page hide); read back when they come back to that entry (the back button, or
 * « Retour aux résultats », which goes back: credential.js). Nothing leaves the tab.
 * A card, not a scroll offset: cards out of view are drawn at an estimated height
 * (catalogue.css), so the same offset would land elsewhere on the way back. */

export function keepPlace(view) {
  const save = (event) => {
    const cards = Array.from(view.list.children);
    const target = event && event.target instanceof Node ? event.target : null;
    const card = cards.find((node) => target && node.contains(target)) || cards.find((node) => node.getBoundingClientRect().bottom > 0);
    const at = card ? { card: cards.indexOf(card), top: card.getBoundingClientRect().top } : { card: -1 };
    history.replaceState({ ...(history.state || {}), shown: view.shownCount, scroll: window.scrollY, ...at }, "");
  };
  window.addEventListener("pagehide", save);
  view.list.addEventListener("click", save, true);
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const SETTLE_FRAMES = 20; // at most: the cards that come into view are drawn a few frames later

/* After the first answer: as many cards as were shown, then that card where it was. */
export async function restorePlace(view, data) {
  const place = history.state;
  if (!place || !place.shown) return;
  while (view.shownCount < Math.min(place.shown, view.shown.length)) {
    await data.cards.need(view.nextPage());
    view.showMore(data.cards.records);
  }
  const card = view.list.children[place.card];
  if (!card) {
    window.scrollTo(0, place.scroll);
    return;
  }
  // Each frame may draw cards at their real height and move it: put back until it stays.
  let still = 0;
  for (let frame = 0; frame < SETTLE_FRAMES && still < 3; frame++) {
    const off = card.getBoundingClientRect().top - place.top;
    if (Math.abs(off) < 1) still++;
    else {
      still = 0;
      window.scrollBy(0, off);
    }
    await nextFrame();
  }
}
