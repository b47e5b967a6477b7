/**
 * Sentences and headlines of write-up text. Sentence boundaries come from the platform's ICU segmenter
 * (`Intl.Segmenter`); a boundary it puts after an initial or a title abbreviation ("Paige A. Thompson", "Sen. Smith",
 * "U.S. Attorney") is joined back. Headlines are cut at a sentence, then a clause, then a word boundary, with an
 * ellipsis only when text was really cut.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations after which a sentence does not end, whatever follows. */
const NO_BREAK_AFTER = [
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'st',
  'jr',
  'sr',
  'vs',
  'no',
  'approx',
  'aprox',
  'est',
  'fig',
  'p',
  'pp',
  'pg',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
];
const ABBREVIATION = new RegExp(
  `(?:^|[\\s(])(?:${NO_BREAK_AFTER.map((a) => a.replace('.', '\\.')).join('|')})\\.$`,
  'i',
);
const SINGLE_INITIAL = /(?:^|[\s(])[A-Z]\.$/;

/** True when `segment` ends with an initial or an abbreviation that does not end a sentence. */
function endsWithAbbreviation(segment: string): boolean {
  const trimmed = segment.trimEnd();
  return SINGLE_INITIAL.test(trimmed) || ABBREVIATION.test(trimmed);
}

/**
 * The sentences of a text, trimmed, in order.
 *
 * @example
 * sentencesOf('Paige A. Thompson was named. She pled guilty.'); // ['Paige A. Thompson was named.', 'She pled guilty.']
 */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(text)) {
    pending += segment;
    if (endsWithAbbreviation(pending)) continue;
    if (pending.trim() !== '') out.push(pending.trim());
    pending = '';
  }
  if (pending.trim() !== '') out.push(pending.trim());
  return out;
}

/**
 * A sentence cut out of quoted text without the quote mark it has no partner for ("“the identity remains unknown."
 * → "the identity remains unknown.").
 */
export function balanceQuotes(sentence: string): string {
  let out = sentence;
  const straight = (out.match(/"/g) ?? []).length;
  if (straight % 2 === 1) out = /^\W*"/.test(out) ? out.replace('"', '') : out.replace(/"(?=[^"]*$)/, '');
  const chars = [...out];
  const unmatched: number[] = [];
  const closers: number[] = [];
  chars.forEach((c, i) => {
    if (c === '“') unmatched.push(i);
    else if (c === '”' && unmatched.pop() === undefined) closers.push(i);
  });
  const drop = new Set([...unmatched, ...closers]);
  if (drop.size > 0) out = chars.filter((_, i) => !drop.has(i)).join('');
  return out.trim();
}

/** The first sentence of a text (the whole text when it has one sentence). */
export function firstSentence(text: string): string {
  return balanceQuotes(sentencesOf(text)[0] ?? text.trim());
}

/** The longest a headline may be; the answer engine shortens anything longer. */
export const HEADLINE_MAX = 110;
/** A clause cut must keep at least this share of the room, or a word cut is used instead. */
const MIN_CLAUSE_SHARE = 0.4;
/** Where a clause may end: punctuation, a dash, a bracket, a closing quote, or before a conjunction. */
const CLAUSE_END = /[,;:–—]\s|\s[–—-]\s|\s\(|["”](?=\s)|\s(?=(?:and|but|while|which|after|before|because|so|then)\s)/g;

/** A headline and the text it leaves for the detail. */
export interface Headline {
  title: string;
  /** what the title does not say: the following sentences, or the whole text when the title was cut */
  detail: string;
  /** the title was cut inside a sentence (it ends with an ellipsis) */
  cut: boolean;
}

/**
 * Splits a text into a headline of at most `max` characters and the rest: the first sentence when it fits, else
 * the sentence cut at its last clause boundary that fits (or its last word boundary) with an ellipsis.
 */
export function headlineOf(text: string, max = HEADLINE_MAX): Headline {
  const sentences = sentencesOf(text);
  const first = sentences[0] ?? text.trim();
  if (first.length <= max) return { title: balanceQuotes(first), detail: sentences.slice(1).join(' '), cut: false };
  const room = first.slice(0, max);
  let at = -1;
  for (const m of room.matchAll(CLAUSE_END)) at = (m.index ?? at) + (/^["”]/.test(m[0]) ? 1 : 0);
  if (at < max * MIN_CLAUSE_SHARE) at = room.lastIndexOf(' ');
  if (at <= 0) at = max - 1;
  const title = `${first.slice(0, at).replace(/[\s,;:–—(-]+$/, '')}…`;
  return { title, detail: text.trim(), cut: true };
}
