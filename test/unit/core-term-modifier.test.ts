// "what was the CSRB verdict" ("the WM verdict" here): a glossary term before the subject's last word only says
// whose or which thing is asked about. The term's definition answered; the fact about the verdict is what was asked
// for. A term after a joining word ("the acme angle in X") is what the thing is in, not what is asked about either.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input: IncidentInput = {
  ...alphaInput,
  aftermath: [
    ...(alphaInput.aftermath ?? []),
    {
      id: 'af-webmail-verdict',
      text: 'Webmail verdict: the review called the webmail token flaw avoidable and asked for a redesign.',
      sources: ['s-gov'],
    },
  ],
};
const { ask } = fixtureKbWithAlpha(input);

describe('a glossary term that modifies what is asked about', () => {
  it('is not defined: the fact about the thing asked leads', () => {
    const a = ask('what was the WM verdict');
    expect(a.kind).toBe('answer');
    expect(a.title).not.toBe('Webmail (WM)');
    expect(`${a.title} ${a.facts[0]?.text}`).toMatch(/avoidable/);
  });

  it('the term asked about by itself is still defined', () => {
    expect(ask('what is webmail').title).toBe('Webmail (WM)');
    expect(ask('what is the mailbox read event').title).toBe('MailboxRead');
  });
});
