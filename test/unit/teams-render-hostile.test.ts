// 12.13: knowledge-base text is not trusted Markdown. An incident whose every text field carries Markdown, HTML,
// card date functions and mentions is answered and rendered; a CommonMark parser (remark, as Teams-like clients
// parse TextBlocks) must find nothing but plain text in any TextBlock, and the hostile strings must reach the card
// only as TextRuns (which no client reads as Markdown), character for character.
import { describe, expect, it } from 'vitest';
import { answerToAdaptiveCard, type CardElement } from '../../adapters/teams/render.js';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { markdownOf, walk } from '../fixtures/card-markdown.js';
import { projectLanguage } from '../fixtures/language.js';
import { checkAdaptiveCard } from './teams-card-validator.js';

const HOSTILE = [
  '**bold** _it_ ~~gone~~',
  '[click me](javascript:alert(1))',
  '<at>everyone</at> <img src=x onerror=alert(1)>',
  '{{DATE(2017-02-14T06:00:00Z, SHORT)}}',
  '`code` and ![img](https://example.com/x.png)',
];
const hostile = (i: number) => `Plain words ${HOSTILE[i % HOSTILE.length]} end`;

const incident = incidentSchema.parse({
  id: 'hostile-1',
  title: `# Hostile *incident* ${HOSTILE[1]}`,
  aliases: ['*hostile* [x](y) <b>'],
  summary: hostile(0),
  status: { text: hostile(3), asOf: '2026-08', sources: ['s1'] },
  timeline: [0, 1, 2, 3, 4].map((i) => ({
    id: `e${i}`,
    date: `2023-0${i + 1}-01`,
    title: hostile(i),
    detail: hostile(i + 1),
    sources: ['s1'],
  })),
  recommendations: [
    {
      id: 'r1',
      title: hostile(2),
      why: hostile(1),
      action: hostile(0),
      lookFor: hostile(3),
      prerequisites: hostile(4),
      sources: ['s1'],
    },
  ],
  sources: [
    { id: 's1', publisher: `- ${HOSTILE[0]}`, title: HOSTILE[1], url: 'https://example.com/s1', kind: 'press' },
  ],
});
const kb = createKnowledgeBase({
  incidents: [incident],
  synonyms: [],
  language: projectLanguage(),
  version: 'hostile',
  defaultIncident: 'hostile-1',
});

describe('Teams cards with hostile knowledge-base text', () => {
  it.each(['timeline', 'logging', 'status', 'sources'])('"%s": TextBlocks read as plain text, runs verbatim', (q) => {
    const answer = respond(kb, parseCommand(q, kb), { now: new Date('2026-11-30T00:00:00Z') });
    const card = answerToAdaptiveCard(answer);
    expect(checkAdaptiveCard(card).problems).toEqual([]);
    const runs: string[] = [];
    walk(card.body, (element) => {
      if (element.type === 'TextBlock' && typeof element.text === 'string') {
        const md = markdownOf(element.text);
        expect(
          [...md.types].filter((t) => !['root', 'paragraph', 'text'].includes(t)),
          element.text,
        ).toEqual([]);
        expect(md.text.replace(/\s+/g, ' ').trim()).toBe(
          element.text.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim(),
        );
      }
      if (element.type === 'RichTextBlock') {
        runs.push(
          (element.inlines as Array<string | CardElement>).map((i) => (typeof i === 'string' ? i : i.text)).join(''),
        );
      }
    });
    const shown = runs.join('\n');
    const json = JSON.stringify(card.body);
    expect(json).not.toContain('{{DATE');
    expect(json).not.toMatch(/"url":"javascript/);
    if (q === 'timeline') {
      for (const text of HOSTILE.filter((h) => !h.includes('{{') && !h.includes('`'))) expect(shown).toContain(text);
      expect(shown).toContain('{\u200b{DATE(2017-02-14T06:00:00Z, SHORT)}}');
    }
  });

  it('escapes a title and headings instead of trusting them', () => {
    const answer = respond(kb, parseCommand('timeline', kb), { now: new Date() });
    const card = answerToAdaptiveCard({
      ...answer,
      title: `# ${HOSTILE[0]} ${HOSTILE[1]}`,
      sections: [{ heading: `1. ${HOSTILE[2]}`, text: 'x' }, ...answer.sections],
    });
    const blocks = card.body.filter((e) => e.type === 'TextBlock').slice(0, 2) as unknown as Array<{ text: string }>;
    expect(blocks.map((b) => b.text)).toEqual([
      '\\# \\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\[click me\\](javascript:alert(1))',
      '1\\. \\<at\\>everyone\\</at\\> \\<img src=x onerror=alert(1)\\>',
    ]);
    for (const b of blocks) expect(markdownOf(b.text).types).toEqual(new Set(['root', 'paragraph', 'text']));
  });
});
