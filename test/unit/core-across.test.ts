// Questions across incidents (issue 7): "which incidents involved MFA?", "what happened in 2022?", and a
// breaches.cloud write-up covered by the curated incident it names.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { coveredIncidents, createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { acrossData, acrossKb, answerText } from '../fixtures/core-across.js';

const kb = acrossKb();
const now = new Date('2025-01-01T00:00:00Z');
const askIn = (base: KnowledgeBase, text: string): Answer => respond(base, parseCommand(text, base), { now });
const ask = (text: string): Answer => askIn(kb, text);
const allText = answerText;

describe('a write-up covered by a curated incident', () => {
  it('is found by its id naming a curated id or alias, only for breaches.cloud write-ups', () => {
    expect(kb.covered).toEqual([{ id: 'alpha', title: expect.any(String), by: 'alpha-2023' }]);
    const native = acrossData().incidents.map((i) => (i.id === 'alpha' ? { ...i, origin: 'native' as const } : i));
    expect(coveredIncidents(native)).toEqual([]);
  });
  it('is left out of the incidents answers come from, and out of search', () => {
    expect(kb.incidents.map((i) => i.id)).not.toContain('alpha');
    expect(kb.passages.some((p) => p.incident === 'alpha')).toBe(false);
  });
  it('naming it selects the curated incident', () => {
    expect(kb.incident('alpha')?.id).toBe('alpha-2023');
    const a = ask('alpha timeline');
    expect(a.incident).toBe('alpha-2023');
  });
  it('is listed by `incidents` only as covered', () => {
    const a = ask('incidents');
    expect(a.title).toContain(`(${kb.incidents.length})`);
    const text = allText(a);
    expect(text).toContain('alpha');
    expect(text).toContain('covered by alpha-2023');
    expect(text).not.toContain('Oversight board releases');
  });
  it('does not answer or suggest from the write-up', () => {
    for (const q of [
      'what did the oversight board say',
      'did alpha cloud disable the keys',
      'when were the keys disabled',
    ]) {
      const a = ask(q);
      expect(a.incident, q).not.toBe('alpha');
      expect(
        a.facts.some((f) => f.incident === 'alpha' || f.id.startsWith('w-')),
        q,
      ).toBe(false);
      expect(a.suggestions.join(' '), q).not.toContain('disabled the stolen keys');
    }
  });
  it('a write-up that covers nothing stays an incident of its own', () => {
    expect(kb.incidents.map((i) => i.id)).toContain('gamma-mfa');
    expect(ask('gammasoft timeline').incident).toBe('gamma-mfa');
  });
});

describe('which incidents involved X', () => {
  it('searches every incident and labels each fact with its incident', () => {
    const a = ask('which incidents involved MFA?');
    expect(a.kind).toBe('answer');
    expect(a.intent).not.toBe('incidents');
    expect(a.facts.length).toBeGreaterThan(0);
    expect(a.facts.every((f) => f.incident === 'gamma-mfa')).toBe(true);
    expect(allText(a)).toContain('GammaSoft push fatigue');
  });
  it('reads synonyms: two-factor, 2fa and push fatigue find the MFA incident', () => {
    for (const q of [
      'what breaches used two-factor',
      'any incidents with 2fa',
      'which incidents involved push fatigue',
    ]) {
      const a = ask(q);
      expect(a.kind, q).toBe('answer');
      expect(a.facts[0]?.incident, q).toBe('gamma-mfa');
    }
  });
  it('groups several incidents, each under its title', () => {
    const a = ask('which incidents involved an intruder');
    const incidents = new Set(a.facts.map((f) => f.incident));
    expect(a.kind).toBe('answer');
    expect(incidents.size).toBeGreaterThan(1);
    expect(a.facts.every((f) => !!f.incident)).toBe(true);
  });
  it('the title names the incidents that match, since they are the answer', () => {
    const a = ask('which incidents involved MFA?');
    expect(a.title).toMatch(/: GammaSoft$/);
  });
  it('reads a topic longer than a name, to the end of the question', () => {
    // the six words after "incidents" stop before "mfa push prompts"; the topic does not
    const a = ask('which incidents started with an engineer who was flooded with mfa push prompts');
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('push prompts');
    expect(a.facts[0]?.incident).toBe('gamma-mfa');
  });
  it('answers none when no incident matches', () => {
    const a = ask('which incidents involved quantum teleportation');
    expect(a.kind).toBe('none');
  });
  it('a plain request still lists the incidents', () => {
    for (const q of ['incidents', 'list incidents', 'which incidents do you know', 'what incidents are loaded']) {
      const a = ask(q);
      expect(a.intent, q).toBe('incidents');
      expect(a.title, q).toContain('Incidents I know');
    }
  });
});

describe('a dated timeline question that names no incident', () => {
  it('lists the events in the range from every incident, each labelled', () => {
    const a = ask('what happened in 2022?');
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('timeline');
    expect(a.incident).toBeNull();
    const ids = new Set(a.facts.map((f) => f.incident));
    expect(ids).toEqual(new Set(['beta-breach', 'gamma-mfa']));
    expect(a.sections.flatMap((s) => s.items ?? []).every((i) => !!i.label)).toBe(true);
  });
  it("puts the default incident's events first", () => {
    const base = acrossData();
    const extra = incidentSchema.parse({
      ...base.incidents[0],
      id: 'alpha-2023',
      timeline: [
        ...(base.incidents[0]?.timeline ?? []),
        { id: 'e-late', date: '2022-12-30', title: 'Alpha Cloud rotates keys early', sources: ['s-vendor'] },
      ],
    });
    const kb2 = createKnowledgeBase({ ...base, incidents: [extra, ...base.incidents.slice(1)] });
    const a = askIn(kb2, 'what happened in 2022');
    expect(a.facts[0]?.id).toBe('e-late');
    expect(a.facts[0]?.incident).toBe('alpha-2023');
    expect(a.facts.length).toBeGreaterThan(2);
  });
  it('pages through `more`', () => {
    const base = acrossData();
    const many = incidentSchema.parse({
      ...base.incidents[2],
      id: 'gamma-mfa',
      timeline: Array.from({ length: 20 }, (_, n) => ({
        id: `g-${n}`,
        date: `2022-03-${String(n + 1).padStart(2, '0')}`,
        title: `GammaSoft event number ${n + 1}`,
        sources: ['g-src'],
      })),
    });
    const kb2 = createKnowledgeBase({ ...base, incidents: [...base.incidents.slice(0, 2), many] });
    const first = askIn(kb2, 'what happened in 2022');
    expect(first.more).toBe('what happened in 2022 page 2');
    const second = askIn(kb2, first.more as string);
    expect(second.title).toContain('page 2');
    expect(second.facts[0]?.id).not.toBe(first.facts[0]?.id);
  });
  it('a range only the default incident has events in answers from it, as before', () => {
    const a = ask('what happened in april 2023');
    expect(a.incident).toBe('alpha-2023');
    expect(a.facts.map((f) => f.id)).toContain('e-revoked');
  });
  it('a plain timeline stays the default incident', () => {
    expect(ask('timeline').incident).toBe('alpha-2023');
    expect(ask('show me the timeline').incident).toBe('alpha-2023');
  });
  it('a named incident keeps its own timeline', () => {
    const a = ask('betapass what happened in 2022');
    expect(a.incident).toBe('beta-breach');
  });
  it('with one incident loaded, behaviour is unchanged', () => {
    const base = acrossData();
    const one = createKnowledgeBase({ ...base, incidents: base.incidents.slice(0, 1) });
    const a = askIn(one, 'what happened in 2022');
    expect(a.incident).toBe('alpha-2023');
    expect(a.facts.every((f) => f.incident === undefined)).toBe(true);
  });
});
