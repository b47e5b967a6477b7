// Slack formats per line: a `*`, `_` or `~` span, an inline code span or a ``` block that crosses a line break is
// shown literally. This walks every mrkdwn text of the answers to the shared sample questions and the golden
// questions (with the breaches.cloud write-ups loaded when they are present) and checks each line the way Slack
// reads it. It also checks the echo of the question, values in code and the "copy all" block.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerToBlockKit, type Block, type TextObject } from '../../adapters/slack/render.js';
import { inertMarks, textMrkdwn } from '../../adapters/slack/text.js';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(root, '../shared');
const NOW = new Date('2026-11-30T09:00:00Z');
const WORDISH = /[\p{L}\p{N}]/u;

function questionsIn(file: string): string[] {
  if (!existsSync(file)) return [];
  const cases = parse(readFileSync(file, 'utf8')) as Array<{ q?: unknown }> | null;
  return (cases ?? []).flatMap((c) => (typeof c.q === 'string' ? [c.q] : []));
}

const devFile = path.join(shared, 'eval', 'questions-dev.yaml');
if (!existsSync(devFile)) console.warn(`slack lines: ${devFile} is absent; only the golden questions are walked`);
const QUESTIONS = [
  ...new Set([
    ...questionsIn(devFile),
    ...questionsIn(path.join(shared, 'eval', 'questions-dev-2-storm.yaml')),
    ...['questions.yaml', 'holdout.yaml', 'holdout-2.yaml'].flatMap((f) =>
      questionsIn(path.join(root, 'test/golden', f)),
    ),
    'logging page 2',
    'logging page 3',
    'recommendations',
    'indicators page 2',
    'indicators page 4',
    'sources page 2',
  ]),
];
const corpus = path.join(shared, 'corpus', 'breaches.cloud');
const CROSS = questionsIn(path.join(root, 'test/golden', 'incidents.yaml'));

/**
 * The problems Slack would show in one mrkdwn text: an unclosed ``` block, and per line an inline code span or a
 * `<…>` link left open, or a formatting mark (at a word's edge, where Slack reads it) that does not pair up on that
 * line.
 */
function lineProblems(text: string): string[] {
  const problems: string[] = [];
  const fences = text.split('```');
  if (fences.length % 2 === 0) problems.push('a ``` block is not closed');
  fences.forEach((part, index) => {
    if (index % 2 === 1) return;
    for (const line of part.split('\n')) {
      if ((line.match(/`/g) ?? []).length % 2 === 1) {
        problems.push(`code span crosses a line break: ${line}`);
        continue;
      }
      const bare = line.replace(/`[^`]*`/g, 'x');
      if (/<[^>]*$/.test(bare)) problems.push(`link crosses a line break: ${line}`);
      const plain = bare.replace(/<[^>]*>/g, 'x');
      const open = new Map<string, number>();
      for (let i = 0; i < plain.length; i++) {
        const c = plain[i] as string;
        if (c !== '*' && c !== '_' && c !== '~') continue;
        const before = plain[i - 1] ?? '';
        const after = plain[i + 1] ?? '';
        if (WORDISH.test(before) && WORDISH.test(after)) continue; // inside a word: Slack leaves it alone
        const canOpen = after !== '' && !/\s/.test(after) && !WORDISH.test(before);
        const canClose = before !== '' && !/\s/.test(before) && !WORDISH.test(after);
        if (open.has(c) && canClose) open.delete(c);
        else if (!open.has(c) && canOpen) open.set(c, i);
        else problems.push(`stray ${c} at ${i}: ${line}`);
      }
      for (const [c] of open) problems.push(`${c} not closed on its line: ${line}`);
    }
  });
  return problems;
}

function mrkdwnTexts(blocks: Block[]): string[] {
  const texts: TextObject[] = [];
  for (const block of blocks) {
    if ('text' in block) texts.push(block.text);
    if (block.type === 'context') texts.push(...block.elements);
  }
  return texts.filter((t) => t.type === 'mrkdwn').map((t) => t.text);
}

function problemsOf(kb: KnowledgeBase, questions: string[]): { lines: number; problems: string[] } {
  let lines = 0;
  const problems: string[] = [];
  for (const q of questions) {
    const answer = respond(kb, parseCommand(q, kb), { now: NOW });
    for (const text of mrkdwnTexts(answerToBlockKit(answer, { shareText: q }))) {
      lines += text.split('\n').length;
      for (const p of lineProblems(text)) problems.push(`"${q}": ${p}`);
    }
  }
  return { lines, problems };
}

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: path.join(root, 'data', 'incidents') })).data);
});

describe('the line checker', () => {
  it('finds what Slack would show literally', () => {
    expect(lineProblems('_Look for: a\nWhy: b_')).toHaveLength(2);
    expect(lineProblems('*bold* and _it_ and ~gone~ and snake_case_name')).toEqual([]);
    expect(lineProblems('a `code\nspan` b')).toHaveLength(2);
    expect(lineProblems('```\nx\n')).toEqual(['a ``` block is not closed']);
    expect(lineProblems('```\n*not formatting\n```')).toEqual([]);
    expect(lineProblems('<https://example.com|a\nb>')).toHaveLength(1);
    expect(lineProblems('2 * 3 = 6')).toHaveLength(1);
  });
});

describe('no Slack formatting crosses a line break', () => {
  it('in any answer to the sample and golden questions', () => {
    expect(QUESTIONS.length).toBeGreaterThan(100);
    const { lines, problems } = problemsOf(kb, QUESTIONS);
    expect(lines).toBeGreaterThan(2000);
    expect(problems).toEqual([]);
  });

  it.skipIf(!existsSync(corpus))('in any answer about the breaches.cloud write-ups', async () => {
    const loaded = await loadKnowledgeBase({ dir: [path.join(root, 'data', 'incidents'), corpus] });
    const all = createKnowledgeBase(loaded.data);
    const { problems } = problemsOf(all, [...CROSS, ...all.incidents.map((i) => `${i.id} timeline`)]);
    expect(problems).toEqual([]);
  });

  it('with hostile marks in knowledge-base text', () => {
    const text = textMrkdwn('Use *wildcards_ like ~this and a `query` with 192.0.2.1 and _half');
    expect(lineProblems(`• *2023-07-11* ${text} [1]`)).toEqual([]);
    expect(text).toContain('`query`');
    expect(text).toContain('`192.0.2.1`');
    expect(inertMarks('snake_case stays')).toBe('snake_case stays');
  });
});

describe('what the blocks carry', () => {
  const hostile: Answer = {
    kind: 'answer',
    intent: 'indicators',
    incident: null,
    title: 'Indicators',
    sections: [
      {
        items: [
          { text: 'User agent Mozilla/5.0 (x) seen twice.', value: 'Mozilla/5.0 (x)' },
          { text: 'Hash 0123456789abcdef0123456789abcdef01234567 on disk.' },
        ],
        code: { text: '192.0.2.1\n\n198.51.100.7', label: 'All values' },
      },
    ],
    facts: [],
    sources: [],
    suggestions: [],
    confidence: 1,
    kbVersion: 'v',
    question: 'is https://evil.example/*x* `linked` <!channel>?',
  };

  it('echoes the question as inline code in a verbatim text, so a URL in it is never made a link', () => {
    const blocks = answerToBlockKit(hostile);
    const echo = blocks.find((b) => b.type === 'context' && b.elements[0]?.text.startsWith('You asked'));
    expect(echo?.type === 'context' && echo.elements[0]).toEqual({
      type: 'mrkdwn',
      text: 'You asked: `is https://evil.example/*x* ˋlinkedˋ &lt;!channel&gt;?`',
      verbatim: true,
    });
    for (const text of blocks.flatMap((b) =>
      b.type === 'section' ? [b.text] : b.type === 'context' ? b.elements : [],
    )) {
      if (text.type === 'mrkdwn') expect(text.verbatim).toBe(true);
    }
  });

  it('shows indicator values and hashes as code, and the copy-all block as one ``` block', () => {
    const text = mrkdwnTexts(answerToBlockKit(hostile)).join('\n');
    expect(text).toContain('`Mozilla/5.0 (x)`');
    expect(text).toContain('`0123456789abcdef0123456789abcdef01234567`');
    expect(text).toContain('_All values_\n```\n192.0.2.1\n \n198.51.100.7\n```');
  });

  it('splits a long copy-all block into closed ``` blocks', () => {
    const values = Array.from({ length: 400 }, (_, i) => `198.51.100.${i % 256} ${'x'.repeat(20)}`).join('\n');
    const blocks = answerToBlockKit({ ...hostile, sections: [{ code: { text: values } }] });
    const sections = blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(2);
    for (const s of sections) expect(lineProblems(s.type === 'section' ? s.text.text : '')).toEqual([]);
    const shown = sections.map((s) => (s.type === 'section' ? s.text.text : '')).join('\n');
    expect(shown.match(/198\.51\.100\./g)).toHaveLength(400);
  });
});
