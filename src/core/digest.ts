/**
 * The digest a subscription posts: what changed in the knowledge base since its last post (new facts, and corrected
 * facts marked as corrections), what happened on this day in earlier years, and one open recommendation that
 * rotates from post to post. Pure: the caller passes the clock, the snapshot of the last post and the rotation.
 *
 * A daily digest with nothing new returns null (the channel hears nothing); a weekly digest, and the first digest of
 * a subscription, always carry a short brief.
 *
 * @example
 * const answer = buildDigest(kb, { incident: 'gamma-0042', now, kind: 'daily', previousHashes, rotation: 3 });
 */
import type { Answer, AnswerFact, AnswerItem, AnswerSection } from './answer.js';
import { type DigestFact, incidentFacts } from './fact-hashes.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Incident, Source } from './model.js';

export interface DigestOptions {
  /** incident id; default: the knowledge base's default incident */
  incident?: string;
  /** when the last digest of this subscription was posted (shown as "since …") */
  since?: string;
  now: Date;
  /** fact id → hash at the last post; absent for a subscription that never posted */
  previousHashes?: Record<string, string>;
  kind: 'daily' | 'weekly' | 'cron';
  /** how many digests this subscription has posted: picks the recommendation */
  rotation?: number;
  /** the channel's zone: decides "today" for "on this day" and the date in the title (default UTC) */
  timeZone?: string;
  /** at most this many new or corrected facts are listed (default 10) */
  maxChanges?: number;
}

/** What changed between a snapshot and now. */
export interface DigestChanges {
  added: DigestFact[];
  corrected: DigestFact[];
}

/** Compares the incident's facts with the hashes recorded at the last post. */
export function diffFacts(facts: readonly DigestFact[], previous: Record<string, string>): DigestChanges {
  const added: DigestFact[] = [];
  const corrected: DigestFact[] = [];
  for (const f of facts) {
    const before = previous[f.id];
    if (before === undefined) (f.corrects?.length ? corrected : added).push(f);
    else if (before !== f.hash) corrected.push(f);
  }
  return { added, corrected };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of `now` in `timeZone`. */
export function localDate(now: Date, timeZone = 'UTC'): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now).slice(0, 10);
}

/** Timeline events dated (to the day) on this month and day in earlier years. */
export function onThisDay(incident: Incident, today: string): Incident['timeline'] {
  const monthDay = today.slice(5);
  const year = Number(today.slice(0, 4));
  return incident.timeline.filter(
    (e) => e.date.length === 10 && e.date.slice(5) === monthDay && Number(e.date.slice(0, 4)) < year,
  );
}

/** Oldest first; undated facts last, in knowledge-base order. */
const byDate = (a: DigestFact, b: DigestFact) => {
  const x = a.date ?? '\uffff';
  const y = b.date ?? '\uffff';
  return x < y ? -1 : x > y ? 1 : 0;
};

const toAnswerFact = (f: DigestFact): AnswerFact => ({
  id: f.id,
  text: f.text,
  ...(f.date ? { date: f.date } : {}),
  sources: f.sources,
  ...(f.corrects ? { corrects: f.corrects } : {}),
  ...(f.correctionNote ? { correctionNote: f.correctionNote } : {}),
});

const toItem = (f: DigestFact, note?: string): AnswerItem => ({
  text: f.text,
  ...(f.date ? { date: f.date } : {}),
  factId: f.id,
  ...(note ? { note } : {}),
});

const longFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function longDate(isoDay: string): string {
  return longFormat.format(new Date(`${isoDay}T12:00:00Z`)).replace(',', '');
}

/** Builds the digest, or returns null when a daily digest has nothing new (or the incident is unknown). */
export function buildDigest(kb: KnowledgeBase, options: DigestOptions): Answer | null {
  const incident = options.incident ? kb.incident(options.incident) : kb.defaultIncident;
  if (!incident) return null;
  const facts = incidentFacts(incident);
  const first = options.previousHashes === undefined;
  const diff = first ? { added: [], corrected: [] } : diffFacts(facts, options.previousHashes ?? {});
  const added = [...diff.added].sort(byDate);
  const corrected = [...diff.corrected].sort(byDate);
  const changed = added.length + corrected.length > 0;
  if (!changed && !first && options.kind === 'daily') return null;

  const today = localDate(options.now, options.timeZone);
  const max = options.maxChanges ?? 10;
  const sections: AnswerSection[] = [];
  const shown: DigestFact[] = [];
  const sourceIds = new Set<string>();

  if (first || options.kind !== 'daily') {
    const asOf = incident.status.asOf;
    sections.push({ heading: 'Where things stand', text: `${incident.status.text} (as of ${asOf})` });
    for (const s of incident.status.sources) sourceIds.add(s);
  }
  if (changed) {
    const since = options.since ? ` since ${longDate(localDate(new Date(options.since), options.timeZone))}` : '';
    const listedAdded = added.slice(0, max);
    const listedCorrected = corrected.slice(0, Math.max(0, max - listedAdded.length));
    if (listedAdded.length > 0) {
      sections.push({ heading: `New${since}`, items: listedAdded.map((f) => toItem(f)) });
      shown.push(...listedAdded);
    }
    if (listedCorrected.length > 0) {
      sections.push({
        heading: `Corrections${since}`,
        items: listedCorrected.map((f) => toItem(f, `Correction: ${f.correctionNote ?? 'this fact was revised.'}`)),
      });
      shown.push(...listedCorrected);
    }
    const hidden = added.length + corrected.length - listedAdded.length - listedCorrected.length;
    if (hidden > 0) sections.push({ text: `…and ${hidden} more change(s); ask \`timeline\` or \`sources\` for all.` });
  } else if (!first) {
    sections.push({ text: 'Nothing new in the knowledge base since the last digest.' });
  }

  const anniversaries = onThisDay(incident, today);
  if (anniversaries.length > 0) {
    const year = Number(today.slice(0, 4));
    sections.push({
      heading: 'On this day',
      items: anniversaries.map((e) => {
        const years = year - Number(e.date.slice(0, 4));
        return { date: e.date, factId: e.id, text: `${years} year${years === 1 ? '' : 's'} ago: ${e.title}` };
      }),
    });
    for (const e of anniversaries) {
      const fact = facts.find((f) => f.id === e.id);
      if (fact && !shown.includes(fact)) shown.push(fact);
    }
  }

  const open = incident.recommendations.filter((r) => !r.supersededBy);
  if (open.length > 0) {
    const rec = open[(options.rotation ?? 0) % open.length];
    if (rec) {
      sections.push({
        heading: 'Recommendation',
        items: [{ label: rec.title, text: rec.action, note: rec.why, factId: rec.id }],
      });
      const fact = facts.find((f) => f.id === rec.id);
      if (fact && !shown.includes(fact)) shown.push(fact);
    }
  }

  for (const f of shown) for (const s of f.sources) sourceIds.add(s);
  const sources: Source[] = incident.sources.filter((s) => sourceIds.has(s.id));
  const label = options.kind === 'weekly' ? 'weekly digest' : 'digest';
  return {
    kind: 'answer',
    intent: 'digest',
    incident: incident.id,
    title: `${incident.title}: ${label}, ${longDate(today)}`,
    sections,
    facts: shown.map(toAnswerFact),
    sources,
    suggestions: ['digest status', 'timeline', 'digest off'],
    confidence: 1,
    kbVersion: kb.version,
  };
}
