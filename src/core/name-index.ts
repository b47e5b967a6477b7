/**
 * Fuzzy lookup over short names (command words, incident ids and aliases, victim names, glossary terms) with
 * fuse.js, which is at its best on strings this short.
 *
 * @example
 * const names = createNameIndex([{ name: 'MailItemsAccessed', value: 'term-1' }]);
 * names.find('mailitemaccessed')?.value // 'term-1'
 */
import Fuse from 'fuse.js';

export interface NameEntry<T> {
  name: string;
  value: T;
}

export interface NameMatch<T> {
  value: T;
  name: string;
  /** 0 = exact, 1 = no match (fuse.js score) */
  score: number;
}

export interface NameIndex<T> {
  /** exact match on the normalized name */
  exact(query: string): T | undefined;
  /** best fuzzy matches under the threshold, best first */
  search(query: string, limit?: number): NameMatch<T>[];
  find(query: string): NameMatch<T> | undefined;
}

/** Lower case, no punctuation but `-` and `.`, single spaces. */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9.\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function createNameIndex<T>(entries: ReadonlyArray<NameEntry<T>>, threshold = 0.3): NameIndex<T> {
  const normalized = entries
    .map((e) => ({ name: normalizeName(e.name), value: e.value }))
    .filter((e) => e.name !== '' && e.name.length <= 64);
  const exact = new Map<string, T>();
  for (const e of normalized) if (!exact.has(e.name)) exact.set(e.name, e.value);
  let fuse: Fuse<{ name: string; value: T }> | undefined;
  const search = (query: string, limit = 3): NameMatch<T>[] => {
    const q = normalizeName(query).slice(0, 32);
    if (q.length < 2) return [];
    const hit = exact.get(q);
    if (hit !== undefined) return [{ value: hit, name: q, score: 0 }];
    fuse ??= new Fuse(normalized, { keys: ['name'], includeScore: true, threshold, ignoreLocation: true });
    return fuse.search(q, { limit }).map((r) => ({ value: r.item.value, name: r.item.name, score: r.score ?? 1 }));
  };
  return {
    exact: (query) => exact.get(normalizeName(query)),
    search,
    find: (query) => search(query, 1)[0],
  };
}
