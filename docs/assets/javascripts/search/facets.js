/* Filtering and facet counts over the record list.
 *
 * Filter keys are numbered once: each (filter, key) pair is a slot, and a record lists its slots
 * filter by filter in one typed array. Counting adds into a typed array instead of objects keyed
 * by strings: with thousands of matches, that was most of a keystroke's work. */

export class FacetTable {
  constructor(params, records) {
    this.params = params;
    this.slotsOfFilter = params.map(() => new Map()); // per filter: key -> slot
    this.slotTotal = 0;
    const starts = new Int32Array(records.length * params.length + 1);
    const slots = [];
    records.forEach((record, position) => {
      params.forEach((param, filter) => {
        starts[position * params.length + filter] = slots.length;
        for (const key of record.filters[param] || []) slots.push(this.slotOf(filter, key));
      });
    });
    starts[starts.length - 1] = slots.length;
    this.recordSlots = Int32Array.from(slots);
    this.slotStart = starts; // record r's slots for filter f start at slotStart[r * params.length + f]
  }

  slotOf(filter, key) {
    const slots = this.slotsOfFilter[filter];
    if (!slots.has(key)) slots.set(key, this.slotTotal++);
    return slots.get(key);
  }

  /* The ticked keys as slots; a filter with ticks is active (a key no record has matches nothing). */
  selection(filters) {
    const wanted = new Uint8Array(this.slotTotal);
    const active = this.params.map((param, filter) => {
      for (const key of filters[param]) {
        if (this.slotsOfFilter[filter].has(key)) wanted[this.slotsOfFilter[filter].get(key)] = 1;
      }
      return filters[param].size > 0;
    });
    return { wanted, active };
  }

  hasWanted(cell, wanted) {
    for (let k = this.slotStart[cell]; k < this.slotStart[cell + 1]; k++) if (wanted[this.recordSlots[k]]) return true;
    return false;
  }

  addCounts(counts, firstCell, endCell) {
    for (let k = this.slotStart[firstCell]; k < this.slotStart[endCell]; k++) counts[this.recordSlots[k]]++;
  }

  /* The candidates (record positions, in order) that pass the filters, and per option how many
   * results ticking it would give alongside the other filters (within a filter, options are
   * alternatives, so its own ticks are left out). */
  evaluate(candidates, filters) {
    const chosen = this.selection(filters);
    const filterTotal = this.params.length;
    const counts = new Int32Array(this.slotTotal);
    const results = [];
    for (const position of candidates) {
      const first = position * filterTotal;
      let failed = -1, failures = 0;
      for (let filter = 0; filter < filterTotal && failures < 2; filter++) {
        if (chosen.active[filter] && !this.hasWanted(first + filter, chosen.wanted)) { failed = filter; failures++; }
      }
      if (failures === 1) this.addCounts(counts, first + failed, first + failed + 1);
      if (failures === 0) {
        this.addCounts(counts, first, first + filterTotal); // a record's slots are contiguous
        results.push(position);
      }
    }
    return { results, counts };
  }
}

/* The intake keys depend on the reader's day: a start date is "upcoming" until it has passed. */
export function addIntakeKeys(records, todayIso) {
  for (const record of records) {
    const keys = [];
    if (record.continuous) keys.push("continuous");
    if (record.starts.some((start) => start >= todayIso)) keys.push("upcoming");
    record.filters.intake = keys;
  }
}

export function isoDay(date) {
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}
