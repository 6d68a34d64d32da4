/* The theme's menu (its drawer, on a phone and a narrow or zoomed window) for the keyboard: the
 * menu button is reached with Tab and opened with Enter or Space; the open menu keeps the focus
 * (Tab and Shift+Tab go round its links) and Escape closes it, the focus back on the button.
 * The theme draws the button as a <label> for its drawer checkbox, which a keyboard cannot reach
 * and which may not take the role of a button (ARIA in HTML): a real <button> with the label's
 * words (pages/theme_markup.py) and icon takes its place; without script the label still opens
 * the drawer. Every page but the search pages loads this file; those join it into their one
 * script (catalogue.js). */

export function bindMenu(doc) {
  const toggle = doc.getElementById("__drawer");
  const label = doc.querySelector('label.md-header__button[for="__drawer"]');
  const drawer = doc.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer || label.dataset.menuBound) return;
  label.dataset.menuBound = "true";
  const button = doc.createElement("button");
  button.type = "button";
  button.className = `${label.className} mc-menu-button`;
  for (const child of label.childNodes) button.append(child.cloneNode(true));
  button.setAttribute("aria-expanded", String(toggle.checked));
  label.classList.add("mc-menu-label--replaced");
  label.after(button);

  const focusable = () => Array.from(drawer.querySelectorAll("a[href], label[tabindex], button, input:not([type=checkbox])"))
    .filter((node) => node.tabIndex >= 0 && node.checkVisibility({ visibilityProperty: true }) && node.getClientRects().length);

  function open(opened, focus) {
    if (toggle.checked !== opened) {
      toggle.checked = opened;
      toggle.dispatchEvent(new Event("change", { bubbles: true })); // the theme follows its checkbox
    }
    button.setAttribute("aria-expanded", String(opened));
    if (!focus) return;
    if (opened) {
      const first = focusable()[0];
      if (first) first.focus();
    } else {
      button.focus();
    }
  }

  // Enter and Space click a button with no pointer (detail 0): the focus then goes into the menu.
  button.addEventListener("click", (event) => open(!toggle.checked, event.detail === 0));
  toggle.addEventListener("change", () => button.setAttribute("aria-expanded", String(toggle.checked)));

  doc.addEventListener("keydown", (event) => {
    if (!toggle.checked || !button.checkVisibility()) return;
    if (event.key === "Escape") {
      event.preventDefault();
      open(false, true);
    } else if (event.key === "Tab") {
      const stops = focusable();
      if (!stops.length) return;
      const at = stops.indexOf(doc.activeElement);
      const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at === -1 || at === stops.length - 1 ? 0 : at + 1);
      event.preventDefault();
      stops[next].focus();
    }
  });
}

bindMenu(document);
