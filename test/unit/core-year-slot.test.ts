// "mgm resorts 2023 - the helpdesk call thing, what did it cost them?": a name, then the year it happened, is an
// incident's name; one the knowledge base has never heard of is not loaded, said as the asker typed it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { compilePattern, matchPattern, phraseSet } from '../../src/core/reading/patterns.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { alphaInput, fixtureKb, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

describe('a year in a word pattern', () => {
  it('"#year" matches a year and nothing else', () => {
    const p = compilePattern('^ {name} #year', new Map([['x', phraseSet(['x'])]]));
    expect(matchPattern(p, ['acme', 'corp', '2023', 'breach'])?.name).toEqual(['acme', 'corp']);
    expect(matchPattern(p, ['acme', 'corp', 'breach'])).toBeUndefined();
    expect(matchPattern(p, ['acme', '60000'])).toBeUndefined();
  });
});

describe('a name before a year', () => {
  const kb = fixtureKb();

  it('is not loaded when the knowledge base has never heard of it, and is named as typed', () => {
    const r = readQuestion(kb, 'the zorblax 2023 - the helpdesk call thing, what did it cost them?');
    expect(r.unknown?.name).toBe('zorblax');
  });

  it('is the loaded incident when it is one', () => {
    expect(readQuestion(kb, 'alpha 2023 - how did it start?').unknown).toBeUndefined();
  });
});

describe('the name a question gives, as typed', () => {
  it('is shown without the typo fixes the reading made ("resorts" read as "reports")', async () => {
    const loaded = await loadKnowledgeBase({ dir: path.resolve(import.meta.dirname, '../../data/incidents') });
    const kb = createKnowledgeBase(loaded.data);
    const r = readQuestion(kb, 'mgm resorts 2023 - the helpdesk call thing, what did it cost them?');
    expect(r.unknown?.name).toBe('mgm resorts');
  });
});

describe('a year before an incident noun', () => {
  const kb = fixtureKb();
  const ask = (q: string) => respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });

  it('that the named incident did not run in means another incident, not loaded', () => {
    // 2024 holds a fact of it (a later count), but the intrusion ran in 2023
    const a = ask('alpha cloud 2024 breach - how did it start?');
    expect(a.kind).toBe('none');
    expect(JSON.stringify(a.sections)).toContain('ran in 2023; a 2024 one is not');
    expect(JSON.stringify(a.sections)).toContain('alpha-2023');
  });

  it('that it ran in is that incident', () => {
    expect(ask('alpha cloud 2023 breach - how did it start?').kind).toBe('answer');
  });

  it('before it began, with no attack of that year in its facts, is another incident', () => {
    // 2019 holds a fact of it (the key was created), which is no attack
    expect(ask('when did gamma group get into alpha cloud (the 2019 intrusion)?').kind).toBe('none');
  });

  it('before it began, when its facts tell of an attack that year, is its prelude', () => {
    const prelude = {
      id: 'e-prelude',
      date: '2021-04',
      title: "Gamma Group compromises an Alpha Cloud engineer's account",
      sources: ['s-vendor'],
    };
    const variant = fixtureKbWithAlpha({ ...alphaInput, timeline: [prelude, ...(alphaInput.timeline ?? [])] });
    const a = variant.ask('when did gamma group get into alpha cloud (the 2021 intrusion)?');
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toContain('engineer');
  });
});
