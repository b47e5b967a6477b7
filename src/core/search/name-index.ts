/**
 * Fuzzy lookup over short names (incident ids and aliases, victim names, glossary terms) with fuse.js, which is at
 * its best on strings this short. A word index (minisearch's radix tree, typo-tolerant) first narrows the names to
 * those sharing a word with the query, so fuse.js only ranks a handful: scanning every name with fuse.js cost
 * several milliseconds a lookup at a hundred names.
 *
 * @example
 * const names = createNameIndex([{ name: 'MailboxRead', value: 'term-1' }]);
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
  /** every value registered under exactly this normalized name, in registration order (distinct) */
  exactAll(query: string): readonly T[];
  /** best fuzzy matches under the threshold, best first */
  search(query: string, limit?: number): NameMatch<T>[];
  find(query: string): NameMatch<T> | undefined;
  /** the names `search` would rank for this query (normalized), before fuse.js scores them */
  pool(query: string): ReadonlyArray<NameEntry<T>>;
  /**
   * `find`, when its best match could score at most `maxScore` with a name that `fits`; undefined when it
   * certainly could not (then fuse.js is not asked at all): for callers that reject any other best match.
   */
  findAtMost(query: string, maxScore: number, fits?: (name: string) => boolean): NameMatch<T> | undefined;
}

const NORMAL = /^[a-z0-9.-]+(?: [a-z0-9.-]+)*$/;

/** Lower case, no punctuation but `-` and `.`, single spaces. */
export function normalizeName(text: string): string {
  // already normal (lower-case words of letters, digits, `.` and `-`, one space apart): as it is
  if (NORMAL.test(text)) return text;
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
  const exactAll = new Map<string, T[]>();
  for (const e of normalized) {
    if (!exact.has(e.name)) exact.set(e.name, e.value);
    const all = exactAll.get(e.name);
    if (!all) exactAll.set(e.name, [e.value]);
    else if (!all.includes(e.value)) all.push(e.value);
  }
  const words = new SearchableMap<number[]>();
  normalized.forEach((e, i) => {
    for (const token of tokensOf(e.name)) {
      const list = words.get(token);
      if (list) {
        if (!list.includes(i)) list.push(i);
      } else words.set(token, [i]);
    }
  });

  // the names sharing a word (up to two edits) with a query word, remembered per word: a question's leading words
  // are looked up several times ("moveit transfer hack", "moveit transfer", "moveit"), and words recur
  const byToken = new Map<string, readonly number[]>();
  const namesWith = (token: string): readonly number[] => {
    let list = byToken.get(token);
    if (list) return list;
    if (token.length < 4) list = words.get(token) ?? [];
    else {
      // two edits: the radix walk counts a transposition ("vicitms") as two
      const out: number[] = [];
      for (const [, [found]] of words.fuzzyGet(token, 2)) out.push(...found);
      list = out;
    }
    if (byToken.size >= 2000) byToken.clear();
    byToken.set(token, list);
    return list;
  };

  const candidates = (q: string): Array<{ name: string; value: T }> => {
    if (normalized.length === 0) return [];
    const hits = new Map<number, number>();
    for (const token of tokensOf(q)) for (const i of namesWith(token)) hits.set(i, (hits.get(i) ?? 0) + 1);
    return [...hits]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([i]) => normalized[i] as { name: string; value: T });
  };

  const search = (query: string, limit = 3): NameMatch<T>[] => {
    if (normalized.length === 0) return [];
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
    exactAll: (query) => exactAll.get(normalizeName(query)) ?? [],
    search,
    find: (query) => search(query, 1)[0],
    findAtMost(query, maxScore, fits) {
      if (normalized.length === 0) return undefined;
      const q = normalizeName(query).slice(0, 32);
      if (q.length < 2) return undefined;
      const hit = exact.get(q);
      if (hit === undefined) {
        // a fuse.js score is never below the share of the query's characters a name lacks
        const possible = candidates(q).some(
          (m) => (!fits || fits(m.name)) && missingChars(q, m.name) / q.length <= maxScore,
        );
        if (!possible) return undefined;
      }
      return search(query, 1)[0];
    },
    pool(query) {
      if (normalized.length === 0) return [];
      const q = normalizeName(query).slice(0, 32);
      if (q.length < 2) return [];
      const hit = exact.get(q);
      return hit !== undefined ? [{ name: q, value: hit }] : candidates(q);
    },
  };
}

const tally = new Int32Array(128);

/**
 * How many of the pattern's characters the text lacks (counted with repeats): a lower bound on the edits any
 * alignment of the pattern with part of the text needs, so on a fuse.js (bitap) error count.
 */
export function missingChars(pattern: string, text: string): number {
  if (!ASCII.test(pattern) || !ASCII.test(text)) return missingCharsAny(pattern, text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    tally[c] = (tally[c] as number) + 1;
  }
  let missing = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    const left = tally[c] as number;
    if (left > 0) tally[c] = left - 1;
    else missing++;
  }
  for (let i = 0; i < text.length; i++) tally[text.charCodeAt(i)] = 0;
  return missing;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included
const ASCII = /^[\u0000-\u007f]*$/;

function missingCharsAny(pattern: string, text: string): number {
  const left = new Map<string, number>();
  for (const c of text) left.set(c, (left.get(c) ?? 0) + 1);
  let missing = 0;
  for (const c of pattern) {
    const n = left.get(c) ?? 0;
    if (n > 0) left.set(c, n - 1);
    else missing++;
  }
  return missing;
}
