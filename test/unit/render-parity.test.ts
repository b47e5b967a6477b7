/**
 * Parity between the renderers: for every golden question, the Slack blocks and the Teams card show the same
 * facts (STYLE.md: one contract for both chat adapters). Teams marks facts by element id (`fact:<id>`); Slack
 * writes each item as a mrkdwn line, so a fact counts as shown there when its item's escaped text is in the blocks.
 * And on all four surfaces (Slack, Teams, the page's JSON, the terminal) every shown fact ends with its citation
 * numbers, each of which is in the numbered source list under the answer.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerToBlockKit, type Block } from '../../adapters/slack/render.js';
import { escapeMrkdwn } from '../../adapters/slack/text.js';
import { type AdaptiveCard, answerToAdaptiveCard, cardFactIds } from '../../adapters/teams/render.js';
import type { Answer } from '../../src/core/answer.js';
import { toAnswerJson } from '../../src/core/answer-json.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { answerToPlainLines } from '../../src/core/plain-text.js';
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

/** The `[1][3]` markers at the end of a line, as numbers; undefined when the line has none. */
function trailingMarks(line: string): number[] | undefined {
  const marks = /((?:\[\d+\])+)\s*$/.exec(line)?.[1];
  return marks ? [...marks.matchAll(/\d+/g)].map((m) => Number(m[0])) : undefined;
}

/** Per surface: the markers shown with each fact, and the numbers of the listed sources. */
interface Surface {
  marks(answer: Answer, factId: string, text: string): number[] | undefined;
  listed: Set<number>;
}

/** A fact's line in a rendering made of lines: the first line holding its text (compared without backticks). */
function linesSurface(lines: string[], listed: Set<number>): Surface {
  const flat = lines.map((l) => l.replaceAll('`', ''));
  return {
    marks: (_answer, _id, needle) => {
      const line = flat.find((l) => l.includes(needle));
      return line === undefined ? undefined : trailingMarks(line);
    },
    listed,
  };
}

function slackSurface(answer: Answer): Surface {
  const blocks = answerToBlockKit(answer);
  const lines = blocks.flatMap((b) => (b.type === 'section' ? b.text.text.split('\n') : []));
  const listed = new Set<number>();
  for (const b of blocks) {
    if (b.type !== 'context') continue;
    for (const e of b.elements) for (const m of e.text.matchAll(/^\[(\d+)\] </gm)) listed.add(Number(m[1]));
  }
  const surface = linesSurface(lines, listed);
  return {
    ...surface,
    marks: (a, id, text) => surface.marks(a, id, escapeMrkdwn(text).replaceAll('`', '').slice(0, 80)),
  };
}

function teamsSurface(card: AdaptiveCard): Surface {
  const byFact = new Map<string, number[] | undefined>();
  const listed = new Set<number>();
  const textOf = (inlines: unknown[]) =>
    inlines.map((i) => (typeof i === 'string' ? i : String((i as { text?: unknown }).text ?? ''))).join('');
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const r = value as Record<string, unknown>;
    if (r.type === 'RichTextBlock' && Array.isArray(r.inlines)) {
      const first = r.inlines[0];
      const n = typeof first === 'string' ? /^\[(\d+)\] $/.exec(first)?.[1] : undefined;
      if (n) listed.add(Number(n));
    }
    if (typeof r.id === 'string' && r.id.startsWith('fact:') && !byFact.has(r.id.slice(5))) {
      const blocks = r.type === 'Container' ? (r.items as Array<Record<string, unknown>>) : [r];
      const last = blocks.at(-1);
      byFact.set(r.id.slice(5), last && Array.isArray(last.inlines) ? trailingMarks(textOf(last.inlines)) : undefined);
    }
    Object.values(r).forEach(visit);
  };
  visit(card.body);
  return { marks: (_a, id) => byFact.get(id), listed };
}

function terminalSurface(answer: Answer): Surface {
  const lines = answerToPlainLines(answer);
  const listed = new Set(
    lines.flatMap((l) => (l.kind === 'source' ? (/^\[(\d+)\] /.exec(l.text)?.[1] ?? []) : [])).map(Number),
  );
  // facts are on item and text lines (the title may repeat a fact's first words)
  const surface = linesSurface(
    lines.filter((l) => l.kind === 'item' || l.kind === 'text').map((l) => l.text),
    listed,
  );
  return { ...surface, marks: (a, id, text) => surface.marks(a, id, text.replaceAll('`', '').slice(0, 80)) };
}

function pageSurface(answer: Answer): Surface {
  const json = toAnswerJson(answer);
  const byFact = new Map(json.facts.map((f) => [f.id, f.cites]));
  return { marks: (_a, id) => byFact.get(id), listed: new Set(json.sources.flatMap((s) => s.n ?? [])) };
}

describe('citations resolve on every surface', () => {
  it('for every golden question: each shown fact ends with its numbers, and each number is a listed source', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const question of questions) {
      const answer = respond(kb, parseCommand(question, kb), { now: NOW });
      const card = answerToAdaptiveCard(answer);
      const onCard = new Set(cardFactIds(card));
      const surfaces: Array<[string, Surface]> = [
        ['slack', slackSurface(answer)],
        ['teams', teamsSurface(card)],
        ['page', pageSurface(answer)],
        ['terminal', terminalSurface(answer)],
      ];
      for (const shown of factTexts(answer)) {
        const fact = answer.facts.find((f) => f.id === shown.id);
        if (!fact?.cites?.length) {
          problems.push(`${question}: ${shown.id} cites nothing`);
          continue;
        }
        for (const [name, surface] of surfaces) {
          if (name === 'teams' && !onCard.has(shown.id)) continue;
          const marks = surface.marks(answer, shown.id, shown.text);
          checked++;
          if (JSON.stringify(marks) !== JSON.stringify(fact.cites)) {
            problems.push(`${question} (${name}): ${shown.id} shows [${marks ?? ''}], cites [${fact.cites}]`);
          }
          for (const n of fact.cites) {
            if (!surface.listed.has(n)) problems.push(`${question} (${name}): [${n}] of ${shown.id} is not listed`);
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  });
});
