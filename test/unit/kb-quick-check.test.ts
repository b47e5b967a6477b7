// The zod-free check of incident and synonyms data: its shape is the zod schemas' shape, and whenever it settles a
// document its value (keys and their order included), its warnings and its problems equal what the zod path gives.
// On anything else it must give up, and the loader validates with zod.
import { readdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { incidentSchema, synonymsSchema } from '../../src/core/model.js';
import { isIpAddress } from '../../src/kb/cross-checks.js';
import { readDocument } from '../../src/kb/document.js';
import { parseNativeIncident, warnUnknownKeys } from '../../src/kb/native.js';
import { readNativeQuick, readSynonymsQuick } from '../../src/kb/native-quick.js';
import { ProblemList } from '../../src/kb/problems.js';
import {
  type Field,
  HTTP_PROTOCOL,
  INCIDENT,
  ISO_DATE,
  quickParse,
  realDate,
  SYNONYMS,
} from '../../src/kb/quick-check.js';
import { parseSynonyms } from '../../src/kb/synonyms.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shipped = path.join(root, 'data', 'incidents', 'storm-0558.yaml');
const fixtureDirs = ['valid', 'broken', 'syntax', 'alias-clash'].map((d) => path.join(root, 'test/fixtures/kb', d));

type Check = { check: string; minimum?: number; pattern?: RegExp; format?: string };
type Def = {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  entries?: Record<string, string>;
  format?: string;
  protocol?: RegExp;
  checks?: Array<{ _zod: { def: Check } }>;
};
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** A zod def's checks, in order, as words: `trim`, `min 1`, `regex …`, `refine`, `url`. */
function checksOf(def: Def): string[] {
  const out = def.format === 'url' ? [`url ${def.protocol?.source ?? 'any'}`] : [];
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    if (c.check === 'overwrite') out.push('trim');
    else if (c.check === 'min_length') out.push(`min ${c.minimum}`);
    else if (c.check === 'string_format' && c.format === 'regex') out.push(`regex ${c.pattern?.source}`);
    else if (c.check === 'custom') out.push('refine');
    else out.push(`unknown ${c.check}`);
  }
  return out;
}

/** The zod schema's structure in the quick check's terms: kinds, checks, keys in order, required/optional/default. */
function zodShape(schema: unknown): unknown {
  let def = defOf(schema);
  let presence = 'required';
  for (;;) {
    if (def.type === 'optional') presence = 'optional';
    else if (def.type === 'default') presence = 'default';
    else break;
    def = defOf(def.innerType);
  }
  const at = (kind: unknown) => ({ presence, kind, checks: checksOf(def) });
  if (def.type === 'object')
    return at(Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, zodShape(v)])));
  if (def.type === 'array') return at({ array: zodShape(def.element) });
  if (def.type === 'enum') return at({ enum: Object.values(def.entries ?? {}) });
  return at(def.type);
}

function specShape(field: Field): unknown {
  const presence = field.optional ? 'optional' : field.fallback ? 'default' : 'required';
  const at = (kind: unknown, checks: string[] = []) => ({ presence, kind, checks });
  switch (field.kind) {
    case 'object':
      return at(Object.fromEntries(Object.entries(field.shape).map(([k, v]) => [k, specShape(v)])));
    case 'array':
      return at({ array: specShape(field.element) }, field.min === undefined ? [] : [`min ${field.min}`]);
    case 'enum':
      return at({ enum: [...field.values] });
    case 'isoDate':
      return at('string', [`regex ${ISO_DATE.source}`, 'refine']);
    case 'url':
      return at('string', [`url ${HTTP_PROTOCOL.source}`]);
    case 'string':
      return at('string', [
        ...(field.trim ? ['trim'] : []),
        ...(field.min === undefined ? [] : [`min ${field.min}`]),
        ...(field.pattern ? [`regex ${field.pattern.source}`] : []),
      ]);
  }
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every node of `value` with its path. */
function nodes(value: unknown, at: PropertyKey[] = [], out: Array<{ at: PropertyKey[]; value: unknown }> = []) {
  out.push({ at, value });
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) nodes(item, [...at, i], out);
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nodes(v, [...at, k], out);
  return out;
}

const REPLACEMENTS: unknown[] = [
  null,
  0,
  7,
  true,
  '',
  '   ',
  ' padded ',
  'x',
  'Upper-Case',
  '2023',
  '2023-06',
  '2023-02-29',
  '2024-02-29',
  '2023-04-31',
  '2023-13',
  '2023-6-1',
  'https://example.com/a',
  ' https://example.com/ ',
  'https://exa\tmple.com/',
  'not a url',
  'mailto:someone@example.com',
  'vendor',
  'organization',
  'ip',
  'native',
  'breaches.cloud',
  [],
  ['a'],
  [''],
  {},
  { id: 'x' },
];

/** A copy of `data` with one random change: a value replaced, a key removed or added, an item dropped. */
function mutate(data: unknown, next: () => number): unknown {
  const copy = structuredClone(data);
  const all = nodes(copy);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const { at } = pick(all.slice(1));
  const parent = at.slice(0, -1).reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], copy);
  const key = at[at.length - 1] as PropertyKey;
  const holder = parent as Record<PropertyKey, unknown>;
  const roll = next();
  if (roll < 0.6) holder[key] = structuredClone(pick(REPLACEMENTS));
  else if (roll < 0.75) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete holder[key];
  } else if (roll < 0.85 && !Array.isArray(parent)) holder.sorce_note = 'typo';
  else if (typeof holder[key] === 'string') holder[key] = `${holder[key]} `;
  else holder[key] = structuredClone(pick(REPLACEMENTS));
  return copy;
}

const unknownKeyWarnings = (data: unknown) => {
  const problems = new ProblemList('f');
  warnUnknownKeys(incidentSchema, data, [], { lineOf: () => 1, lineAt: () => 1 }, problems);
  return problems.items.length;
};

/** When the quick check settles `data`, zod agrees: same value, same key order, warnings exactly when it says. */
function expectAgrees(data: unknown): boolean {
  const quick = quickParse(INCIDENT, data);
  if (!quick) return false;
  const zod = incidentSchema.safeParse(data, { jitless: true });
  expect(zod.success, JSON.stringify(zod.error?.issues)).toBe(true);
  expect(JSON.stringify(quick.value)).toBe(JSON.stringify(zod.data));
  expect(quick.value).toEqual(zod.data);
  expect(quick.unknownKeys).toBe(unknownKeyWarnings(data) > 0);
  return true;
}

describe('quick check: shape', () => {
  it('has the keys and their order, kinds, checks, enum values and optional/default markers of incidentSchema', () => {
    expect(specShape(INCIDENT as Field)).toEqual(zodShape(incidentSchema));
  });

  it('has the shape of synonymsSchema', () => {
    expect(specShape(SYNONYMS as Field)).toEqual(zodShape(synonymsSchema));
  });
});

describe('quick check: same result as zod', () => {
  const data = readDocument(readFileSync(shipped, 'utf8'), new ProblemList(shipped)).data;

  it('settles the shipped incident with the value zod gives', () => {
    expect(expectAgrees(data)).toBe(true);
  });

  it('never settles a broken variant differently from zod (500 random changes)', () => {
    const next = random(558);
    let settled = 0;
    let refused = 0;
    for (let i = 0; i < 500; i++) {
      const variant = mutate(data, next);
      if (expectAgrees(variant)) settled++;
      else {
        refused++;
        // whatever it refuses, zod may accept or reject; when zod rejects, the quick check must have refused
      }
      if (!incidentSchema.safeParse(variant, { jitless: true }).success)
        expect(quickParse(INCIDENT, variant)).toBeUndefined();
    }
    // both ways are exercised
    expect(settled).toBeGreaterThan(25);
    expect(refused).toBeGreaterThan(25);
    // 500 clones and parses of the whole shipped file: about 6 s on a quiet machine, 3x that on a shared, loaded one
  }, 60_000);

  it('agrees with zod on URLs, ids, texts and dates at the edges', () => {
    const edges: Array<[PropertyKey[], unknown[]]> = [
      [
        ['sources', 0, 'url'],
        [
          'https://example.com/a?b=c#d',
          'http://[::1]:8080/',
          'https://example.com/\u00a0',
          '\u00a0https://example.com/',
          '\ufeffhttps://example.com/',
          'https://exa\nmple.com/',
          'https://example.com/a b',
          'urn:isbn:0451450523',
          'ftp://example.com/a',
          'mailto:someone@example.com',
          'javascript:alert(1)',
          'HTTPS://EXAMPLE.COM/',
          'file:///etc/hosts',
          'https:example.com',
          '//example.com',
          'https://',
        ],
      ],
      [['id'], ['storm-0558', 'a', '0.a_b-c', 'A', '-a', 'a b', '', ' a']],
      [['title'], ['T', ' T ', '\u00a0', '\t', 'x\n']],
      [
        ['status', 'asOf'],
        ['2023', '2023-02', '2023-02-28', '2023-02-29', '2024-02-29', '0000-02-29', '2023-2-1', '23'],
      ],
    ];
    for (const [at, values] of edges)
      for (const value of values) {
        const variant = structuredClone(data) as Record<PropertyKey, unknown>;
        const parent = at.slice(0, -1).reduce<unknown>((n, k) => (n as Record<PropertyKey, unknown>)[k], variant);
        (parent as Record<PropertyKey, unknown>)[at[at.length - 1] as PropertyKey] = value;
        expectAgrees(variant);
        if (!incidentSchema.safeParse(variant, { jitless: true }).success)
          expect(quickParse(INCIDENT, variant), JSON.stringify(value)).toBeUndefined();
      }
  });

  it('agrees with zod on the synonyms, and refuses what zod rejects', () => {
    const file = path.join(root, 'data', 'synonyms.yaml');
    const syn = readDocument(readFileSync(file, 'utf8'), new ProblemList(file)).data;
    const next = random(7);
    for (const variant of [syn, ...Array.from({ length: 300 }, () => mutate(syn, next))]) {
      const quick = quickParse(SYNONYMS, variant);
      const zod = synonymsSchema.safeParse(variant, { jitless: true });
      if (quick) expect(JSON.stringify(quick.value)).toBe(JSON.stringify(zod.data));
      if (!zod.success) expect(quick).toBeUndefined();
    }
  });

  it('treats calendar dates as the Date round trip does', () => {
    const byDate = (value: string) => {
      const parsed = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
    };
    for (const year of ['0000', '0004', '0100', '1900', '2000', '2023', '2024', '2100', '2400', '9999'])
      for (let month = 1; month <= 12; month++)
        for (let day = 1; day <= 31; day++) {
          const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(realDate(value), value).toBe(byDate(value));
        }
  });

  it('recognises IP addresses as net.isIP does', () => {
    for (const value of [
      '195.26.87.219',
      '0.0.0.0',
      '255.255.255.255',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3',
      '1.2.3.4.5',
      '1.2.3.-4',
      '[203.0.113.7]',
      '203.0.113[.]7',
      '203.0.113.7:443',
      '::1',
      '2001:db8::1',
      'fe80::1%eth0',
      '',
      ' 1.2.3.4',
      '1.2.3.4 ',
      '1e2.1.1.1',
      '0x7f.0.0.1',
    ])
      expect(isIpAddress(value), value).toBe(isIP(value) !== 0);
  });
});

describe('quick check: same problems and incident as the zod path', () => {
  const files = [shipped, path.join(root, 'data', 'synonyms.yaml')];
  for (const dir of fixtureDirs) {
    const entries = readdirSync(dir);
    const folder = entries.includes('incidents') ? path.join(dir, 'incidents') : dir;
    for (const name of readdirSync(folder)) files.push(path.join(folder, name));
    if (entries.includes('synonyms.yaml')) files.push(path.join(dir, 'synonyms.yaml'));
  }

  it('for every incident file it settles', () => {
    let settled = 0;
    for (const file of files.filter((f) => !f.endsWith('synonyms.yaml'))) {
      const text = readFileSync(file, 'utf8');
      const quick = readNativeQuick(file, text);
      if (!quick) continue;
      settled++;
      const zod = parseNativeIncident(file, text);
      expect(quick.problems, file).toEqual(zod.problems);
      expect(JSON.stringify(quick.incident), file).toBe(JSON.stringify(zod.incident));
    }
    expect(settled).toBeGreaterThanOrEqual(4);
  });

  it('for every synonyms file it settles', () => {
    for (const file of files.filter((f) => f.endsWith('synonyms.yaml'))) {
      const text = readFileSync(file, 'utf8');
      const quick = readSynonymsQuick(file, text);
      if (quick) expect(quick, file).toEqual(parseSynonyms(file, text));
    }
  });
});
