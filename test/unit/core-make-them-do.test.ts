// "What did the regulator make the company do?": "make" with "do" after the one made asks for an order, so the
// fact that says what was ordered leads, not a complaint that meets the question's other words as well. The
// project fixture, plus two dated facts of a regulator.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input: IncidentInput = {
  ...alphaInput,
  timeline: [
    ...(alphaInput.timeline ?? []),
    {
      id: 'e-complaint',
      date: '2023-09-01',
      title: 'The Omega Commission files a complaint against Alpha Cloud',
      detail: 'The Omega Commission filed a complaint against Alpha Cloud.',
      tags: ['regulator'],
      sources: ['s-gov'],
    },
    {
      id: 'e-settlement',
      date: '2023-12-01',
      title: 'The Omega Commission settles with Alpha Cloud',
      detail: 'The Omega Commission ordered Alpha Cloud to run a security program and to delete data it did not need.',
      tags: ['regulator'],
      sources: ['s-gov'],
    },
  ],
};
const { kb, ask } = fixtureKbWithAlpha(input);

describe('"what did X make Y do"', () => {
  it('leads with the order', () => {
    const a = ask('what did the omega commission make alpha cloud do?');
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toContain('ordered');
  });

  it('reads "make" as a general word when no "do" follows', () => {
    const reading = readQuestion(kb, 'what changes did alpha cloud make to its key handling?');
    const make = reading.query.concepts.find((c) => c.text === 'make');
    expect(make?.terms.map((t) => t.term) ?? []).not.toContain('order');
  });
});
