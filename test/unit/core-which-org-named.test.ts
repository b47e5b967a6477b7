// "which airline leaked the watch list?": a question that asks which organization, about an incident it tells only by
// what happened, gets an answer that names the incident's organization first, even when the fact that leads does
// not. A question that already names the incident gets no such label. Made-up write-up; the project's own language.
import { describe, expect, it } from 'vitest';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const input = madeUpWriteup({
  id: 'quillfeather-air',
  title: 'Quillfeather Air',
  summary: 'In 2023 a regional airline left a build server open to the internet.',
  dates: { start: '2023-01-19' },
  timeline: [
    {
      id: 'q-1',
      date: '2023-01-19',
      title: 'A researcher posts how she found the open build servers',
      detail: 'The researcher found the Ruritania watch list in test data on the open build servers.',
      sources: src,
    },
  ],
});

const { ask } = projectKbWith(input);

describe('which organization', () => {
  it('the answer names the incident when the question tells it only by what happened', () => {
    const a = ask('which airline leaked the ruritania watch list?');
    expect(a.kind).toBe('answer');
    expect(a.title.startsWith('Quillfeather Air: ')).toBe(true);
  });

  it('a question that names the incident gets no label', () => {
    const a = ask('which researcher found the quillfeather air watch list?');
    expect(a.title.startsWith('Quillfeather Air: ')).toBe(false);
  });
});
