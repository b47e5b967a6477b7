/**
 * Fits the confidence model (src/core/compose/confidence.ts) on labelled answers: logistic regression over the
 * answer features, each point an answer that `eval --json` judged right or wrong. Also picks the threshold below
 * which a search answer becomes `clarify`: the one that turns the most wrong answers into questions back for the
 * fewest right ones lost. Deterministic: same points, same model.
 *
 * @example
 * const model = fitConfidence(points); // { bias, weights, threshold, fitted }
 */
import type { ConfidenceModel } from '../core/model.js';

export interface LabelledPoint {
  features: Record<string, number>;
  right: boolean;
  /** the answer came from search (only those may become `clarify`) */
  search: boolean;
}

/** Gradient steps, learning rate and L2 penalty: small, fixed, enough for a dozen features. */
const STEPS = 4000;
const RATE = 0.5;
const L2 = 0.001;
/** Thresholds tried for turning search answers into `clarify`. */
const THRESHOLDS = [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's probability for one point. */
export function predict(model: Pick<ConfidenceModel, 'bias' | 'weights'>, x: Record<string, number>): number {
  let z = model.bias;
  for (const [name, w] of Object.entries(model.weights)) z += w * (x[name] ?? 0);
  return sigmoid(z);
}

/** Logistic regression by batch gradient descent, with the threshold chosen on the same points. */
export function fitConfidence(points: readonly LabelledPoint[]): ConfidenceModel {
  const names = [...new Set(points.flatMap((p) => Object.keys(p.features)))].sort();
  const weights: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  let bias = 0;
  const n = Math.max(1, points.length);
  for (let step = 0; step < STEPS; step++) {
    let gBias = 0;
    const g: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
    for (const p of points) {
      const err = predict({ bias, weights }, p.features) - (p.right ? 1 : 0);
      gBias += err;
      for (const name of names) g[name] = (g[name] ?? 0) + err * (p.features[name] ?? 0);
    }
    bias -= (RATE * gBias) / n;
    for (const name of names)
      weights[name] = (weights[name] ?? 0) - RATE * ((g[name] ?? 0) / n + L2 * (weights[name] ?? 0));
  }
  const model = { bias, weights };
  let threshold = 0;
  let bestGain = 0;
  for (const t of THRESHOLDS) {
    let gain = 0;
    for (const p of points) if (p.search && predict(model, p.features) < t) gain += p.right ? -1 : 1;
    if (gain > bestGain) {
      bestGain = gain;
      threshold = t;
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    bias: round(bias),
    weights: Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, round(v)])),
    threshold,
    fitted: { points: points.length, right: points.filter((p) => p.right).length },
  };
}
