/**
 * Short word patterns, written in data (`data/language.yaml`), matched word by word against a question. They say
 * what the old long regular expressions said, in a form a person can read and extend:
 *
 * - `word`, `a|b|c` — that word, or one of these (`get_into` is the phrase "get into");
 * - `@list` — any entry of a named word list;
 * - `*` / `**` — up to three / eight words of any kind;
 * - `{name}` — one to six words, kept as the match's subject;
 * - `#year` — a year ("2023");
 * - `^` / `$` — at the start / at the end of the question; `x?` — the element may be missing.
 *
 * @example
 * const p = compilePattern('who @attack-verb {name}', lists);
 * matchPattern(p, ['who', 'hacked', 'the', 'museum']) // { start: 0, end: 4, name: ['the', 'museum'] }
 */
import { isYear } from '../calendar.js';
import { words as wordsOf } from '../search/tokenize.js';

/** Phrases (each a list of words) by list name. */
export type WordLists = ReadonlyMap<string, PhraseSet>;

/** A set of phrases, looked up by their first word. */
export interface PhraseSet {
  /** phrases by first word, longest first */
  readonly byFirst: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly size: number;
}

type Element =
  | { type: 'words'; set: PhraseSet; optional: boolean }
  | { type: 'skip'; max: number }
  | { type: 'name'; optional: boolean }
  | { type: 'year'; optional: boolean };

export interface Pattern {
  source: string;
  elements: Element[];
  anchorStart: boolean;
  anchorEnd: boolean;
}

export interface PatternMatch {
  start: number;
  end: number;
  /** the words `{name}` took, if the pattern has one, and where they start */
  name?: string[];
  nameStart?: number;
}

/** The longest `{name}` a pattern takes. */
const MAX_NAME = 6;
const SHORT_SKIP = 3;
const LONG_SKIP = 8;

/** A phrase set from phrases written with spaces ("get into"). */
export function phraseSet(phrases: Iterable<string>): PhraseSet {
  const byFirst = new Map<string, string[][]>();
  let size = 0;
  for (const phrase of phrases) {
    const words = splitPhrase(phrase);
    if (words.length === 0) continue;
    const first = words[0] as string;
    const list = byFirst.get(first) ?? [];
    if (!list.some((p) => p.join(' ') === words.join(' '))) {
      list.push(words);
      size++;
    }
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst, size };
}

/** A phrase as the words the reader sees: lower case, split where the question's words would split. */
export function splitPhrase(phrase: string): string[] {
  return wordsOf(phrase.replace(/_/g, ' '));
}

/** Compiles one pattern. @throws Error naming an unknown list or an empty element */
export function compilePattern(source: string, lists: WordLists): Pattern {
  const parts = source.trim().split(/\s+/);
  let anchorStart = false;
  let anchorEnd = false;
  if (parts[0] === '^') {
    anchorStart = true;
    parts.shift();
  }
  if (parts.at(-1) === '$') {
    anchorEnd = true;
    parts.pop();
  }
  const elements: Element[] = parts.map((part): Element => {
    const optional = part.length > 1 && part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    if (body === '*') return { type: 'skip', max: SHORT_SKIP };
    if (body === '**') return { type: 'skip', max: LONG_SKIP };
    if (body === '{name}') return { type: 'name', optional };
    if (body === '#year') return { type: 'year', optional };
    if (body.startsWith('@')) {
      const set = lists.get(body.slice(1));
      if (!set) throw new Error(`pattern "${source}": no word list called ${body}`);
      return { type: 'words', set, optional };
    }
    const alternatives = body.split('|').filter((a) => a !== '');
    if (alternatives.length === 0) throw new Error(`pattern "${source}": empty element "${part}"`);
    return { type: 'words', set: phraseSet(alternatives), optional };
  });
  if (elements.length === 0) throw new Error(`pattern "${source}" has nothing to match`);
  return { source, elements, anchorStart, anchorEnd };
}

/** The lengths of the set's phrases that stand at `pos` in `words`, longest first. */
export function phrasesAt(set: PhraseSet, words: readonly string[], pos: number): number[] {
  const candidates = set.byFirst.get(words[pos] ?? '');
  if (!candidates) return [];
  const out: number[] = [];
  for (const phrase of candidates) {
    let ok = pos + phrase.length <= words.length;
    for (let k = 1; ok && k < phrase.length; k++) if (words[pos + k] !== phrase[k]) ok = false;
    if (ok && !out.includes(phrase.length)) out.push(phrase.length);
  }
  return out;
}

/** True when a phrase of the set starts at `pos`. */
export function hasPhraseAt(set: PhraseSet, words: readonly string[], pos: number): boolean {
  return phrasesAt(set, words, pos).length > 0;
}

/** True when any phrase of the set stands anywhere in the words. */
export function hasAny(set: PhraseSet, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (hasPhraseAt(set, words, i)) return true;
  return false;
}

/** The first match of the pattern in the words (leftmost start), or undefined. */
export function matchPattern(pattern: Pattern, words: readonly string[]): PatternMatch | undefined {
  const last = pattern.anchorStart ? 0 : words.length - 1;
  for (let start = 0; start <= Math.max(0, last); start++) {
    const found = matchFrom(pattern, words, 0, start, undefined);
    if (found)
      return {
        start,
        end: found.end,
        ...(found.name ? { name: found.name.words, nameStart: found.name.at } : {}),
      };
  }
  return undefined;
}

/** The first of several patterns that matches. */
export function firstMatch(
  patterns: readonly Pattern[],
  words: readonly string[],
): { pattern: Pattern; match: PatternMatch } | undefined {
  for (const pattern of patterns) {
    const match = matchPattern(pattern, words);
    if (match) return { pattern, match };
  }
  return undefined;
}

function matchFrom(
  pattern: Pattern,
  words: readonly string[],
  el: number,
  pos: number,
  name: { words: string[]; at: number } | undefined,
): { end: number; name?: { words: string[]; at: number } } | undefined {
  if (el === pattern.elements.length) {
    if (pattern.anchorEnd && pos !== words.length) return undefined;
    return { end: pos, name };
  }
  const element = pattern.elements[el] as Element;
  switch (element.type) {
    case 'words': {
      for (const length of phrasesAt(element.set, words, pos)) {
        const found = matchFrom(pattern, words, el + 1, pos + length, name);
        if (found) return found;
      }
      return element.optional ? matchFrom(pattern, words, el + 1, pos, name) : undefined;
    }
    case 'year': {
      if (isYear(words[pos] ?? '')) {
        const found = matchFrom(pattern, words, el + 1, pos + 1, name);
        if (found) return found;
      }
      return element.optional ? matchFrom(pattern, words, el + 1, pos, name) : undefined;
    }
    case 'skip': {
      for (let n = 0; n <= element.max && pos + n <= words.length; n++) {
        const found = matchFrom(pattern, words, el + 1, pos + n, name);
        if (found) return found;
      }
      return undefined;
    }
    case 'name': {
      const isLast = el === pattern.elements.length - 1;
      const longest = Math.min(MAX_NAME, words.length - pos);
      // a name at the end of a pattern takes as much as it can; elsewhere as little as lets the rest match
      const lengths = isLast
        ? Array.from({ length: longest }, (_, i) => longest - i)
        : Array.from({ length: longest }, (_, i) => i + 1);
      for (const n of lengths) {
        const found = matchFrom(pattern, words, el + 1, pos + n, { words: words.slice(pos, pos + n), at: pos });
        if (found) return found;
      }
      return element.optional ? matchFrom(pattern, words, el + 1, pos, name) : undefined;
    }
  }
}
