/**
 * Fits the confidence model (src/core/compose/confidence.ts) on labelled answers: logistic regression over the
 * answer features and the products of every two of them, each point an answer that `eval --json` judged right or
 * wrong. Also picks the threshold below which a search answer becomes `clarify`: the one that turns the most wrong
 * answers into questions back for the fewest right ones lost. Deterministic: same points, same model.
 *
 * @example
 * const model = fitConfidence(points); // { bias, weights, threshold, fitted }
 */
import { inputValue } from '../core/compose/confidence.js';
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
  for (const [name, w] of Object.entries(model.weights)) z += w * inputValue(x, name);
  return sigmoid(z);
}

/**
 * The model's inputs: every feature, then the product of every two features that is not zero on every point (two
 * kinds of question never hold together). Held-out blind sets rank answers better with the products than without.
 */
export function modelInputs(points: readonly LabelledPoint[], pairs = true): string[] {
  const names = [...new Set(points.flatMap((p) => Object.keys(p.features)))].sort();
  if (!pairs) return names;
  const products: string[] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const name = `${names[i]}*${names[j]}`;
      if (points.some((p) => inputValue(p.features, name) !== 0)) products.push(name);
    }
  return [...names, ...products];
}

/**
 * Logistic regression by batch gradient descent, with the threshold chosen on the same points. `pairs: false`
 * fits the features alone.
 */
export function fitConfidence(points: readonly LabelledPoint[], options: { pairs?: boolean } = {}): ConfidenceModel {
  const names = modelInputs(points, options.pairs ?? true);
  const rows = points.map((p) => Float64Array.from(names, (name) => inputValue(p.features, name)));
  const w = new Float64Array(names.length);
  let bias = 0;
  const n = Math.max(1, points.length);
  const g = new Float64Array(names.length);
  for (let step = 0; step < STEPS; step++) {
    let gBias = 0;
    g.fill(0);
    points.forEach((p, i) => {
      const x = rows[i] as Float64Array;
      let z = bias;
      for (let k = 0; k < x.length; k++) z += (w[k] as number) * (x[k] as number);
      const err = sigmoid(z) - (p.right ? 1 : 0);
      gBias += err;
      for (let k = 0; k < x.length; k++) g[k] = (g[k] as number) + err * (x[k] as number);
    });
    bias -= (RATE * gBias) / n;
    for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) - RATE * ((g[k] as number) / n + L2 * (w[k] as number));
  }
  const weights: Record<string, number> = Object.fromEntries(names.map((name, k) => [name, w[k] as number]));
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
