// Detections as data: the schema reads them, and the cross-checks refuse a detection that would generate a query
// searching for nothing or for the wrong thing (no values, an indicator type the incident lacks, base64url of a
// value that is not hex, an unknown source, a window that ends before it starts, a repeated id).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNativeIncident } from '../../src/kb/native.js';

const root = path.resolve(import.meta.dirname, '../..');
const shipped = readFileSync(path.join(root, 'data/incidents/storm-0558.yaml'), 'utf8');

const base = `id: demo
title: Demo incident
summary: A demo.
status: { text: Open., asOf: 2024-01-01 }
indicators:
  - { id: ioc-ip, type: ip, value: 192.0.2.1, firstSeen: 2023-01-02, lastSeen: 2023-01-05, sources: [s1] }
  - { id: ioc-ua, type: user-agent, value: "Agent/1.0", sources: [s1] }
sources:
  - { id: s1, publisher: Example, title: Example report, url: "https://example.org/r", kind: vendor }
`;

function problemsOf(detections: string): string[] {
  const result = parseNativeIncident('demo.yaml', `${base}detections:\n${detections}`);
  return result.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);
}

describe('detections in incident data', () => {
  it('loads the shipped Storm-0558 detections with every condition resolvable', () => {
    const result = parseNativeIncident('storm-0558.yaml', shipped);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const ids = result.incident?.detections.map((d) => d.id);
    expect(ids).toEqual(['mailitemsaccessed-new-app', 'indicator-ips', 'indicator-user-agents', 'signing-key-id']);
  });

  it('accepts a detection whose values come from indicators', () => {
    const ok = `  - { id: d1, title: T, why: W, logs: [sign-in], where: [{ field: clientIp, indicators: [ip] }], sources: [s1] }\n`;
    expect(problemsOf(ok)).toEqual([]);
  });

  it('refuses a condition with neither values nor indicators', () => {
    const bad = `  - { id: d1, title: T, why: W, logs: [sign-in], where: [{ field: clientIp }], sources: [s1] }\n`;
    expect(problemsOf(bad)).toEqual([
      'detections[0].where[0]: a condition needs "values" or "indicators" (the types whose values it takes)',
    ]);
  });

  it('refuses indicators of a type the incident does not have', () => {
    const bad = `  - { id: d1, title: T, why: W, logs: [any], where: [{ field: keyword, indicators: [thumbprint] }], sources: [s1] }\n`;
    expect(problemsOf(bad)).toEqual([
      'detections[0].where[0].indicators[0]: no indicator of type "thumbprint" in this incident, so nothing to search for',
    ]);
  });

  it('refuses base64url when no indicator of the type has a hex value', () => {
    const bad = `  - { id: d1, title: T, why: W, logs: [any], where: [{ field: keyword, indicators: [user-agent], forms: [base64url] }], sources: [s1] }\n`;
    expect(problemsOf(bad)).toEqual([
      'detections[0].where[0].indicators[0]: "base64url" converts hex values, and no "user-agent" indicator has one',
    ]);
  });

  it('refuses an unknown source, a backwards window and a repeated id', () => {
    const bad = [
      `  - { id: d1, title: T, why: W, logs: [any], where: [{ field: keyword, values: [x] }], window: { from: 2023-05-01, to: 2023-04-01 }, sources: [nope] }`,
      `  - { id: d1, title: T, why: W, logs: [any], where: [{ field: keyword, values: [x] }], sources: [s1] }`,
      '',
    ].join('\n');
    expect(problemsOf(bad)).toEqual([
      'detections[0].sources[0]: unknown source id "nope" (not in this incident\'s sources)',
      'detections[0].window.to: window.to 2023-04-01 is before window.from 2023-05-01',
      'detections[1].id: duplicate detection id "d1" (first at line 11)',
    ]);
  });

  it('refuses a log or field name the generators do not know', () => {
    const bad = `  - { id: d1, title: T, why: W, logs: [proxy], where: [{ field: host, values: [x] }], sources: [s1] }\n`;
    const problems = problemsOf(bad);
    expect(problems.some((p) => p.startsWith('detections[0].logs[0]:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('detections[0].where[0].field:'))).toBe(true);
  });
});
