/* For a network's page that shows the catalogue's list in an <iframe> (the snippet of the
 * "Share a link" page): sets each such frame's height to the height its list reports, so the
 * list never scrolls inside its frame. Only messages from this script's own site are heard. */
(function () {
  "use strict";
  const script = document.currentScript;
  const origin = script ? new URL(script.src).origin : null;
  const LARGEST = 50000; // pixels: a message can never make a frame endless

  window.addEventListener("message", function (event) {
    const data = event.data;
    if (event.origin !== origin || !data || data.type !== "mc-embed-height") return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height < 0) return;
    document.querySelectorAll("iframe").forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = Math.min(height, LARGEST) + "px";
    });
  });
})();
