/**
 * `digest …` words → a DigestCommand. Invalid input becomes `{ action: 'invalid', error }` with the reason and an
 * example; the scheduler (src/digest) executes the valid ones.
 *
 * @example
 * parseDigest(['weekly', 'mon', '9am', 'America/New_York'])
 * // { action: 'weekly', day: 1, time: '09:00', timeZone: 'America/New_York' }
 */
import { canonicalTimeZone } from './calendar.js';
import type { DigestCommand } from './command.js';
import { editDistance } from './search/edit-distance.js';

export const DIGEST_EXAMPLE =
  'For example: `digest daily 09:00 Europe/Berlin`, `digest weekly monday 09:00 America/New_York`, `digest off`, `digest status` or `digest preview`.';

const ACTIONS: Record<string, DigestCommand['action']> = {
  daily: 'daily',
  day: 'daily',
  weekly: 'weekly',
  week: 'weekly',
  off: 'off',
  stop: 'off',
  disable: 'off',
  unsubscribe: 'off',
  cancel: 'off',
  remove: 'off',
  delete: 'off',
  status: 'status',
  show: 'status',
  info: 'status',
  settings: 'status',
  preview: 'preview',
  sample: 'preview',
  test: 'preview',
};

/** Sunday = 0, as in cron. */
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function fuzzyAction(word: string): DigestCommand['action'] | undefined {
  const exact = ACTIONS[word];
  if (exact) return exact;
  if (word.length < 4) return undefined;
  for (const [name, action] of Object.entries(ACTIONS)) {
    if (name.length >= 5 && editDistance(word, name, 1) <= 1) return action;
  }
  return undefined;
}

/** 0..6 for a day name, its first three letters or a near miss ("wendesday"). */
export function parseWeekday(word: string): number | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  for (let d = 0; d < DAYS.length; d++) {
    const name = DAYS[d] as string;
    if (w === name || (w.length >= 3 && name.startsWith(w))) return d;
  }
  if (w.length >= 5) {
    for (let d = 0; d < DAYS.length; d++) if (editDistance(w, DAYS[d] as string, 2) <= 2) return d;
  }
  return undefined;
}

/** "9", "9:30", "09:00", "9am", "9.30pm", "0930", "21h" → "HH:MM", or undefined. */
export function parseTimeOfDay(word: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h)?$/i.exec(word.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const suffix = m[3]?.toLowerCase().replace(/\./g, '');
  if (suffix === 'am' || suffix === 'pm') {
    if (hour < 1 || hour > 12) return undefined;
    if (suffix === 'am' && hour === 12) hour = 0;
    if (suffix === 'pm' && hour !== 12) hour += 12;
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The canonical IANA name for a zone typed in any case ("europe/berlin" → "Europe/Berlin"), or undefined. */
export const parseTimeZone = canonicalTimeZone;

const FILLER = new Set(['at', 'on', 'every', 'each', 'in', 'the', 'please', 'pls', 'for', 'time', 'zone', 'tz']);

function invalid(error: string): DigestCommand {
  return { action: 'invalid', error: `${error} ${DIGEST_EXAMPLE}` };
}

/** Parses the words after `digest`. */
export function parseDigest(args: readonly string[]): DigestCommand {
  const words = args.map((w) => w.trim()).filter((w) => w !== '' && !FILLER.has(w.toLowerCase()));
  if (words.length === 0) return { action: 'status' };
  const first = (words[0] as string).toLowerCase();
  let action = fuzzyAction(first);
  let rest = words.slice(1);
  let day: number | undefined;
  if (!action) {
    // "digest monday 09:00" means weekly
    day = parseWeekday(first);
    if (day !== undefined) action = 'weekly';
    else return invalid(`I don't know the digest option "${first.slice(0, 40)}".`);
  }
  if (action === 'off' || action === 'status' || action === 'preview') {
    return rest.length === 0 ? { action } : invalid(`\`digest ${action}\` takes no more words.`);
  }
  if (action === 'weekly' && day === undefined) {
    const at = rest.findIndex((w) => !/\d/.test(w) && !w.includes('/') && parseWeekday(w) !== undefined);
    const dayWord = rest[Math.max(at, 0)];
    day = at >= 0 && dayWord ? parseWeekday(dayWord) : undefined;
    if (day === undefined) {
      return invalid(dayWord ? `"${dayWord.slice(0, 40)}" is not a day of the week.` : 'A weekly digest needs a day.');
    }
    rest = rest.filter((_, i) => i !== at);
  }
  // "9 am" typed as two words
  if (rest.length >= 2 && /^(am|pm|a\.m\.|p\.m\.)$/i.test(rest[1] as string)) {
    rest = [`${rest[0]}${rest[1]}`, ...rest.slice(2)];
  }
  const timeWord = rest[0];
  if (!timeWord) return invalid(`A ${action} digest needs a time of day (24-hour HH:MM).`);
  const time = parseTimeOfDay(timeWord);
  if (!time) return invalid(`"${timeWord.slice(0, 40)}" is not a time of day. Use 24-hour HH:MM.`);
  const zoneWord = rest[1];
  let timeZone: string | undefined;
  if (zoneWord) {
    timeZone = parseTimeZone(zoneWord);
    if (!timeZone) return invalid(`"${zoneWord.slice(0, 60)}" is not an IANA time zone (like Europe/Berlin or UTC).`);
  }
  if (rest.length > 2) return invalid(`I didn't understand "${rest.slice(2).join(' ').slice(0, 60)}".`);
  return action === 'weekly'
    ? { action, day: day as number, time, ...(timeZone ? { timeZone } : {}) }
    : { action: 'daily', time, ...(timeZone ? { timeZone } : {}) };
}
