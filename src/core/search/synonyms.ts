/**
 * Synonym groups from `data/synonyms.yaml`, matched against the words of a question. A match can be a phrase
 * ("outlook on the web") or one word in any inflection ("revoking" meets "revoked" through its stem).
 */

import { stem } from './stem.js';
import { searchTerms, words } from './tokenize.js';

export interface SynonymTable {
  groups: readonly string[][];
  /** phrase as surface words joined by one space → group index */
  phrases: ReadonlyMap<string, number>;
  /** stem of a one-word member → group index */
  stems: ReadonlyMap<string, number>;
  /** stemmed search terms of the group's one-word members */
  groupTerms: readonly string[][];
  /** longest phrase, in words */
  maxWords: number;
}

export function createSynonymTable(groups: readonly string[][]): SynonymTable {
  const phrases = new Map<string, number>();
  const stems = new Map<string, number>();
  const groupTerms: string[][] = [];
  let maxWords = 1;
  groups.forEach((group, g) => {
    const terms = new Set<string>();
    for (const member of group) {
      const parts = words(member);
      if (parts.length === 0) continue;
      maxWords = Math.max(maxWords, parts.length);
      const key = parts.join(' ');
      if (!phrases.has(key)) phrases.set(key, g);
      if (parts.length === 1 && parts[0]) {
        const s = stem(parts[0]);
        if (!stems.has(s)) stems.set(s, g);
      }
      // a phrase member ("first access") expands only as a whole: its single words alone ("access") would match
      // passages that never meant the group
      const memberTerms = searchTerms(member);
      if (memberTerms.length === 1) terms.add(memberTerms[0] as string);
    }
    groupTerms.push([...terms]);
  });
  return { groups, phrases, stems, groupTerms, maxWords: Math.min(maxWords, 6) };
}

export interface SynonymMatch {
  /** first word index and word count in the question */
  start: number;
  length: number;
  group: number;
}

/** first word of a phrase → the most words a phrase starting with it has (made once per table) */
const longestMemo = new WeakMap<SynonymTable, Map<string, number>>();
function longestFrom(table: SynonymTable): Map<string, number> {
  let longest = longestMemo.get(table);
  if (!longest) {
    longest = new Map();
    for (const phrase of table.phrases.keys()) {
      const parts = phrase.split(' ');
      const first = parts[0] as string;
      longest.set(first, Math.max(longest.get(first) ?? 1, parts.length));
    }
    longestMemo.set(table, longest);
  }
  return longest;
}

/** Longest-first, left-to-right synonym matches over the question's words. */
export function matchSynonyms(table: SynonymTable, questionWords: readonly string[]): SynonymMatch[] {
  const out: SynonymMatch[] = [];
  const keys: string[] = [];
  let i = 0;
  while (i < questionWords.length) {
    let found: SynonymMatch | undefined;
    // the phrases starting here, one word longer each time ("outlook", "outlook on", …); the longest is tried first;
    // no phrase is longer than the longest one starting with this word
    const most = Math.min(
      table.maxWords,
      questionWords.length - i,
      longestFrom(table).get(questionWords[i] as string) ?? 1,
    );
    let key = '';
    for (let len = 1; len <= most; len++) {
      key = len === 1 ? (questionWords[i] as string) : `${key} ${questionWords[i + len - 1] as string}`;
      keys[len] = key;
    }
    for (let len = most; len >= 1 && !found; len--) {
      const group = table.phrases.get(keys[len] as string);
      if (group !== undefined) found = { start: i, length: len, group };
      else if (len === 1 && questionWords[i]) {
        const byStem = table.stems.get(stem(questionWords[i] as string));
        if (byStem !== undefined) found = { start: i, length: 1, group: byStem };
      }
    }
    if (found) {
      out.push(found);
      i += found.length;
    } else i++;
  }
  return out;
}
