/**
 * A detection made concrete for one incident: each condition's values (literal, or taken from the incident's
 * indicators, in the forms asked for) and the period to search. Every generator starts from this, so the values in
 * a query are always the knowledge base's own.
 */
import type { Detection, DetectionField, Incident, Indicator } from '../core/model.js';

export interface ResolvedCondition {
  field: DetectionField;
  values: string[];
}

/** An inclusive period of whole days, `from` and `to` as `YYYY-MM-DD`. */
export interface SearchWindow {
  from: string;
  to: string;
}

export interface ResolvedDetection {
  detection: Detection;
  conditions: ResolvedCondition[];
  /** the period to search; undefined: no time limit (or, for a baseline detection, a rolling one) */
  window?: SearchWindow;
  /** where the window came from: the detection's own `window`, or the span of its indicators' dates */
  windowFrom?: 'detection' | 'indicators';
}

/**
 * The base64url form of a hex string (RFC 4648 §5, no padding): how a JWT header's `kid` names a key whose
 * thumbprint is that hex.
 *
 * @example
 * hexToBase64Url('d4b4cc') // '1LTM'
 */
export function hexToBase64Url(hex: string): string {
  const pairs = hex.match(/[0-9a-f]{2}/gi) ?? [];
  const binary = pairs.map((pair) => String.fromCharCode(Number.parseInt(pair, 16))).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The first day of an ISO date of any precision (`2023-04` → `2023-04-01`). */
export function firstDay(date: string): string {
  if (date.length >= 10) return date.slice(0, 10);
  if (date.length === 7) return `${date}-01`;
  return `${date.slice(0, 4)}-01-01`;
}

/** The last day of an ISO date of any precision (`2023-02` → `2023-02-28`). */
export function lastDay(date: string): string {
  if (date.length >= 10) return date.slice(0, 10);
  const year = Number(date.slice(0, 4));
  const month = date.length === 7 ? Number(date.slice(5, 7)) : 12;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day after `YYYY-MM-DD`: the exclusive end of a window, for query languages that compare instants. */
export function dayAfter(day: string): string {
  const next = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + 1));
  return next.toISOString().slice(0, 10);
}

const HEX = /^(?:[0-9a-f]{2})+$/i;

/**
 * The values of the indicators in each form asked for. `base64url` converts a hex value; a value that is not hex
 * (a kid the data already gives in base64url) is searched as stored.
 */
function indicatorValues(indicators: readonly Indicator[], forms: readonly string[]): string[] {
  const out: string[] = [];
  for (const indicator of indicators) {
    for (const form of forms) {
      out.push(form === 'base64url' && HEX.test(indicator.value) ? hexToBase64Url(indicator.value) : indicator.value);
    }
  }
  return [...new Set(out)];
}

/** The indicators' first-seen to last-seen span, when every one of them has both dates. */
function spanOf(indicators: readonly Indicator[]): SearchWindow | undefined {
  if (indicators.length === 0 || indicators.some((i) => !i.firstSeen || !i.lastSeen)) return undefined;
  const from = indicators.map((i) => firstDay(i.firstSeen as string)).sort()[0] as string;
  const to = indicators
    .map((i) => lastDay(i.lastSeen as string))
    .sort()
    .at(-1) as string;
  return { from, to };
}

/** Resolves one detection against its incident. */
export function resolveDetection(incident: Incident, detection: Detection): ResolvedDetection {
  const referenced: Indicator[] = [];
  const conditions = detection.where.map((condition) => {
    const types = new Set(condition.indicators ?? []);
    const matched = incident.indicators.filter((i) => types.has(i.type));
    referenced.push(...matched);
    const values = [...(condition.values ?? []), ...indicatorValues(matched, condition.forms ?? ['value'])];
    return { field: condition.field, values: [...new Set(values)] };
  });
  if (detection.window) {
    const window = { from: firstDay(detection.window.from), to: lastDay(detection.window.to) };
    return { detection, conditions, window, windowFrom: 'detection' };
  }
  const span = detection.newValues ? undefined : spanOf(referenced);
  return { detection, conditions, ...(span ? { window: span, windowFrom: 'indicators' as const } : {}) };
}
