/* The theme's menu (its drawer, on a phone and a narrow or zoomed window) for the keyboard: the
 * menu button is reached with Tab and opened with Enter or Space; the open menu keeps the focus
 * (Tab and Shift+Tab go round its links) and Escape closes it, the focus back on the button.
 * The theme draws the button as a <label> for its drawer checkbox, which a keyboard cannot
 * reach; its name comes from the page (pages/theme_markup.py). Every page but the search pages
 * loads this file; those join it into their one script (catalogue.js). */

export function bindMenu(doc) {
  const toggle = doc.getElementById("__drawer");
  const button = doc.querySelector('label.md-header__button[for="__drawer"]');
  const drawer = doc.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer || button.dataset.menuBound) return;
  button.dataset.menuBound = "true";
  button.tabIndex = 0;
  button.setAttribute("role", "button");
  button.setAttribute("aria-expanded", String(toggle.checked));

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

  button.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    event.stopPropagation(); // the theme also clicks a focused label on Enter: once is enough
    open(!toggle.checked, true);
  });
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
