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
import {
  type Answer,
  type AnswerCode,
  type AnswerItem,
  asOfText,
  citationsOf,
  citeMarks,
  noteLines,
} from '../../src/core/answer.js';
import { SLACK_LIMITS } from './limits.js';
import {
  clip,
  escapeMrkdwn,
  inertMarks,
  inlineCode,
  isSlackUserId,
  mrkdwnLink,
  safePlain,
  splitText,
  textMrkdwn,
} from './text.js';

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
  /** mrkdwn only: true stops Slack turning URLs, channel names and @names in the text into links */
  verbatim?: boolean;
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
export const ACTIONS = { ask: 'breach_ask', more: 'breach_more', share: 'breach_share', vote: 'breach_vote' } as const;

export interface RenderOptions {
  /** offer "Share in channel"; the button carries this question text and nothing else */
  shareText?: string;
  /** a line saying why the answer is private (Slack Connect, guests) */
  privateNote?: string;
  /** the Slack user id of the person who shared it: adds "Shared by @user" (the only mention we ever write) */
  sharedBy?: string;
  /** how many suggestion buttons at most */
  maxSuggestions?: number;
  /** the answer's feedback token: adds 👍 / 👎 buttons (`breach_vote:up`, `breach_vote:down`) that carry it */
  feedback?: string;
}

/** Every mrkdwn object is verbatim: Slack links and mentions only what we mark up ourselves, never raw text. */
const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text, verbatim: true });
const button = (label: string, actionId: string, value: string): ButtonElement => ({
  type: 'button',
  text: { type: 'plain_text', text: clip(safePlain(label), SLACK_LIMITS.buttonText), emoji: false },
  action_id: clip(actionId, SLACK_LIMITS.actionId),
  value: value.slice(0, SLACK_LIMITS.buttonValue),
});

/**
 * The answer's body, every text escaped once and shared by both renderings: mrkdwn paragraphs for the blocks (one
 * per section heading/text/item) and the lines of the fallback text.
 */
interface Body {
  paragraphs: string[];
  fallbackLines: string[];
}

/** ``` blocks of at most `max` characters holding the code's lines (escaped; empty lines kept as one space). */
function codeParagraphs(code: AnswerCode, max: number): string[] {
  const out: string[] = [];
  const head = code.label ? `_${inertMarks(escapeMrkdwn(code.label.replace(/\s+/g, ' ')))}_\n` : '';
  let current: string[] = [];
  let size = 0;
  const flush = () => {
    if (current.length === 0) return;
    out.push(`${out.length === 0 ? head : ''}\`\`\`\n${current.join('\n')}\n\`\`\``);
    current = [];
    size = 0;
  };
  const room = max - head.length - 8;
  for (const raw of code.text.replace(/\n+$/, '').split('\n')) {
    for (const line of splitText(escapeMrkdwn(raw) || ' ', room)) {
      if (size + line.length + 1 > room) flush();
      current.push(line);
      size += line.length + 1;
    }
  }
  flush();
  return out;
}

/** Multi-line answer text as mrkdwn, line by line (no formatting ever spans a line break). */
const linesMrkdwn = (text: string, value?: string) =>
  text
    .split('\n')
    .map((line) => textMrkdwn(line, value))
    .join('\n');

/** A note under an item, one line each: "Look for: …" lines get an italic label, other lines are italic. */
function noteMrkdwn(note: string): string[] {
  return noteLines(note).map(({ label, text }) =>
    label !== undefined
      ? `      _${inertMarks(escapeMrkdwn(label))}:_ ${textMrkdwn(text)}`
      : `      _${textMrkdwn(text)}_`,
  );
}

function renderBody(answer: Answer): Body {
  const facts = answer.facts.length > 0 ? new Map(answer.facts.map((f) => [f.id, f])) : undefined;
  const cites = citationsOf(answer);
  const notesSaid = new Set<string>();
  const paragraphs: string[] = [];
  const fallbackLines: string[] = [escapeMrkdwn(answer.title)];
  const item = (entry: AnswerItem, fallback: boolean): string => {
    const fact = entry.factId ? facts?.get(entry.factId) : undefined;
    const corrected = Boolean(fact?.corrects?.length);
    const marks = citeMarks(cites.item(entry) ?? fact?.cites);
    const tail = marks ? ` ${marks}` : '';
    if (fallback) {
      const head = [entry.date, entry.label].filter(Boolean).join(': ');
      fallbackLines.push(
        `- ${corrected ? 'Correction: ' : ''}${escapeMrkdwn(head ? `${head}: ` : '')}${escapeMrkdwn(entry.text)}${tail}`,
      );
    }
    const date = entry.date ? `*${escapeMrkdwn(entry.date)}* ` : '';
    const label = entry.label ? `*${inertMarks(escapeMrkdwn(entry.label))}:* ` : '';
    let line = `• ${corrected ? '✏️ _Correction:_ ' : ''}${date}${label}${textMrkdwn(entry.text, entry.value)}${tail}`;
    const note = entry.note ?? fact?.correctionNote;
    if (note && !notesSaid.has(note)) {
      notesSaid.add(note);
      line += `\n${noteMrkdwn(note).join('\n')}`;
    }
    return line;
  };
  for (const section of answer.sections) {
    let lines = '';
    if (section.heading) {
      fallbackLines.push(escapeMrkdwn(section.heading));
      lines = `*${inertMarks(escapeMrkdwn(section.heading.replace(/\s*\n\s*/g, ' ')))}*`;
    }
    if (section.text) {
      const marks = citeMarks(cites.text(section.text));
      fallbackLines.push(`${escapeMrkdwn(section.text)}${marks ? ` ${marks}` : ''}`);
      const text = `${linesMrkdwn(section.text)}${marks ? ` ${marks}` : ''}`;
      lines = lines === '' ? text : `${lines}\n${text}`;
    }
    for (const entry of section.items ?? []) {
      const line = item(entry, true);
      lines = lines === '' ? line : `${lines}\n${line}`;
    }
    if (lines !== '') paragraphs.push(lines);
    if (section.code) {
      paragraphs.push(...codeParagraphs(section.code, SLACK_LIMITS.sectionText));
      fallbackLines.push(...section.code.text.split('\n').map(escapeMrkdwn));
    }
  }
  if (paragraphs.length === 0 && answer.facts.length > 0) {
    paragraphs.push(answer.facts.map((f) => item({ text: f.text, date: f.date, factId: f.id }, false)).join('\n'));
  }
  return { paragraphs, fallbackLines };
}

/** True when splitting on line breaks would drop an empty line. */
const hasEmptyLine = (text: string) =>
  text === '' || text.startsWith('\n') || text.endsWith('\n') || text.includes('\n\n');

/** Packs paragraphs into section texts of at most `max` characters each. */
function packSections(paragraphs: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    if (paragraph.length <= max && !hasEmptyLine(paragraph)) {
      // a paragraph that fits in one section is never split (a ``` block stays whole)
      if (current === '') current = paragraph;
      else if (current.length + 1 + paragraph.length <= max) current = `${current}\n${paragraph}`;
      else {
        chunks.push(current.trimEnd());
        current = paragraph;
      }
    } else {
      for (const line of paragraph.split('\n').flatMap((l) => splitText(l, max))) {
        if (current === '') current = line;
        else if (current.length + 1 + line.length <= max) current += `\n${line}`;
        else {
          chunks.push(current);
          current = line;
        }
      }
    }
    if (current !== '' && current.length + 2 <= max) current += '\n';
  }
  if (current.trim() !== '') chunks.push(current.trimEnd());
  return chunks.map((c) => c.trimEnd()).filter((c) => c !== '');
}

function sourceElements(answer: Answer): TextObject[] {
  if (answer.sources.length === 0) return [];
  const max = SLACK_LIMITS.contextElementText;
  const elements: string[] = [];
  let current = '*Sources*';
  for (const s of answer.sources) {
    const date = s.date ? ` (${escapeMrkdwn(s.date)})` : '';
    const line = clip(
      `${s.n !== undefined ? `[${s.n}]` : '•'} ${mrkdwnLink(s.url, `${s.publisher}: ${s.title}`)}${date}`,
      max - 20,
    );
    if (current.length + 1 + line.length > max) {
      elements.push(current);
      current = line;
    } else current += `\n${line}`;
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
  return blocksFrom(answer, renderBody(answer).paragraphs, options);
}

/** Plain fallback text for notifications and clients without Block Kit; escaped, clipped to the limit. */
export function answerToFallbackText(answer: Answer): string {
  return fallbackFrom(renderBody(answer).fallbackLines);
}

/** Both renderings of one answer (fallback text and blocks), escaping every text once. */
export function answerToSlackMessage(answer: Answer, options: RenderOptions = {}): { text: string; blocks: Block[] } {
  const body = renderBody(answer);
  return { text: fallbackFrom(body.fallbackLines), blocks: blocksFrom(answer, body.paragraphs, options) };
}

function blocksFrom(answer: Answer, paragraphs: string[], options: RenderOptions): Block[] {
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
      elements: [mrkdwn(`You asked: ${inlineCode(clip(answer.question.trim(), 300))}`)],
    });
  }
  if (answer.asOf) {
    const asOf = asOfText(answer.asOf);
    head.push({ type: 'context', elements: [mrkdwn(`🕒 ${asOf.charAt(0).toUpperCase()}${asOf.slice(1)}`)] });
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
  if (options.feedback && options.feedback.length <= SLACK_LIMITS.buttonValue) {
    tail.push({
      type: 'actions',
      elements: [
        button('👍 Helpful', `${ACTIONS.vote}:up`, options.feedback),
        button('👎 Not helpful', `${ACTIONS.vote}:down`, options.feedback),
      ],
    });
  }
  if (isSlackUserId(options.sharedBy)) {
    tail.push({ type: 'context', elements: [mrkdwn(`Shared by <@${options.sharedBy}>`)] });
  }

  const room = SLACK_LIMITS.messageBlocks - head.length - tail.length;
  let chunks = packSections(paragraphs, SLACK_LIMITS.sectionText);
  if (chunks.length > room) {
    const dropped = chunks.length - room + 1;
    chunks = [...chunks.slice(0, room - 1), `_…${dropped} more part(s) not shown: ask a narrower question_`];
  }
  return [...head, ...chunks.map((text): Block => ({ type: 'section', text: mrkdwn(text) })), ...tail];
}

function fallbackFrom(lines: string[]): string {
  const max = SLACK_LIMITS.fallbackText;
  // only the first `max` characters (and whether there are more) can show after clipping
  let text = lines[0] ?? '';
  for (let i = 1; i < lines.length && text.length <= max; i++) text += `\n${lines[i]}`;
  return clip(text, max);
}
