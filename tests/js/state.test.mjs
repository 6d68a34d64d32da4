import { test } from "node:test";
import assert from "node:assert/strict";
import { queryOf, stateFromQuery, withQuery } from "../../docs/assets/javascripts/search/url-state.js";
import { FacetTable, addIntakeKeys } from "../../docs/assets/javascripts/search/facets.js";

const params = ["sector", "cost", "intake"];
const order = { sector: ["health", "trades"], cost: ["free", "100-499"], intake: ["continuous", "upcoming"] };

test("the URL holds the words and filters, in the page's order", () => {
  const state = stateFromQuery("?cost=free&sector=trades,health&q=s%C3%A9curit%C3%A9", params);
  assert.equal(state.q, "sécurité");
  assert.deepEqual([...state.filters.sector], ["trades", "health"]);
  assert.equal(queryOf(state, params, (p) => order[p]), "?q=s%C3%A9curit%C3%A9&sector=health,trades&cost=free");
  assert.equal(queryOf(stateFromQuery("", params), params, (p) => order[p]), "");
});

test("the language switch keeps the query and the fragment", () => {
  assert.equal(withQuery("https://x.org/en/catalogue/?old=1#top", "?q=weld"), "https://x.org/en/catalogue/?q=weld#top");
  assert.equal(withQuery("../en/catalogue/", ""), "../en/catalogue/");
});

const records = [
  { filters: { sector: ["health"], cost: ["free"] }, continuous: true, starts: [] },
  { filters: { sector: ["trades"], cost: ["100-499"] }, continuous: false, starts: ["2099-01-01"] },
  { filters: { sector: ["health", "trades"], cost: ["100-499"] }, continuous: false, starts: ["2020-01-01"] },
];
addIntakeKeys(records, "2026-11-28");

test("filters combine (OR within one, AND across) and counts say what ticking would give", () => {
  const table = new FacetTable(params, records);
  const filters = { sector: new Set(["health"]), cost: new Set(), intake: new Set() };
  const { results, counts } = table.evaluate([0, 1, 2], filters);
  assert.deepEqual(results, [0, 2]);
  assert.equal(counts[table.slotOf(0, "trades")], 2); // ticking trades too: records 1 and 2 join
  assert.equal(counts[table.slotOf(1, "100-499")], 1);
  assert.equal(counts[table.slotOf(2, "upcoming")], 0);
  filters.intake.add("upcoming");
  assert.deepEqual(table.evaluate([0, 1, 2], filters).results, []);
});

test("read straight from the facet file, the table filters and counts as from the records", () => {
  const file = {
    params: ["sector", "cost"],
    keys: { sector: ["health", "trades"], cost: ["free", "100-499"] },
    records: [[[0], [0]], [[1], [1]], [[0, 1], [1]]],
    continuous: [1, 0, 0],
    starts: { 1: ["2099-01-01"], 2: ["2020-01-01"] },
  };
  const fromRecords = new FacetTable(params, records);
  const fromFile = FacetTable.fromFile(params, file, "2026-11-28");
  const choices = [
    { sector: [], cost: [], intake: [] },
    { sector: ["health"], cost: [], intake: [] },
    { sector: ["trades"], cost: ["100-499"], intake: ["upcoming"] },
    { sector: [], cost: ["free", "unknown-key"], intake: ["continuous"] },
  ];
  for (const choice of choices) {
    const filters = Object.fromEntries(Object.entries(choice).map(([param, keys]) => [param, new Set(keys)]));
    const expected = fromRecords.evaluate([0, 1, 2], filters);
    const actual = fromFile.evaluate([0, 1, 2], filters);
    assert.deepEqual(actual.results, expected.results);
    for (const [filter, param] of params.entries()) {
      for (const key of order[param]) {
        assert.equal(actual.counts[fromFile.slotOf(filter, key)] || 0, expected.counts[fromRecords.slotOf(filter, key)] || 0, param + "=" + key);
      }
    }
  }
});

import { formatCount } from "../../docs/assets/javascripts/search/view.js";

test("counts are grouped as each locale writes numbers", () => {
  for (const n of [0, 7, 999, 1000, 12345, 9752, 1234567]) {
    assert.equal(formatCount(n, "\u00a0"), new Intl.NumberFormat("fr-CA").format(n));
    assert.equal(formatCount(n, ","), new Intl.NumberFormat("en-CA").format(n));
  }
});
