/**
 * Counts a write-up states of who and what was hit ("over 1.5 million records", "27 impacted customers",
 * "456 Virtual Machines"), as victims of kind `figure`: the count as written, the phrase it counts, and the sentence
 * that says it. Sums of money, durations and vague amounts ("thousands of servers") are not counts of victims.
 */
import type { Victim } from '../core/model.js';
import { balanceQuotes, sentencesOf } from './md-sentences.js';

/** A piece of write-up text that may state counts, with what it cites. */
export interface CountedText {
  text: string;
  sources: string[];
  date?: string;
}

const QUALIFIER =
  '(?:over|more than|nearly|almost|about|around|approximately|roughly|some|up to|at least|an estimated|estimated|~)';
const WORD_NUMBERS = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a hundred|one hundred';
const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${WORD_NUMBERS})(?:\\s*(?:million|billion|thousand)\\b|(?<=\\d)[MK]\\b)?`;
/** What a count of victims counts: people, accounts, records, systems. */
const COUNTED = [
  'users?',
  'customers?',
  'people',
  'persons',
  'individuals',
  'accounts?',
  'records',
  'e-?mails',
  'mailboxes',
  'organi[sz]ations',
  'agencies',
  'employees',
  'passengers',
  'patients',
  'students',
  'members',
  'victims',
  'players',
  'files',
  'passwords',
  'credentials',
  'numbers',
  'servers',
  'virtual machines',
  'instances',
  'buckets',
  'repositories',
  'databases',
  'devices',
];
/** Words that end a noun phrase: what follows them is not what the number counts. */
const NOT_MODIFIERS = ['to', 'the', 'a', 'an', 'of', 'in', 'on', 'for', 'from', 'with', 'by', 'and', 'or', 'that'];
const MORE_NOT_MODIFIERS = ['which', 'who', 'were', 'was', 'is', 'are', 'had', 'have', 'has', 'been', 'at', 'as'];
/** Up to three words between the number and what it counts ("27 impacted customers", "16,000 WebEx Teams accounts"). */
const MODIFIERS = `(?:(?:of (?:their|its|the) )?(?:(?!(?:${[...NOT_MODIFIERS, ...MORE_NOT_MODIFIERS].join('|')})\\s)[\\w’'-]+\\s+){0,3})`;
const FIGURE = new RegExp(
  `(?<![$£€\\w.,])((${QUALIFIER}\\s+)?(${NUMBER}))\\s+(${MODIFIERS}(?:${COUNTED.join('|')}))(?!\\w)`,
  'gi',
);
/** Counted people who are the accused, not the victims ("three individuals were indicted"). */
const ACCUSED =
  /^\s+(?:\w+\s+)?(?:were|was|are|have been|had been)\s+(?:\w+\s+)?(?:indicted|charged|arrested|convicted|sentenced|identified as)\b/i;
/** A number right after a capitalised name is part of the name ("Office 365", "Windows 10"). */
const NAME_BEFORE = /(?:^|\s)([A-Z][\w-]*)\s$/;
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'All',
  'Only',
  'Some',
  'About',
  'Over',
  'Nearly',
  'Another',
  'These',
  'Those',
]);
const ACCUSED_BEFORE = /\b(?:indicted|charged|arrested|convicted|sentenced)\s+$/i;
/** Where the count applies, and a second count sharing the noun: "… in the US and 6 million in Canada". */
const PLACE = '\\s+in (?:the )?[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*)*';
const REGION_TAIL = new RegExp(`(?:${PLACE})(?:\\s+and\\s+(?:${NUMBER})(?:${PLACE})?)?`, 'y');
const NAME_MAX = 80;
/** A year, not a count ("in 2019 users …"). */
const YEAR = /^(?:19|20)\d{2}$/;

const LEADING_QUALIFIER = new RegExp(`^${QUALIFIER}\\s+`, 'i');
/** One key per number and counted noun, whatever the qualifier: "over 40 million users" = "about 40 million users". */
const canonical = (count: string, counted: string) =>
  `${count.replace(LEADING_QUALIFIER, '').replace(/,/g, '').toLowerCase()}|${counted.toLowerCase().split(/\s+/).at(-1)}`;

/** Every count of victims the texts state, first mention first, each number-and-noun once. */
export function figuresOf(texts: readonly CountedText[]): Array<Omit<Victim, 'id'>> {
  const out: Array<Omit<Victim, 'id'>> = [];
  const seen = new Set<string>();
  for (const piece of texts) {
    for (const sentence of sentencesOf(piece.text)) {
      for (const m of sentence.matchAll(FIGURE)) {
        const [phrase, count, , number, counted] = m as unknown as [string, string, string, string, string];
        const end = (m.index ?? 0) + phrase.length;
        const after = sentence.slice(end);
        const before = sentence.slice(0, m.index ?? 0);
        if (YEAR.test(number.trim()) || /^\s*(?:dollars|worth)\b/i.test(after)) continue;
        if (ACCUSED.test(after) || ACCUSED_BEFORE.test(before)) continue;
        const named = NAME_BEFORE.exec(before)?.[1];
        if (named && !NOT_NAMES.has(named)) continue;
        REGION_TAIL.lastIndex = end;
        const tail = REGION_TAIL.exec(sentence)?.[0] ?? '';
        const key = canonical(count, counted);
        if (seen.has(key)) continue;
        seen.add(key);
        const name = `${phrase}${tail}`.trim().replace(/[,.;:]+$/, '');
        if (name.length > NAME_MAX) continue;
        out.push({
          kind: 'figure',
          name: name.charAt(0).toUpperCase() + name.slice(1),
          aliases: [],
          count: count.trim(),
          impact: balanceQuotes(sentence),
          ...(piece.date ? { date: piece.date } : {}),
          sources: piece.sources,
        });
      }
    }
  }
  return out;
}
