// The command line of issue 15 items 2, 3 and 6: `breachbot hunt`, `breachbot indicators`, `breachbot new incident`,
// and `breachbot ask hunt …` answered through the shared message handler.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { incidentSkeleton } from '../../src/cli/incident-skeleton.js';
import { main } from '../../src/cli.js';
import { captureIo } from '../cli-io.js';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'breachbot-hunt-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}, cwd = root) {
  const io = captureIo({ env, cwd });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('breachbot hunt', () => {
  it('prints KQL by default, each query under its detection id', async () => {
    const { code, out } = await cli(['hunt']);
    expect(code).toBe(0);
    expect(out).toContain('// [indicator-ips] Microsoft Sentinel');
    expect(out).toContain('OfficeActivity');
    expect(out).toContain('"195.26.87.219"');
  });

  it('prints each platform with --format', async () => {
    expect((await cli(['hunt', '--format', 'spl'])).out).toContain('sourcetype="o365:management:activity"');
    expect((await cli(['hunt', '--format', 'powershell'])).out).toContain('Search-UnifiedAuditLog');
    const sigma = (await cli(['hunt', '--format', 'sigma'])).out;
    expect(sigma.split('\n---\n').length).toBeGreaterThanOrEqual(4);
    expect(sigma).toContain('logsource:');
  });

  it('--format json is one array of { id, title, platform, query, why, sources } over every platform', async () => {
    const { code, out } = await cli(['hunt', '--format', 'json', '--incident', 'storm-0558']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(new Set(rows.map((r) => r.platform))).toEqual(new Set(['kql', 'spl', 'powershell', 'sigma']));
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'title', 'platform', 'query', 'why', 'sources']));
      expect((row.sources as string[]).length).toBeGreaterThan(0);
    }
  });

  it('exits 2 with the usage on an unknown format, option or incident', async () => {
    const format = await cli(['hunt', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.err).toContain('unknown format "xml"');
    expect((await cli(['hunt', '--bogus'])).code).toBe(2);
    const incident = await cli(['hunt', '--incident', 'nope']);
    expect(incident.code).toBe(2);
    expect(incident.err).toContain('unknown incident "nope" (loaded: storm-0558)');
  });
});

describe('breachbot indicators', () => {
  it('prints JSON by default: every indicator, plain', async () => {
    const { code, out } = await cli(['indicators']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<{ type: string; value: string }>;
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.find((r) => r.value === '195.26.87.219')?.type).toBe('ip');
  });

  it('prints CSV and a STIX bundle, and says on standard error which indicators STIX cannot carry', async () => {
    const csv = await cli(['indicators', '--format', 'csv']);
    expect(csv.out.split('\r\n')[0]).toBe('type,value,firstSeen,lastSeen,role,sources');
    const stix = await cli(['indicators', '--format', 'stix']);
    expect(stix.code).toBe(0);
    expect(JSON.parse(stix.out).type).toBe('bundle');
    expect(stix.err).toMatch(/\d+ indicator\(s\) have no STIX 2\.1 pattern and are left out of the bundle \(.*jarm/);
  });

  it('exits 2 on an unknown format', async () => {
    const { code, err } = await cli(['indicators', '--format', 'pdf']);
    expect(code).toBe(2);
    expect(err).toContain('unknown format "pdf"');
  });
});

describe('breachbot new incident', () => {
  it('writes a skeleton that validates with no problem and no warning, and refuses to overwrite it', async () => {
    const dir = path.join(scratch, 'incidents');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const made = await cli(['new', 'incident', 'acme-2026', '--data', dir]);
    expect(made.code).toBe(0);
    expect(made.out).toContain('acme-2026.yaml');
    const text = readFileSync(path.join(dir, 'acme-2026.yaml'), 'utf8');
    expect(text).toMatch(/^id: acme-2026$/m);
    const validated = await cli(['validate', '--data', dir]);
    expect(validated.code).toBe(0);
    expect(validated.out).toMatch(/^1 incident, 0 events, 1 source, 0 warnings, 0 errors: ok/m);
    const again = await cli(['new', 'incident', 'acme-2026', '--data', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    expect(readFileSync(path.join(dir, 'acme-2026.yaml'), 'utf8')).toBe(text);
  });

  it('comments every field of the skeleton', () => {
    const lines = incidentSkeleton('x', '2026-01-02').split('\n');
    lines.forEach((line, i) => {
      const key = /^(\s*)([a-zA-Z]+):/.exec(line);
      if (!key || (key[1] ?? '').length > 2) return;
      if ((key[1] ?? '').length === 0) expect(lines[i - 1], `field ${key[2]}`).toMatch(/^#/);
    });
  });

  it('exits 2 on a bad id or a missing one', async () => {
    expect((await cli(['new', 'incident', 'Not An Id', '--data', scratch])).code).toBe(2);
    expect((await cli(['new', 'incident'])).code).toBe(2);
    expect((await cli(['new', 'thing', 'x'])).code).toBe(2);
  });
});

describe('breachbot ask hunt', () => {
  it('answers `ask hunt splunk` through the message handler with the SPL queries', async () => {
    const { code, out } = await cli(['ask', '--json', 'hunt splunk']);
    expect(code).toBe(0);
    const answer = JSON.parse(out) as {
      intent: string;
      kind: string;
      text: string;
      code?: Array<{ language?: string }>;
    };
    expect(answer.kind).toBe('answer');
    expect(answer.intent).toBe('hunt');
    expect(answer.text).toContain('sourcetype="o365:management:activity"');
  });
});
