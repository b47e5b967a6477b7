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
  /** the matched terms that stand in its title or keywords, not only in passing in its text */
  prominent: ReadonlySet<string>;
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
  /** per passage: term → 2 when in the title, + 1 when in the keywords */
  const docTerms: Array<Map<string, number>> = [];
  mini.addAll(passages.map((p) => ({ id: p.n, title: p.title, text: p.text, keywords: p.keywords })));
  for (const p of passages) {
    const seen = new Set<string>();
    const inTitle = new Set<string>();
    const inKeywords = new Set<string>();
    for (const token of tokenize(p.title)) {
      const term = termOf(token);
      if (term) inTitle.add(term);
    }
    for (const token of tokenize(p.keywords)) {
      const term = termOf(token);
      if (term) inKeywords.add(term);
    }
    for (const field of [p.title, p.text, p.keywords]) {
      for (const token of tokenize(field)) {
        const term = termOf(token);
        if (term && !seen.has(term)) {
          seen.add(term);
          dfs.set(term, (dfs.get(term) ?? 0) + 1);
          // document number × 4, plus 2 when the term is in the title, plus 1 when it is in the keywords
          const flags = (inTitle.has(term) ? 2 : 0) + (inKeywords.has(term) ? 1 : 0);
          const entry = p.n * 4 + flags;
          let terms = docTerms[p.n];
          if (!terms) {
            terms = new Map();
            docTerms[p.n] = terms;
          }
          terms.set(term, flags);
          const list = postings.get(term);
          if (list) list.push(entry);
          else postings.set(term, [entry]);
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
      const allowed = (doc: number): boolean => {
        const p = passages[doc];
        return (
          !!p && (!incidents || incidents.has(p.incident)) && (!kinds || kinds.has(p.kind)) && !exclude?.has(p.kind)
        );
      };
      // very common words ("microsoft" in a Microsoft incident) say little about which passage is meant: they are
      // checked on the candidates the other words found, not walked through every passage
      const common = Math.max(50, n * 0.2);
      const isCommon = (t: string) => (dfs.get(t) ?? 0) > common;
      const own = [...weights].filter(([t, w]) => w >= 1 && !isCommon(t)).map(([t]) => t);
      const ownSet = new Set(own);
      const found = new Map<number, Candidate>();
      if (own.length > 0) {
        // the asker's own words: BM25 in minisearch, one pass over one query string; prefixes ("recommend" →
        // "recommendat") only for words rare as typed
        const results = mini.search(own.join(' '), {
          combineWith: 'OR',
          tokenize: (q: string) => q.split(' '),
          processTerm: (t: string) => t,
          prefix: (term: string) => term.length >= 5 && (dfs.get(term) ?? 0) <= 2 && !/\d/.test(term),
          fuzzy: false,
          weights: { fuzzy: 0.3, prefix: 0.4 },
          filter: incidents || exclude || kinds ? (r) => allowed(r.id as number) : undefined,
        });
        for (const r of results) {
          const prominent = new Set<string>();
          for (const [docTerm, fields] of Object.entries(r.match)) {
            if (!fields.includes('title') && !fields.includes('keywords')) continue;
            for (const q of r.queryTerms) if (docTerm.startsWith(q)) prominent.add(q);
          }
          found.set(r.id as number, { score: r.score, matched: new Set(r.queryTerms), prominent });
        }
      }
      const walk = (term: string, weight: number) => {
        const docs = postings.get(term);
        if (!docs) return;
        const base = weight * idfOf(docs.length) * SYNONYM_SCALE;
        for (const posting of docs) addMatch(found, posting >> 2, term, base, posting & 3, allowed);
      };
      // synonyms: looked up in the postings and scored by rarity and weight (cheaper than asking minisearch for
      // dozens of extra terms)
      const commonTerms: Array<[string, number]> = [];
      for (const [term, weight] of weights) {
        if (ownSet.has(term)) continue;
        if (isCommon(term)) commonTerms.push([term, weight]);
        else walk(term, weight);
      }
      if (found.size === 0) for (const [term, weight] of commonTerms) walk(term, weight);
      else {
        for (const [doc, entry] of found) {
          const terms = docTerms[doc];
          if (!terms) continue;
          for (const [term, weight] of commonTerms) {
            const flags = terms.get(term);
            if (flags === undefined || entry.matched.has(term)) continue;
            entry.matched.add(term);
            entry.score += weight * idfOf(dfs.get(term) ?? 0) * SYNONYM_SCALE * (flags & 2 ? TITLE_BOOST : 1);
            if (flags) entry.prominent.add(term);
          }
        }
      }
      const hits: SearchHit[] = [];
      for (const [doc, entry] of found) {
        const passage = passages[doc];
        if (!passage) continue;
        hits.push({
          passage,
          score: entry.score * (kindBoost?.[passage.kind] ?? 1),
          matched: entry.matched,
          prominent: entry.prominent,
        });
      }
      hits.sort((a, b) => b.score - a.score || a.passage.n - b.passage.n);
      return hits.slice(0, options.limit ?? 20);
    },
  };
}

interface Candidate {
  score: number;
  matched: Set<string>;
  prominent: Set<string>;
}

/** Adds one posting (a passage holding the term; flags: 2 title, 1 keywords) to the candidates. */
function addMatch(
  found: Map<number, Candidate>,
  doc: number,
  term: string,
  base: number,
  flags: number,
  allowed: (doc: number) => boolean,
): void {
  const add = flags & 2 ? base * TITLE_BOOST : base;
  const entry = found.get(doc);
  if (entry) {
    if (entry.matched.has(term)) return;
    entry.matched.add(term);
    entry.score += add;
    if (flags) entry.prominent.add(term);
  } else if (allowed(doc)) {
    found.set(doc, { score: add, matched: new Set([term]), prominent: new Set(flags ? [term] : []) });
  }
}

/** A synonym match counts about as much as a plain word match of the same rarity, times its weight. */
const SYNONYM_SCALE = 2;
/** A word in a passage's title says more than one in its text (as the index's field boost). */
const TITLE_BOOST = 2;
