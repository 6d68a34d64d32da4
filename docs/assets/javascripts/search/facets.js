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
    this.fill(records.length, (position, filter, slots) => {
      for (const key of records[position].filters[params[filter]] || []) slots.push(this.slotOf(filter, key));
    });
  }

  /* The same table read straight from the facet file the build wrote (search_index.facet_table),
   * with the intake keys of `todayIso`: no object per record (at 10,000 records, making those
   * was most of the page's loading work). */
  static fromFile(params, file, todayIso) {
    const table = new FacetTable(params, []);
    const column = params.map((param) => file.params.indexOf(param));
    const slotOfNumber = params.map((param, filter) => (column[filter] < 0 ? [] : file.keys[param].map((key) => table.slotOf(filter, key))));
    const intake = params.indexOf("intake");
    table.fill(file.records.length, (position, filter, slots) => {
      if (filter === intake) {
        for (const key of intakeKeys(file.continuous[position] === 1, file.starts[position] || [], todayIso)) slots.push(table.slotOf(filter, key));
      } else if (column[filter] >= 0) {
        for (const number of file.records[position][column[filter]]) slots.push(slotOfNumber[filter][number]);
      }
    });
    return table;
  }

  /* `slotsOf(position, filter, slots)` pushes a record's slots for one filter. */
  fill(count, slotsOf) {
    const filterTotal = this.params.length;
    const starts = new Int32Array(count * filterTotal + 1);
    const slots = [];
    for (let position = 0; position < count; position++) {
      for (let filter = 0; filter < filterTotal; filter++) {
        starts[position * filterTotal + filter] = slots.length;
        slotsOf(position, filter, slots);
      }
    }
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
  for (const record of records) record.filters.intake = intakeKeys(record.continuous, record.starts, todayIso);
}

function intakeKeys(continuous, starts, todayIso) {
  const keys = [];
  if (continuous) keys.push("continuous");
  if (starts.some((start) => start >= todayIso)) keys.push("upcoming");
  return keys;
}

export function isoDay(date) {
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}
