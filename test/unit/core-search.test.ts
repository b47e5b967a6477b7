// Search building blocks: the knowledge base's passages and index, query analysis (typo correction, synonyms,
// coverage), name lookup with fuse.js, and intent rules.
import { describe, expect, it } from 'vitest';
import { analyzeQuery, coverage } from '../../src/core/reading/query.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { createNameIndex } from '../../src/core/search/name-index.js';
import { matchSynonyms } from '../../src/core/search/synonyms.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();

describe('createKnowledgeBase', () => {
  it('flattens every fact of every incident into passages, once', () => {
    const ids = kb.passages.map((p) => `${p.incident}/${p.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(kb.passage('alpha-2023', 'e-revoked')?.kind).toBe('event');
    expect(kb.passage('alpha-2023', 'ioc-proxy')?.text).toContain('192.0.2[.]15');
    expect(kb.passage('beta-breach', 'b-vault')?.incident).toBe('beta-breach');
  });
  it('indexes terms with document frequencies', () => {
    expect(kb.index.df('revok')).toBeGreaterThan(0);
    expect(kb.index.idf('nosuchterm')).toBe(kb.index.maxIdf);
  });
  it('finds incidents, victims and terms by name', () => {
    expect(kb.incidentNames.exact('BetaPass')).toBe('beta-breach');
    expect(kb.victimNames('alpha-2023').find('jane placeholder')?.value).toBe('v-jane');
    expect(kb.glossaryNames('alpha-2023').find('mailboxread')?.value).toBe('g-mailboxread');
  });
});

describe('analyzeQuery', () => {
  it('corrects a mistyped word against the knowledge base vocabulary', () => {
    const q = analyzeQuery(kb, 'when was the key revokd');
    expect(q.corrections).toEqual([{ from: 'revokd', to: 'revoked' }]);
  });
  it('corrects short question words only when unambiguous', () => {
    expect(analyzeQuery(kb, 'wen was it detected').words[0]).toBe('when');
  });
  it('never corrects a known word or a stem it knows', () => {
    expect(analyzeQuery(kb, 'blocked keys').corrections).toEqual([]);
  });
  it('expands synonyms at a lower weight', () => {
    const q = analyzeQuery(kb, 'disabled key');
    const revoked = q.terms.find((t) => t.term === 'revok');
    expect(revoked?.weight).toBeLessThan(1);
    expect(q.terms.find((t) => t.term === 'disabl')?.weight).toBe(1);
  });
  it('marks unknown words, which make coverage low', () => {
    const q = analyzeQuery(kb, 'revoked pizza');
    expect(q.concepts.find((c) => c.text === 'pizza')?.unknown).toBe(true);
    const [hit] = kb.index.search(q.terms, { limit: 1 });
    expect(hit && coverage(q, hit)).toBeLessThan(0.6);
  });
  it('does not count one word twice through synonyms', () => {
    const q = analyzeQuery(kb, 'blocked revoked');
    const [hit] = kb.index.search(q.terms, { limit: 1 });
    expect(hit && coverage(q, hit)).toBeGreaterThan(0.9);
  });
});

describe('matchSynonyms', () => {
  it('prefers the longest phrase', () => {
    expect(matchSynonyms(kb.synonyms, ['the', 'web', 'mail', 'client'])).toEqual([{ start: 1, length: 2, group: 3 }]);
  });
  it('matches a single word through its stem', () => {
    expect(matchSynonyms(kb.synonyms, ['revoking'])[0]?.group).toBe(0);
  });
});

describe('search index', () => {
  it('ranks the passage holding the asked words first, restricted by incident and kind', () => {
    const q = analyzeQuery(kb, 'revokes stolen signing key');
    const hits = kb.index.search(q.terms, { incidents: new Set(['alpha-2023']), kinds: new Set(['event']) });
    expect(hits[0]?.passage.id).toBe('e-revoked');
    expect(hits.every((h) => h.passage.kind === 'event' && h.passage.incident === 'alpha-2023')).toBe(true);
  });
  it('boosts kinds on request', () => {
    const q = analyzeQuery(kb, 'mailboxread');
    const hits = kb.index.search(q.terms, { kindBoost: { recommendation: 10 } });
    expect(hits[0]?.passage.kind).toBe('recommendation');
  });
  it('returns nothing for an empty query', () => {
    expect(kb.index.search([])).toEqual([]);
  });
});

describe('createNameIndex', () => {
  const names = createNameIndex([
    { name: 'Gina Raimondo', value: 'v1' },
    { name: 'MailItemsAccessed', value: 't1' },
  ]);
  it('matches exactly, ignoring case and punctuation', () => {
    expect(names.exact('gina raimondo!')).toBe('v1');
  });
  it('matches a near miss with a score', () => {
    const hit = names.find('mailitemaccessed');
    expect(hit?.value).toBe('t1');
    expect(hit?.score).toBeLessThan(0.3);
  });
  it('finds nothing for unrelated text', () => {
    expect(names.find('weather')).toBeUndefined();
  });
});

describe('readQuestion: kinds', () => {
  const kindOf = (text: string) => readQuestion(kb, text).kind;
  it.each([
    ['when was it detected', 'when'],
    ['how long did it last', 'duration'],
    ['was the ministry hacked', 'victim-check'],
    ['is 192.0.2.15 bad', 'indicator'],
    ['what is mailboxread', 'define'],
    ['who is jane placeholder', 'who-is'],
    ['how many tenants', 'count'],
    ['who did it', 'actor'],
    ['who are they', 'actor'],
    ['alpha breach entry point', 'how'],
    ['who hacked the ministry', 'actor'],
    ['so how did the hackers get into the ministry mail', 'how'],
    ['what should we log', 'defender'],
    ['what happened', 'summary'],
    ['thanks', 'help'],
    ['which incidents do you know', 'incidents'],
    ['purple elephants', 'search'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });
  it('strips greetings and chat filler first', () => {
    expect(readQuestion(kb, 'hey breachbot, quick question: who did it').text).toBe('who did it');
    expect(readQuestion(kb, 'can you tell me when it started').text).toBe('when it started');
    expect(readQuestion(kb, 'which alert rule with a funny name caught it').text).toBe(
      'which alert rule with a name caught it',
    );
    expect(readQuestion(kb, 'i remember the ministry doing something odd, what was it').text).toBe(
      'the ministry doing something odd what was it',
    );
    expect(readQuestion(kb, 'they said 10 tenants but my boss wants the final count').text).toBe(
      'they said 10 tenants but the final count',
    );
    expect(readQuestion(kb, 'explain like im a manager: how did they get in').text).toBe('how did they get in');
    expect(readQuestion(kb, 'not sure if this is right, but when did it start?').text).toBe('when did it start');
  });
  it('leaves out a part that only says what is not asked', () => {
    expect(readQuestion(kb, 'the final count from the board, not the early number').text).toBe(
      'the final count from the board',
    );
    expect(readQuestion(kb, 'the second report, rather than the first one').text).toBe('the second report');
    // "…? crypto thefts or whatever": examples of what is asked, not an aside beside it
    expect(readQuestion(kb, 'any losses after the breach? crypto thefts or whatever').text).toBe(
      'any losses after the breach crypto thefts',
    );
    // "quick sanity check: …": why the asker asks
    expect(readQuestion(kb, 'quick sanity check: the attack started in may, right?').text).toBe(
      'the attack started in may right',
    );
    // "… which is right?": a question that only asks whether the context holds asks about the context
    expect(readQuestion(kb, 'our ciso says 25 orgs were hit but the team says 22. which is right?').text).toContain(
      '25 orgs were hit',
    );
    // a part that asks something itself is a question, whatever it starts with
    expect(readQuestion(kb, 'hi, not sure - when did it start?').text).toContain('when did it start');
  });
});
