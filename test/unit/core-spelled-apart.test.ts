// "who was behind the lark book hack": a one-word incident name written as two words names that incident, in the
// slot where the question names its incident too, not an incident that is not loaded. Made-up write-up; the
// project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const larkbook = madeUpWriteup({
  id: 'larkbook',
  title: 'LarkBook',
  summary:
    'In 2023 a hacker who calls herself Wren Kestrel copied the LarkBook passenger list from an open build server.',
  dates: { start: '2023-01-10' },
  attribution: { actor: 'Wren Kestrel', summary: 'Wren Kestrel, a hacker, claimed the attack.', details: [] },
});

const { kb, ask } = projectKbWith(larkbook);

describe('a one-word name written as two words', () => {
  it('names the loaded incident, not an unknown one', () => {
    expect(readQuestion(kb, 'who was behind the lark book hack').unknown).toBeUndefined();
    const a = ask('who was behind the lark book hack');
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toContain('Wren Kestrel');
  });
});
