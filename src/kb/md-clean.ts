/**
 * Keeps only content in write-up text. Each rule is general (it holds for write-ups not seen yet):
 * - placeholders a writer left to fill in ("on XX", "TBD", "20XX", "[date]") go with the preposition that
 *   introduces them, or the sentence goes when nothing true would remain;
 * - the writer's asides about the page rather than the facts go: "(emphasis mine)", "[sic]", "(see below)",
 *   "(courtesy …)", "(source: …)", paywall marks, page references "(p19)", "(CSRB Report: p2)";
 * - references to pictures that are not loaded ("as seen in the screenshot below", "Image by …") go;
 * - sentences that only point elsewhere in the page ("We will get more into this later.") go;
 * - what is left is tidied: spaces, doubled punctuation, a capital first letter, no dangling colon at the end.
 */
import { sentencesOf } from './md-sentences.js';

const words = (list: readonly string[]) => list.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');

/** Tokens a writer leaves to fill in later (upper case, as writers flag them): XX, 20XX, TBD, TODO, ??. */
const PLACEHOLDER_WORD = '(?:\\b(?:X{2,}|\\d{2}XX|TBD|TBA|TBC|TODO|FIXME)\\b|\\?{2,})';
const PLACEHOLDER_BRACKETED = /[[<{](?:date|name|link|url|number|citation needed|todo|tbd|insert[^\]>}]*)[\]>}]/gi;
/** Prepositions that introduce a placeholder date or place ("pled guilty on XX"): they go with it. */
const PLACEHOLDER_PREPOSITIONS = ['on', 'in', 'at', 'by', 'of', 'from', 'to', 'until', 'since', 'around', 'about'];
const PLACEHOLDER_WITH_PREPOSITION = new RegExp(
  `\\s+(?:${words(PLACEHOLDER_PREPOSITIONS)}|as of|dated|circa)\\s+${PLACEHOLDER_WORD}`,
  'g',
);
const PLACEHOLDER_ANY = new RegExp(PLACEHOLDER_WORD);
const PLACEHOLDER_BRACKETED_ANY = new RegExp(PLACEHOLDER_BRACKETED.source, 'i');

/** Notes about emphasis, spelling or the page, written by the writer (the whole bracket goes). */
const ASIDE_PHRASES = [
  '(?:emphasis|italics|bold|bolding|highlighting|underlining) (?:mine|added|ours|in (?:the )?original)',
  '(?:my|our) emphasis',
  'sic\\.?',
  'see (?:below|above|the (?:screenshot|image|figure|picture|table|diagram)(?: below| above)?)',
  '(?:more|details) (?:on this )?(?:below|above|later)',
  '(?:courtesy|credit|h/t|hat tip|via)\\b:?[^()[\\]]{0,60}',
  'sources?:[^()[\\]]{0,80}',
  '\\$',
  'paywall(?:ed)?',
  'subscription required',
];
const ASIDE = new RegExp(`\\s*[([](?:${ASIDE_PHRASES.join('|')})[)\\]]`, 'gi');
/** A page reference, alone or after a document name: "(p19)", "(pg 29-30)", "(CSRB Report: p2)". */
const PAGE_REFERENCE = /\s*\((?:[^()]{0,40}?[\s,:])?(?:p|pg|pp|pages?)\.?\s?\d+(?:\s?[-–]\s?\d+)?\)/gi;
const EMPTY_BRACKETS = /\s*(?:\(\s*\)|\[\s*\])/g;

const PICTURES = 'screenshots?|images?|figures?|pictures?|diagrams?|tables?|graphics?';
/** "As seen in the screenshot below," and "as shown in the above image": the picture is not loaded. */
const LAYOUT_REFERENCE = new RegExp(
  `,?\\s*\\bas (?:seen|shown|pictured|illustrated) in the (?:above |below )?(?:${PICTURES})(?: (?:below|above))?,?`,
  'gi',
);
/** Marks where a removed lead clause leaves a sentence to begin with a capital. */
const CAPITAL_NEXT = '\uE000';
const SENTENCE_START = /(?:^|[.!?]["”’]?)\s*$/;
/** A caption: "Image by X.", "Screenshot: X." */
const CAPTION = new RegExp(`^(?:${PICTURES}|photos?)(?: \\d+)?(?: by\\b|:| courtesy\\b| credit\\b| from\\b)`, 'i');
const CAPTION_MAX = 80;
/** Sentences that only point elsewhere in the page or are a template's instruction. */
const POINTERS = [
  /^(?:we|i)(?:'ll|’ll| will) (?:get|go|come) (?:more )?(?:in)?to (?:this|that|it) (?:later|below)\W*$/i,
  /^more (?:on|about) (?:this|that) (?:later|below)\W*$/i,
  /^(?:see|read) (?:more )?(?:below|above)\W*$/i,
  /^(?:update|replace|change|fill in|add) this\b/i,
];

/** A sentence shorter than this after its placeholders went says nothing. */
const MIN_WORDS_LEFT = 3;

/** True when a text holds a placeholder token. */
export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER_ANY.test(text) || PLACEHOLDER_BRACKETED_ANY.test(text);
}

/** A sentence without its placeholders, or `undefined` when a placeholder cannot go without the sentence. */
function withoutPlaceholders(sentence: string): string | undefined {
  if (!hasPlaceholder(sentence)) return sentence;
  const removed = sentence.replace(PLACEHOLDER_BRACKETED, '').replace(PLACEHOLDER_WITH_PREPOSITION, '');
  if (hasPlaceholder(removed)) return undefined;
  return removed.trim().split(/\s+/).length >= MIN_WORDS_LEFT ? removed : undefined;
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .replace(/([,;:])(?=[,.;:])/g, '')
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/^[\s,;:–—-]+/, '')
    .trim();
}

/**
 * The content of a piece of write-up text, or `''` when none is left.
 *
 * @example
 * cleanContent('She pled guilty on XX and was sentenced to probation (emphasis mine).');
 * // 'She pled guilty and was sentenced to probation.'
 */
export function cleanContent(text: string): string {
  const asides = text
    .replace(ASIDE, '')
    .replace(PAGE_REFERENCE, '')
    .replace(EMPTY_BRACKETS, '')
    .replace(LAYOUT_REFERENCE, (_match, offset: number, whole: string) =>
      SENTENCE_START.test(whole.slice(0, offset)) ? ` ${CAPITAL_NEXT}` : '',
    )
    .replace(
      new RegExp(`${CAPITAL_NEXT}\\s*([^\\p{L}\\s]*)(\\p{Ll}?)`, 'gu'),
      (_m, lead: string, c: string) => lead + c.toUpperCase(),
    );
  const kept: string[] = [];
  for (const raw of sentencesOf(asides)) {
    const sentence = withoutPlaceholders(raw);
    if (sentence === undefined) continue;
    const tidied = tidy(sentence);
    if (tidied === '' || /^\W*$/.test(tidied)) continue;
    if (CAPTION.test(tidied) && tidied.length <= CAPTION_MAX) continue;
    if (POINTERS.some((p) => p.test(tidied))) continue;
    kept.push(tidied);
  }
  return tidy(kept.join(' ')).replace(/:$/, '.');
}
