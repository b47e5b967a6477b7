/**
 * The inverted index over passages (BM25 over title, text and keywords). Built once per knowledge base; queries
 * arrive already corrected, stemmed and synonym-expanded (see query.ts), so the index runs exact and prefix
 * matching only.
 *
 * Scoring is minisearch's BM25 (field boosts title 2, keywords 1.2, text 1; k 1.2, b 0.5, d 0.5; a prefix match
 * weighted 0.4 scaled by length; a document's score times the number of query words it matched), computed the
 * same way but from postings prepared ahead: every term's per-field scores are fixed once the index is built
 * (worked out on the term's first use and kept), so a query only adds them up. Passages of one incident are
 * contiguous, so a search scoped to an incident reads only that incident's stretch of each posting list, whatever
 * the number of incidents loaded.
 */
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
  const out: string[] = [];
  for (const word of words(text)) {
    // most words join nothing: skip building a one-element list for each
    if (!JOINED.test(word)) out.push(word);
    else for (const part of expandToken(word)) out.push(part);
  }
  return out;
}

const JOINED = /[._\-+]/;

/** Field order as scored: title, text, keywords. */
const FIELD_BOOST = [2, 1, 1.2] as const;
const BM25_K = 1.2;
const BM25_B = 0.5;
const BM25_D = 0.5;
const PREFIX_WEIGHT = 0.4;

/** One term's postings, passage numbers ascending. */
interface Postings {
  docs: Int32Array;
  /** per posting: 2 when the term is in the title, + 1 when it is in the keywords */
  flags: Uint8Array;
  /** per posting: the term's score as typed (field scores times field boosts, summed title, text, keywords) */
  exact: Float64Array;
  /** per posting and field (title, text, keywords): the raw BM25 score, 0 when the field lacks the term */
  raw: Float64Array;
  /** per posting and field: the field holds the term */
  inField: Uint8Array;
}

interface Building {
  docs: number[];
  /** term frequency per posting and field */
  tf: number[];
}

/** The BM25 score of one term in one field of one passage (minisearch's formula, in its order of operations). */
function bm25(termFreq: number, matching: number, total: number, fieldLength: number, avgFieldLength: number): number {
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return (
    invDocFreq *
    (BM25_D + (termFreq * (BM25_K + 1)) / (termFreq + BM25_K * (1 - BM25_B + (BM25_B * fieldLength) / avgFieldLength)))
  );
}

/** The `limit` passages of highest score (ties: lower passage number first), best first. */
function best(docs: number[], score: Float64Array, limit: number): number[] {
  const before = (a: number, b: number) => (score[b] as number) - (score[a] as number) || a - b;
  if (limit <= 0) return [];
  if (docs.length <= limit) return docs.sort(before);
  // few wanted among many: keep a short sorted list instead of sorting them all
  const top: number[] = [];
  for (const doc of docs) {
    if (top.length === limit && before(doc, top[limit - 1] as number) >= 0) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    while (at > 0 && before(doc, top[at - 1] as number) < 0) {
      top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = doc;
  }
  return top;
}

/** First position in `docs` (ascending) holding a value ≥ `doc`. */
function lowerBound(docs: Int32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] as number) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createSearchIndex(passages: readonly Passage[], tokensOf?: (text: string) => string[]): SearchIndex {
  const tokenize = tokensOf ?? indexTokens;
  const n = passages.length;
  const building = new Map<string, Building>();
  const fieldLength = new Float64Array(n * 3);
  const avgFieldLength = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const p = passages[i] as Passage;
    const doc = p.n;
    const fields = [p.title, p.text, p.keywords];
    for (let f = 0; f < 3; f++) {
      const tokens = tokenize(fields[f] ?? '');
      const length = new Set(tokens).size;
      fieldLength[doc * 3 + f] = length;
      // a running average, as minisearch keeps it
      avgFieldLength[f] = ((avgFieldLength[f] as number) * i + length) / (i + 1);
      for (const token of tokens) {
        const term = termOf(token);
        if (!term) continue;
        let b = building.get(term);
        if (!b) {
          b = { docs: [], tf: [] };
          building.set(term, b);
        }
        if (b.docs[b.docs.length - 1] !== doc) {
          b.docs.push(doc);
          b.tf.push(0, 0, 0);
        }
        const at = b.tf.length - 3 + f;
        b.tf[at] = (b.tf[at] as number) + 1;
      }
    }
  }
  // A term's scores are worked out the first time a question reads it: a process that answers one question (the
  // command line) touches a few dozen of the thousands of terms, and the result is the same either way.
  const finished = new Map<string, Postings>();
  const finish = (term: string, b: Building): Postings => {
    const count = b.docs.length;
    const matching = [0, 0, 0];
    for (let i = 0; i < count; i++)
      for (let f = 0; f < 3; f++) if ((b.tf[i * 3 + f] as number) > 0) matching[f] = (matching[f] as number) + 1;
    const entry: Postings = {
      docs: Int32Array.from(b.docs),
      flags: new Uint8Array(count),
      exact: new Float64Array(count),
      raw: new Float64Array(count * 3),
      inField: new Uint8Array(count * 3),
    };
    for (let i = 0; i < count; i++) {
      const doc = b.docs[i] as number;
      let score = 0;
      for (let f = 0; f < 3; f++) {
        const tf = b.tf[i * 3 + f] as number;
        if (tf === 0) continue;
        const raw = bm25(tf, matching[f] as number, n, fieldLength[doc * 3 + f] as number, avgFieldLength[f] as number);
        entry.raw[i * 3 + f] = raw;
        entry.inField[i * 3 + f] = 1;
        score += (FIELD_BOOST[f] as number) * raw;
      }
      entry.exact[i] = score;
      entry.flags[i] = ((b.tf[i * 3] as number) > 0 ? 2 : 0) + ((b.tf[i * 3 + 2] as number) > 0 ? 1 : 0);
    }
    finished.set(term, entry);
    return entry;
  };
  const postings = {
    get(term: string): Postings | undefined {
      const done = finished.get(term);
      if (done) return done;
      const b = building.get(term);
      return b ? finish(term, b) : undefined;
    },
  };
  /** every term, sorted, for prefix matches */
  const sortedTerms = [...building.keys()].sort();
  const termsWithPrefix = (prefix: string): string[] => {
    let lo = 0;
    let hi = sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sortedTerms[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sortedTerms.length && (sortedTerms[i] as string).startsWith(prefix); i++)
      out.push(sortedTerms[i] as string);
    return out;
  };
  /** each incident's stretch of passage numbers [from, to), when its passages are contiguous */
  const stretches = new Map<string, [number, number]>();
  let contiguous = true;
  for (let i = 0; i < n; i++) {
    const p = passages[i] as Passage;
    if (p.n !== i) contiguous = false;
    const s = stretches.get(p.incident);
    if (!s) stretches.set(p.incident, [i, i + 1]);
    else if (s[1] === i) s[1] = i + 1;
    else contiguous = false;
  }
  const df = (term: string) => building.get(term)?.docs.length ?? 0;
  const idfOf = (count: number) => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  const maxIdf = idfOf(0);

  // scratch space reused by every search (searches never interleave)
  const score = new Float64Array(n);
  const ownCount = new Uint16Array(n);
  const state = new Uint8Array(n); // 0 not found, 1 found
  const specScore = new Float64Array(n);
  const inSpec = new Uint8Array(n);
  const hitSlot = new Int32Array(n);

  return {
    documentCount: n,
    df,
    idf: (term) => idfOf(df(term)),
    maxIdf,
    search(terms, options = {}) {
      if (terms.length === 0) return [];
      const weights = new Map<string, number>();
      for (const t of terms) weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight));
      const { incidents, kinds, exclude, kindBoost } = options;
      const filtered = !!(kinds || exclude);
      const allowed = (doc: number): boolean => {
        const p = passages[doc];
        return (
          !!p && (!incidents || incidents.has(p.incident)) && (!kinds || kinds.has(p.kind)) && !exclude?.has(p.kind)
        );
      };
      // the stretches of posting lists to read: the asked incidents' passages, or everything
      let ranges: Array<[number, number]> | undefined;
      if (incidents && contiguous) {
        ranges = [];
        for (const id of incidents) {
          const s = stretches.get(id);
          if (s) ranges.push(s);
        }
      }
      /** calls `visit(i)` for each posting position of the term inside the ranges */
      const each = (list: Postings, visit: (i: number, doc: number) => void): void => {
        const { docs } = list;
        if (!ranges) {
          for (let i = 0; i < docs.length; i++) visit(i, docs[i] as number);
          return;
        }
        for (const [from, to] of ranges) {
          for (let i = lowerBound(docs, from); i < docs.length && (docs[i] as number) < to; i++)
            visit(i, docs[i] as number);
        }
      };
      const admit = (doc: number): boolean => (ranges && !filtered ? true : allowed(doc));
      const checkEach = !ranges || filtered;
      /** the stretches [from, to) of posting positions inside the ranges, flat */
      const spans = (docs: Int32Array): number[] => {
        if (!ranges) return [0, docs.length];
        const out: number[] = [];
        for (const [from, to] of ranges) {
          const lo = lowerBound(docs, from);
          out.push(lo, lowerBound(docs, to));
        }
        return out;
      };

      const touched: number[] = [];
      /** own-word matches: passage, own-term number; prominent derived terms per passage */
      const ownHits: number[] = [];
      let prominentDerived: Map<number, string[]> | undefined;
      const common = Math.max(50, n * 0.2);
      const isCommon = (t: string) => df(t) > common;
      const own: string[] = [];
      for (const [t, w] of weights) if (w >= 1 && !isCommon(t)) own.push(t);
      const ownSet = new Set(own);
      // the asker's own words: BM25; prefixes ("recommend" → "recommendat") only for words rare as typed
      own.forEach((term, j) => {
        const list = postings.get(term);
        const prefixed =
          term.length >= 5 && df(term) <= 2 && !/\d/.test(term) ? termsWithPrefix(term).filter((t) => t !== term) : [];
        if (prefixed.length === 0) {
          if (!list) return;
          const { docs, exact, flags } = list;
          const sp = spans(docs);
          for (let s = 0; s < sp.length; s += 2) {
            for (let i = sp[s] as number; i < (sp[s + 1] as number); i++) {
              const doc = docs[i] as number;
              if (checkEach && !allowed(doc)) continue;
              if (state[doc] === 0) {
                state[doc] = 1;
                touched.push(doc);
              }
              score[doc] = (score[doc] as number) + (exact[i] as number);
              ownCount[doc] = (ownCount[doc] as number) + 1;
              ownHits.push(doc, j, flags[i] as number);
            }
          }
          return;
        }
        // a word with prefix matches: its own score and each longer term's, summed per passage, then added
        const inThisSpec: number[] = [];
        const addSpec = (derived: Postings, derivedTerm: string, weight: number | undefined) => {
          each(derived, (i, doc) => {
            if (!admit(doc)) return;
            let s = inSpec[doc] ? (specScore[doc] as number) : 0;
            if (inSpec[doc] === 0) {
              inSpec[doc] = 1;
              inThisSpec.push(doc);
            }
            if (weight === undefined) s += derived.exact[i] as number;
            else
              for (let f = 0; f < 3; f++)
                if (derived.inField[i * 3 + f])
                  s += weight * (FIELD_BOOST[f] as number) * (derived.raw[i * 3 + f] as number);
            specScore[doc] = s;
            if (derived.flags[i]) {
              prominentDerived ??= new Map();
              const listOf = prominentDerived.get(doc);
              if (listOf) listOf.push(derivedTerm);
              else prominentDerived.set(doc, [derivedTerm]);
            }
          });
        };
        if (list) addSpec(list, term, undefined);
        for (const t of prefixed) {
          const distance = t.length - term.length;
          addSpec(postings.get(t) as Postings, t, (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance));
        }
        for (const doc of inThisSpec) {
          if (state[doc] === 0) {
            state[doc] = 1;
            touched.push(doc);
          }
          score[doc] = (score[doc] as number) + (specScore[doc] as number);
          ownCount[doc] = (ownCount[doc] as number) + 1;
          ownHits.push(doc, j, 0);
          inSpec[doc] = 0;
          specScore[doc] = 0;
        }
      });
      // minisearch's quality factor: the score times the number of own words matched
      for (const doc of touched) score[doc] = (score[doc] as number) * (ownCount[doc] as number);
      /** later matches (synonyms, common words): passage, term, prominent (1) or not (0), flat */
      const laterDocs: number[] = [];
      const laterTerms: string[] = [];
      const laterProminent: number[] = [];
      const walk = (term: string, weight: number) => {
        const list = postings.get(term);
        if (!list) return;
        const base = weight * idfOf(list.docs.length) * SYNONYM_SCALE;
        const { docs } = list;
        const sp = spans(docs);
        for (let s = 0; s < sp.length; s += 2) {
          for (let i = sp[s] as number; i < (sp[s + 1] as number); i++) {
            const doc = docs[i] as number;
            const flags = list.flags[i] as number;
            const add = flags & 2 ? base * TITLE_BOOST : base;
            if (state[doc] === 0) {
              if (checkEach && !allowed(doc)) continue;
              state[doc] = 1;
              touched.push(doc);
            }
            score[doc] = (score[doc] as number) + add;
            laterDocs.push(doc);
            laterTerms.push(term);
            laterProminent.push(flags);
          }
        }
      };
      // synonyms: looked up in the postings and scored by rarity and weight
      const commonTerms: Array<[string, number]> = [];
      for (const [term, weight] of weights) {
        if (ownSet.has(term)) continue;
        if (isCommon(term)) commonTerms.push([term, weight]);
        else walk(term, weight);
      }
      // very common words (the vendor's name in an incident at that vendor) say little about which passage is meant: they are
      // checked on the candidates the other words found, not walked through every passage
      if (touched.length === 0) for (const [term, weight] of commonTerms) walk(term, weight);
      else if (commonTerms.length > 0) {
        const lists = commonTerms.map(([term]) => postings.get(term));
        for (const doc of touched) {
          commonTerms.forEach(([term, weight], k) => {
            const list = lists[k];
            if (!list) return;
            const at = lowerBound(list.docs, doc);
            if (list.docs[at] !== doc) return;
            const flags = list.flags[at] as number;
            score[doc] =
              (score[doc] as number) + weight * idfOf(list.docs.length) * SYNONYM_SCALE * (flags & 2 ? TITLE_BOOST : 1);
            laterDocs.push(doc);
            laterTerms.push(term);
            laterProminent.push(flags);
          });
        }
      }
      for (const doc of touched) {
        const passage = passages[doc] as Passage;
        score[doc] = (score[doc] as number) * (kindBoost?.[passage.kind] ?? 1);
      }
      const top = best(touched, score, options.limit ?? 20);
      const hits: SearchHit[] = [];
      const matchedOf: Array<Set<string>> = [];
      const prominentOf: Array<Set<string>> = [];
      for (const doc of top) {
        const matched = new Set<string>();
        const prominent = new Set<string>();
        // slot of the passage's hit, plus one (0: not returned)
        hitSlot[doc] = hits.length + 1;
        hits.push({ passage: passages[doc] as Passage, score: score[doc] as number, matched, prominent });
        matchedOf.push(matched);
        prominentOf.push(prominent);
      }
      // own words: prominent when a term derived from any matched own word stands in the title or keywords
      const derivedOf: Array<string[] | undefined> = [];
      for (let k = 0; k < ownHits.length; k += 3) {
        const slot = (hitSlot[ownHits[k] as number] as number) - 1;
        if (slot < 0) continue;
        const term = own[ownHits[k + 1] as number] as string;
        (matchedOf[slot] as Set<string>).add(term);
        if (ownHits[k + 2]) {
          const list = derivedOf[slot];
          if (list) list.push(term);
          else derivedOf[slot] = [term];
        }
      }
      top.forEach((doc, slot) => {
        const fromPrefix = prominentDerived?.get(doc);
        const derived = fromPrefix ? [...(derivedOf[slot] ?? []), ...fromPrefix] : derivedOf[slot];
        if (!derived) return;
        const matched = matchedOf[slot] as Set<string>;
        const prominent = prominentOf[slot] as Set<string>;
        for (const d of derived) for (const q of matched) if (d.startsWith(q)) prominent.add(q);
      });
      for (let k = 0; k < laterDocs.length; k++) {
        const slot = (hitSlot[laterDocs[k] as number] as number) - 1;
        if (slot < 0) continue;
        const term = laterTerms[k] as string;
        (matchedOf[slot] as Set<string>).add(term);
        if (laterProminent[k]) (prominentOf[slot] as Set<string>).add(term);
      }
      for (const doc of top) hitSlot[doc] = 0;
      for (const doc of touched) {
        score[doc] = 0;
        ownCount[doc] = 0;
        state[doc] = 0;
      }
      return hits;
    },
  };
}

/** A synonym match counts about as much as a plain word match of the same rarity, times its weight. */
const SYNONYM_SCALE = 2;
/** A word in a passage's title says more than one in its text (as the index's field boost). */
const TITLE_BOOST = 2;
