// `breachbot ask` (CONTRACTS.md): one question or one per stdin line, plain text or one JSON object per line,
// exit 0 whatever the answer, 2 on a usage error.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/ask.js';
import type { CliIo } from '../../src/cli/io.js';
import type { AnswerJson } from '../../src/core/answer.js';
import { captureIo } from '../cli-io.js';

const root = path.resolve(import.meta.dirname, '../..');

function io(stdinText = ''): { io: CliIo; out: () => string; err: () => string } {
  const captured = captureIo({ stdin: stdinText, cwd: root });
  return { io: captured, out: captured.out, err: captured.err };
}

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

describe('breachbot ask', () => {
  it('answers one question as plain text', async () => {
    const t = io();
    expect(await run(['when', 'was', 'it', 'detected?'], t.io)).toBe(0);
    expect(t.out()).toContain('2023-06-16');
  });
  it('prints one JSON object with --json', async () => {
    const t = io();
    expect(await run(['--json', 'timeline'], t.io)).toBe(0);
    const [line, ...rest] = lines(t.out());
    expect(rest).toEqual([]);
    const json = JSON.parse(line as string) as AnswerJson;
    expect(json).toMatchObject({ kind: 'answer', intent: 'timeline', incident: 'storm-0558' });
    expect(json.text).toContain('2023-05-15');
  });
  it('exits 0 for a question it cannot answer', async () => {
    const t = io();
    expect(await run(['--json', "what's the weather?"], t.io)).toBe(0);
    expect(['none', 'clarify']).toContain(JSON.parse(t.out()).kind);
  });
  it('answers stdin line by line, in order, skipping blank lines', async () => {
    const t = io('timeline\n\nvictims\nwhat is owa\n');
    expect(await run(['--json'], t.io)).toBe(0);
    expect(lines(t.out()).map((l) => (JSON.parse(l) as AnswerJson).intent)).toEqual([
      'timeline',
      'victims',
      'glossary',
    ]);
  });
  it('takes --incident and --data', async () => {
    const t = io();
    const data = path.join(root, 'data', 'incidents');
    expect(await run(['--json', '--incident', 'storm-0558', '--data', data, 'status'], t.io)).toBe(0);
    expect(JSON.parse(t.out()).incident).toBe('storm-0558');
  });
  it('exits 2 on an unknown option or an unknown incident', async () => {
    const a = io();
    expect(await run(['--bogus', 'timeline'], a.io)).toBe(2);
    expect(a.err()).toContain('unknown option --bogus');
    const b = io();
    expect(await run(['--incident', 'no-such-incident', 'timeline'], b.io)).toBe(2);
    expect(b.err()).toContain('unknown incident');
  });
});
