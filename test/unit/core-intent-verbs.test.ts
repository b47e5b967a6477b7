// Intent rules that must tell a verb from a noun: "link" / "tie" / "connect" used as verbs are questions, not a
// request for source links; "what is X doing / planning / going to do" is about someone's actions, not a term to
// define. The other side of each rule (real requests for links, real definitions) keeps its route.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/parse-command.js';
import { classify, hasRelationVerb, isActionClause } from '../../src/core/reading/intents.js';
import { analyzeQuery } from '../../src/core/reading/query.js';
import { respond } from '../../src/core/respond.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();
const now = new Date('2025-01-01T00:00:00Z');
/** The route a question takes, read the way respond reads it (corrected words plus the raw text). */
const route = (raw: string) => classify(analyzeQuery(kb, raw).text, raw, kb.defaultIncident);
const ask = (text: string) => respond(kb, parseCommand(text, kb), { now });

describe('"link", "tie" and "connect" as verbs', () => {
  it.each([
    'did microsoft link executive compensation to security',
    'microsoft links executive pay to security progress',
    'did they ever link the forged tokens to the stolen key',
    'can you link the crash dump to the key theft',
    'is there a link between the crash dump and the key',
    'any links between this and the webmail intrusion',
    'does the board link the failures with a weak security culture',
  ])('"%s" is a question, not the sources list', (q) => {
    expect(route(q)).not.toEqual({ intent: 'list', list: 'sources' });
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
  ])('"%s" still asks for the sources', (q) => {
    expect(route(q)).toEqual({ intent: 'list', list: 'sources' });
  });

  it('an indicator with "linked to" is still an indicator lookup', () => {
    expect(route('is 192.0.2.15 linked to this?').intent).toBe('indicator-lookup');
    expect(route('is 192[.]0.2.15 tied to the attack').intent).toBe('indicator-lookup');
  });

  it('tells the verb from the noun', () => {
    expect(hasRelationVerb('did microsoft link pay to security')).toBe(true);
    expect(hasRelationVerb('who linked the actor to china')).toBe(true);
    expect(hasRelationVerb('was the key theft tied to the crash dump')).toBe(true);
    expect(hasRelationVerb('is the ministry connected to this')).toBe(true);
    expect(hasRelationVerb('the link between the dump and the key')).toBe(true);
    expect(hasRelationVerb('give me the links')).toBe(false);
    expect(hasRelationVerb('do you have links for this')).toBe(false);
    expect(hasRelationVerb('link to the report')).toBe(false);
    expect(hasRelationVerb('microsoft blog links')).toBe(false);
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
    expect(route(q).intent).not.toBe('define');
  });

  it.each([
    ['what is cisa', 'cisa'],
    ["what's cisa?", 'cisa'],
    ['whats cisa', 'cisa'],
    ['what is MailboxRead?', 'mailboxread'],
    ['what is the CSRB', 'the csrb'],
    ["what's the CSRB?", 'the csrb'],
    ['what is token signing', 'token signing'],
    ['what is audit logging', 'audit logging'],
    ['what does owa stand for', 'owa'],
  ])('"%s" is still a definition of "%s"', (q, subject) => {
    expect(route(q)).toEqual({ intent: 'define', subject });
  });

  it('reads a short "what\'s X" like "what is X", overview questions included', () => {
    expect(route("what's going on").intent).toBe('summary');
    expect(route("what's this about").intent).toBe('summary');
    expect(route("what's the actor's other name")).toEqual({ intent: 'list', list: 'actor' });
  });

  it('tells an action clause from a term', () => {
    expect(isActionClause('cisa doing with the cloud providers')).toBe(true);
    expect(isActionClause('microsoft going to do')).toBe(true);
    expect(isActionClause('the csrb plan to do')).toBe(true);
    expect(isActionClause('cisa')).toBe(false);
    expect(isActionClause('token signing')).toBe(false);
    expect(isActionClause('audit logging')).toBe(false);
    expect(isActionClause('the signing key rotation process')).toBe(false);
  });

  it('a glossary term asked with "what\'s" gets its glossary answer; an action question does not', () => {
    expect(ask("what's mailboxread?").intent).toBe('glossary');
    expect(ask('what is mailboxread').intent).toBe('glossary');
    expect(ask('what is the ministry doing about mailboxread').intent).not.toBe('glossary');
  });
});
