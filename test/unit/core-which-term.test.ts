// "Which audit event would have shown it?": the incident's glossary term whose definition opens by saying it is one
// of that category ("MailboxRead: The audit event recorded when mail items are read") answers, when its name and
// first sentence meet more of the question than any other such term does. A category of one word, or one of people
// or organizations ("which federal agency spotted it"), needs more of the question in that opening ("a company
// bought in 2019" for "some company that was bought. which company?"); else it is left to the other answers. The
// project fixture, plus three terms.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input: IncidentInput = {
  ...alphaInput,
  glossary: [
    ...(alphaInput.glossary ?? []),
    {
      id: 'g-mailsent',
      term: 'MailSent',
      definition: 'The audit event for a message sent from a mailbox.',
      sources: ['s-gov'],
    },
    {
      id: 'g-robotics',
      term: 'Northwind Robotics',
      definition: 'A robotics company bought in 2019 whose engineer’s laptop let the actor in.',
      sources: ['s-gov'],
    },
    {
      id: 'g-cyber-agency',
      term: 'Example Cyber Agency',
      definition: 'The federal cyber defence agency that published the advisory.',
      sources: ['s-gov'],
    },
  ],
  // advice that uses the same words, as advice about mailbox reads does
  recommendations: [
    ...(alphaInput.recommendations ?? []),
    {
      id: 'rec-report-reads',
      title: 'Report mail items read by an unknown app',
      why: 'An audit event showing mail items read by an app you do not know would have shown the intrusion.',
      action: 'Report mail items read by an unknown app to the vendor.',
      tags: ['logging'],
      sources: ['s-gov'],
    },
  ],
};

const { ask } = fixtureKbWithAlpha(input);

describe('"which <category>": the term defined as one', () => {
  it('the audit event whose definition meets the mailbox reads', () => {
    const a = ask('which audit event would have shown the mail items being read?');
    expect(a.kind).toBe('answer');
    expect(a.title).toBe('MailboxRead');
  });

  it('a category of one word, met with what the rest of the question says of it', () => {
    const a = ask('the report says they got in through some company that was bought. which company was that?');
    expect(a.intent).toBe('glossary');
    expect(a.title).toBe('Northwind Robotics');
  });

  it('not a term of the category the question names with one word, or an agency, with nothing more of it met', () => {
    // "The browser email client …" is the only term of category "client": one word is still too wide to tell it by,
    // and "the actor" stands for the incident's attacker, not for anything the term is
    expect(ask('which client did the actor target first?').intent).not.toBe('glossary');
    expect(ask('which federal agency published the advisory?').intent).not.toBe('glossary');
  });
});
