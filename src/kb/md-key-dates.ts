/**
 * The incident's key dates (start, end, disclosed, detected) from a write-up's front matter, checked against the
 * file itself and its timeline. A date that cannot be right is a warning at its front-matter line and is not used as
 * a fact; where the write-up holds a sound date for the same thing, that one is used. The rules, in order:
 *
 * 1. Future: a date later than anything the file knows of (its `lastmod` and `date`, its timeline rows, its dated
 *    sources) cannot be known by it: left out.
 * 2. Another year: a date on no timeline row, whose month and day a row has in another year, is a typo on one side.
 *    The narrative decides: when it names the row's year and not the front matter's, the row's date is used (for a
 *    disclosure, only if the row reads as one); otherwise the date is left out.
 * 3. Order: an end or a disclosure before the start. The date a timeline row (or, for a disclosure, a dated source)
 *    confirms is kept, the other left out; when neither or both are confirmed, both are left out — a wrong date
 *    answered with confidence is worse than none.
 * 4. Disclosure: the first row on or after the start that reads as a disclosure replaces a disclosure date that
 *    nothing in the file supports (no row, no dated source), or one that lands on a row about something else later
 *    than that first disclosure (a thing cannot be disclosed after it was already public). With no disclosure date,
 *    that row gives it.
 * 5. Detection: the first row from the start to the disclosure that reads as the victim detecting, noticing,
 *    discovering or being told of the intrusion (not the attacker discovering something).
 * Rows that read as a disclosure or a detection are tagged `disclosure` / `detection`.
 */
import { endOf, startOf } from '../core/dates/dates.js';
import type { TimelineEvent } from '../core/model.js';
import { endsBeforeStart } from './cross-checks.js';
import type { FrontMatter } from './md-front-matter.js';
import type { ProblemList } from './problems.js';

/** The key dates an incident carries. */
export interface KeyDates {
  start?: string;
  end?: string;
  detected?: string;
  disclosed?: string;
}

type Field = 'start' | 'end' | 'disclosed';
const KEYS: Record<Field, string> = {
  start: 'incident_start_date',
  end: 'incident_end_date',
  disclosed: 'disclosure_date',
};
const NAMES: Record<Field, string> = { start: 'start', end: 'end', disclosed: 'disclosure' };

const DISCLOSURE_VERBS = [
  'disclos(?:e|es|ed|ing)\\b',
  'announc(?:e|es|ed|ing)\\b',
  'publish(?:es|ed|ing)?\\b',
  'reveal(?:s|ed|ing)?\\b',
  'acknowledg(?:e|es|ed|ing)\\b',
  'admit(?:s|ted|ting)?\\b',
  'confirm(?:s|ed|ing)?\\b',
  'went public',
  'open letter',
  '(?:release|issue|post)(?:s|d|ed)? (?:a|an|its|the)\\b[^.]{0,40}?\\b(?:statement|notice|post|letter|report|update|advisory)',
  'notif(?:y|ies|ied) (?:the )?(?:public|users|customers|sec|regulators|affected|its|their|\\d+)',
];
const DISCLOSURE = new RegExp(`\\b(?:${DISCLOSURE_VERBS.join('|')})`, 'i');
const DETECTION_VERBS = [
  'detect(?:s|ed)?',
  'notic(?:es|ed)',
  'discover(?:s|ed)?',
  'spott(?:ed|s)',
  '(?:is|was|were|are) (?:informed|alerted|notified)',
  'learn(?:s|ed|t) (?:of|about)',
];
const DETECTION = new RegExp(`\\b(?:${DETECTION_VERBS.join('|')})\\b`, 'i');
const NEGATED = /\b(?:not|never|without|no)\s+(?:\w+\s+)?(?:disclos|detect|notic|discover)/i;
const BY_ATTACKER = /\bby (?:the |an? )?(?:threat actors?|attackers?|hackers?|perpetrators?|intruders?|actors?)\b/i;
const ATTACKER_SUBJECT = /^(?:an?|the)\s+(?:\w+\s+)?(?:threat actors?|attackers?|hackers?|perpetrators?|intruders?)\b/i;

const textOf = (e: TimelineEvent) => `${e.title} ${e.detail}`.trim();
/** True when a timeline row reads as a public disclosure. */
export const readsAsDisclosure = (e: TimelineEvent) => DISCLOSURE.test(textOf(e)) && !NEGATED.test(textOf(e));
/** True when a timeline row reads as the victim learning of the intrusion. */
export const readsAsDetection = (e: TimelineEvent) => {
  const text = textOf(e);
  return DETECTION.test(text) && !NEGATED.test(text) && !BY_ATTACKER.test(text) && !ATTACKER_SUBJECT.test(text);
};

const onDay = (rows: readonly TimelineEvent[], date: string) =>
  rows.filter((e) => e.date === date || e.endDate === date);
const fromStart = (rows: readonly TimelineEvent[], start: string | undefined) =>
  rows.filter((e) => !start || endOf(e.endDate ?? e.date) >= startOf(start));
const byDate = (a: TimelineEvent, b: TimelineEvent) => startOf(a.date).localeCompare(startOf(b.date));
const short = (e: TimelineEvent) => (e.title.length > 60 ? `${e.title.slice(0, 60).replace(/\s+\S*$/, '')}…` : e.title);

/** What the key-date rules need from the write-up. */
export interface KeyDateInput {
  fm: FrontMatter;
  /** the timeline rows; their tags are extended in place */
  timeline: TimelineEvent[];
  /** the synopsis and the details, to tell which year the write-up means */
  narrative: string;
  /** the dates of the write-up's sources (coverage list) */
  sourceDates: readonly string[];
  problems: ProblemList;
}

/** Applies the rules above and returns the key dates to use as facts. */
export function settleKeyDates({ fm, timeline, narrative, sourceDates, problems }: KeyDateInput): KeyDates {
  const dates: KeyDates = {};
  for (const field of Object.keys(KEYS) as Field[]) {
    const value = fm[field];
    if (value.ok) dates[field] = value.date;
  }
  const warn = (field: Field, message: string) => problems.warn(fm.lines[KEYS[field]] ?? 1, KEYS[field], message);

  const known = [fm.lastmod, fm.published, ...timeline.map((e) => startOf(e.date)), ...sourceDates]
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  for (const field of Object.keys(KEYS) as Field[]) {
    const date = dates[field];
    if (date && known && startOf(date) > known) {
      warn(
        field,
        `front matter ${NAMES[field]} ${date} is after the newest date the file knows of (${known}); left out`,
      );
      delete dates[field];
    }
  }

  for (const field of Object.keys(KEYS) as Field[]) {
    const date = dates[field];
    if (date?.length !== 10 || onDay(timeline, date).length > 0) continue;
    const other = timeline.find((e) => e.date.length === 10 && e.date.slice(4) === date.slice(4));
    if (!other) continue;
    const mentions = (year: string) => new RegExp(`\\b${year}\\b`).test(narrative);
    const usable = mentions(other.date.slice(0, 4)) && !mentions(date.slice(0, 4));
    const fits = field !== 'disclosed' || readsAsDisclosure(other);
    const what = `front matter ${NAMES[field]} ${date}, but the timeline has the same day in another year (${other.date}: ${short(other)})`;
    if (usable && fits) {
      warn(field, `${what}; the narrative speaks of ${other.date.slice(0, 4)}, so ${other.date} is used`);
      dates[field] = other.date;
    } else {
      const why = usable ? 'that row is not a disclosure' : 'cannot tell which is right';
      warn(field, `${what}; ${why}, left out`);
      delete dates[field];
    }
  }

  const confirmed = (field: Field, date: string) =>
    onDay(timeline, date).length > 0 || (field === 'disclosed' && sourceDates.includes(date));
  for (const field of ['end', 'disclosed'] as const) {
    const date = dates[field];
    const start = dates.start;
    if (!date || !start || !endsBeforeStart(start, date)) continue;
    const keepStart = confirmed('start', start) && !confirmed(field, date);
    const keepOther = confirmed(field, date) && !confirmed('start', start);
    const what = `front matter ${NAMES[field]} ${date} is before its start ${start}`;
    if (keepStart) warn(field, `${what}; the timeline confirms the start, so the ${NAMES[field]} is left out`);
    else if (keepOther) warn('start', `${what}; the timeline confirms the ${NAMES[field]}, so the start is left out`);
    else warn(field, `${what}; cannot tell which is right, both left out`);
    if (!keepOther) delete dates[field];
    if (!keepStart) delete dates.start;
  }

  const sorted = [...timeline].sort(byDate);
  const disclosures = fromStart(sorted, dates.start).filter(readsAsDisclosure);
  for (const e of disclosures) if (!e.tags.includes('disclosure')) e.tags.push('disclosure');
  const first = disclosures[0];
  const disclosed = dates.disclosed;
  if (!disclosed && first) {
    if (fm.disclosed.ok) warn('disclosed', `the timeline's first disclosure, ${first.date}, is used instead`);
    dates.disclosed = first.date;
  }
  if (disclosed && first && !onDay(timeline, disclosed).some(readsAsDisclosure)) {
    const landsElsewhere = onDay(timeline, disclosed)[0];
    const unsupported = !landsElsewhere && !sourceDates.includes(disclosed);
    const alreadyPublic = landsElsewhere !== undefined && endsBeforeStart(disclosed, first.date);
    if (unsupported || alreadyPublic) {
      const why = landsElsewhere
        ? `falls on a timeline row about something else (${short(landsElsewhere)}), after the timeline's first disclosure`
        : 'is on no timeline row and no dated source';
      warn('disclosed', `front matter disclosure ${disclosed} ${why}; ${first.date} (${short(first)}) is used`);
      dates.disclosed = first.date;
    }
  }

  const until = dates.disclosed ? endOf(dates.disclosed) : undefined;
  const detection = fromStart(sorted, dates.start).find(
    (e) => readsAsDetection(e) && (!until || startOf(e.date) <= until),
  );
  if (detection) {
    dates.detected = detection.date;
    if (!detection.tags.includes('detection')) detection.tags.push('detection');
  }
  return dates;
}
