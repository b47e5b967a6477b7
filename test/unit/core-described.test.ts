// An organization described instead of named ("the kite-flying company"): the question is read as naming it when
// the description is followed by an org noun or an incident noun, no incident is named, and the organization is a
// loaded incident's. Made-up write-up and descriptions; the project's own language otherwise.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { type IncidentInput, incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { respond } from '../../src/core/respond.js';
import { acrossData, leadOf } from '../fixtures/core-across.js';
import { ternInput } from '../fixtures/core-tern.js';

// the shared made-up write-up, also called plain "Tern"
const tern: IncidentInput = { ...ternInput, aliases: [...(ternInput.aliases ?? []), 'Tern'] };

function kbWith(described: Record<string, string[]>, incidents: IncidentInput[] = [tern]) {
  const base = acrossData();
  const kb = createKnowledgeBase({
    ...base,
    incidents: [...base.incidents, ...incidents.map((i) => incidentSchema.parse(i))],
    language: { ...base.language, 'described-as': described },
  });
  const now = new Date('2025-01-01T00:00:00Z');
  return { kb, ask: (text: string) => respond(kb, parseCommand(text, kb), { now }) };
}

const { kb, ask } = kbWith({ 'Tern Tools': ['kite flying', 'kite maker'], 'Gull Air': ['seaplane'] });

describe('an organization described instead of named', () => {
  it('a description and an org noun name the incident, hyphenated or not', () => {
    for (const q of [
      'when did the kite-flying company lock the intruder out?',
      'when did the kite flying startup lock the intruder out?',
    ]) {
      expect(readQuestion(kb, q).incident?.id).toBe('tern-tools');
      expect(leadOf(ask(q))).toContain('20 August 2023: Tern Tools locks the intruder out');
    }
  });

  it('a description followed by an incident noun, or ending in an org noun, names it too', () => {
    expect(readQuestion(kb, 'who was behind the kite flying breach').incident?.id).toBe('tern-tools');
    expect(readQuestion(kb, 'what happened to the kite maker').incident?.id).toBe('tern-tools');
  });

  it('"a" or "some" before a description and an incident noun describes any such incident, naming none', () => {
    expect(readQuestion(kb, 'was it linked to some kite flying breach').incident).toBeUndefined();
    expect(readQuestion(kb, 'was it linked to a kite flying breach').incident).toBeUndefined();
  });

  it('the same words with no org noun after them are only words', () => {
    expect(readQuestion(kb, 'is kite flying allowed in the office').incident).toBeUndefined();
  });

  it('a question that names an incident keeps it', () => {
    expect(readQuestion(kb, 'did the kite flying company share anything with gammasoft').incident?.id).toBe(
      'gamma-mfa',
    );
  });

  it('a described organization that is not loaded is still not loaded', () => {
    const a = ask('when did the seaplane company get hacked?');
    expect(a.kind).toBe('none');
  });

  it("a name not loaded that holds a loaded one's description is shown as asked", () => {
    // "kite maker" describes Tern Tools, but "zorblax kite maker" is another company, not loaded
    const r = readQuestion(kb, 'who was behind the zorblax kite maker breach');
    expect(r.unknown?.name).toBe('zorblax kite maker');
  });

  it('descriptions of two organizations change nothing', () => {
    const two = kbWith({ 'Tern Tools': ['kite flying'], GammaSoft: ['bird watching'] });
    expect(
      readQuestion(two.kb, 'did the kite flying company and the bird watching vendor both get phished').incident,
    ).toBeUndefined();
  });
});

describe('a name behind a prefix', () => {
  it('"the ex-tern engineer" names Tern Tools', () => {
    expect(readQuestion(kb, 'what did the ex-tern engineer do').incident?.id).toBe('tern-tools');
    expect(readQuestion(kb, 'what did the ex-unknownco engineer do').incident).toBeUndefined();
  });
});

describe('descriptions in the ways people write them', () => {
  it('an org noun in the plural ("apps") still ends a description', () => {
    expect(readQuestion(kb, 'what did the intruder take from the kite flying apps servers').incident?.id).toBe(
      'tern-tools',
    );
  });

  it('two descriptions of one organization in a row ("kite flying / kite maker site") name it once', () => {
    const r = readQuestion(kb, 'the kite flying / kite maker site that got phished, when was the intruder locked out');
    expect(r.incident?.id).toBe('tern-tools');
    expect(r.unknown).toBeUndefined();
  });

  it('a description ended by an org noun wins over one only followed by an incident noun', () => {
    const two = kbWith({ 'Tern Tools': ['kite flying'], GammaSoft: ['bird watching'] });
    expect(readQuestion(two.kb, 'how big was the bird watching theft at the kite flying company').incident?.id).toBe(
      'tern-tools',
    );
  });
});

describe('stealing from a name', () => {
  it('"how much did they steal from the X bridge" names X, which is not loaded', () => {
    expect(readQuestion(kb, 'how much did the hackers steal from the zorblax bridge')?.unknown?.name).toBe(
      'zorblax bridge',
    );
  });
});
