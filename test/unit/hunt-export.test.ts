// Indicator export: the STIX 2.1 bundle validates against OASIS's JSON schemas (../shared/external/stix2.1-schemas,
// draft 2020-12 with ajv) and every pattern is well-formed STIX patterning; JSON and CSV carry every indicator plain.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/model.js';
import { type indicatorRows, indicatorsCsv, indicatorsJson } from '../../src/hunt/indicator-export.js';
import { stixPattern, toStixBundle } from '../../src/hunt/stix.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const schemaDir = path.resolve(root, '../shared/external/stix2.1-schemas');
const BUNDLE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json';

let storm: Incident;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: [path.join(root, 'data/incidents')] });
  storm = loaded.data.incidents.find((i) => i.id === 'storm-0558') as Incident;
});

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? schemaFiles(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : [],
  );
}

/**
 * STIX 2.1 patterning (part 9) for the comparison expressions breachbot writes: one or more
 * `object-type:property.path = 'string'` joined by AND/OR inside square brackets. Object types and property paths
 * are the cyber-observable objects' own.
 */
const OBJECT_PATH =
  /^(ipv4-addr:value|ipv6-addr:value|domain-name:value|url:value|file:hashes\.'(MD5|SHA-1|SHA-256)'|x509-certificate:hashes\.'(MD5|SHA-1|SHA-256)'|network-traffic:extensions\.'http-request-ext'\.request_header\.'[A-Za-z-]+')$/;
function patternProblem(pattern: string): string | undefined {
  const inner = /^\[(.*)\]$/.exec(pattern)?.[1];
  if (inner === undefined) return 'not in square brackets';
  const comparison =
    /^(?<path>[a-z0-9-]+:[A-Za-z0-9_.'-]+?) = '(?<value>(?:[^'\\]|\\['\\])*)'(?:\s+(?:AND|OR)\s+(?<rest>.*))?$/;
  let rest: string | undefined = inner;
  while (rest !== undefined) {
    const m = comparison.exec(rest);
    if (!m?.groups) return `not a comparison: ${rest}`;
    if (!OBJECT_PATH.test(m.groups.path as string)) return `unknown object path ${m.groups.path}`;
    rest = m.groups.rest;
  }
  return undefined;
}

describe('STIX 2.1 export', () => {
  it.skipIf(!existsSync(schemaDir))('validates against the OASIS STIX 2.1 JSON schemas', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
    // ajv-formats is CommonJS with a `default` export: under NodeNext its default import is the module object
    const addFormats = (formatsPlugin as unknown as { default: (a: Ajv2020) => void }).default;
    addFormats(ajv);
    for (const file of schemaFiles(schemaDir)) ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')));
    const validate = ajv.getSchema(BUNDLE);
    if (!validate) throw new Error('bundle schema not found');
    const { bundle } = toStixBundle(storm);
    expect(validate(bundle), JSON.stringify(validate.errors)).toBe(true);
    const indicatorSchema = ajv.getSchema(
      'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/sdos/indicator.json',
    );
    for (const object of bundle.objects.filter((o) => o.type === 'indicator')) {
      expect(indicatorSchema?.(object), JSON.stringify(indicatorSchema?.errors)).toBe(true);
    }
    // the schema check can fail: a pattern-less indicator is refused
    const broken = { ...bundle, objects: [{ ...bundle.objects[1], pattern: undefined }] };
    expect(validate(JSON.parse(JSON.stringify(broken)))).toBe(false);
  });

  it('writes a well-formed pattern for every IP, hash, thumbprint and user agent, and says which it left out', () => {
    const { bundle, omitted } = toStixBundle(storm);
    const indicators = bundle.objects.filter((o) => o.type === 'indicator');
    for (const o of indicators) expect(patternProblem(String(o.pattern)), String(o.pattern)).toBeUndefined();
    expect(indicators.length + omitted.length).toBe(storm.indicators.length);
    for (const i of omitted) expect(stixPattern(i), i.id).toBeUndefined();
    expect(new Set(omitted.map((i) => i.type))).toEqual(expect.objectContaining(new Set(['certificate', 'jarm'])));
    for (const type of ['ip', 'hash', 'user-agent']) {
      expect(
        omitted.some((i) => i.type === type),
        type,
      ).toBe(false);
    }
    const patterns = indicators.map((o) => o.pattern);
    expect(patterns).toContain("[ipv4-addr:value = '195.26.87.219']");
    expect(patterns).toContain("[x509-certificate:hashes.'SHA-1' = 'd4b4cccda9228624656bff33d8110955779632aa']");
    expect(patterns).toContain("[file:hashes.'SHA-1' = '80d315c21fc13365bba5b4d56357136e84ecb2d4']");
    expect(patterns).toContain(
      "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'Client=REST;Client=RESTSystem;;']",
    );
  });

  it('the pattern check refuses malformed patterns (it can fail)', () => {
    expect(patternProblem("ipv4-addr:value = '1.2.3.4'")).toBe('not in square brackets');
    expect(patternProblem("[ipv4-addr:value = '1.2.3.4]")).toMatch(/not a comparison/);
    expect(patternProblem("[ipv4-addr:address = '1.2.3.4']")).toMatch(/unknown object path/);
  });

  it('escapes quotes and backslashes inside pattern strings', () => {
    const pattern = stixPattern({ id: 'x', type: 'user-agent', value: "it's \\ odd", sources: ['s'] });
    expect(pattern).toBe(
      "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'it\\'s \\\\ odd']",
    );
    expect(patternProblem(pattern as string)).toBeUndefined();
  });

  it('takes valid_from and valid_until from first and last seen, and cites the sources', () => {
    const { bundle } = toStixBundle(storm);
    const panel = bundle.objects.find((o) => o.pattern === "[ipv4-addr:value = '195.26.87.219']");
    expect(panel?.valid_from).toBe('2023-05-15T00:00:00.000Z');
    expect(panel?.valid_until).toBe('2023-06-26T00:00:00.000Z');
    expect(panel?.external_references).toEqual([
      expect.objectContaining({ source_name: 'Microsoft Threat Intelligence', url: expect.stringMatching(/^https:/) }),
    ]);
    const sameDay = bundle.objects.find((o) => o.pattern === "[ipv4-addr:value = '5.252.176.8']");
    expect(sameDay?.valid_from).toBe('2023-07-01T00:00:00.000Z');
    expect(sameDay?.valid_until).toBe('2023-07-02T00:00:00.000Z');
  });

  it('has one identity that every indicator names as its producer, and stable ids', () => {
    const first = toStixBundle(storm).bundle;
    const again = toStixBundle(storm).bundle;
    expect(again).toEqual(first);
    const identities = first.objects.filter((o) => o.type === 'identity');
    expect(identities).toHaveLength(1);
    for (const o of first.objects.filter((x) => x.type === 'indicator'))
      expect(o.created_by_ref).toBe(identities[0]?.id);
    const ids = first.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('JSON and CSV export', () => {
  it('JSON lists every indicator with type, value, first and last seen, role and sources, values plain', () => {
    const rows = JSON.parse(indicatorsJson(storm)) as ReturnType<typeof indicatorRows>;
    expect(rows).toHaveLength(storm.indicators.length);
    expect(rows.find((r) => r.value === '195.26.87.219')).toEqual({
      type: 'ip',
      value: '195.26.87.219',
      firstSeen: '2023-05-15',
      lastSeen: '2023-06-25',
      role: expect.any(String),
      sources: ['ms-0714'],
    });
    expect(JSON.stringify(rows)).not.toContain('[.]');
  });

  it('CSV has a header and one record per indicator, quoting values with commas and quotes', () => {
    const csv = indicatorsCsv(storm);
    const records = parseCsv(csv, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0] ?? {})).toEqual(['type', 'value', 'firstSeen', 'lastSeen', 'role', 'sources']);
    expect(records.map((r) => r.value)).toEqual(storm.indicators.map((i) => i.value));
    expect(csv).toContain('"""Microsoft Edge"";v=""113""');
  });
});
