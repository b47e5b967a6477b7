/**
 * The inverted index over passages (minisearch, BM25). Built once per knowledge base; queries arrive already
 * corrected, stemmed and synonym-expanded (see query.ts), so the index runs exact and prefix matching only.
 */
import MiniSearch from 'minisearch';
import type { Passage, PassageKind } from './passages.js';
import { expandToken, termOf, words } from './tokenize.js';

export interface WeightedTerm {
  term: string;
  /** 1 for the asker's own words, less for synonyms */
  weight: number;
}

export interface SearchHit {
  passage: Passage;
  score: number;
  /** query terms this passage matched */
  matched: ReadonlySet<string>;
}

export interface SearchOptions {
  /** only passages of these incidents */
  incidents?: ReadonlySet<string>;
  /** multiply the score of these kinds */
  kindBoost?: Partial<Record<PassageKind, number>>;
  /** only these kinds */
  kinds?: ReadonlySet<PassageKind>;
  /** leave these kinds out */
  exclude?: ReadonlySet<PassageKind>;
  limit?: number;
}

export interface SearchIndex {
  readonly documentCount: number;
  /** number of passages holding the stemmed term */
  df(term: string): number;
  /** BM25 inverse document frequency; unknown terms get the highest value */
  idf(term: string): number;
  readonly maxIdf: number;
  search(terms: readonly WeightedTerm[], options?: SearchOptions): SearchHit[];
}

/** Surface tokens of a field, parts of joined words included. */
export function indexTokens(text: string): string[] {
  return words(text).flatMap(expandToken);
}

export function createSearchIndex(passages: readonly Passage[], tokensOf?: (text: string) => string[]): SearchIndex {
  const tokenize = tokensOf ?? indexTokens;
  const mini = new MiniSearch<{ id: number; title: string; text: string; keywords: string }>({
    fields: ['title', 'text', 'keywords'],
    storeFields: [],
    tokenize,
    processTerm: (term) => termOf(term) ?? null,
    searchOptions: {
      boost: { title: 2, keywords: 1.2, text: 1 },
      bm25: { k: 1.2, b: 0.5, d: 0.5 },
    },
  });
  const dfs = new Map<string, number>();
  const postings = new Map<string, number[]>();
  mini.addAll(passages.map((p) => ({ id: p.n, title: p.title, text: p.text, keywords: p.keywords })));
  for (const p of passages) {
    const seen = new Set<string>();
    for (const field of [p.title, p.text, p.keywords]) {
      for (const token of tokenize(field)) {
        const term = termOf(token);
        if (term && !seen.has(term)) {
          seen.add(term);
          dfs.set(term, (dfs.get(term) ?? 0) + 1);
          const list = postings.get(term);
          if (list) list.push(p.n);
          else postings.set(term, [p.n]);
        }
      }
    }
  }
  const n = passages.length;
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const maxIdf = idfOf(0);
  return {
    documentCount: n,
    df: (term) => dfs.get(term) ?? 0,
    idf: (term) => idfOf(dfs.get(term) ?? 0),
    maxIdf,
    search(terms, options = {}) {
      if (terms.length === 0) return [];
      const weights = new Map<string, number>();
      for (const t of terms) weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight));
      const { incidents, kinds, exclude, kindBoost } = options;
      const allowed = (p: Passage | undefined): p is Passage =>
        !!p &&
        (!incidents || incidents.has(p.incident)) &&
        (!kinds || kinds.has(p.kind)) &&
        (!exclude || !exclude.has(p.kind));
      const own = [...weights].filter(([, w]) => w >= 1).map(([t]) => t);
      const found = new Map<number, { score: number; matched: Set<string> }>();
      if (own.length > 0) {
        // the asker's own words: BM25 in minisearch, one pass over one query string, prefixes for longer words
        const results = mini.search(own.join(' '), {
          combineWith: 'OR',
          tokenize: (q: string) => q.split(' '),
          processTerm: (t: string) => t,
          prefix: (term: string) => term.length >= 5 && !/\d/.test(term),
          fuzzy: false,
          weights: { fuzzy: 0.3, prefix: 0.4 },
          filter: incidents || exclude || kinds ? (r) => allowed(passages[r.id as number]) : undefined,
        });
        for (const r of results) found.set(r.id as number, { score: r.score, matched: new Set(r.queryTerms) });
      }
      // synonyms: looked up in the postings and scored by rarity at their lower weight (cheaper than asking
      // minisearch for dozens of extra terms)
      for (const [term, weight] of weights) {
        if (weight >= 1) continue;
        const docs = postings.get(term);
        if (!docs) continue;
        const add = weight * idfOf(docs.length) * SYNONYM_SCALE;
        for (const doc of docs) {
          const entry = found.get(doc);
          if (entry) {
            if (!entry.matched.has(term)) {
              entry.matched.add(term);
              entry.score += add;
            }
          } else if (allowed(passages[doc])) {
            found.set(doc, { score: add, matched: new Set([term]) });
          }
        }
      }
      const hits: SearchHit[] = [];
      for (const [doc, entry] of found) {
        const passage = passages[doc];
        if (!passage) continue;
        hits.push({ passage, score: entry.score * (kindBoost?.[passage.kind] ?? 1), matched: entry.matched });
      }
      hits.sort((a, b) => b.score - a.score || a.passage.n - b.passage.n);
      return hits.slice(0, options.limit ?? 20);
    },
  };
}

/** A synonym match counts about as much as a plain word match of the same rarity, times its weight. */
const SYNONYM_SCALE = 2;
