// A write-up's event is often titled by its first sentence, cut short with an ellipsis. The fact's text says it
// once: the reader is not shown the headline and then the same sentence again, and the search does not count its
// words twice. A title that says something the detail does not is kept before it. Made-up write-up.
import { describe, expect, it } from 'vitest';
import { incidentSchema } from '../../src/core/model.js';
import { incidentPassages } from '../../src/core/search/passages.js';
import { madeUpWriteup } from '../fixtures/core-across.js';

const incident = incidentSchema.parse(
  madeUpWriteup({
    id: 'ibis-store',
    title: 'Ibis Store (2021)',
    summary: 'In 2021 an intruder copied Ibis Store backups.',
    dates: { start: '2021-01-01' },
    timeline: [
      {
        id: 'i-cut',
        date: '2021-02-01',
        title: 'Ibis Store discloses that "an intruder reached a storage…',
        detail: 'Ibis Store discloses that "an intruder reached a storage account" and copied the nightly backups.',
        sources: ['h-src'],
      },
      {
        id: 'i-headline',
        date: '2021-03-01',
        title: 'Ibis Store resets every key',
        detail: 'All customer keys were rotated within a day.',
        sources: ['h-src'],
      },
    ],
  }),
);

const textOf = (id: string) => incidentPassages(incident).find((p) => p.id === id)?.text;

describe("an event's text", () => {
  it('does not repeat a title that is its first sentence cut short', () => {
    expect(textOf('i-cut')).toBe(
      'Ibis Store discloses that "an intruder reached a storage account" and copied the nightly backups.',
    );
  });

  it('keeps a headline that says something of its own', () => {
    expect(textOf('i-headline')).toBe('Ibis Store resets every key. All customer keys were rotated within a day.');
  });
});
