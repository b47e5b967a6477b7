// Intent rules that must tell a verb from a noun: "link" / "tie" / "connect" used as verbs are questions, not a
// request for source links; "what is X doing / planning / going to do" is about someone's actions, not a term to
// define. The other side of each rule (real requests for links, real definitions) keeps its route.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/parse-command.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { respond } from '../../src/core/respond.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();
const now = new Date('2025-01-01T00:00:00Z');
/** The kind a question is read as, and its subject. */
const route = (raw: string) => {
  const reading = readQuestion(kb, raw);
  return { kind: reading.kind, subject: reading.subject?.join(' ') };
};
const ask = (text: string) => respond(kb, parseCommand(text, kb), { now });

describe('"link", "tie" and "connect" as verbs', () => {
  it.each([
    'did microsoft link executive compensation to security',
    'microsoft links executive pay to security progress',
    'did they ever link the forged tokens to the stolen key',
    'can you link the crash dump to the key theft',
    'is there a link between the crash dump and the key',
    'any links between this and the webmail intrusion',
    // a name before "link to": the connection between two things
    "what's the gamma group link to the alpha cloud intrusion",
    'does the board link the failures with a weak security culture',
  ])('"%s" is a question, not the sources list', (q) => {
    expect(route(q).kind).not.toBe('list:sources');
  });

  it.each([
    'links?',
    'links',
    'source links',
    'give me the links',
    'links please',
    'do you have any links',
    'where can i read more',
    'send me the link to the report',
    'links to the reports',
    'any links i can share with my team',
    'give me a link to the review',
    'link to the review?',
    'links pls',
  ])('"%s" still asks for the sources', (q) => {
    expect(route(q).kind).toBe('list:sources');
  });

  it('an indicator with "linked to" is still an indicator lookup', () => {
    expect(route('is 192.0.2.15 linked to this?').kind).toBe('indicator');
    expect(route('is 192[.]0.2.15 tied to the attack').kind).toBe('indicator');
  });

  it('answers a verb question from search, and a request for links with the sources', () => {
    expect(ask('did they link the forged tokens to the signing key').intent).not.toBe('sources');
    expect(ask('give me the links').intent).toBe('sources');
  });
});

describe('"what is X doing / planning / going to do"', () => {
  it.each([
    'what is cisa doing with the big cloud vendors since the review',
    'what is microsoft planning next',
    'what is microsoft planning',
    'what is cisa going to do',
    'what does the ministry plan to do about it',
    'what are they doing about it',
    'what is the vendor working on now',
    'what is cisa up to',
    'what is the ministry pushing for with the cloud providers',
    'what is the key linked to',
  ])('"%s" is not a definition request', (q) => {
    expect(route(q).kind).not.toBe('define');
  });

  it.each([
    ['what is cisa', 'cisa'],
    ["what's cisa?", 'cisa'],
    ['whats cisa', 'cisa'],
    ['what is MailboxRead?', 'mailboxread'],
    ['what is the CSRB', 'csrb'],
    ["what's the CSRB?", 'csrb'],
    ['what is token signing', 'token signing'],
    ['what is audit logging', 'audit logging'],
    ['what does owa stand for', 'owa'],
  ])('"%s" is still a definition of "%s"', (q, subject) => {
    expect(route(q)).toEqual({ kind: 'define', subject });
  });

  it('reads a short "what\'s X" like "what is X", overview questions included', () => {
    expect(route("what's going on").kind).toBe('summary');
    expect(route("what's this about").kind).toBe('summary');
    expect(route("what's the actor's other name").kind).toBe('actor');
  });

  it('a glossary term asked with "what\'s" gets its glossary answer; an action question does not', () => {
    expect(ask("what's mailboxread?").intent).toBe('glossary');
    expect(ask('what is mailboxread').intent).toBe('glossary');
    expect(ask('what is the ministry doing about mailboxread').intent).not.toBe('glossary');
  });
});
