// Loading trusts nothing (issue 12.12), seen through `breachbot validate`: a link to a device, a FIFO, a folder named
// like an incident file, an oversize file, too much in total and an alias bomb are each one FILE:LINE problem, and
// the valid file beside them still loads. Before: the FIFO hung, /dev/zero was read without end, the alias bomb
// crashed validate.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/validate.js';
import { MAX_FILE_BYTES, MAX_TOTAL_BYTES } from '../../src/kb/inputs.js';
import { captureIo } from '../cli-io.js';

const root = path.resolve(import.meta.dirname, '../..');
const validFile = path.join(root, 'test/fixtures/kb/valid/incidents/example-bucket.yaml');
const temporary: string[] = [];

/** A folder holding one valid incident file, plus whatever the test adds. */
function folder(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'breachbot-hostile-')), 'incidents');
  temporary.push(path.dirname(dir));
  mkdirSync(dir);
  copyFileSync(validFile, path.join(dir, 'example-bucket.yaml'));
  return dir;
}

async function validate(dir: string) {
  const io = captureIo({ env: {}, cwd: path.dirname(dir) });
  const code = await run(['--data', dir], io);
  return { code, out: io.out() };
}

/** The validate line of one file's problem, relative to the folder's parent as validate prints it. */
const lineFor = (out: string, name: string) => out.split('\n').find((l) => l.trim().startsWith(`incidents/${name}:`));

/** A YAML "billion laughs": each anchor repeats the one before nine times. */
function aliasBomb(): string {
  const lines = ['id: bomb', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('breachbot validate on files that are not what their names say', () => {
  it('reports a link to /dev/zero without reading it, and loads the valid file', async () => {
    const dir = folder();
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const { code, out } = await validate(dir);
    expect(code).toBe(1);
    expect(lineFor(out, 'zero.yaml')).toBe(
      '  incidents/zero.yaml:0: a link to a device, not a regular file: not read; put the file itself here',
    );
    expect(out).toMatch(/^1 incident, /m);
  });

  it('reports a FIFO named *.yaml without waiting for a writer', async () => {
    const dir = folder();
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const { code, out } = await validate(dir);
    expect(code).toBe(1);
    expect(lineFor(out, 'pipe.yaml')).toContain('pipe.yaml:0: a named pipe (FIFO), not a regular file');
    expect(out).toMatch(/^1 incident, /m);
  });

  it('reports a folder named like an incident file', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'folder.json'));
    const { out } = await validate(dir);
    expect(lineFor(out, 'folder.json')).toContain('folder.json:0: a folder, not a regular file');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = folder();
    const big = path.join(dir, 'huge.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1);
    const { code, out } = await validate(dir);
    expect(code).toBe(1);
    expect(lineFor(out, 'huge.yaml')).toMatch(/huge\.yaml:0: too large: 4\.0 MB \(at most 4\.0 MB a file\); split it/);
    expect(out).toMatch(/^1 incident, /m);
  });

  it('stops reading when the files together pass the total limit, and says which file was left out', async () => {
    const dir = folder();
    const each = MAX_FILE_BYTES - 1024;
    const count = Math.ceil(MAX_TOTAL_BYTES / each);
    for (let i = 0; i < count; i++) {
      const file = path.join(dir, `part-${String(i).padStart(2, '0')}.yaml`);
      writeFileSync(file, '');
      truncateSync(file, each);
    }
    const { code, out } = await validate(dir);
    expect(code).toBe(1);
    const last = `part-${String(count - 1).padStart(2, '0')}.yaml`;
    expect(lineFor(out, last)).toMatch(/:0: not read: the knowledge base would exceed 32\.0 MB in total/);
  });

  it('reports an alias bomb at the line of its first alias instead of crashing', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'bomb.yaml'), aliasBomb());
    const { code, out } = await validate(dir);
    expect(code).toBe(1);
    expect(lineFor(out, 'bomb.yaml')).toMatch(/bomb\.yaml:3: aliases expand too far \(.*\); write the values out/);
    expect(out).toMatch(/^1 incident, /m);
  });
});
