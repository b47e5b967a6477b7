/**
 * A zod-free check of native incident and synonyms data, so that loading a knowledge base that is valid does not pay
 * for importing zod and building its schemas (most of a cold start's module loading).
 *
 * It mirrors `incidentSchema` and `synonymsSchema` (src/core/model.ts) field by field. It only ever says "valid,
 * and here is the parsed value" or "not sure": when it returns a value, that value equals what the zod schema's
 * `parse` returns — the same keys in the same order, strings trimmed where the schema trims, defaults filled in,
 * unknown keys dropped. On anything else (a missing field, a wrong type, a bad date, a value it does not model) it
 * returns `undefined`, and the caller validates with zod, which reports every problem with its message.
 * test/unit/kb-quick-check.test.ts checks that the shape matches the zod schemas and that the results agree on the
 * shipped data and on many broken variants of it.
 */
import type { DocPath, ProblemList } from './problems.js';

type Spec =
  | { kind: 'string'; trim?: boolean; min?: number; pattern?: RegExp }
  | { kind: 'isoDate' }
  | { kind: 'url' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'array'; element: Spec; min?: number }
  | { kind: 'object'; shape: Readonly<Record<string, Field>> };

/** A field of an object: required (neither flag), `optional`, or `fallback` (zod's `.default(value)`). */
export type Field = Spec & { optional?: true; fallback?: () => unknown };

export const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const ID = /^[a-z0-9][a-z0-9._-]*$/;

const str: Spec = { kind: 'string' };
const text: Spec = { kind: 'string', trim: true, min: 1 };
const id: Spec = { kind: 'string', min: 1, pattern: ID };
const isoDate: Spec = { kind: 'isoDate' };
const strings: Spec = { kind: 'array', element: str };
const sourceIds: Spec = { kind: 'array', element: { kind: 'string', min: 1 }, min: 1 };

const optional = (spec: Spec): Field => ({ ...spec, optional: true });
const orElse = (spec: Spec, value: () => unknown): Field => ({ ...spec, fallback: value });
const emptyList = () => [];
const object = (shape: Record<string, Field>): Spec => ({ kind: 'object', shape });
const listOf = (element: Spec, min?: number): Spec => ({ kind: 'array', element, min });
const oneOf = (...values: string[]): Spec => ({ kind: 'enum', values });

const correctionLinks: Record<string, Field> = {
  corrects: optional(strings),
  supersededBy: optional(str),
  correctionNote: optional(str),
};

const source = object({
  id,
  publisher: text,
  title: text,
  url: { kind: 'url' },
  date: optional(isoDate),
  kind: oneOf('vendor', 'government', 'research', 'press', 'legislature', 'reference', 'other'),
  reliability: optional(oneOf('primary', 'secondary', 'quoted-in')),
  note: optional(str),
});

const timelineEvent = object({
  id,
  date: isoDate,
  endDate: optional(isoDate),
  dateText: optional(str),
  title: text,
  detail: orElse(str, () => ''),
  tags: orElse(strings, emptyList),
  sources: sourceIds,
  ...correctionLinks,
});

const victim = object({
  id,
  kind: oneOf('organization', 'person', 'figure'),
  name: text,
  aliases: orElse(strings, emptyList),
  role: optional(str),
  impact: text,
  date: optional(isoDate),
  count: optional(str),
  sources: sourceIds,
  ...correctionLinks,
});

const statement = object({
  id,
  title: optional(str),
  text,
  date: optional(isoDate),
  tags: orElse(strings, emptyList),
  sources: sourceIds,
  ...correctionLinks,
});

const recommendation = object({
  id,
  title: text,
  why: text,
  action: text,
  prerequisites: optional(str),
  lookFor: optional(str),
  tags: orElse(strings, emptyList),
  sources: sourceIds,
  ...correctionLinks,
});

const indicatorType = oneOf(
  'ip',
  'thumbprint',
  'user-agent',
  'hash',
  'jarm',
  'certificate',
  'uri',
  'pattern',
  'domain',
);

const indicator = object({
  id,
  type: indicatorType,
  value: text,
  role: optional(str),
  firstSeen: optional(isoDate),
  lastSeen: optional(isoDate),
  note: optional(str),
  sources: sourceIds,
});

const glossaryTerm = object({
  id,
  term: text,
  aliases: orElse(strings, emptyList),
  definition: text,
  sources: sourceIds,
});

const detectionField = oneOf('operation', 'appId', 'clientAppId', 'clientIp', 'userAgent', 'keyword');

const detection = object({
  id,
  title: text,
  why: text,
  logs: listOf(oneOf('mailbox-audit', 'sign-in', 'graph-activity', 'any'), 1),
  where: listOf(
    object({
      field: detectionField,
      values: optional(listOf(text)),
      indicators: optional(listOf(indicatorType)),
      forms: optional(listOf(oneOf('value', 'base64url'))),
    }),
    1,
  ),
  newValues: optional(listOf(detectionField)),
  window: optional(object({ from: isoDate, to: isoDate })),
  sources: sourceIds,
});

/** `incidentSchema`, field by field. */
export const INCIDENT: Spec = object({
  id,
  title: text,
  aliases: orElse(strings, emptyList),
  victim: optional(str),
  summary: text,
  status: object({ text, asOf: isoDate, sources: orElse(strings, emptyList) }),
  dates: orElse(
    object({
      start: optional(isoDate),
      end: optional(isoDate),
      detected: optional(isoDate),
      disclosed: optional(isoDate),
    }),
    () => ({}),
  ),
  tags: orElse(strings, emptyList),
  timeline: orElse(listOf(timelineEvent), emptyList),
  victims: orElse(listOf(victim), emptyList),
  attribution: optional(
    object({
      actor: text,
      aliases: orElse(strings, emptyList),
      summary: text,
      details: orElse(listOf(statement), emptyList),
    }),
  ),
  technique: optional(object({ summary: text, details: orElse(listOf(statement), emptyList) })),
  aftermath: orElse(listOf(statement), emptyList),
  recommendations: orElse(listOf(recommendation), emptyList),
  indicators: orElse(listOf(indicator), emptyList),
  glossary: orElse(listOf(glossaryTerm), emptyList),
  lessons: orElse(listOf(statement), emptyList),
  detections: orElse(listOf(detection), emptyList),
  sources: listOf(source, 1),
  origin: orElse(oneOf('native', 'breaches.cloud'), () => 'native'),
  updated: optional(isoDate),
});

/** `synonymsSchema`, field by field. */
export const SYNONYMS: Spec = object({ groups: listOf(listOf({ kind: 'string', min: 1 }, 2)) });

/** Marks "not sure": the caller asks zod. */
const UNSURE: unique symbol = Symbol('unsure');

/**
 * A real calendar date when it has a day, as `isoDate` requires (`YYYY-MM-DD` already matched `ISO_DATE`): the day
 * exists in that month of the proleptic Gregorian calendar, which is what the schema's round trip through `Date`
 * tests.
 */
export function realDate(value: string): boolean {
  if (value.length < 10) return true;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month !== 2) return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (leap ? 29 : 28);
}

/**
 * A URL `z.url()` accepts and returns unchanged: nothing for it to trim, no tab or line break for it to strip, and
 * the URL parser reads it.
 */
export function plainUrl(value: string): boolean {
  return value.trim() === value && !/[\t\n\r]/.test(value) && URL.canParse(value);
}

/** Set by `read` when an object has a key its spec does not know: there are warnings to report. */
let unknownKeys = false;

function read(spec: Spec, value: unknown): unknown {
  switch (spec.kind) {
    case 'string': {
      if (typeof value !== 'string') return UNSURE;
      const out = spec.trim ? value.trim() : value;
      if (spec.min !== undefined && out.length < spec.min) return UNSURE;
      if (spec.pattern && !spec.pattern.test(out)) return UNSURE;
      return out;
    }
    case 'isoDate':
      return typeof value === 'string' && ISO_DATE.test(value) && realDate(value) ? value : UNSURE;
    case 'url':
      return typeof value === 'string' && plainUrl(value) ? value : UNSURE;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? value : UNSURE;
    case 'array': {
      if (!Array.isArray(value)) return UNSURE;
      if (spec.min !== undefined && value.length < spec.min) return UNSURE;
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const item = read(spec.element, value[i]);
        if (item === UNSURE) return UNSURE;
        out.push(item);
      }
      return out;
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return UNSURE;
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      if (!unknownKeys) for (const key of Object.keys(input)) if (!(key in spec.shape)) unknownKeys = true;
      for (const key in spec.shape) {
        const field = spec.shape[key] as Field;
        const given = input[key];
        if (given === undefined) {
          // a key present with the value undefined cannot come from YAML or JSON: left to zod
          if (key in input) return UNSURE;
          if (field.fallback) out[key] = field.fallback();
          else if (!field.optional) return UNSURE;
          continue;
        }
        const item = read(field, given);
        if (item === UNSURE) return UNSURE;
        out[key] = item;
      }
      return out;
    }
  }
}

/**
 * The value `schema.parse(data)` returns for the schema `spec` mirrors, or `undefined` when zod has to decide; and
 * whether some object in `data` has a key the spec does not know (see `warnUnknownKeysBySpec`).
 */
export function quickParse<T>(spec: Spec, data: unknown): { value: T; unknownKeys: boolean } | undefined {
  unknownKeys = false;
  const out = read(spec, data);
  return out === UNSURE ? undefined : { value: out as T, unknownKeys };
}

/**
 * Warns about keys the spec does not know (a misspelt key would otherwise be dropped without a word), in document
 * order. Same walk and warnings as `warnUnknownKeys` in native.ts, which reads the zod schema.
 */
export function warnUnknownKeysBySpec(
  spec: Spec,
  data: unknown,
  path: PropertyKey[],
  lineOf: (path: DocPath) => number,
  problems: ProblemList,
): void {
  if (data === null || typeof data !== 'object') return;
  // `path` is extended and restored in place; a copy is made only for a warning
  if (spec.kind === 'array' && Array.isArray(data)) {
    data.forEach((item, i) => {
      path.push(i);
      warnUnknownKeysBySpec(spec.element, item, path, lineOf, problems);
      path.pop();
    });
  } else if (spec.kind === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) {
      path.push(key);
      // `in`, like the zod walk: a key named after an Object.prototype member is not warned about
      if (!(key in spec.shape)) {
        const at = [...path];
        problems.warn(lineOf(at), at, 'unknown key, ignored');
      } else if (Object.hasOwn(spec.shape, key)) {
        warnUnknownKeysBySpec(spec.shape[key] as Field, value, path, lineOf, problems);
      }
      path.pop();
    }
  }
}

/** Warns about a word that is in two synonym groups. */
export function warnRepeatedSynonyms(
  groups: readonly string[][],
  lineOf: (path: DocPath) => number,
  problems: ProblemList,
): void {
  const seen = new Map<string, number>();
  groups.forEach((group, g) => {
    group.forEach((word, w) => {
      const key = word.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined && first !== g) {
        const at = ['groups', g, w];
        problems.warn(lineOf(at), at, `"${word}" is also in group ${first}; the groups are searched separately`);
      } else seen.set(key, g);
    });
  });
}
