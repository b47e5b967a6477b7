/**
 * Chat command words (CONTRACTS.md), read from the language data: "timeline", "iocs", "recommendations"… A near
 * miss of a command word ("timline", "vicitms") still selects it.
 *
 * @example
 * commandWord(kb.language, 'vicitms') // 'victims'
 */
import { LRUCache } from 'lru-cache';
import type { CommandType } from '../command.js';
import { editDistance } from '../search/edit-distance.js';
import { createNameIndex, type NameIndex } from '../search/name-index.js';
import type { Language } from './language.js';

/** Commands whose words after the command word are arguments, not a question. */
export const TAKES_ARGUMENTS: ReadonlySet<CommandType> = new Set(['timeline', 'indicators', 'digest', 'help', 'hunt']);

/** Shortest word a typo is forgiven in. */
const MIN_FUZZY_LENGTH = 4;
/** Words this long may carry two typos. */
const TWO_TYPOS_LENGTH = 6;

interface CommandLookup {
  names: NameIndex<CommandType>;
  /** each word's fuzzy lookup, `''` for none; the most recent 5,000 words */
  fuzzy: LRUCache<string, CommandType | ''>;
}

const lookups = new WeakMap<Language, CommandLookup>();

function lookupOf(language: Language): CommandLookup {
  let lookup = lookups.get(language);
  if (!lookup) {
    lookup = {
      names: createNameIndex(
        [...language.commands].map(([name, value]) => ({ name, value })),
        0.4,
      ),
      fuzzy: new LRUCache<string, CommandType | ''>({ max: 5000 }),
    };
    lookups.set(language, lookup);
  }
  return lookup;
}

/** True when the word is a command word exactly. */
export function isCommandWord(language: Language, word: string): boolean {
  return language.commands.has(word.toLowerCase());
}

/**
 * The command a first word names, forgiving one typo (two in words of six letters or more, when the first letter is
 * right).
 */
export function commandWord(language: Language, word: string): CommandType | undefined {
  const w = word.toLowerCase();
  const exact = language.commands.get(w);
  if (exact) return exact;
  if (w.length < MIN_FUZZY_LENGTH || !/^[a-z]+$/.test(w)) return undefined;
  const lookup = lookupOf(language);
  const known = lookup.fuzzy.get(w);
  if (known !== undefined) return known || undefined;
  const max = w.length >= TWO_TYPOS_LENGTH ? 2 : 1;
  let found: CommandType | undefined;
  for (const match of lookup.names.search(w, 3)) {
    const distance = editDistance(w, match.name, max);
    // two slips and the first letter wrong too make another word ("putting" is no "hunting")
    if (distance <= max && (distance < 2 || w[0] === match.name[0])) {
      found = match.value;
      break;
    }
  }
  lookup.fuzzy.set(w, found ?? '');
  return found;
}
