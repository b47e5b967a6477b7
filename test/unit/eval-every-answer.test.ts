// `eval --json --every-answer`: no search answer is turned into a question back, so a refit of the confidence model
// chooses its threshold over every search answer, not only over those the current threshold let through. A copy of
// the project's data with a threshold no answer reaches shows the difference.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/eval.js';
import { captureIo } from '../cli-io.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'breachbot-every-answer-'));
cpSync(path.join(root, 'data', 'incidents'), path.join(dir, 'incidents'), { recursive: true });
copyFileSync(path.join(root, 'data', 'synonyms.yaml'), path.join(dir, 'synonyms.yaml'));
copyFileSync(path.join(root, 'data', 'language.yaml'), path.join(dir, 'language.yaml'));
const model = readFileSync(path.join(root, 'data', 'confidence.yaml'), 'utf8');
writeFileSync(path.join(dir, 'confidence.yaml'), model.replace(/^threshold: .*$/m, 'threshold: 0.999'));
const cases = path.join(dir, 'cases.yaml');
writeFileSync(cases, '- q: "what did the intruders do with the mail they read"\n  expect: answer\n');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kindOf(...flags: string[]): Promise<string> {
  const io = captureIo({ env: { DATA_DIR: path.join(dir, 'state') }, cwd: root });
  await run(['--json', ...flags, '--data', path.join(dir, 'incidents'), cases], io);
  return (JSON.parse(io.out().trim().split('\n')[0] ?? '{}') as { kind: string }).kind;
}

describe('eval --every-answer', () => {
  it('asks back under a threshold no answer reaches, and answers with --every-answer', async () => {
    expect(await kindOf()).toBe('clarify');
    expect(await kindOf('--every-answer')).toBe('answer');
  });
});
