/**
 * Text for Adaptive Cards that Teams shows as it is. Knowledge-base text is not trusted Markdown: it goes into
 * `TextRun`s, which no client reads as Markdown, and values (indicators, IP addresses, hashes) and the core's own
 * `command` spans become monospace runs instead of literal backticks. The few `TextBlock`s (titles, headings) get
 * their Markdown characters escaped. Both defuse the `{{DATE(…)}}` functions cards would otherwise evaluate.
 *
 * @example
 * richText(textRuns('Type `help` or look up 192.0.2.1'))
 * // { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Type ' }, { …, text: 'help', fontType: 'Monospace' }, …] }
 */
import { codeSpans } from '../../src/core/answer.js';

/** One Adaptive Card element or inline, as JSON. */
export type CardElement = { type: string } & Record<string, unknown>;
/** An inline of a RichTextBlock: a TextRun, or a plain string (a TextRun with no style, the shorter JSON). */
export type Inline = CardElement | string;

/** `{{` starts a card's date/time function; a zero-width space between the braces keeps it literal. */
const defuse = (text: string) => (text.includes('{{') ? text.replaceAll('{{', '{\u200b{') : text);

/**
 * Escapes what Teams' Markdown would read in a TextBlock: emphasis, code, links, HTML-like tags, and list or
 * heading markers at the start of a line.
 */
export function escapeTeamsMarkdown(text: string): string {
  return defuse(text)
    .replace(/[\\*_`[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2');
}

export interface RunStyle {
  weight?: 'Bolder';
  italic?: boolean;
  isSubtle?: boolean;
  size?: 'Small';
  fontType?: 'Monospace';
}

/** A TextRun: plain text, never Markdown; without a style, the plain string. */
export function run(text: string, style: RunStyle = {}): Inline {
  const safe = defuse(text);
  return Object.keys(style).length === 0 ? safe : { type: 'TextRun', text: safe, ...style };
}

/** A TextRun that opens a link (http and https only; anything else is plain text). */
export function linkRun(text: string, url: string, style: RunStyle = {}): Inline {
  const href = httpUrl(url);
  return href
    ? { type: 'TextRun', text: defuse(text), ...style, selectAction: { type: 'Action.OpenUrl', url: href } }
    : run(text, style);
}

/**
 * Answer text as runs: the core's backtick spans (`help`) and values (the item's `value`, IP addresses, hashes) in
 * monospace, the rest plain in the given style. Line breaks become spaces: a card lays out one line per block.
 */
export function textRuns(text: string, value?: string, style: RunStyle = {}): Inline[] {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const parts = flat.split('`');
  // backticks that do not pair up are text, not code
  if (parts.length % 2 === 0) return valueRuns(flat, value, style);
  return parts.flatMap((part, i) => {
    if (part === '') return [];
    return i % 2 === 1 ? [run(part, { ...style, fontType: 'Monospace' })] : valueRuns(part, value, style);
  });
}

function valueRuns(text: string, value: string | undefined, style: RunStyle): Inline[] {
  return codeSpans(text, value).map((span) => run(span.text, span.code ? { ...style, fontType: 'Monospace' } : style));
}

/** A RichTextBlock holding runs. */
export function richText(inlines: Inline[], extra: Record<string, unknown> = {}): CardElement {
  return { type: 'RichTextBlock', inlines, ...extra };
}

/** A TextBlock whose text is escaped first (titles, headings, short fixed lines). */
export function textBlock(text: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: escapeTeamsMarkdown(text), wrap: true, ...extra };
}

/** The URL when it is a plain http(s) URL, else undefined: anything else is shown, never linked. */
export function httpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
