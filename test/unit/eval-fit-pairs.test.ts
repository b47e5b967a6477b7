// The confidence model weighs each feature and the product of every two: a signal can count for more where
// another holds. Fitted on points that only a product separates, the fit with products ranks them and the fit
// without cannot; the core reads a product weight the same way the fit wrote it.
import { describe, expect, it } from 'vitest';
import { fitConfidence, type LabelledPoint, modelInputs, predict } from '../../src/cli/eval-fit.js';
import { rocAuc } from '../../src/cli/eval-score.js';
import { inputValue, probability } from '../../src/core/compose/confidence.js';

/** Right exactly when both signals agree (both on or both off): no weighted sum of the two can rank that. */
const agreeing: LabelledPoint[] = [];
for (let i = 0; i < 40; i++)
  for (const [a, b] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ] as const)
    agreeing.push({ features: { a, b }, right: a === b, search: true });

const aucOf = (model: ReturnType<typeof fitConfidence>) =>
  rocAuc(agreeing.map((p) => ({ score: predict(model, p.features), right: p.right })));

describe('a confidence model with products of features', () => {
  it('reads a product input as the product of its two features', () => {
    expect(inputValue({ a: 0.5, b: 0.4 }, 'a*b')).toBeCloseTo(0.2);
    expect(inputValue({ a: 0.5 }, 'a*b')).toBe(0);
    expect(inputValue({ a: 0.5 }, 'a')).toBe(0.5);
    const model = { bias: 0, weights: { 'a*b': 2 }, threshold: 0 };
    expect(probability(model, { a: 1, b: 1 })).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(probability(model, { a: 1, b: 0 })).toBe(0.5);
  });

  it('lists every feature, then each product that is not zero on every point', () => {
    const points: LabelledPoint[] = [
      { features: { a: 1, b: 1, c: 0 }, right: true, search: true },
      { features: { a: 0, b: 1, c: 1 }, right: false, search: true },
    ];
    expect(modelInputs(points)).toEqual(['a', 'b', 'c', 'a*b', 'b*c']);
    expect(modelInputs(points, false)).toEqual(['a', 'b', 'c']);
  });

  it('ranks what only a product separates, where the features alone cannot', () => {
    const withPairs = fitConfidence(agreeing);
    const alone = fitConfidence(agreeing, { pairs: false });
    expect(Object.keys(withPairs.weights)).toContain('a*b');
    expect(aucOf(withPairs)).toBeGreaterThan(0.95);
    expect(aucOf(alone)).toBeLessThan(0.6);
    // the core's probability and the fit's prediction agree
    const x = { a: 1, b: 0 };
    expect(probability(withPairs, x)).toBeCloseTo(predict(withPairs, x), 10);
  });
});
