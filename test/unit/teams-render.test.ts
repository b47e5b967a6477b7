import { beforeAll, describe, expect, it } from 'vitest';
import { DATE_COLUMN_WIDTH, MAX_CARD_BYTES } from '../../adapters/teams/limits.js';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  answerToActivity,
  answerToAdaptiveCard,
  answerToFallbackText,
  type CardElement,
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

/** The words a card shows: TextBlock texts and RichTextBlock runs, joined (runs split text at code spans). */
function cardText(value: unknown): string {
  if (typeof value === 'string') return '';
  if (Array.isArray(value)) return value.map(cardText).join('\n');
  if (value === null || typeof value !== 'object') return '';
  const record = value as Record<string, unknown>;
  if (record.type === 'RichTextBlock' && Array.isArray(record.inlines)) {
    return record.inlines.map((i) => (typeof i === 'string' ? i : String((i as { text?: unknown }).text))).join('');
  }
  if (record.type === 'TextBlock' && typeof record.text === 'string') return record.text;
  return Object.values(record).map(cardText).join('\n');
}
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
    const text = cardText(card.body);
    for (const item of answer.sections.flatMap((s) => s.items ?? [])) {
      expect(text).toContain(
        item.text
          .replaceAll('`', '')
          .replace(/\s*\n\s*/g, ' ')
          .slice(0, 40),
      );
    }
  });

  it('turns suggestions and More into at most four Action.Submit buttons with short labels', () => {
    const base = answerFor('timeline');
    const answer: Answer = {
      ...base,
      suggestions: ['victims', 'what did the attackers do with the stolen key afterwards?', 'logging', 'actor', 'x'],
      more: 'timeline page 2',
    };
    const card = answerToAdaptiveCard(answer);
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'victims', data: { ask: 'victims' } },
      {
        type: 'Action.Submit',
        title: 'what did the attackers do…',
        tooltip: 'what did the attackers do with the stolen key afterwards?',
        data: { ask: 'what did the attackers do with the stolen key afterwards?' },
      },
      { type: 'Action.Submit', title: 'logging', data: { ask: 'logging' } },
      { type: 'Action.Submit', title: 'More', data: { ask: 'timeline page 2' } },
    ]);
    expect(checkAdaptiveCard(card).problems).toEqual([]);
  });

  it.each(QUESTIONS)('offers at most four buttons with labels of at most 26 characters for "%s"', (question) => {
    const actions = answerToAdaptiveCard(answerFor(question)).actions ?? [];
    expect(actions.length).toBeLessThanOrEqual(4);
    for (const action of actions) expect(String(action.title).length).toBeLessThanOrEqual(26);
  });

  it('lays dated items out as one Table per section, the dates in a fixed-width column that never wraps', () => {
    const answer: Answer = {
      ...answerFor('timeline'),
      sections: [
        {
          heading: 'Events',
          items: [
            { date: '2023-07-11', text: 'An event happened.', factId: 'tl-a' },
            { date: '2023-04-24 to 2023-07-06', text: 'A period.', factId: 'tl-b' },
            { text: 'Undated, in the same column of text.', factId: 'tl-c' },
          ],
        },
      ],
    };
    const card = answerToAdaptiveCard(answer);
    const tables = card.body.filter((e) => e.type === 'Table');
    expect(tables).toHaveLength(1);
    const table = tables[0] as unknown as { columns: unknown; rows: Array<{ cells: Array<{ items: CardElement[] }> }> };
    expect(table.columns).toEqual([{ width: DATE_COLUMN_WIDTH }, { width: 1 }]);
    expect(table.rows.map((r) => r.cells[0]?.items.map((e) => [e.text, e.wrap]))).toEqual([
      [['2023-07-11', false]],
      [
        ['2023-04-24', false],
        ['to 2023-07-06', false],
      ],
      [],
    ]);
    expect(cardFactIds(card)).toEqual(['tl-a', 'tl-b', 'tl-c']);
    expect(checkAdaptiveCard(card).problems).toEqual([]);
  });

  it('shows a recommendation note in full, one line per part, once per card', () => {
    const why = `Why: ${'a long reason that Slack shows in full '.repeat(20)}end.`;
    const note = `Look for: MailItemsAccessed\nNeeds: E5\n${why}`;
    const answer: Answer = {
      ...answerFor('logging'),
      sections: [
        {
          items: [
            { label: 'Log it', text: 'Do it.', note },
            { label: 'Again', text: 'Same note.', note },
          ],
        },
      ],
    };
    const text = cardText(answerToAdaptiveCard(answer).body);
    expect(text).toContain(why);
    expect(text.split('Look for: ').length).toBe(2);
  });

  it('lists the cited sources, numbered, as links; a non-http URL is never a link', () => {
    const base = answerFor('when was it detected');
    const answer: Answer = {
      ...base,
      facts: [{ ...(base.facts[0] as Answer['facts'][number]), cites: [1, 2] }],
      sources: [
        { id: 's1', publisher: 'Pub [x]', title: 'A *report*', url: 'https://example.com/a_(b)', kind: 'vendor', n: 1 },
        { id: 's2', publisher: 'Bad', title: 'Link', url: 'javascript:alert(1)', kind: 'vendor', date: '2023', n: 2 },
      ],
    };
    const card = answerToAdaptiveCard(answer);
    const json = JSON.stringify(card);
    expect(json).toContain(
      '{"type":"RichTextBlock","inlines":["[1] ",{"type":"TextRun","text":"Pub [x]: A *report*","selectAction":{"type":"Action.OpenUrl","url":"https://example.com/a_(b)"}}],"spacing":"None"}',
    );
    expect(json).toContain('{"type":"RichTextBlock","inlines":["[2] ","Bad: Link"," (2023)"],"spacing":"None"}');
    expect(json).not.toContain('javascript:');
    expect(cardText(card.body)).toMatch(/\[1\]\[2\]/);
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
