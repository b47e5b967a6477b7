/**
 * Tokens for search and intent rules. Keeps IPs, ids and version numbers whole ("192.0.2.153", "gamma-0042",
 * "aa23-193a") and also emits the parts of hyphenated or dotted words, so "gamma 0042" and "gamma-0042" meet.
 *
 * @example
 * words("Was the Vendor's key revoked?") // ['was', 'the', 'vendor', 'key', 'revoked']
 * searchTerms('Gamma-0042 forged tokens') // ['gamma-0042', 'gamma', '0042', 'forg', 'token']
 */
import { LRUCache } from 'lru-cache';
import { isIpv4, refang } from './defang.js';
import { stem } from './stem.js';
import { isStopWord } from './stopwords.js';

const SPLIT = /[^a-z0-9._\-+&]+/;

/** Lower-cased surface words, in order, with IPs refanged and digit groups joined ("60,000" → "60000"). */
export function words(text: string): string[] {
  let prepared = refang(text.toLowerCase());
  if (prepared.includes(',')) prepared = prepared.replace(/(\d),(\d{3})\b/g, '$1$2');
  if (prepared.includes("'")) prepared = prepared.replace(/'s\b/g, '').replace(/n't\b/g, 'nt').replace(/'/g, '');
  const out: string[] = [];
  for (const raw of prepared.split(SPLIT)) {
    const token = EDGE.test(raw) ? raw.replace(/^[._\-+&]+|[._\-+&]+$/g, '') : raw;
    if (token !== '') out.push(token);
  }
  return out;
}

/** a token starting or ending with a joining character ("&" joins letters: "at&t", "r&d") */
const EDGE = /^[._\-+&]|[._\-+&]$/;

/** A whole token plus its parts when it joins words with `-`, `_` or `.` (IPs and versions stay whole). */
export function expandToken(token: string): string[] {
  if (!/[._\-+]/.test(token) || isIpv4(token) || /^\d+(\.\d+)+$/.test(token)) return [token];
  const parts = token.split(/[._\-+]+/).filter((p) => p.length > 1);
  return parts.length > 1 ? [token, ...parts] : [token];
}

/** Stemmed search terms without stop words (the index and the query both go through this). */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    for (const part of expandToken(word)) {
      const term = termOf(part);
      if (term) out.push(term);
    }
  }
  return out;
}

/** Each surface word's term, `''` for none; the most recent 50,000 words. */
const terms = new LRUCache<string, string>({ max: 50_000 });

/** The stemmed index term for one surface word, or undefined for a stop word or a lone character. */
export function termOf(word: string): string | undefined {
  const known = terms.get(word);
  if (known !== undefined) return known || undefined;
  const term = (word.length < 2 && !/\d/.test(word)) || isStopWord(word) ? '' : stem(word);
  terms.set(word, term);
  return term || undefined;
}
