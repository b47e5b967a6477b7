// The Block Kit renderer's contract: every answer to every golden question (and synthetic worst cases) stays within
// Slack's limits, shows every item with its date, marks corrections, links sources, offers its buttons, and never
// pings anyone.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_LIMITS } from '../../adapters/slack/limits.js';
import { answerToBlockKit, answerToFallbackText, type Block } from '../../adapters/slack/render.js';
import { packageRoot } from '../../src/config.js';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const PING = /<!(channel|here|everyone)(\|[^>]*)?>|<@[UW][A-Z0-9]+>|<!subteam/;
const NOW = new Date('2026-11-30T09:00:00Z');

function goldenQuestions(): string[] {
  const questions = new Set<string>(['help', 'timeline', 'victims', 'logging', 'sources', 'incidents', 'zzz qqq']);
  for (const name of ['questions.yaml', 'holdout.yaml']) {
    const file = path.join(packageRoot(), 'test', 'golden', name);
    if (!existsSync(file)) continue;
    const cases = parse(readFileSync(file, 'utf8')) as Array<{ q?: unknown }> | null;
    for (const c of cases ?? []) if (typeof c.q === 'string') questions.add(c.q);
  }
  return [...questions];
}

/** Every limit from limits.ts, checked on one rendering; returns the problems found. */
function limitProblems(blocks: Block[], fallback: string): string[] {
  const problems: string[] = [];
  if (blocks.length > SLACK_LIMITS.messageBlocks) problems.push(`${blocks.length} blocks`);
  if (fallback.length === 0 || fallback.length > SLACK_LIMITS.fallbackText) problems.push('fallback text length');
  const actionIds = new Set<string>();
  for (const block of blocks) {
    if (block.type === 'header' && block.text.text.length > SLACK_LIMITS.headerText) problems.push('header too long');
    if (
      block.type === 'section' &&
      (block.text.text.length > SLACK_LIMITS.sectionText || block.text.text.trim() === '')
    ) {
      problems.push(`section text ${block.text.text.length}`);
    }
    if (block.type === 'context') {
      if (block.elements.length > SLACK_LIMITS.contextElements) problems.push('too many context elements');
      for (const e of block.elements)
        if (e.text.length > SLACK_LIMITS.contextElementText) problems.push('context element too long');
    }
    if (block.type === 'actions') {
      if (block.elements.length > SLACK_LIMITS.actionsElements) problems.push('too many buttons');
      for (const b of block.elements) {
        if (b.text.text.length > SLACK_LIMITS.buttonText) problems.push('button label too long');
        if (b.value.length > SLACK_LIMITS.buttonValue) problems.push('button value too long');
        if (actionIds.has(b.action_id)) problems.push(`duplicate action_id ${b.action_id}`);
        actionIds.add(b.action_id);
      }
    }
  }
  const json = JSON.stringify(blocks);
  if (PING.test(json) || PING.test(fallback)) problems.push('contains a ping');
  return problems;
}

let kb: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: path.join(packageRoot(), 'data', 'incidents') });
  kb = createKnowledgeBase(loaded.data);
});

describe('renderer contract over the golden questions', () => {
  it.each(goldenQuestions())('"%s" renders within Slack limits, showing every item', (q) => {
    const answer = respond(kb, parseCommand(q, kb), { now: NOW });
    const blocks = answerToBlockKit(answer, { shareText: q });
    expect(limitProblems(blocks, answerToFallbackText(answer))).toEqual([]);
    // values are shown in inline code, so the words are compared without backticks
    const shown = JSON.stringify(blocks.map((b) => ('text' in b ? b.text.text.replaceAll('`', '') : '')));
    const esc = (s: string) =>
      JSON.stringify(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replaceAll('`', ''))
        .slice(1, -1)
        .slice(0, 40);
    for (const section of answer.sections) {
      for (const item of section.items ?? []) {
        if (!/@(channel|here|everyone)/i.test(item.text)) expect(shown).toContain(esc(item.text));
        if (item.date) expect(shown).toContain(item.date);
      }
    }
  });
});

function bigAnswer(): Answer {
  const items = Array.from({ length: 400 }, (_, i) => ({
    text: `Event ${i} <!channel> <@U0SOMEONE> & more ${'detail '.repeat(70)}`,
    date: `2023-07-${String((i % 28) + 1).padStart(2, '0')}`,
    factId: `f${i}`,
    label: i % 3 === 0 ? 'Label <b>' : undefined,
    note: i % 5 === 0 ? 'a note @here' : undefined,
  }));
  return {
    kind: 'answer',
    intent: 'timeline',
    incident: 'storm-0558',
    title: `A very long title <!here> ${'word '.repeat(60)}`,
    sections: [
      { heading: 'First <!everyone>', text: 'x'.repeat(5000), items: items.slice(0, 200) },
      { heading: 'Second', items: items.slice(200) },
    ],
    facts: items.map((i, n) => ({
      id: i.factId,
      text: i.text,
      date: i.date,
      sources: ['s1'],
      ...(n === 1 ? { corrects: ['f0'] } : {}),
    })),
    sources: Array.from({ length: 80 }, (_, i) => ({
      id: `s${i}`,
      publisher: `Publisher ${i} <!channel>`,
      title: `Title | with pipe > and ${'long '.repeat(40)}`,
      url: i === 3 ? 'javascript:alert(1)' : `https://example.com/${i}?a=1&b=2`,
      date: '2023-07-11',
      kind: 'vendor' as const,
    })),
    suggestions: Array.from({ length: 40 }, (_, i) => `suggestion ${i} ${'long '.repeat(30)}`),
    confidence: 1,
    kbVersion: 'test',
    more: 'timeline page 2',
    question: '<@U0ASKER> <!channel> what happened?',
  };
}

describe('renderer worst cases', () => {
  it('keeps a huge answer within every limit and pings nobody', () => {
    const answer = bigAnswer();
    const blocks = answerToBlockKit(answer, {
      shareText: 'x'.repeat(3000),
      privateNote: 'private <!here>',
      sharedBy: 'U0SHARER',
    });
    const problems = limitProblems(
      blocks.filter((b) => !(b.type === 'context' && b.elements[0]?.text.startsWith('Shared by'))),
      answerToFallbackText(answer),
    );
    expect(problems).toEqual([]);
    expect(blocks).toHaveLength(SLACK_LIMITS.messageBlocks);
  });

  it('marks corrections, shows dates and labels, and escapes user text', () => {
    const answer = bigAnswer();
    const text = answerToBlockKit(answer)
      .flatMap((b) => ('text' in b ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : []))
      .join('\n');
    expect(text).toContain('✏️ _Correction:_ *2023-07-02*');
    expect(text).toContain('*Label &lt;b&gt;:*');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('You asked: `&lt;@U0ASKER&gt; &lt;!channel&gt; what happened?`');
  });

  it('turns sources into links in a context block, and refuses non-http URLs as links', () => {
    const blocks = answerToBlockKit(bigAnswer());
    const sources = blocks.find((b) => b.type === 'context' && b.elements[0]?.text.startsWith('*Sources*'));
    expect(sources?.type).toBe('context');
    const all = sources?.type === 'context' ? sources.elements.map((e) => e.text).join(' ') : '';
    expect(all).toContain(
      '<https://example.com/0?a=1&amp;b=2|Publisher 0 &lt;!channel&gt;: Title ¦ with pipe &gt; and',
    );
    expect(all).not.toContain('javascript:');
  });

  it('offers More, the suggestions and Share as buttons carrying only the question text', () => {
    const blocks = answerToBlockKit(bigAnswer(), { shareText: 'timeline july 2023' });
    const actions = blocks.find((b) => b.type === 'actions');
    const buttons = actions?.type === 'actions' ? actions.elements : [];
    expect(buttons[0]).toMatchObject({ action_id: 'breach_more:0', value: 'timeline page 2' });
    expect(buttons.filter((b) => b.action_id.startsWith('breach_ask'))).toHaveLength(5);
    expect(buttons.at(-1)).toMatchObject({ action_id: 'breach_share:0', value: 'timeline july 2023' });
  });

  it('writes "Shared by" only for a real Slack user id', () => {
    const good = answerToBlockKit(bigAnswer(), { sharedBy: 'U0SHARER' });
    expect(JSON.stringify(good)).toContain('Shared by <@U0SHARER>');
    const bad = answerToBlockKit(bigAnswer(), { sharedBy: '!channel' });
    expect(JSON.stringify(bad)).not.toContain('Shared by');
  });

  it('renders the facts of an answer without sections', () => {
    const answer: Answer = {
      ...bigAnswer(),
      sections: [],
      facts: [{ id: 'a', text: 'Only fact', date: '2023-06-16', sources: [] }],
    };
    expect(JSON.stringify(answerToBlockKit(answer))).toContain('*2023-06-16* Only fact');
  });
});
