/**
 * `Answer` → Adaptive Card 1.5 (what Teams renders) plus plain fallback text. Dated items are laid out as
 * one-row FactSets, date | text (Teams markdown has no reliable tables); each element that shows a fact carries
 * the element id `fact:<id>`. Suggestions and "More" are `Action.Submit` buttons whose data `{ ask }` comes back as a message.
 * A card that would pass the size budget is cut at an item boundary and says how much was left out.
 *
 * @example
 * const card = answerToAdaptiveCard(answer);
 * await context.sendActivity(answerToActivity(answer)); // the card as an attachment, the title as summary
 */
import {
  type Answer,
  type AnswerCode,
  type AnswerFact,
  type AnswerItem,
  type AnswerSection,
  type AnswerSource,
  asOfText,
  citationsOf,
  citeMarks,
} from '../../src/core/answer.js';
import { CARD_VERSION, MAX_ACTIONS, MAX_CARD_BYTES, MAX_ITEM_CHARS, MAX_SOURCES } from './limits.js';

/** One Adaptive Card element or action, as JSON. */
export type CardElement = { type: string } & Record<string, unknown>;

/** An Adaptive Card as JSON. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  fallbackText?: string;
  msteams?: { width: 'Full' };
}

/** The data an `Action.Submit` button sends back; `ask` is command text the bot answers. */
export interface SubmitData {
  ask: string;
}

/** Prefix of the element id that marks a rendered fact. */
export const FACT_ID_PREFIX = 'fact:';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface RenderOptions {
  /** byte budget for the card JSON (default: limits.MAX_CARD_BYTES) */
  maxBytes?: number;
}

const clip = (text: string, max = MAX_ITEM_CHARS) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const textBlock = (text: string, extra: Record<string, unknown> = {}): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/** A Submit button that sends `ask` back to the bot as if typed. */
export function submitAction(title: string, ask: string): CardElement {
  const data: SubmitData = { ask };
  return { type: 'Action.Submit', title: clip(title, 60), data };
}

/**
 * One item: a dated item is a one-row FactSet (date | text), an undated one a TextBlock. Both are compact on
 * purpose: a long timeline has to fit in one Teams message.
 */
function itemElement(
  item: AnswerItem,
  id: string | undefined,
  fact: AnswerFact | undefined,
  cites: readonly number[] | undefined,
): CardElement {
  const mark = fact?.corrects?.length ? '✏️ _Correction:_ ' : '';
  const marks = citeMarks(cites);
  const main = `${mark}${item.label ? `**${item.label}**: ` : ''}${clip(item.text)}${marks ? ` ${marks}` : ''}`;
  const note = item.note ?? fact?.correctionNote;
  let element: CardElement;
  if (item.date) {
    const value = note ? `${main}\n\n_${clip(note, 500)}_` : main;
    element = { type: 'FactSet', spacing: 'Small', facts: [{ title: item.date, value }] };
  } else if (note) {
    element = {
      type: 'Container',
      spacing: 'Small',
      items: [textBlock(main), textBlock(clip(note, 500), { isSubtle: true, size: 'Small', spacing: 'None' })],
    };
  } else element = textBlock(main, { spacing: 'Small' });
  if (id) element.id = id;
  return element;
}

function linkText(source: AnswerSource): string {
  const label = `${source.publisher}: ${source.title}`.replace(/[[\]]/g, (c) => (c === '[' ? '(' : ')'));
  const url = source.url.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${clip(label, 160)}](${url})${source.date ? ` (${source.date})` : ''}`;
}

/** The answer's sections; an answer with facts but no section content shows its facts as one list. */
function displaySections(answer: Answer): AnswerSection[] {
  const empty = answer.sections.every((x) => !x.heading && !x.text && (x.items ?? []).length === 0);
  if (!empty || answer.facts.length === 0) return answer.sections;
  return [{ items: answer.facts.map((f): AnswerItem => ({ text: f.text, date: f.date, factId: f.id })) }];
}

interface Block {
  element: CardElement;
  /** part of a section's item list: the only blocks dropped when the card is too big */
  item: boolean;
}

/** A code section: verbatim, monospace, one TextRun (never read as Markdown). */
function codeElements(code: AnswerCode): CardElement[] {
  const out: CardElement[] = [];
  if (code.label) out.push(textBlock(code.label, { size: 'Small', isSubtle: true, spacing: 'Small' }));
  out.push({
    type: 'RichTextBlock',
    spacing: 'Small',
    inlines: [{ type: 'TextRun', text: clip(code.text.replace(/\n+$/, ''), 6000), fontType: 'Monospace' }],
  });
  return out;
}

function bodyBlocks(answer: Answer): Block[] {
  const blocks: Block[] = [
    {
      element: textBlock(clip(answer.title, 300), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      item: false,
    },
  ];
  if (answer.asOf) {
    const asOf = asOfText(answer.asOf);
    blocks.push({
      element: textBlock(`${asOf.charAt(0).toUpperCase()}${asOf.slice(1)}`, {
        size: 'Small',
        isSubtle: true,
        spacing: 'None',
      }),
      item: false,
    });
  }
  const cites = citationsOf(answer);
  const used = new Set<string>();
  const facts = new Map(answer.facts.map((f) => [f.id, f]));
  // a section whose text is a fact (a summary, a status) shows that fact
  const factByText = new Map(answer.facts.map((f) => [f.text, f.id]));
  for (const section of displaySections(answer)) {
    if (section.heading) {
      blocks.push({
        element: textBlock(clip(section.heading, 200), { weight: 'Bolder', spacing: 'Medium' }),
        item: false,
      });
    }
    if (section.text) {
      const marks = citeMarks(cites.text(section.text));
      const element = textBlock(`${clip(section.text, 3000)}${marks ? ` ${marks}` : ''}`);
      const factId = factByText.get(section.text);
      if (factId && !used.has(factId)) {
        used.add(factId);
        element.id = `${FACT_ID_PREFIX}${factId}`;
      }
      blocks.push({ element, item: false });
    }
    for (const item of section.items ?? []) {
      let id: string | undefined;
      if (item.factId && !used.has(item.factId)) {
        used.add(item.factId);
        id = `${FACT_ID_PREFIX}${item.factId}`;
      }
      const fact = item.factId ? facts.get(item.factId) : undefined;
      blocks.push({ element: itemElement(item, id, fact, cites.item(item) ?? fact?.cites), item: true });
    }
    if (section.code) for (const element of codeElements(section.code)) blocks.push({ element, item: false });
  }
  return blocks;
}

function sourceBlocks(sources: AnswerSource[]): CardElement[] {
  if (sources.length === 0) return [];
  const shown = sources.slice(0, MAX_SOURCES);
  const lines = shown.map((s) => `${s.n !== undefined ? `${s.n}.` : '-'} ${linkText(s)}`);
  if (sources.length > shown.length) lines.push(`- and ${sources.length - shown.length} more`);
  return [
    textBlock('Sources', { weight: 'Bolder', spacing: 'Medium', separator: true }),
    textBlock(lines.join('\n'), { size: 'Small', spacing: 'Small' }),
  ];
}

function actionsFor(answer: Answer): CardElement[] {
  const actions: CardElement[] = [];
  const seen = new Set<string>();
  const room = answer.more ? MAX_ACTIONS - 1 : MAX_ACTIONS;
  for (const suggestion of answer.suggestions) {
    const key = suggestion.trim().toLowerCase();
    if (key === '' || seen.has(key) || actions.length >= room) continue;
    seen.add(key);
    actions.push(submitAction(suggestion, suggestion));
  }
  if (answer.more) actions.push(submitAction('More', answer.more));
  return actions;
}

function assemble(answer: Answer, body: CardElement[], fallback: string): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body: [...body, ...sourceBlocks(answer.sources)],
    fallbackText: fallback,
    msteams: { width: 'Full' },
  };
  const actions = actionsFor(answer);
  if (actions.length > 0) card.actions = actions;
  return card;
}

/** Size of a card as Teams counts it (UTF-8 bytes of its JSON). */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * Renders an answer as an Adaptive Card within `maxBytes`. Items are dropped from the end only when the whole card
 * would not fit; the card then says how many were left out.
 */
export function answerToAdaptiveCard(answer: Answer, options: RenderOptions = {}): AdaptiveCard {
  const maxBytes = options.maxBytes ?? MAX_CARD_BYTES;
  const blocks = bodyBlocks(answer);
  const fallback = clip(answerToFallbackText(answer), 500);
  let card = assemble(
    answer,
    blocks.map((b) => b.element),
    fallback,
  );
  if (cardBytes(card) <= maxBytes) return card;
  const kept = [...blocks];
  let dropped = 0;
  while (cardBytes(card) > maxBytes) {
    let excess = cardBytes(card) - maxBytes + 200;
    let removedAny = false;
    while (excess > 0) {
      const last = kept.map((b) => b.item).lastIndexOf(true);
      if (last === -1) break;
      const [removed] = kept.splice(last, 1);
      excess -= Buffer.byteLength(JSON.stringify(removed?.element), 'utf8') + 1;
      dropped++;
      removedAny = true;
    }
    const note = textBlock(
      `${dropped} more item(s) did not fit in one message${answer.more ? ': press More, or' : ':'} ask a narrower question.`,
      { isSubtle: true, spacing: 'Medium' },
    );
    card = assemble(answer, [...kept.map((b) => b.element), note], fallback);
    if (!removedAny) break;
  }
  return card;
}

/** Plain text carrying every shown fact, for notifications, screen readers and clients without cards. */
export function answerToFallbackText(answer: Answer): string {
  const lines: string[] = [answer.title];
  for (const section of displaySections(answer)) {
    lines.push('');
    if (section.heading) lines.push(section.heading);
    if (section.text) lines.push(section.text);
    for (const item of section.items ?? []) {
      const head = [item.date, item.label].filter(Boolean).join(' ');
      lines.push(`- ${head ? `${head}: ` : ''}${item.text}`);
      if (item.note) lines.push(`  ${item.note}`);
    }
    if (section.code) lines.push(section.code.text);
  }
  if (answer.asOf) lines.push('', asOfText(answer.asOf));
  if (answer.sources.length > 0) {
    lines.push('', 'Sources:');
    for (const s of answer.sources)
      lines.push(`${s.n !== undefined ? `[${s.n}]` : '-'} ${s.publisher}: ${s.title} <${s.url}>`);
  }
  if (answer.suggestions.length > 0) lines.push('', `Try: ${answer.suggestions.join(' · ')}`);
  if (answer.more) lines.push(`More: ${answer.more}`);
  return lines.join('\n');
}

/** The ids of the facts a card shows (from its `fact:` element ids). */
export function cardFactIds(card: AdaptiveCard): string[] {
  const ids: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && record.id.startsWith(FACT_ID_PREFIX)) {
      ids.push(record.id.slice(FACT_ID_PREFIX.length));
    }
    for (const v of Object.values(record)) if (typeof v === 'object') visit(v);
  };
  visit(card.body);
  return ids;
}

/** The message activity that carries an answer: the card as an attachment, the title as the notification summary. */
export function answerToActivity(answer: Answer, options: RenderOptions = {}) {
  return {
    type: 'message' as const,
    summary: answer.title.slice(0, 200),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: answerToAdaptiveCard(answer, options) }],
  };
}
