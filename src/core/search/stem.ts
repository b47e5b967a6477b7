/**
 * A light English stemmer used for both the index and the query, so "detected", "detection" and "detects"
 * meet at "detect". Consistency matters more than linguistics. Words with digits, dots or `=` are kept as they are.
 *
 * @example
 * stem('revoked') // 'revok'
 * stem('detections') // 'detect'
 */
import { LRUCache } from 'lru-cache';

const KEEP = /[0-9.=/_]/;
const VOWEL = /[aeiouy]/;

/** inflectional endings: [suffix, shortest stem left] */
const INFLECTIONS: Array<[string, number]> = [
  ['edly', 3],
  ['ingly', 3],
  ['ings', 3],
  ['ing', 3],
  ['ed', 3],
  ['ly', 4],
];

/** derivational endings: [suffix, shortest stem left, replacement] */
const DERIVATIONS: Array<[string, number, string]> = [
  ['ization', 3, 'iz'],
  ['isation', 3, 'iz'],
  ['ational', 3, 'at'],
  ['fulness', 3, ''],
  ['ousness', 3, ''],
  ['iveness', 3, ''],
  ['ation', 3, 'at'],
  ['usion', 3, 'ud'],
  ['ement', 4, ''],
  ['ment', 4, ''],
  ['ivity', 3, ''],
  ['ity', 3, ''],
  ['ion', 3, ''],
  ['ure', 3, ''],
  ['er', 4, ''],
  ['or', 5, ''],
  ['ive', 3, ''],
];

/**
 * Past forms that no suffix rule reaches, taken to their base ("paid" meets "pay"). Only forms with one common
 * meaning: "left", "found", "saw", "lead" are not here.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  `paid:pay sold:sell bought:buy stole:steal hid:hide wrote:write
  written:write broke:break broken:break sent:send spent:spend lost:lose kept:keep held:hold built:build
  began:begin begun:begin ran:run won:win drove:drive driven:drive chose:choose chosen:choose froze:freeze
  frozen:freeze sought:seek caught:catch taught:teach brought:bring thought:think fought:fight`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

function strip(word: string, suffix: string, min: number): string | undefined {
  if (!word.endsWith(suffix) || word.length - suffix.length < min) return undefined;
  const base = word.slice(0, -suffix.length);
  return VOWEL.test(base) ? base : undefined;
}

/** The most recent 50,000 words' stems. */
const memo = new LRUCache<string, string>({ max: 50_000 });

export function stem(word: string): string {
  if (word.length <= 3) return word;
  const known = memo.get(word);
  if (known !== undefined) return known;
  const result = stemWord(word);
  memo.set(word, result);
  return result;
}

function stemWord(word: string): string {
  let w = word;
  if (w.length <= 3 || KEEP.test(w)) return w;
  const base = IRREGULAR.get(w);
  if (base !== undefined) return stemWord(base);
  // "tied", "died": too short to lose "ed", they meet "tie" and "die"
  if (/^[a-z]ied$/.test(w)) return w.slice(0, -1);
  // Greek plurals meet their singular: "hypotheses" and "hypothesis" both end "hypothes"
  if (w.endsWith('sis') && w.length >= 6) return w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|as)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, min] of INFLECTIONS) {
    const base = strip(w, suffix, min);
    if (base !== undefined) {
      w = base;
      break;
    }
  }
  for (const [suffix, min, replacement] of DERIVATIONS) {
    const base = strip(w, suffix, min);
    if (base !== undefined) {
      w = base + replacement;
      break;
    }
  }
  if (/([bdfgklmnprt])\1$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`;
  return w;
}
