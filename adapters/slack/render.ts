/**
 * `Answer` → Block Kit and fallback text, always inside Slack's limits (`limits.ts`). Nothing is invented: every
 * section, item and fact of the answer is laid out; dated items show their date, corrections are marked, sources
 * become links in a context block, suggestions and `more` become buttons. Every text is escaped, so no answer can
 * ping `@channel`, `@here` or a user.
 *
 * @example
 * const blocks = answerToBlockKit(answer, { shareText: 'timeline july 2023' });
 * await client.chat.postMessage({ channel, blocks, text: answerToFallbackText(answer) });
 */
import type { Answer, AnswerFact, AnswerItem } from '../../src/core/answer.js';
import { SLACK_LIMITS } from './limits.js';
import { clip, escapeMrkdwn, isSlackUserId, mrkdwnLink, safePlain, splitText } from './text.js';

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface ButtonElement {
  type: 'button';
  text: TextObject;
  action_id: string;
  value: string;
  style?: 'primary';
}
export type Block =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'actions'; elements: ButtonElement[] }
  | { type: 'divider' };

/** Action ids the app listens for (a suffix `:n` keeps them unique within a message). */
export const ACTIONS = { ask: 'breach_ask', more: 'breach_more', share: 'breach_share' } as const;

export interface RenderOptions {
  /** offer "Share in channel"; the button carries this question text and nothing else */
  shareText?: string;
  /** a line saying why the answer is private (Slack Connect, guests) */
  privateNote?: string;
  /** the Slack user id of the person who shared it: adds "Shared by @user" (the only mention we ever write) */
  sharedBy?: string;
  /** how many suggestion buttons at most */
  maxSuggestions?: number;
}

const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text });
const button = (label: string, actionId: string, value: string): ButtonElement => ({
  type: 'button',
  text: { type: 'plain_text', text: clip(safePlain(label), SLACK_LIMITS.buttonText), emoji: false },
  action_id: clip(actionId, SLACK_LIMITS.actionId),
  value: value.slice(0, SLACK_LIMITS.buttonValue),
});

function itemLine(item: AnswerItem, facts: Map<string, AnswerFact>): string {
  const fact = item.factId ? facts.get(item.factId) : undefined;
  const parts: string[] = [];
  if (fact?.corrects?.length) parts.push('✏️ _Correction:_');
  if (item.date) parts.push(`*${escapeMrkdwn(item.date)}*`);
  if (item.label) parts.push(`*${escapeMrkdwn(item.label)}:*`);
  parts.push(escapeMrkdwn(item.text));
  let line = `• ${parts.join(' ')}`;
  const note = item.note ?? (fact?.correctionNote && !item.note ? fact.correctionNote : undefined);
  if (note) line += `\n      _${escapeMrkdwn(note)}_`;
  return line;
}

/** The answer's body as mrkdwn paragraphs (one per section heading/text/item). */
function bodyParagraphs(answer: Answer): string[] {
  const facts = new Map(answer.facts.map((f) => [f.id, f]));
  const paragraphs: string[] = [];
  for (const section of answer.sections) {
    const lines: string[] = [];
    if (section.heading) lines.push(`*${escapeMrkdwn(section.heading)}*`);
    if (section.text) lines.push(escapeMrkdwn(section.text));
    for (const item of section.items ?? []) lines.push(itemLine(item, facts));
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
  }
  if (paragraphs.length === 0 && answer.facts.length > 0) {
    paragraphs.push(answer.facts.map((f) => itemLine({ text: f.text, date: f.date, factId: f.id }, facts)).join('\n'));
  }
  return paragraphs;
}

/** Packs paragraphs into section texts of at most `max` characters each. */
function packSections(paragraphs: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    for (const line of paragraph.split('\n').flatMap((l) => splitText(l, max))) {
      if (current === '') current = line;
      else if (current.length + 1 + line.length <= max) current += `\n${line}`;
      else {
        chunks.push(current);
        current = line;
      }
    }
    if (current !== '' && current.length + 2 <= max) current += '\n';
  }
  if (current.trim() !== '') chunks.push(current.trimEnd());
  return chunks.map((c) => c.trimEnd()).filter((c) => c !== '');
}

function sourceElements(answer: Answer): TextObject[] {
  if (answer.sources.length === 0) return [];
  const links = answer.sources.map((s) => {
    const date = s.date ? ` (${escapeMrkdwn(s.date)})` : '';
    return `${mrkdwnLink(s.url, `${s.publisher}: ${s.title}`)}${date}`;
  });
  const max = SLACK_LIMITS.contextElementText;
  const elements: string[] = [];
  let current = '*Sources:* ';
  for (const link of links.map((l) => clip(l, max - 20))) {
    if (current.length + 3 + link.length > max) {
      elements.push(current);
      current = link;
    } else current += current.endsWith(' ') ? link : ` · ${link}`;
  }
  elements.push(current);
  if (elements.length > SLACK_LIMITS.contextElements) {
    const kept = elements.slice(0, SLACK_LIMITS.contextElements - 1);
    kept.push(`…and ${answer.sources.length} sources in all; ask \`sources\` for the full list`);
    return kept.map(mrkdwn);
  }
  return elements.map(mrkdwn);
}

function actionButtons(answer: Answer, options: RenderOptions): ButtonElement[] {
  const buttons: ButtonElement[] = [];
  if (answer.more) buttons.push({ ...button('More', `${ACTIONS.more}:0`, answer.more), style: 'primary' });
  const max = Math.min(options.maxSuggestions ?? 5, SLACK_LIMITS.actionsElements - 2);
  answer.suggestions.slice(0, max).forEach((s, i) => {
    buttons.push(button(s, `${ACTIONS.ask}:${i}`, s));
  });
  if (options.shareText !== undefined && options.shareText.trim() !== '') {
    buttons.push(button('Share in channel', `${ACTIONS.share}:0`, options.shareText));
  }
  return buttons;
}

/**
 * Lays out an answer as Block Kit blocks: at most 50 blocks, every text inside its limit.
 */
export function answerToBlockKit(answer: Answer, options: RenderOptions = {}): Block[] {
  const head: Block[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: clip(safePlain(answer.title || 'breachbot'), SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
  ];
  if (answer.question && answer.question.trim() !== '') {
    head.push({
      type: 'context',
      elements: [mrkdwn(clip(`You asked: ${escapeMrkdwn(answer.question)}`, SLACK_LIMITS.contextElementText))],
    });
  }
  if (options.privateNote) {
    head.push({
      type: 'context',
      elements: [mrkdwn(clip(`🔒 ${escapeMrkdwn(options.privateNote)}`, SLACK_LIMITS.contextElementText))],
    });
  }
  const tail: Block[] = [];
  const sources = sourceElements(answer);
  if (sources.length > 0) tail.push({ type: 'context', elements: sources });
  const buttons = actionButtons(answer, options);
  if (buttons.length > 0) tail.push({ type: 'actions', elements: buttons });
  if (isSlackUserId(options.sharedBy)) {
    tail.push({ type: 'context', elements: [mrkdwn(`Shared by <@${options.sharedBy}>`)] });
  }

  const room = SLACK_LIMITS.messageBlocks - head.length - tail.length;
  let chunks = packSections(bodyParagraphs(answer), SLACK_LIMITS.sectionText);
  if (chunks.length > room) {
    const dropped = chunks.length - room + 1;
    chunks = [...chunks.slice(0, room - 1), `_…${dropped} more part(s) not shown: ask a narrower question._`];
  }
  return [...head, ...chunks.map((text): Block => ({ type: 'section', text: mrkdwn(text) })), ...tail];
}

/** Plain fallback text for notifications and clients without Block Kit; escaped, clipped to the limit. */
export function answerToFallbackText(answer: Answer): string {
  const facts = new Map(answer.facts.map((f) => [f.id, f]));
  const lines = [escapeMrkdwn(answer.title)];
  for (const section of answer.sections) {
    if (section.heading) lines.push(escapeMrkdwn(section.heading));
    if (section.text) lines.push(escapeMrkdwn(section.text));
    for (const item of section.items ?? []) {
      const fact = item.factId ? facts.get(item.factId) : undefined;
      const mark = fact?.corrects?.length ? 'Correction: ' : '';
      const date = item.date ? `${item.date}: ` : '';
      const label = item.label ? `${item.label}: ` : '';
      lines.push(`- ${mark}${escapeMrkdwn(date + label + item.text)}`);
    }
  }
  return clip(lines.join('\n'), SLACK_LIMITS.fallbackText);
}
