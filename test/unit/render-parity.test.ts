/**
 * Parity between the chat renderers: for every golden question, the Slack blocks and the Teams card show the same
 * facts (STYLE.md: one contract for both chat adapters). Teams marks facts by element id (`fact:<id>`); Slack
 * writes each item as a mrkdwn line, so a fact counts as shown there when its item's escaped text is in the blocks.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerToBlockKit, type Block } from '../../adapters/slack/render.js';
import { escapeMrkdwn } from '../../adapters/slack/text.js';
import { answerToAdaptiveCard, cardFactIds } from '../../adapters/teams/render.js';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const GOLDEN_FILES = ['test/golden/questions.yaml', 'test/golden/holdout.yaml'];
const NOW = new Date('2026-11-30T09:00:00Z');

async function goldenQuestions(): Promise<string[]> {
  const questions: string[] = [];
  for (const file of GOLDEN_FILES) {
    const cases = parse(await readFile(file, 'utf8')) as Array<{ q?: unknown }> | null;
    for (const c of cases ?? []) if (typeof c.q === 'string') questions.push(c.q);
  }
  return questions;
}

/** What shows each fact, as both renderers lay it out: its item, or a section text that is the fact's text. */
function factTexts(answer: Answer): Array<{ id: string; text: string }> {
  const empty = answer.sections.every((s) => !s.heading && !s.text && (s.items ?? []).length === 0);
  if (empty) return answer.facts.map((f) => ({ id: f.id, text: f.text }));
  const byText = new Map(answer.facts.map((f) => [f.text, f.id]));
  const shown: Array<{ id: string; text: string }> = [];
  for (const section of answer.sections) {
    const id = section.text ? byText.get(section.text) : undefined;
    if (id && section.text) shown.push({ id, text: section.text });
    for (const item of section.items ?? []) if (item.factId) shown.push({ id: item.factId, text: item.text });
  }
  return shown;
}

function slackText(blocks: Block[]): string {
  return blocks
    .map((b) => ('text' in b ? b.text.text : 'elements' in b ? JSON.stringify(b.elements) : ''))
    .join('\n')
    .replaceAll('`', '')
    .replace(/\s+/g, ' ');
}

function slackFactIds(answer: Answer, blocks: Block[]): string[] {
  const text = slackText(blocks);
  const ids = new Set<string>();
  for (const shown of factTexts(answer)) {
    const needle = escapeMrkdwn(shown.text).replaceAll('`', '').replace(/\s+/g, ' ').slice(0, 120);
    if (text.includes(needle)) ids.add(shown.id);
  }
  return [...ids].sort();
}

let kb: KnowledgeBase;
let questions: string[] = [];

beforeAll(async () => {
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: 'data/incidents' })).data);
  questions = await goldenQuestions();
});

describe('Slack and Teams renderings carry the same facts', () => {
  it('has golden questions to compare', () => {
    expect(questions.length).toBeGreaterThan(50);
  });

  it('for every golden question', () => {
    const mismatches: string[] = [];
    let withFacts = 0;
    for (const question of questions) {
      const answer = respond(kb, parseCommand(question, kb), { now: NOW });
      const teams = [...new Set(cardFactIds(answerToAdaptiveCard(answer)))].sort();
      const slack = slackFactIds(answer, answerToBlockKit(answer));
      if (teams.length > 0) withFacts++;
      if (JSON.stringify(teams) !== JSON.stringify(slack)) {
        mismatches.push(`${question}: teams [${teams.join(', ')}] slack [${slack.join(', ')}]`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(withFacts, 'answers with facts were compared').toBeGreaterThan(0);
  });
});
