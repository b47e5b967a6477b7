// `breachbot ask` at a terminal: wrapped to its width with the date column kept as a hanging indent, bold titles
// and dim sources unless NO_COLOR is set, the plain text unchanged when piped, and `--all` for every page.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/ask.js';
import { answerForTerminal, terminalStyle, wrapLine } from '../../src/cli/terminal.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { answerToPlainText } from '../../src/core/plain-text.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { captureIo } from '../cli-io.js';

const root = path.resolve(import.meta.dirname, '../..');
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what is being stripped
const ESCAPES = /\u001b\[\d+m/g;
const visible = (line: string) => [...line.replace(ESCAPES, '')].length;

/** Captured streams whose standard output says it is a terminal of `columns` columns. */
function terminalIo(columns: number, env: Record<string, string> = {}) {
  const io = captureIo({ cwd: root, env });
  Object.assign(io.stdout as PassThrough, { isTTY: true, columns });
  return io;
}

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: path.join(root, 'data', 'incidents') })).data);
});
const answerFor = (q: string) => respond(kb, parseCommand(q, kb), { now: new Date('2026-11-30T00:00:00Z') });

describe('wrapLine', () => {
  it('keeps the prefix and hangs continuation lines under the text', () => {
    expect(wrapLine('2023-06-16  one two three four five six', 24, 12)).toEqual([
      '2023-06-16  one two',
      '            three four',
      '            five six',
    ]);
  });
  it('cuts a word longer than a line, but never a URL', () => {
    expect(wrapLine(`- ${'x'.repeat(30)}`, 20, 2)).toEqual([`- ${'x'.repeat(18)}`, `  ${'x'.repeat(12)}`]);
    const url = `https://example.com/${'a'.repeat(40)}`;
    expect(wrapLine(`[1] Title ${url}`, 30, 4)).toEqual(['[1] Title', `    ${url}`]);
  });
});

describe('breachbot ask on a terminal', () => {
  it('wraps every line to the width, dated items hanging under their text', async () => {
    const io = terminalIo(60);
    expect(await run(['timeline'], io)).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    for (const line of lines) if (!/https?:\/\//.test(line)) expect(visible(line), line).toBeLessThanOrEqual(60);
    const plain = lines.map((l) => l.replace(ESCAPES, ''));
    const dated = plain.findIndex((l) => /^\d{4}-\d{2}-\d{2} {2}\S/.test(l) && visible(l) > 50);
    expect(dated).toBeGreaterThan(0);
    expect(plain[dated + 1]).toMatch(/^ {12}\S/);
    expect(plain.some((l) => /^\[\d+\] /.test(l))).toBe(true);
  });

  it('makes the title bold and the sources dim', async () => {
    const io = terminalIo(100);
    await run(['victims'], io);
    const out = io.out();
    expect(out.startsWith('\u001b[1m')).toBe(true);
    expect(out).toMatch(/\u001b\[2m\[1\] /);
  });

  it('writes no escapes when NO_COLOR is set, but still wraps', async () => {
    const io = terminalIo(50, { NO_COLOR: '1' });
    await run(['timeline'], io);
    expect(io.out()).not.toContain('\u001b[');
    for (const line of io.out().split('\n')) if (!/https?:/.test(line)) expect(visible(line)).toBeLessThanOrEqual(50);
  });

  it('prints the plain text unchanged when piped', async () => {
    const io = captureIo({ cwd: root });
    await run(['logging'], io);
    expect(io.out()).toBe(`${answerToPlainText(answerFor('logging'))}\n`);
    expect(terminalStyle(new PassThrough(), {})).toBeUndefined();
  });

  it('says a correction note once per page', () => {
    const base = answerFor('timeline');
    const note = 'Corrects an earlier claim (2023-06-16: a repost dated it wrongly).';
    const items = [1, 2, 3, 4].map((i) => ({ date: `2023-07-0${i}`, text: `Event ${i}.`, note }));
    const text = answerForTerminal({ ...base, sections: [{ items }] }, { width: 80, color: false });
    expect(text.split(note).length - 1).toBe(1);
  });
});

describe('breachbot ask --all', () => {
  it('prints every page of a long answer', async () => {
    const io = captureIo({ cwd: root });
    expect(await run(['--all', 'timeline'], io)).toBe(0);
    const out = io.out();
    const pages = Number(/page 1 of (\d+)/.exec(out)?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) expect(out).toContain(`timeline (page ${p} of ${pages})`);
    const expected = new Set<string>();
    for (let p = 1; p <= pages; p++) {
      for (const f of answerFor(`timeline page ${p}`).facts) if (f.date?.length === 10) expected.add(f.date);
    }
    expect(new Set(out.match(/^\d{4}-\d{2}-\d{2}/gm))).toEqual(expected);
  });

  it('prints one JSON object per page with --json', async () => {
    const io = captureIo({ cwd: root });
    await run(['--all', '--json', 'indicators'], io);
    const objects = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { title: string; more?: string });
    expect(objects.length).toBeGreaterThan(1);
    expect(objects.at(-1)?.more).toBeUndefined();
  });

  it('prints one page without --all', async () => {
    const io = captureIo({ cwd: root });
    await run(['timeline'], io);
    expect(io.out()).not.toContain('page 2 of');
  });
});
