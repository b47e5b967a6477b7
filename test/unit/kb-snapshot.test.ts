// One way to read the knowledge base: a snapshot or a cached result stands in for parsing only when the files are
// exactly those it was made from, and then gives the same data and problems as parsing them.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/kb/build-snapshot.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/kb');
const temporary: string[] = [];

/** A fresh copy of a fixture data folder (`incidents/` plus `synonyms.yaml`). */
function copyOf(fixture: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'breachbot-kb-'));
  temporary.push(dir);
  cpSync(path.join(fixtures, fixture), path.join(dir, 'data'), { recursive: true });
  return path.join(dir, 'data');
}

function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'breachbot-cache-'));
  temporary.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the build snapshot', () => {
  it('is read instead of the files when they are unchanged, with the same data and problems', async () => {
    const data = copyOf('valid');
    // a repeated synonym gives a warning, which the snapshot must carry with its file and line
    appendFileSync(path.join(data, 'synonyms.yaml'), '  - [bucket, pail]\n');
    const out = path.join(scratch(), 'kb-snapshot.json');
    const built = await buildSnapshot(data, out);
    expect(built.file).toBe(out);
    const dir = path.join(data, 'incidents');
    const parsed = await loadKnowledgeBase({ dir, snapshot: false });
    const fromSnapshot = await loadKnowledgeBase({ dir, snapshot: out });
    expect(parsed.from).toBe('files');
    expect(fromSnapshot.from).toBe('snapshot');
    expect(fromSnapshot.data).toEqual(parsed.data);
    expect(fromSnapshot.problems).toEqual(parsed.problems);
    expect(fromSnapshot.problems).toContainEqual(
      expect.objectContaining({ file: path.join(data, 'synonyms.yaml'), line: 4, severity: 'warning' }),
    );
  });

  it('is not used once a file changes, and the change is what loads', async () => {
    const data = copyOf('valid');
    const out = path.join(scratch(), 'kb-snapshot.json');
    await buildSnapshot(data, out);
    const file = path.join(data, 'incidents', 'example-bucket.yaml');
    appendFileSync(file, '\n# a comment changes the content\n');
    const loaded = await loadKnowledgeBase({ dir: path.join(data, 'incidents'), snapshot: out });
    expect(loaded.from).toBe('files');
    writeFileSync(path.join(data, 'synonyms.yaml'), 'groups:\n  - [pail, bucket]\n');
    const again = await loadKnowledgeBase({ dir: path.join(data, 'incidents'), snapshot: out });
    expect(again.from).toBe('files');
    expect(again.data.synonyms).toEqual([['pail', 'bucket']]);
  });

  it('stays valid when the folder moves, and names the files where they are now', async () => {
    const data = copyOf('valid');
    appendFileSync(path.join(data, 'synonyms.yaml'), '  - [bucket, pail]\n');
    const out = path.join(scratch(), 'kb-snapshot.json');
    await buildSnapshot(data, out);
    const moved = path.join(scratch(), 'elsewhere');
    cpSync(data, moved, { recursive: true });
    const loaded = await loadKnowledgeBase({ dir: path.join(moved, 'incidents'), snapshot: out });
    expect(loaded.from).toBe('snapshot');
    expect(loaded.problems.map((p) => p.file)).toEqual([path.join(moved, 'synonyms.yaml')]);
  });

  it('is not written for data with an error', async () => {
    const out = path.join(scratch(), 'kb-snapshot.json');
    const built = await buildSnapshot(path.join(fixtures, 'broken'), out);
    expect(built.file).toBeUndefined();
    expect(built.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the cache in DATA_DIR', () => {
  it('stores a folder loaded once and reads it back the second time, equal to parsing', async () => {
    const dir = path.join(copyOf('valid'), 'incidents');
    const cacheDir = path.join(scratch(), 'kb-cache');
    const first = await loadKnowledgeBase({ dir, cacheDir, fingerprint: 'test', snapshot: false });
    expect(first.from).toBe('files');
    expect(first.cacheError).toBeUndefined();
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const second = await loadKnowledgeBase({ dir, cacheDir, fingerprint: 'test', snapshot: false });
    expect(second.from).toBe('cache');
    expect(second.data).toEqual(first.data);
    expect(second.problems).toEqual(first.problems);
  });

  it('is keyed by content and by the loading code', async () => {
    const dir = path.join(copyOf('valid'), 'incidents');
    const cacheDir = path.join(scratch(), 'kb-cache');
    await loadKnowledgeBase({ dir, cacheDir, fingerprint: 'test', snapshot: false });
    const otherCode = await loadKnowledgeBase({ dir, cacheDir, fingerprint: 'other', snapshot: false });
    expect(otherCode.from).toBe('files');
    const file = path.join(dir, 'example-bucket.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Renamed'));
    const edited = await loadKnowledgeBase({ dir, cacheDir, fingerprint: 'test', snapshot: false });
    expect(edited.from).toBe('files');
    expect(edited.data.incidents.find((i) => i.id === 'example-bucket')?.title).toBe('Renamed');
  });

  it('never stores a knowledge base with an error, nor a corrupt cache file', async () => {
    const dir = path.join(copyOf('broken'), 'incidents');
    const cacheDir = path.join(scratch(), 'kb-cache');
    await loadKnowledgeBase({ dir, cacheDir, fingerprint: 'test', snapshot: false });
    expect(existsSync(cacheDir)).toBe(false);

    const valid = path.join(copyOf('valid'), 'incidents');
    await loadKnowledgeBase({ dir: valid, cacheDir, fingerprint: 'test', snapshot: false });
    const [name] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, name as string), '{"format": 1, "key": ');
    const again = await loadKnowledgeBase({ dir: valid, cacheDir, fingerprint: 'test', snapshot: false });
    expect(again.from).toBe('files');
    expect(again.ok).toBe(true);
  });

  it('is bypassed by a fresh load (breachbot validate)', async () => {
    const dir = path.join(copyOf('valid'), 'incidents');
    const cacheDir = path.join(scratch(), 'kb-cache');
    await loadKnowledgeBase({ dir, cacheDir, fingerprint: 'test', snapshot: false });
    const fresh = await loadKnowledgeBase({ dir, cacheDir, fingerprint: 'test', snapshot: false, fresh: true });
    expect(fresh.from).toBe('files');
  });
});
