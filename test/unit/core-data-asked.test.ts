// "what data was exposed in the X leak?": a question for what data was exposed asks what the exposure held, so
// the fact that tells the contents ("the exposed data included …") leads, not one that only says something was
// exposed ("the access keys are exposed"). Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const zorb = madeUpWriteup({
  id: 'zorblab-bucket',
  title: 'Zorblab Bucket',
  summary: 'A public storage bucket of Zorblab, a football league, was found open in 2022.',
  dates: { start: '2022-03-01' },
  timeline: [
    {
      id: 'z-1',
      date: '2022-03-01',
      title: '681 days before disclosure, the Zorblab access keys are exposed',
      sources: src,
    },
  ],
  technique: {
    summary: 'Access keys were left in the public source of a Zorblab website.',
    details: [
      {
        id: 'detail-1',
        title: '',
        text: 'The exposed data included player contracts, passport scans and ticket buyers\u2019 names.',
        sources: src,
      },
    ],
  },
});

const { ask } = projectKbWith(zorb);

describe('"what data was exposed"', () => {
  it.each(['what data was exposed in the zorblab leak?', 'what kind of data got exposed in the zorblab leak'])(
    '"%s" leads with what the exposure held',
    (q) => {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(leadOf(a)).toMatch(/passport scans/);
    },
  );
});
