/* A box to find an option in a long filter list (_filters.html gives one to a filter with many
 * options, such as the providers): typing keeps the options whose label holds the letters typed,
 * accents and capitals aside, and a ticked option always stays. How many are shown is said
 * politely. Used by the catalogue page and the link builder, on their own filters. */

import { fill, foldAccents } from "./text.js";

export function bindOptionFinders(root) {
  for (const input of root.querySelectorAll("[data-option-finder]")) bindOptionFinder(input);
}

function bindOptionFinder(input) {
  const fieldset = input.closest("fieldset");
  const found = fieldset.querySelector("[data-found]");
  const options = Array.from(fieldset.querySelectorAll(".mc-filter__option"), (option) => ({
    option,
    box: option.querySelector('input[type="checkbox"]'),
    words: foldAccents(labelOf(option)),
  }));
  input.addEventListener("input", () => {
    const wanted = foldAccents(input.value.trim());
    let shown = 0;
    for (const { option, box, words } of options) {
      option.hidden = wanted !== "" && !words.includes(wanted) && !box.checked;
      if (!option.hidden) shown += 1;
    }
    found.textContent = wanted ? fill(fill(input.dataset.foundWords, "n", shown), "total", options.length) : "";
  });
}

/* An option's label without its count of results, which the catalogue fills in later. */
function labelOf(option) {
  const label = option.querySelector("label").cloneNode(true);
  label.querySelectorAll("[data-count]").forEach((count) => count.remove());
  return label.textContent.trim();
}
