/**
 * Which year a month without one means for an incident ("what happened in june"): the year with the most
 * timeline events in that month, else the incident's start year.
 */
import type { Incident } from '../model.js';

const cache = new WeakMap<Incident, Map<number, number | undefined>>();

export function yearForMonth(incident: Incident): (month: number) => number | undefined {
  let byMonth = cache.get(incident);
  if (!byMonth) {
    byMonth = new Map();
    const counts = new Map<string, number>();
    for (const e of incident.timeline) {
      if (e.date.length < 7) continue;
      const key = `${e.date.slice(5, 7)}-${e.date.slice(0, 4)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const startYear = incident.dates.start ? Number(incident.dates.start.slice(0, 4)) : undefined;
    for (let m = 1; m <= 12; m++) {
      let best: number | undefined;
      let bestCount = 0;
      for (const [key, count] of counts) {
        if (Number(key.slice(0, 2)) !== m) continue;
        const year = Number(key.slice(3));
        if (count > bestCount || (count === bestCount && best !== undefined && year === startYear)) {
          best = year;
          bestCount = count;
        }
      }
      byMonth.set(m, best ?? startYear);
    }
    cache.set(incident, byMonth);
  }
  const table = byMonth;
  return (month) => table.get(month);
}
