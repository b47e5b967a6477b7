import { describe, expect, it } from 'vitest';
import { buildDigest, diffFacts, localDate, onThisDay } from '../../src/core/digest.js';
import { factHashes, fnv1a, incidentFacts } from '../../src/core/fact-hashes.js';
import { incidentSchema } from '../../src/core/model.js';
import { fixtureIncident, fixtureKb } from './digest-fixture.js';

const kb = fixtureKb();
const incident = kb.defaultIncident;
if (!incident) throw new Error('fixture has no incident');
const snapshot = factHashes(incident);
const plainDay = new Date('2026-11-30T08:00:00Z');
const allText = (a: NonNullable<ReturnType<typeof buildDigest>>) =>
  JSON.stringify(a.sections) + a.facts.map((f) => f.text).join('\n');

describe('fact hashes', () => {
  it('FNV-1a matches the published test vectors', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });

  it('gives every fact a stable id and a hash that changes with its content', () => {
    const facts = incidentFacts(incident);
    expect(facts.map((f) => f.id)).toContain('tl-2023-05-15');
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    expect(factHashes(incident)).toEqual(snapshot);
    const edited = fixtureKb(
      fixtureIncident({
        timeline: [
          { id: 'tl-2023-05-15', date: '2023-05-16', title: 'First sign-in with a forged token', sources: ['src-a'] },
        ],
      }),
    ).defaultIncident;
    expect(edited && factHashes(edited)['tl-2023-05-15']).not.toBe(snapshot['tl-2023-05-15']);
  });
});

describe('buildDigest', () => {
  it('first digest: a short brief with status and a recommendation, even when daily', () => {
    const answer = buildDigest(kb, { now: plainDay, kind: 'daily', rotation: 0 });
    expect(answer).not.toBeNull();
    expect(answer).toMatchObject({ kind: 'answer', intent: 'digest', incident: 'demo-breach', kbVersion: 'kb-1' });
    expect(answer?.title).toBe('Demo breach: digest, Monday 30 November 2026');
    expect(answer?.sections.map((s) => s.heading)).toEqual(['Where things stand', 'Recommendation']);
    expect(answer?.sections[1]?.items?.[0]?.factId).toBe('rec-logs');
    expect(answer?.sources.map((s) => s.id)).toEqual(['src-a']);
  });

  it('daily with nothing new stays silent; weekly posts its brief', () => {
    expect(buildDigest(kb, { now: plainDay, kind: 'daily', previousHashes: snapshot })).toBeNull();
    const weekly = buildDigest(kb, { now: plainDay, kind: 'weekly', previousHashes: snapshot, rotation: 1 });
    expect(weekly?.title).toContain('weekly digest');
    expect(weekly && allText(weekly)).toContain('Nothing new');
    expect(weekly?.sections.find((s) => s.heading === 'Recommendation')?.items?.[0]?.factId).toBe('rec-keys');
  });

  it('lists new facts and marks corrected ones as corrections, once', () => {
    const changed = fixtureIncident();
    changed.timeline = [
      ...(changed.timeline ?? []).map((e) =>
        e.id === 'tl-2023-06-16' ? { ...e, date: '2023-06-15', correctionNote: 'Earlier reports gave 16 June.' } : e,
      ),
      { id: 'tl-2024-04-02', date: '2024-04-02', title: 'Review board publishes its findings', sources: ['src-b'] },
      {
        id: 'tl-2023-07-11b',
        date: '2023-07-11',
        title: 'Vendor names the actor',
        sources: ['src-a'],
        corrects: ['tl-2023-05-15'],
        correctionNote: 'Adds the attribution.',
      },
    ];
    const kb2 = fixtureKb(changed, 'kb-2');
    const answer = buildDigest(kb2, {
      now: plainDay,
      kind: 'daily',
      previousHashes: snapshot,
      since: '2026-11-29T08:00:00Z',
      timeZone: 'Europe/Berlin',
    });
    expect(answer?.kbVersion).toBe('kb-2');
    const headings = answer?.sections.map((s) => s.heading);
    expect(headings).toContain('New since Sunday 29 November 2026');
    const corrections = answer?.sections.find((s) => s.heading?.startsWith('Corrections'));
    expect(corrections?.items?.map((i) => i.factId).sort()).toEqual(['tl-2023-06-16', 'tl-2023-07-11b']);
    expect(corrections?.items?.every((i) => i.note?.startsWith('Correction:'))).toBe(true);
    const added = answer?.sections.find((s) => s.heading?.startsWith('New'));
    expect(added?.items?.map((i) => i.factId)).toEqual(['tl-2024-04-02']);
    expect(answer?.facts.find((f) => f.id === 'tl-2023-07-11b')?.corrects).toEqual(['tl-2023-05-15']);

    const incident2 = kb2.defaultIncident;
    if (!incident2) throw new Error('no incident');
    expect(buildDigest(kb2, { now: plainDay, kind: 'daily', previousHashes: factHashes(incident2) })).toBeNull();
  });

  it('says what happened on this day in earlier years, in the channel zone', () => {
    const dec1 = new Date('2026-12-01T08:00:00Z');
    expect(onThisDay(incident, localDate(dec1)).map((e) => e.id)).toEqual(['tl-2023-12-01']);
    const weekly = buildDigest(kb, { now: dec1, kind: 'weekly', previousHashes: snapshot });
    const section = weekly?.sections.find((s) => s.heading === 'On this day');
    expect(section?.items?.[0]).toMatchObject({ factId: 'tl-2023-12-01', date: '2023-12-01' });
    expect(section?.items?.[0]?.text).toMatch(/^3 years ago: /);
    const lateNov30InNewYork = new Date('2026-12-01T02:00:00Z');
    const ny = buildDigest(kb, {
      now: lateNov30InNewYork,
      kind: 'weekly',
      previousHashes: snapshot,
      timeZone: 'America/New_York',
    });
    expect(ny?.sections.find((s) => s.heading === 'On this day')).toBeUndefined();
  });

  it('rotates through open recommendations and skips superseded ones', () => {
    const picks = [0, 1, 2, 3].map(
      (rotation) =>
        buildDigest(kb, { now: plainDay, kind: 'weekly', previousHashes: snapshot, rotation })?.sections.find(
          (s) => s.heading === 'Recommendation',
        )?.items?.[0]?.factId,
    );
    expect(picks).toEqual(['rec-logs', 'rec-keys', 'rec-scope', 'rec-logs']);
    const input = fixtureIncident();
    input.recommendations = (input.recommendations ?? []).map((r) =>
      r.id === 'rec-keys' ? { ...r, supersededBy: 'rec-scope' } : r,
    );
    const kb3 = fixtureKb(incidentSchema.parse(input));
    const rec = buildDigest(kb3, {
      now: plainDay,
      kind: 'weekly',
      previousHashes: snapshot,
      rotation: 1,
    })?.sections.find((s) => s.heading === 'Recommendation');
    expect(rec?.items?.[0]?.factId).toBe('rec-scope');
  });

  it('caps a long list of changes and says how many more there are', () => {
    const answer = buildDigest(kb, { now: plainDay, kind: 'daily', previousHashes: {}, maxChanges: 2 });
    const listed = answer?.sections.filter((s) => s.heading?.startsWith('New')).flatMap((s) => s.items ?? []);
    expect(listed).toHaveLength(2);
    expect(answer && allText(answer)).toMatch(/and \d+ more change/);
  });

  it('diffFacts ignores facts that did not change', () => {
    expect(diffFacts(incidentFacts(incident), snapshot)).toEqual({ added: [], corrected: [] });
  });
});
