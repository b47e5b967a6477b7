import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES } from '../../adapters/teams/limits.js';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  answerToActivity,
  answerToAdaptiveCard,
  answerToFallbackText,
  cardBytes,
  cardFactIds,
} from '../../adapters/teams/render.js';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { checkAdaptiveCard } from './teams-card-validator.js';

const QUESTIONS = [
  'help',
  'timeline',
  'timeline july 2023',
  'victims',
  'logging',
  'indicators',
  'actor',
  'technique',
  'status',
  'sources',
  'incidents',
  'who was affected?',
  'when was the key revoked?',
  'what is MailItemsAccessed',
  'qwxz plorf zzyzx',
];

let kb: KnowledgeBase;
const answerFor = (text: string): Answer =>
  respond(kb, parseCommand(text, kb), { now: new Date('2026-11-30T09:00:00Z') });
const factIds = (answer: Answer) => [...new Set(answer.facts.map((f) => f.id))].sort();
const shownIds = (answer: Answer) => [...new Set(cardFactIds(answerToAdaptiveCard(answer)))].sort();

beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: 'data/incidents' });
  kb = createKnowledgeBase(loaded.data);
});

describe('answerToAdaptiveCard', () => {
  it.each(QUESTIONS)('renders a valid Adaptive Card 1.5 for "%s"', (question) => {
    const card = answerToAdaptiveCard(answerFor(question));
    const check = checkAdaptiveCard(card);
    expect(check.problems).toEqual([]);
    expect(check.duplicateIds).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  it.each(QUESTIONS)('shows every fact of the core answer for "%s", by id and text', (question) => {
    const answer = answerFor(question);
    const card = answerToAdaptiveCard(answer);
    expect(shownIds(answer)).toEqual(factIds(answer));
    const json = JSON.stringify(card);
    for (const item of answer.sections.flatMap((s) => s.items ?? [])) {
      expect(json).toContain(JSON.stringify(item.text.slice(0, 40)).slice(1, -1));
    }
  });

  it('turns suggestions and More into Action.Submit buttons whose data is the command text', () => {
    const base = answerFor('timeline');
    const answer: Answer = { ...base, suggestions: ['victims', 'logging'], more: 'timeline page 2' };
    const card = answerToAdaptiveCard(answer);
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'victims', data: { ask: 'victims' } },
      { type: 'Action.Submit', title: 'logging', data: { ask: 'logging' } },
      { type: 'Action.Submit', title: 'More', data: { ask: 'timeline page 2' } },
    ]);
    expect(checkAdaptiveCard(card).problems).toEqual([]);
  });

  it('lays dated items out as FactSets (date | text), not markdown tables', () => {
    const answer: Answer = {
      ...answerFor('timeline'),
      sections: [{ heading: 'Events', items: [{ date: '2023-07-11', text: 'An event happened.', factId: 'tl-a' }] }],
    };
    const card = answerToAdaptiveCard(answer);
    const json = JSON.stringify(card);
    expect(card.body).toContainEqual({
      type: 'FactSet',
      id: 'fact:tl-a',
      spacing: 'Small',
      facts: [{ title: '2023-07-11', value: 'An event happened.' }],
    });
    expect(json).not.toContain('|---');
    expect(cardFactIds(card)).toEqual(['tl-a']);
  });

  it('lists sources as markdown links', () => {
    const answer: Answer = {
      ...answerFor('sources'),
      sources: [
        {
          id: 's1',
          publisher: 'Pub [x]',
          title: 'A (report)',
          url: 'https://example.com/a_(b)',
          kind: 'vendor',
          date: '2023-07-11',
        },
      ],
    };
    const json = JSON.stringify(answerToAdaptiveCard(answer));
    expect(json).toContain('[Pub (x): A (report)](https://example.com/a_%28b%29) (2023-07-11)');
  });

  it('stays under the Teams size budget by cutting items, and says so', () => {
    const items = Array.from({ length: 400 }, (_, i) => ({
      date: '2023-06-16',
      text: `Event number ${i} with enough words to take some room in the card. `.repeat(3),
      factId: `tl-${i}`,
    }));
    const answer: Answer = {
      ...answerFor('timeline'),
      sections: [{ heading: 'Events', items }],
      more: 'timeline page 2',
    };
    const card = answerToAdaptiveCard(answer);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const shown = cardFactIds(card);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(400);
    expect(shown).toEqual(items.slice(0, shown.length).map((i) => i.factId));
    expect(JSON.stringify(card)).toContain(`${400 - shown.length} more item(s) did not fit`);
    expect(card.actions?.at(-1)).toMatchObject({ title: 'More', data: { ask: 'timeline page 2' } });
    expect(checkAdaptiveCard(card).problems).toEqual([]);
  });

  it('wraps the card in a message activity with the title as summary', () => {
    const answer = answerFor('victims');
    const activity = answerToActivity(answer);
    expect(activity.summary).toBe(answer.title);
    expect(activity.attachments[0]?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  });
});

describe('answerToFallbackText', () => {
  it.each(QUESTIONS)('carries the title and every item text for "%s"', (question) => {
    const answer = answerFor(question);
    const text = answerToFallbackText(answer);
    expect(text.startsWith(answer.title)).toBe(true);
    for (const item of answer.sections.flatMap((s) => s.items ?? [])) expect(text).toContain(item.text);
    for (const source of answer.sources) expect(text).toContain(source.url);
  });
});

describe('the card validator', () => {
  it('reports an unknown element and a duplicate id, so the checks above can fail', () => {
    const check = checkAdaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Bogus' },
        { type: 'TextBlock', text: 'a', id: 'same' },
        { type: 'TextBlock', text: 'b', id: 'same' },
      ],
    });
    expect(check.problems.join('\n')).toMatch(/Bogus/);
    expect(check.duplicateIds).toEqual(['same']);
  });
});
