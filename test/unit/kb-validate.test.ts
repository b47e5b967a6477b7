import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/validate.js';
import { captureIo } from '../cli-io.js';

const root = path.resolve(import.meta.dirname, '../..');

async function validate(args: string[], env: Record<string, string> = {}) {
  const io = captureIo({ env, cwd: root });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('breachbot validate', () => {
  it('exits 0 and prints a summary for a folder that loads', async () => {
    // fixture incidents are dated 2021-2022: measured from then, none is stale
    const { code, out } = await validate(['--data', 'test/fixtures/kb/valid/incidents', '--today', '2022-06-01']);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^2 incidents, 4 events, 3 sources, 0 warnings, 0 errors: ok, knowledge base version [0-9a-f]{12}$/m,
    );
  });

  it('exits 1 and prints each problem as FILE:LINE: PATH: message, relative to the working folder', async () => {
    const { code, out } = await validate(['--data', 'test/fixtures/kb/broken/incidents']);
    expect(code).toBe(1);
    expect(out).toContain('test/fixtures/kb/broken/incidents/broken.yaml (11 errors, 1 warning)');
    expect(out).toContain(
      'test/fixtures/kb/broken/incidents/broken.yaml:16: timeline[1].sources[1]: unknown source id "src-missing"',
    );
    expect(out).toContain(
      'test/fixtures/kb/broken/incidents/broken.yaml:36: sources[0].sorce_note: warning: unknown key',
    );
    expect(out).toMatch(/NOT LOADABLE$/m);
  });

  it('reads the folder and the default incident from the environment', async () => {
    const env = { INCIDENTS_DIR: 'test/fixtures/kb/valid/incidents', DEFAULT_INCIDENT: 'missing-one' };
    const { code, out } = await validate([], env);
    expect(code).toBe(1);
    expect(out).toContain('DEFAULT_INCIDENT:0: no loaded incident has the id "missing-one"');
  });

  it('accepts several folders separated by the path delimiter', async () => {
    const dirs = ['test/fixtures/kb/valid/incidents', 'test/fixtures/breaches'].join(path.delimiter);
    const { code, out } = await validate(['--data', dirs]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+ incidents, /m);
    expect(Number(/^(\d+) incidents/m.exec(out)?.[1])).toBeGreaterThan(2);
    expect(out).toContain('test/fixtures/breaches/contradiction.md (0 errors, 2 warnings)');
    expect(out).toMatch(/^ {2}test\/fixtures\/breaches\/contradiction\.md:7: incident_start_date: warning: /m);
  });

  it('--strict fails on warnings alone, and passes a folder with no problem at all', async () => {
    const clean = await validate(['--strict', '--data', 'test/fixtures/kb/valid/incidents', '--today', '2022-06-01']);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/0 warnings, 0 errors: ok, /);
    const dirs = ['test/fixtures/kb/valid/incidents', 'test/fixtures/breaches'].join(path.delimiter);
    const lenient = await validate(['--data', dirs]);
    expect(lenient.code).toBe(0);
    const strict = await validate(['--strict', '--data', dirs]);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/\d+ warnings, 0 errors: FAILED \(--strict does not allow warnings\)/);
  });

  it('passes --strict on the bundled knowledge base: no problem and no warning', async () => {
    // a fixed "today", so the suite gives the same result next year; CI's validate run uses the real date
    const { code, out } = await validate(['--strict', '--today', '2026-12-05'], { INCIDENTS_DIR: 'data/incidents' });
    expect(out).toMatch(/ 0 warnings, 0 errors: ok, /);
    expect(code).toBe(0);
  });

  it('warns when a curated incident is older than --max-age months (default 12), naming the incident', async () => {
    const env = { INCIDENTS_DIR: 'data/incidents' };
    const year = await validate(['--today', '2027-08-31'], env);
    expect(year.out).toMatch(/ 0 warnings, /);
    const late = await validate(['--today', '2027-09-01'], env);
    expect(late.code).toBe(0);
    expect(late.out).toContain(
      'storm-0558:0: status.asOf: warning: status.asOf 2026-08 is 13 months before 2027-09-01, more than 12: check',
    );
    expect((await validate(['--strict', '--today', '2027-09-01'], env)).code).toBe(1);
    expect((await validate(['--strict', '--today', '2027-09-01', '--max-age', '13'], env)).code).toBe(0);
    expect((await validate(['--strict', '--today', '2027-09-01', '--max-age=0'], env)).out).toContain('more than 0');
  });

  it('does not hold breaches.cloud write-ups to an as-of date', async () => {
    const { out } = await validate(['--data', 'test/fixtures/breaches', '--today', '2099-01-01', '--max-age', '0']);
    expect(out).not.toContain('status.asOf');
  });

  it('exits 2 on a bad --max-age or --today, saying what it takes', async () => {
    const age = await validate(['--max-age', 'a year']);
    expect(age.code).toBe(2);
    expect(age.err).toContain('--max-age takes a whole number of months');
    const today = await validate(['--today', '5 Dec 2026']);
    expect(today.code).toBe(2);
    expect(today.err).toContain('--today takes a date as YYYY-MM-DD');
  });

  it('exits 2 on a usage error', async () => {
    const unknown = await validate(['--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown option --nope');
    const stray = await validate(['extra']);
    expect(stray.code).toBe(2);
  });
});
