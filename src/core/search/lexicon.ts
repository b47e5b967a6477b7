/**
 * The vocabulary a question is corrected against: every word in the knowledge base, the synonym phrases and the
 * words the intent rules read. A mistyped word ("timline", "vicitms") becomes the closest known word.
 *
 * Candidates come from a radix tree walk (minisearch's SearchableMap.fuzzyGet), checked with a transposition-aware
 * edit distance. Scanning the whole vocabulary with fuse.js took about 5 ms a word at 2,000 words (measured), so
 * fuse.js is kept for the short lists where it is cheap (command words, names, terms).
 */
import { LRUCache } from 'lru-cache';
import SearchableMap from 'minisearch/SearchableMap';
import { editDistance } from './edit-distance.js';
import { stem } from './stem.js';
import { STOP_WORDS } from './stopwords.js';

export interface Lexicon {
  /** surface word → how often it occurs */
  readonly counts: ReadonlyMap<string, number>;
  has(word: string): boolean;
  /**
   * The closest known word, or undefined when the word is known, too short, or nothing is close enough. A word
   * written as a name (`asName`: "Zorbco" mid-sentence) is corrected only for one slip: two make another name.
   */
  correct(word: string, asName?: boolean): string | undefined;
}

/**
 * True when `word` is `shorter` with two or more letters more at the end that are no ending the stemmer drops: another
 * word, not a slip of it ("circleci" is not "circle"; "glitched" is "glitch").
 */
export function extendsWord(word: string, shorter: string): boolean {
  return word.length - shorter.length >= 2 && word.startsWith(shorter) && stem(word) !== stem(shorter);
}

/** "wen" → "when", "whne" → "when": short typos, only of question words, only when unambiguous. */
function shortQuestionWord(questionWords: readonly string[], word: string): string | undefined {
  const close = questionWords.filter(
    (q) => q !== word && Math.abs(q.length - word.length) <= 1 && editDistance(word, q, 1) <= 1 && q[0] === word[0],
  );
  return close.length === 1 ? close[0] : undefined;
}

/** What the lexicon learns from the language data: its words, chat shorthand, and the question words. */
export interface LexiconLanguage {
  /** words the reading patterns use: their typos are corrected too */
  words: readonly string[];
  shorthand: ReadonlyMap<string, string>;
  /** short question words ("when", "what"): a three- or four-letter near miss is read as one of them */
  questionWords: readonly string[];
  /** function words a typo may still be corrected into, besides the question words (command words) */
  intentWords: readonly string[];
  /** further words a typo may be corrected into (the key-date words: "discoverd" → "discovered") */
  correctable: readonly string[];
}

export function createLexicon(counts: Map<string, number>, language: LexiconLanguage): Lexicon {
  const intent: ReadonlySet<string> = new Set(language.intentWords);
  // the words that triggers use are known, but a typo is corrected into one only if it is also a word of the
  // knowledge base, a question word or a command word: "acquired" must not become "required"
  const known = new Set(language.words);
  for (const word of [...language.questionWords, ...language.intentWords, ...language.correctable])
    counts.set(word, (counts.get(word) ?? 0) + 5);
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
  // each word's correction, `''` for none; the most recent 5,000 words
  const cache = new LRUCache<string, string>({ max: 5000 });
  return {
    counts,
    has: (word) => counts.has(word) || known.has(word),
    correct(word, asName = false) {
      const shorthand = language.shorthand.get(word);
      if (shorthand) return shorthand;
      if ((word.length === 3 || word.length === 4) && !counts.has(word))
        return shortQuestionWord(language.questionWords, word);
      if (word.length < 5 || word.length > 24 || counts.has(word) || known.has(word) || !/^[a-z]+$/.test(word))
        return undefined;
      const key = asName ? `\u0001${word}` : word;
      const cached = cache.get(key);
      if (cached !== undefined) return cached || undefined;
      const max = word.length >= 7 && !asName ? 2 : 1;
      let best: { word: string; distance: number; count: number } | undefined;
      for (const [candidate, [count]] of fuzzyTree().fuzzyGet(word, max + 1)) {
        const distance = editDistance(word, candidate, max);
        // a content word is never "corrected" into a function word ("fined" is not "find"), and two letters more at
        // the end make another word, not a slip ("circleci" is not "circle"), unless only an ending differs
        if (
          distance > max ||
          extendsWord(word, candidate) ||
          (STOP_WORDS.has(candidate) && !language.questionWords.includes(candidate) && !intent.has(candidate))
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
      cache.set(key, best?.word ?? '');
      return best?.word;
    },
  };
}
