/**
 * The vocabulary a question is corrected against: every word in the knowledge base, the synonym phrases and the
 * words the intent rules read. A mistyped word ("timline", "vicitms") becomes the closest known word.
 *
 * Candidates come from a radix tree walk (minisearch's SearchableMap.fuzzyGet), checked with a transposition-aware
 * edit distance. Scanning the whole vocabulary with fuse.js took about 5 ms a word at 2,000 words (measured), so
 * fuse.js is kept for the short lists where it is cheap (command words, names, terms).
 */
import SearchableMap from 'minisearch/SearchableMap';
import { editDistance } from './edit-distance.js';
import { STOP_WORDS } from './stopwords.js';

export interface Lexicon {
  /** surface word → how often it occurs */
  readonly counts: ReadonlyMap<string, number>;
  has(word: string): boolean;
  /** the closest known word, or undefined when the word is known, too short, or nothing is close enough */
  correct(word: string): string | undefined;
}

/** Words the intent rules and command parser read, so their typos are corrected too. */
export const INTENT_WORDS = `
help timeline victims victim logging logs indicators indicator iocs actor attribution technique techniques status
sources incidents digest daily weekly glossary define definition meaning recommendations recommend
when who what where which why how long many much happened affected hacked breached compromised targeted
detected discovered disclosed announced started began begin start end ended stopped revoked blocked
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december days weeks months years ago duration took last lasted before after until
`;

const QUESTION_WORDS = [
  'when',
  'what',
  'who',
  'how',
  'why',
  'where',
  'which',
  'was',
  'were',
  'did',
  'does',
  'whats',
  'long',
  'many',
  'the',
  'should',
  'would',
  'could',
  'about',
  'with',
  'this',
  'that',
];

/** Chat shorthand, read as the word it stands for. */
const SHORTHAND: Record<string, string> = {
  abt: 'about',
  b4: 'before',
  bc: 'because',
  cuz: 'because',
  hw: 'how',
  r: 'are',
  teh: 'the',
  u: 'you',
  ur: 'your',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  whn: 'when',
  y: 'why',
};

/** "wen" → "when", "whne" → "when": short typos, only of question words, only when unambiguous. */
function shortQuestionWord(word: string): string | undefined {
  const close = QUESTION_WORDS.filter(
    (q) => q !== word && Math.abs(q.length - word.length) <= 1 && editDistance(word, q, 1) <= 1 && q[0] === word[0],
  );
  return close.length === 1 ? close[0] : undefined;
}

const INTENT: ReadonlySet<string> = new Set(INTENT_WORDS.split(/\s+/).filter(Boolean));

export function createLexicon(counts: Map<string, number>): Lexicon {
  for (const word of INTENT_WORDS.split(/\s+/)) if (word) counts.set(word, (counts.get(word) ?? 0) + 5);
  for (const word of STOP_WORDS) counts.set(word, (counts.get(word) ?? 0) + 5);
  let tree: SearchableMap<number> | undefined;
  const fuzzyTree = (): SearchableMap<number> => {
    if (!tree) {
      tree = new SearchableMap<number>();
      for (const [word, count] of counts) {
        if (word.length >= 3 && /^[a-z][a-z-]*$/.test(word)) tree.set(word, count);
      }
    }
    return tree;
  };
  const cache = new Map<string, string | null>();
  return {
    counts,
    has: (word) => counts.has(word),
    correct(word) {
      const shorthand = SHORTHAND[word];
      if (shorthand) return shorthand;
      if ((word.length === 3 || word.length === 4) && !counts.has(word)) return shortQuestionWord(word);
      if (word.length < 5 || word.length > 24 || counts.has(word) || !/^[a-z]+$/.test(word)) return undefined;
      const cached = cache.get(word);
      if (cached !== undefined) return cached ?? undefined;
      const max = word.length >= 7 ? 2 : 1;
      let best: { word: string; distance: number; count: number } | undefined;
      for (const [candidate, [count]] of fuzzyTree().fuzzyGet(word, max + 1)) {
        const distance = editDistance(word, candidate, max);
        // a content word is never "corrected" into a function word ("fined" is not "find")
        if (
          distance > max ||
          (STOP_WORDS.has(candidate) && !QUESTION_WORDS.includes(candidate) && !INTENT.has(candidate))
        ) {
          continue;
        }
        const better =
          !best ||
          distance < best.distance ||
          (distance === best.distance && candidate[0] === word[0] && best.word[0] !== word[0]) ||
          (distance === best.distance &&
            (candidate[0] === word[0]) === (best.word[0] === word[0]) &&
            count > best.count);
        if (better) best = { word: candidate, distance, count };
      }
      if (cache.size > 5000) cache.clear();
      cache.set(word, best?.word ?? null);
      return best?.word;
    },
  };
}
