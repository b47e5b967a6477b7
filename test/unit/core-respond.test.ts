// respond(): every intent on the fixture knowledge base, corrections, paging, several incidents, and `none`.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { fixtureData, fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();
const now = new Date('2025-01-01T00:00:00Z');
const ask = (text: string): Answer => respond(kb, parseCommand(text, kb), { now });
const factIds = (a: Answer) => a.facts.map((f) => f.id);

describe('respond: commands', () => {
  it('help lists the commands and never cites facts', () => {
    const a = ask('help');
    expect(a).toMatchObject({ kind: 'answer', intent: 'help', facts: [] });
    expect(JSON.stringify(a.sections)).toContain('timeline');
  });
  it('timeline page 1 starts at the intrusion, shows key dates and offers the next page', () => {
    const a = ask('timeline');
    expect(a.intent).toBe('timeline');
    expect(factIds(a)[0]).toBe('e-start');
    expect(a.sections[0]?.heading).toBe('Key dates');
    expect(a.more).toBe('timeline page 2');
    expect(JSON.stringify(a.sections)).toContain('timeline before 2023-03-01');
  });
  it('timeline page 2 continues where page 1 stopped', () => {
    const first = ask('timeline');
    const second = ask('timeline page 2');
    expect(second.title).toContain('page 2');
    expect(factIds(second).some((id) => factIds(first).includes(id))).toBe(false);
  });
  it('timeline hides a superseded claim behind the fact that corrects it', () => {
    const a = ask('timeline');
    expect(factIds(a)).not.toContain('e-bc-revoked');
    const revoked = a.facts.find((f) => f.id === 'e-revoked');
    expect(revoked?.corrects).toEqual(['e-bc-revoked']);
    expect(revoked?.correctionNote).toContain('Corrects an earlier claim');
  });
  it('timeline filters by month, and pages the filter', () => {
    const a = ask('timeline april 2023');
    expect(a.title).toContain('April 2023');
    expect(a.facts.every((f) => f.date?.startsWith('2023-04') || f.id === 'e-proxy-window')).toBe(true);
  });
  it('timeline by words', () => {
    expect(factIds(ask('timeline revoked'))).toContain('e-revoked');
  });
  it('timeline of a period with nothing in it is none', () => {
    expect(ask('timeline 2030').kind).toBe('none');
  });
  it('victims groups organizations, people and counts, later counts first', () => {
    const a = ask('victims');
    expect(a.sections.map((s) => s.heading)).toEqual(expect.arrayContaining(['Organizations', 'People']));
    expect(factIds(a)).toContain('fig-14');
    expect(factIds(a)).not.toContain('fig-10');
  });
  it('logging shows what to enable, what to look for and what it needs', () => {
    const a = ask('logging');
    expect(a.intent).toBe('logging');
    expect(a.sections[0]?.items?.[0]?.note).toContain('Look for: MailboxRead');
  });
  it('indicators lists values defanged', () => {
    const a = ask('indicators');
    expect(JSON.stringify(a)).toContain('192.0.2[.]15');
    expect(JSON.stringify(a.facts)).not.toContain('192.0.2.15');
  });
  it('actor, technique, status and sources answer from their sections', () => {
    expect(ask('actor').title).toContain('Gamma Group');
    expect(ask('technique').facts[0]?.text).toContain('forged');
    expect(ask('status').sections[0]?.heading).toBe('Status (as of 2024-01)');
    expect(ask('sources').sources.map((s) => s.id)).toContain('s-vendor');
  });
  it('incidents lists every loaded incident and marks the default', () => {
    const a = ask('incidents');
    expect(a.incident).toBeNull();
    expect(JSON.stringify(a.sections)).toContain('[default]');
    expect(JSON.stringify(a.sections)).toContain('beta-breach');
  });
  it('digest commands without a channel explain where digests live', () => {
    expect(ask('digest daily 09:00')).toMatchObject({ kind: 'answer', intent: 'digest' });
    expect(ask('digest weekly someday 9')).toMatchObject({ kind: 'clarify', intent: 'digest' });
  });
});

describe('respond: questions', () => {
  it('when: the key date for the incident itself', () => {
    const a = ask('when was it detected?');
    expect(a).toMatchObject({ kind: 'answer', intent: 'when' });
    expect(a.title).toContain('2023-04-10');
    expect(factIds(a)).toContain('e-detected');
  });
  it('when: the dated event the question names, corrected', () => {
    const a = ask('when was the key revoked');
    expect(factIds(a)[0]).toBe('e-revoked');
    expect(a.facts[0]?.correctionNote).toContain('2023-04-20');
  });
  it('how long: durations computed from the key dates', () => {
    const a = ask('how long did it take to detect');
    expect(a.intent).toBe('duration');
    expect(a.facts[0]?.text).toContain('40 days');
    expect(ask('how long between detection and disclosure').facts[0]?.text).toContain('22 days');
    // whose detection and whose disclosure, named around the two key dates, ask for no other span
    expect(
      ask("how long was it between the ministry's detection and the vendor going public?").facts[0]?.text,
    ).toContain('22 days');
  });
  it('how long ago: measured from now', () => {
    expect(ask('how long ago was it disclosed').facts[0]?.text).toContain('2025-01-01');
  });
  it('what happened in a month: a timeline filter', () => {
    const a = ask('what happened in april 2023');
    expect(a.intent).toBe('timeline');
    expect(factIds(a)).toContain('e-detected');
  });
  it('was X affected: yes, with the victim', () => {
    const a = ask('was the deputy minister hacked?');
    expect(a.title).toMatch(/^Yes/);
    expect(factIds(a)).toContain('v-jane');
  });
  it('was X affected, for someone not recorded: none', () => {
    expect(ask('was acme corp affected?').kind).toBe('none');
  });
  it('was X affected, X a name the knowledge base never uses: none that says so, not "did you mean"', () => {
    for (const q of ['was zorblax affected', 'was the zorblax agency hit?']) {
      const a = ask(q);
      expect(a.kind, q).toBe('none');
      expect(a.sections.map((s) => s.text ?? '').join(' '), q).toContain('is not among the victims recorded for');
    }
  });
  it('how many: the later count, saying what it corrects', () => {
    const a = ask('how many tenants were affected');
    expect(a.facts[0]?.id).toBe('fig-14');
    expect(a.facts[0]?.correctionNote).toContain('about 10');
  });
  it('what is X: the glossary, by term or alias', () => {
    expect(ask('what is MailboxRead?')).toMatchObject({ intent: 'glossary', title: 'MailboxRead' });
    expect(ask('whats wm').title).toBe('Webmail (WM)');
  });
  it('an IP lookup finds the indicator plain or defanged', () => {
    const a = ask('is 192.0.2[.]15 linked to this?');
    expect(a).toMatchObject({ kind: 'answer', intent: 'indicators' });
    expect(a.title).toContain('192.0.2[.]15');
  });
  it('an IP not in the knowledge base is none, and says so', () => {
    const a = ask('is 203.0.113.9 malicious');
    expect(a).toMatchObject({ kind: 'none', intent: 'indicators' });
  });
  it('a user agent fragment is looked up', () => {
    expect(ask('Client=EXAMPLE;Client=EXAMPLESystem;;').facts[0]?.id).toBe('ioc-ua');
  });
  it('who did it: the actor', () => {
    expect(ask('who was behind it?').intent).toBe('actor');
  });
  it('free text: answered from the best passage with its sources', () => {
    const a = ask('which application did the alert rule flag');
    expect(a.kind).toBe('answer');
    expect(a.sources.length).toBeGreaterThan(0);
  });
  it('out of scope: none with a pointer to help, never a guess', () => {
    for (const q of ["what's the weather?", 'order lunch', 'zzzz', 'how to install python']) {
      const a = ask(q);
      expect(['none', 'clarify'], q).toContain(a.kind);
      expect(a.suggestions, q).toContain('help');
    }
  });
});

describe('respond: several incidents', () => {
  it('a first word naming an incident selects it', () => {
    const a = ask('betapass timeline');
    expect(a.incident).toBe('beta-breach');
    expect(factIds(a)).toContain('b-vault');
  });
  it('an incident named inside a question selects it', () => {
    expect(ask('when did betapass disclose it').incident).toBe('beta-breach');
  });
  it('a question the default incident cannot answer is tried on every incident, facts labelled', () => {
    const a = ask('were the customer vault backups copied');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.incident).toBe('beta-breach');
  });
  it('a write-up without a timeline answers a timeline question with its key dates', () => {
    const base = fixtureData();
    const incidents = base.incidents.map((i) => (i.id === 'beta-breach' ? { ...i, timeline: [] } : i));
    const kbNoTimeline = createKnowledgeBase({ ...base, incidents });
    const a = respond(kbNoTimeline, parseCommand('betapass timeline', kbNoTimeline), { now });
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('key dates');
    expect(JSON.stringify(a.sections)).toContain('2022-08-08');
  });
  it('a question naming an incident that is not loaded is not answered from the default incident', () => {
    for (const q of ['moveit cl0p victims list', 'snowflake customer data breach what happened', 'solarwinds attack']) {
      const a = ask(q);
      expect(a.kind, q).toBe('none');
      expect(a.sections.map((s) => s.text ?? '').join(' '), q).toContain('alpha-2023');
    }
  });
  it('an empty knowledge base answers none, and help still works', () => {
    const empty = createKnowledgeBase(fixtureData({ incidents: [] }));
    expect(respond(empty, parseCommand('timeline', empty), { now }).kind).toBe('none');
    expect(respond(empty, parseCommand('help', empty), { now }).kind).toBe('answer');
  });
  it('the default incident follows the data, then storm-0558, then the first', () => {
    expect(createKnowledgeBase(fixtureData({ defaultIncident: 'beta-breach' })).defaultIncident?.id).toBe(
      'beta-breach',
    );
    expect(createKnowledgeBase(fixtureData({ defaultIncident: undefined })).defaultIncident?.id).toBe('alpha-2023');
  });
});

describe('createKnowledgeBase: lazy', () => {
  it('answers the same with the search structures built on first use', () => {
    const lazy = createKnowledgeBase(fixtureData(), { lazy: true });
    for (const q of ['timeline', 'when was it detected', 'what is wm', 'betapas timeline', 'weather']) {
      const a = respond(lazy, parseCommand(q, lazy), { now });
      const b = ask(q);
      expect({ kind: a.kind, title: a.title, facts: factIds(a) }, q).toEqual({
        kind: b.kind,
        title: b.title,
        facts: factIds(b),
      });
    }
  });
});
