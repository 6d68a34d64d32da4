// The link builder's pure parts (docs/assets/javascripts/link-builder.js), under node --test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fill, nearestFeed, qrCode } from "../../docs/assets/javascripts/link-builder.js";

test("a placeholder is filled with the reader's words taken literally, $& and $1 included", () => {
  assert.equal(fill("Mots « {words} »", "words", "$& $1 $$ $`"), "Mots « $& $1 $$ $` »");
  assert.equal(fill("{n} of {n}", "n", "3"), "3 of 3");
});

test("a link that fits gives a QR code; one too long for any QR code gives none, without throwing", () => {
  assert.ok(qrCode("https://example.org/catalogue/?q=soins").getModuleCount() > 0);
  assert.equal(qrCode("https://example.org/catalogue/?q=" + "%C3%A9".repeat(1000)), null);
});

test("the nearest feed: the exact one when published, else the fewest credentials holding every result", () => {
  const feeds = {
    singles: { "": { "": "new.xml" }, sector: { health: "s-health.xml", it: "s-it.xml" }, region: { north: "r-north.xml" }, pathway: { work: "p-work.xml" } },
    counts: { "": 30, "sector/health": 10, "sector/it": 8, "region/north": 6, "pathway/work": 12, "region/north/sector/health": 3, "pathway/work/sector/health": 5 },
    lists: "../share/lists",
  };
  // Two filters, in any order: the feed named by both, parameters in alphabetical order.
  assert.deepEqual(nearestFeed(feeds, [["sector", "health"], ["region", "north"]]).href, "../share/lists/region/north/sector/health/feed.xml");
  // Three: the pair with the fewest credentials.
  const three = nearestFeed(feeds, [["sector", "health"], ["region", "north"], ["pathway", "work"]]);
  assert.equal(three.href, "../share/lists/region/north/sector/health/feed.xml");
  assert.equal(three.filters.length, 2);
  // Two values of one parameter: neither single feed holds every result; the other filter's does.
  assert.equal(nearestFeed(feeds, [["sector", "health"], ["sector", "it"], ["region", "north"]]).href, "r-north.xml");
  // An empty pair publishes nothing: the smaller single feed.
  assert.equal(nearestFeed(feeds, [["sector", "it"], ["region", "north"]]).href, "r-north.xml");
  // A filter without feeds: the whole catalogue's new ones.
  assert.equal(nearestFeed(feeds, [["delivery", "online"]]).href, "new.xml");
  assert.equal(nearestFeed(feeds, []).href, "new.xml");
});
