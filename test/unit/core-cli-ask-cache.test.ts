// The `ask` snapshot cache: reused while every input file is unchanged, dropped when one changes.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCachedKb, writeCachedKb } from '../../src/cli/ask-cache.js';
import { fixtureData } from '../fixtures/core-kb.js';

let dir: string;
let tmp: string;
let savedTmpdir: string | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bb-incidents-'));
  tmp = mkdtempSync(path.join(os.tmpdir(), 'bb-cache-'));
  savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  writeFileSync(path.join(dir, 'a.yaml'), 'id: a\n');
});

afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(dir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('ask cache', () => {
  it('has nothing before the first write', async () => {
    expect(await readCachedKb([dir])).toBeUndefined();
  });
  it('returns what was written while the files are unchanged', async () => {
    const data = fixtureData();
    await writeCachedKb([dir], undefined, data);
    expect((await readCachedKb([dir]))?.version).toBe('fixture-1');
  });
  it('drops the snapshot when a file changes, appears, or the default incident differs', async () => {
    await writeCachedKb([dir], undefined, fixtureData());
    expect(await readCachedKb([dir], 'beta-breach')).toBeUndefined();
    utimesSync(path.join(dir, 'a.yaml'), new Date('2020-01-01'), new Date('2020-01-01'));
    expect(await readCachedKb([dir])).toBeUndefined();
    await writeCachedKb([dir], undefined, fixtureData());
    writeFileSync(path.join(dir, 'b.yaml'), 'id: b\n');
    expect(await readCachedKb([dir])).toBeUndefined();
  });
  it('never throws for a missing folder', async () => {
    await expect(readCachedKb([path.join(dir, 'nope')])).resolves.toBeUndefined();
    await expect(writeCachedKb([path.join(dir, 'nope')], undefined, fixtureData())).resolves.toBeUndefined();
  });
});
