/**
 * `Answer` → Adaptive Card 1.5 (what Teams renders) plus plain fallback text. A section with dated items is one
 * `Table` whose first column has a fixed width, so every date sits in one column and never wraps; other items are
 * bulleted. Text is never read as Markdown (`card-text.ts`): values and commands are monospace runs, every fact ends
 * with its citation numbers and the cited sources are listed, numbered, under the answer. The element that shows a
 * fact carries the id `fact:<id>`. Suggestions and "More" are at most four `Action.Submit` buttons with short
 * labels whose data `{ ask }` comes back as a message. A card that would pass the size budget is cut at an item
 * boundary and says how much was left out.
 *
 * @example
 * await context.sendActivity(answerToActivity(answer)); // the card as an attachment, the title as summary
 */
import {
  type Answer,
  type AnswerCode,
  type AnswerItem,
  type AnswerSection,
  type AnswerSource,
  asOfText,
  citationsOf,
  citeMarks,
  noteLines,
} from '../../src/core/answer.js';
import {
  type CardElement,
  escapeTeamsMarkdown,
  type Inline,
  linkRun,
  type RunStyle,
  richText,
  run,
  textBlock,
  textRuns,
} from './card-text.js';
import { CARD_VERSION, DATE_COLUMN_WIDTH, MAX_ACTIONS, MAX_CARD_BYTES, MAX_LABEL_CHARS } from './limits.js';

export type { CardElement } from './card-text.js';

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

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** A button label of at most MAX_LABEL_CHARS, cut at a word; a short question stays whole. */
export function shortLabel(text: string): string {
  const label = text.trim().replace(/\s+/g, ' ');
  if (label.length <= MAX_LABEL_CHARS) return label;
  const cut = label.lastIndexOf(' ', MAX_LABEL_CHARS - 1);
  return `${label.slice(0, cut > MAX_LABEL_CHARS / 2 ? cut : MAX_LABEL_CHARS - 1).replace(/[\s,;:]+$/, '')}…`;
}

/** A Submit button that sends `ask` back to the bot as if typed; the full text is its tooltip. */
export function submitAction(title: string, ask: string): CardElement {
  const data: SubmitData = { ask };
  const label = shortLabel(title);
  return { type: 'Action.Submit', title: label, ...(label !== title ? { tooltip: clip(title, 200) } : {}), data };
}

/** One piece of the card body; items (and table rows) are the only pieces dropped when the card is too big. */
interface Part {
  element?: CardElement;
  /** a table row: the section's table it belongs to and its two cells */
  row?: { table: number; date: CardElement[]; text: CardElement[] };
  item: boolean;
  /** the citation numbers this piece shows */
  cites: readonly number[];
}

const marksRun = (cites: readonly number[] | undefined): Inline[] => {
  const marks = citeMarks(cites);
  return marks ? [run(` ${marks}`, { isSubtle: true, size: 'Small' })] : [];
};

/** Note lines under an item: "Why: …" gets an italic label, other lines are italic; all subtle. */
function noteBlocks(note: string): CardElement[] {
  const subtle: RunStyle = { isSubtle: true };
  return noteLines(note).map(({ label, text }) =>
    richText(
      label !== undefined
        ? [run(`${label}: `, { ...subtle, italic: true }), ...textRuns(text, undefined, subtle)]
        : textRuns(text, undefined, { ...subtle, italic: true }),
      { spacing: 'None' },
    ),
  );
}

/** The date cell: a range on two lines ("2023-04-24" / "to 2023-07-06"), each kept on one line. */
function dateCell(date: string | undefined): CardElement[] {
  if (!date) return [];
  const [from, to] = date.split(/\s+to\s+/);
  const cell: CardElement[] = [{ type: 'TextBlock', text: from ?? date, wrap: false, weight: 'Bolder' }];
  if (to) cell.push({ type: 'TextBlock', text: `to ${to}`, wrap: false, isSubtle: true, spacing: 'None' });
  return cell;
}

function codeBlocks(code: AnswerCode): CardElement[] {
  const lines = code.text.replace(/\n+$/, '').split('\n');
  const out: CardElement[] = [];
  if (code.label) out.push(textBlock(code.label, { size: 'Small', isSubtle: true, spacing: 'Medium' }));
  out.push({
    type: 'Container',
    style: 'emphasis',
    spacing: code.label ? 'Small' : 'Medium',
    items: lines.map((line) =>
      richText([run(line === '' ? ' ' : line, { fontType: 'Monospace' })], { spacing: 'None' }),
    ),
  });
  return out;
}

/** The answer's sections; an answer with facts but no section content shows its facts as one list. */
function displaySections(answer: Answer): AnswerSection[] {
  const empty = answer.sections.every((x) => !x.heading && !x.text && (x.items ?? []).length === 0 && !x.code);
  if (!empty || answer.facts.length === 0) return answer.sections;
  return [{ items: answer.facts.map((f): AnswerItem => ({ text: f.text, date: f.date, factId: f.id })) }];
}

function bodyParts(answer: Answer): Part[] {
  const parts: Part[] = [
    {
      element: textBlock(clip(answer.title, 300), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      item: false,
      cites: [],
    },
  ];
  if (answer.asOf) {
    const element = textBlock(capitalized(asOfText(answer.asOf)), { size: 'Small', isSubtle: true, spacing: 'None' });
    parts.push({ element, item: false, cites: [] });
  }
  const used = new Set<string>();
  const cites = citationsOf(answer);
  const facts = new Map(answer.facts.map((f) => [f.id, f]));
  // a section whose text is a fact (a summary, a status) shows that fact
  const factByText = new Map(answer.facts.map((f) => [f.text, f.id]));
  const notesSaid = new Set<string>();
  const claim = (factId: string | undefined) => {
    if (!factId || used.has(factId)) return undefined;
    used.add(factId);
    return `${FACT_ID_PREFIX}${factId}`;
  };
  let table = 0;
  for (const section of displaySections(answer)) {
    if (section.heading) {
      parts.push({
        element: textBlock(clip(section.heading, 200), { weight: 'Bolder', spacing: 'Medium' }),
        item: false,
        cites: [],
      });
    }
    if (section.text) {
      const marks = cites.text(section.text) ?? [];
      const lines = section.text.split('\n');
      const blocks = lines.map((line, i) =>
        line.trim() === ''
          ? undefined
          : richText([...textRuns(line), ...(i === lines.length - 1 ? marksRun(marks) : [])], {
              spacing: i === 0 ? 'Small' : 'None',
            }),
      );
      const items = blocks.filter((b): b is CardElement => b !== undefined);
      const id = claim(factByText.get(section.text));
      const element: CardElement =
        items.length === 1 ? (items[0] as CardElement) : { type: 'Container', spacing: 'Small', items };
      if (id) element.id = id;
      parts.push({ element, item: false, cites: marks });
    }
    const items = section.items ?? [];
    const tabled = items.some((i) => i.date);
    table++;
    for (const item of items) {
      const fact = item.factId ? facts.get(item.factId) : undefined;
      const itemCites = cites.item(item) ?? fact?.cites ?? [];
      const inlines = [
        ...(tabled ? [] : [run('• ')]),
        ...(fact?.corrects?.length ? [run('✏️ Correction: ', { italic: true })] : []),
        ...(item.label ? [run(`${item.label}: `, { weight: 'Bolder' })] : []),
        ...textRuns(item.text, item.value),
        ...marksRun(itemCites),
      ];
      const main = richText(inlines, tabled ? {} : { spacing: 'Small' });
      const id = claim(item.factId);
      if (id) main.id = id;
      const text = [main];
      const note = item.note ?? fact?.correctionNote;
      if (note && !notesSaid.has(note)) {
        notesSaid.add(note);
        text.push(...noteBlocks(note));
      }
      if (tabled) parts.push({ row: { table, date: dateCell(item.date), text }, item: true, cites: itemCites });
      else {
        const element = text.length === 1 ? main : { type: 'Container', spacing: 'Small', items: text };
        parts.push({ element, item: true, cites: itemCites });
      }
    }
    if (section.code) for (const element of codeBlocks(section.code)) parts.push({ element, item: false, cites: [] });
  }
  return parts;
}

const tableRow = (row: NonNullable<Part['row']>): CardElement => ({
  type: 'TableRow',
  cells: [
    { type: 'TableCell', items: row.date },
    { type: 'TableCell', items: row.text },
  ],
});

/** Pieces → body elements: consecutive rows of one section become one Table with a fixed-width date column. */
function bodyOf(parts: Part[]): CardElement[] {
  const body: CardElement[] = [];
  let current: { table: number; rows: CardElement[] } | undefined;
  for (const part of parts) {
    if (part.row) {
      if (!current || current.table !== part.row.table) {
        current = { table: part.row.table, rows: [] };
        body.push({
          type: 'Table',
          spacing: 'Small',
          columns: [{ width: DATE_COLUMN_WIDTH }, { width: 1 }],
          firstRowAsHeader: false,
          showGridLines: false,
          verticalCellContentAlignment: 'Top',
          rows: current.rows,
        });
      }
      current.rows.push(tableRow(part.row));
      continue;
    }
    current = undefined;
    if (part.element) body.push(part.element);
  }
  return body;
}

function sourceBlocks(answer: Answer, parts: Part[]): CardElement[] {
  const cited = new Set(parts.flatMap((p) => p.cites));
  const numbered = answer.sources.some((s) => s.n !== undefined);
  // numbered sources: the ones the shown facts cite; an unnumbered list (the `sources` answer) is shown as it is
  const shown = numbered ? answer.sources.filter((s) => s.n !== undefined && cited.has(s.n)) : answer.sources;
  if (shown.length === 0) return [];
  return [
    textBlock('Sources', { weight: 'Bolder', spacing: 'Medium', separator: true }),
    ...shown.map((s) => sourceLine(s)),
  ];
}

function sourceLine(source: AnswerSource): CardElement {
  return richText(
    [
      source.n !== undefined ? `[${source.n}] ` : '• ',
      linkRun(clip(`${source.publisher}: ${source.title}`, 200), source.url),
      ...(source.date ? [` (${source.date})`] : []),
    ],
    { spacing: 'None' },
  );
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

function assemble(answer: Answer, parts: Part[], extra: CardElement[], fallback: string): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body: [...bodyOf(parts), ...extra, ...sourceBlocks(answer, parts)],
    // a client that cannot show the card may render this as Markdown: knowledge-base text is never trusted as such
    fallbackText: escapeTeamsMarkdown(fallback),
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

const partBytes = (part: Part) =>
  Buffer.byteLength(JSON.stringify(part.row ? tableRow(part.row) : part.element), 'utf8');

/**
 * Renders an answer as an Adaptive Card within `maxBytes`. Items are dropped from the end only when the whole card
 * would not fit; the card then says how many were left out.
 */
export function answerToAdaptiveCard(answer: Answer, options: RenderOptions = {}): AdaptiveCard {
  const maxBytes = options.maxBytes ?? MAX_CARD_BYTES;
  const parts = bodyParts(answer);
  const fallback = clip(answerToFallbackText(answer), 500);
  let card = assemble(answer, parts, [], fallback);
  if (cardBytes(card) <= maxBytes) return card;
  const kept = [...parts];
  let dropped = 0;
  while (cardBytes(card) > maxBytes) {
    let excess = cardBytes(card) - maxBytes + 200;
    let removedAny = false;
    while (excess > 0) {
      const last = kept.map((p) => p.item).lastIndexOf(true);
      if (last === -1) break;
      const [removed] = kept.splice(last, 1);
      excess -= removed ? partBytes(removed) + 1 : 0;
      dropped++;
      removedAny = true;
    }
    const note = textBlock(
      `${dropped} more item(s) did not fit in one message${answer.more ? ': press More, or' : ':'} ask a narrower question.`,
      { isSubtle: true, spacing: 'Medium' },
    );
    card = assemble(answer, kept, [note], fallback);
    if (!removedAny) break;
  }
  return card;
}

/** Plain text carrying every shown fact, for notifications, screen readers and clients without cards. */
export function answerToFallbackText(answer: Answer): string {
  const lines: string[] = [answer.title];
  if (answer.asOf) lines.push(capitalized(asOfText(answer.asOf)));
  const cites = citationsOf(answer);
  for (const section of displaySections(answer)) {
    lines.push('');
    if (section.heading) lines.push(section.heading);
    if (section.text)
      lines.push(
        `${section.text}${citeMarks(cites.text(section.text)) ? ` ${citeMarks(cites.text(section.text))}` : ''}`,
      );
    for (const item of section.items ?? []) {
      const head = [item.date, item.label].filter(Boolean).join(' ');
      const marks = citeMarks(cites.item(item));
      lines.push(`- ${head ? `${head}: ` : ''}${item.text}${marks ? ` ${marks}` : ''}`);
      if (item.note) lines.push(`  ${item.note}`);
    }
    if (section.code) lines.push(section.code.text.replace(/\n+$/, ''));
  }
  if (answer.sources.length > 0) {
    lines.push('', 'Sources:');
    for (const s of answer.sources) {
      lines.push(`${s.n !== undefined ? `[${s.n}]` : '-'} ${s.publisher}: ${s.title} <${s.url}>`);
    }
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
