/**
 * The incident's key dates (start, detected, disclosed, end), the words that ask for each, and the events that
 * mark them, so "when was it spotted" and "how long until disclosure" answer from the same place.
 */

import type { KnowledgeBase } from '../knowledge-base.js';
import type { Incident } from '../model.js';
import { passagesOf } from '../search/incident-passages.js';
import type { Passage } from '../search/passages.js';
import { startOf } from './dates.js';

export type KeyDate = 'start' | 'detected' | 'disclosed' | 'end';

export const KEY_DATE_WORDS: Record<KeyDate, RegExp> = {
  start:
    /\b(start|starts|started|begin|begins|began|begun|beginning|kick(ed)? off|commenc\w*|first access|initial access|onset|first (used|seen|forged|got in))\b/,
  detected:
    /\b(detect\w*|discover\w*|notic\w*|spott\w*|caught|catch|found( out)?|identif\w*|flagg\w*|learn(ed)? (of|about)|first reported)\b/,
  disclosed:
    /\b(disclos\w*|announc\w*|reveal\w*|publish\w*|came out|come out|broke|made the news|made public|go public|went public|publicly|public|confirm\w*|told the public|break the news)\b/,
  end: /\b(end|ends|ended|stop|stopped|over|finish\w*|contain\w*|cut off|shut down|last access)\b/,
};

export const KEY_DATE_LABEL: Record<KeyDate, string> = {
  start: 'started',
  detected: 'was detected',
  disclosed: 'was disclosed',
  end: 'ended',
};

const KEY_DATE_TAGS: Record<KeyDate, string[]> = {
  start: ['start', 'intrusion'],
  detected: ['detection'],
  disclosed: ['disclosure'],
  end: ['end', 'mitigation'],
};

/** The key dates a question's words ask for, in the order they appear. */
export function keyDatesAsked(text: string): KeyDate[] {
  const found: Array<[KeyDate, number]> = [];
  for (const key of Object.keys(KEY_DATE_WORDS) as KeyDate[]) {
    const m = KEY_DATE_WORDS[key].exec(text);
    if (m) found.push([key, m.index]);
  }
  return found.sort((a, b) => a[1] - b[1]).map(([k]) => k);
}

/** Events on a key date, those tagged for it first (e.g. the detection event for `detected`). */
export function keyDateEvents(kb: KnowledgeBase, incident: Incident, key: KeyDate): Passage[] {
  const date = incident.dates[key];
  if (!date) return [];
  const onDay = passagesOf(kb, incident.id, 'event').filter(
    (e) => !e.supersededBy && e.date && startOf(e.date) === startOf(date),
  );
  const tags = KEY_DATE_TAGS[key];
  const tagged = (e: Passage) => (e.ref.kind === 'event' ? e.ref.item.tags.some((t) => tags.includes(t)) : false);
  return [...onDay.filter(tagged), ...onDay.filter((e) => !tagged(e))];
}
