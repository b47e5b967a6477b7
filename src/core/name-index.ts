/**
 * Fuzzy lookup over short names (incident ids and aliases, victim names, glossary terms) with fuse.js, which is at
 * its best on strings this short. A word index (minisearch's radix tree, typo-tolerant) first narrows the names to
 * those sharing a word with the query, so fuse.js only ranks a handful: scanning every name with fuse.js cost
 * several milliseconds a lookup at a hundred names.
 *
 * @example
 * const names = createNameIndex([{ name: 'MailItemsAccessed', value: 'term-1' }]);
 * names.find('mailitemaccessed')?.value // 'term-1'
 */
import Fuse from 'fuse.js';
import SearchableMap from 'minisearch/SearchableMap';

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

const tokensOf = (name: string) => name.split(/[\s.-]+/).filter((t) => t.length >= 2);
const MAX_CANDIDATES = 24;

export function createNameIndex<T>(entries: ReadonlyArray<NameEntry<T>>, threshold = 0.3): NameIndex<T> {
  const normalized = entries
    .map((e) => ({ name: normalizeName(e.name), value: e.value }))
    .filter((e) => e.name !== '' && e.name.length <= 64);
  const exact = new Map<string, T>();
  for (const e of normalized) if (!exact.has(e.name)) exact.set(e.name, e.value);
  const words = new SearchableMap<number[]>();
  normalized.forEach((e, i) => {
    for (const token of tokensOf(e.name)) {
      const list = words.get(token);
      if (list) {
        if (!list.includes(i)) list.push(i);
      } else words.set(token, [i]);
    }
  });

  const candidates = (q: string): Array<{ name: string; value: T }> => {
    const hits = new Map<number, number>();
    for (const token of tokensOf(q)) {
      // two edits: the radix walk counts a transposition ("vicitms") as two
      const distance = token.length >= 4 ? 2 : 0;
      const found = distance === 0 ? [[token, [words.get(token) ?? [], 0]] as const] : words.fuzzyGet(token, distance);
      for (const [, [list]] of found) for (const i of list) hits.set(i, (hits.get(i) ?? 0) + 1);
    }
    return [...hits]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([i]) => normalized[i] as { name: string; value: T });
  };

  const search = (query: string, limit = 3): NameMatch<T>[] => {
    const q = normalizeName(query).slice(0, 32);
    if (q.length < 2) return [];
    const hit = exact.get(q);
    if (hit !== undefined) return [{ value: hit, name: q, score: 0 }];
    const pool = candidates(q);
    if (pool.length === 0) return [];
    const fuse = new Fuse(pool, { keys: ['name'], includeScore: true, threshold, ignoreLocation: true });
    return fuse.search(q, { limit }).map((r) => ({ value: r.item.value, name: r.item.name, score: r.score ?? 1 }));
  };
  return {
    exact: (query) => exact.get(normalizeName(query)),
    search,
    find: (query) => search(query, 1)[0],
  };
}
