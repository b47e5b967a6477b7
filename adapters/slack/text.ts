/**
 * Text safety for Slack: escape what Slack would parse as markup or mentions, and clip to a limit without cutting
 * an escape sequence in half. Every piece of user or answer text goes through here before it reaches Slack.
 *
 * @example
 * escapeMrkdwn('<!channel> & <@U123>'); // '&lt;!channel&gt; &amp; &lt;@U123&gt;'
 */

import { codeSpans } from '../../src/core/answer.js';

const BROADCAST = /@(channel|here|everyone)\b/gi;
const ENTITY_CHARS = /[&<>]/;
const ANGLE = /[<>]/;

/** Escapes `&`, `<`, `>` and defuses `@channel` / `@here` / `@everyone` words, for mrkdwn text. */
export function escapeMrkdwn(text: string): string {
  let out = text;
  // literal replaceAll is several times cheaper than one regex replace with a callback
  if (ENTITY_CHARS.test(out)) out = out.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return out.includes('@') ? out.replace(BROADCAST, '@\u2060$1') : out;
}

const MARK = /[*_~]/;
const WORDISH = /[\p{L}\p{N}]/u;
/** look-alikes for Slack's formatting marks, used where a mark in answer text could open or close formatting */
const INERT: Record<string, string> = { '*': '\u2217', _: '\u02cd', '~': '\u223c' };

/**
 * Makes `*`, `_` and `~` in answer text inert: Slack reads them as formatting only at a word's edge, so those are
 * swapped for look-alikes; marks inside a word (`snake_case`) stay as they are. Text passed through here can be
 * wrapped in our own formatting without a stray mark opening or closing it.
 */
export function inertMarks(text: string): string {
  if (!MARK.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const swap = INERT[c];
    if (swap && !(WORDISH.test(text[i - 1] ?? '') && WORDISH.test(text[i + 1] ?? ''))) out += swap;
    else out += c;
  }
  return out;
}

/** Inline code: backticks inside become look-alikes and line breaks spaces, so the span always closes. */
export function inlineCode(text: string): string {
  return `\`${escapeMrkdwn(text.replace(/`/g, 'ˋ').replace(/\s*\n\s*/g, ' '))}\``;
}

/**
 * Answer text as mrkdwn on one line: escaped, code spans it already has (`help`) kept, values (an indicator, IP
 * addresses, hashes) put in inline code, and every other formatting mark made inert.
 */
export function textMrkdwn(text: string, value?: string): string {
  const parts = text.split('`');
  // backticks that do not pair up are shown as look-alikes rather than taken as code
  if (parts.length % 2 === 0) return valuesAsCode(text.replaceAll('`', 'ˋ'), value);
  return parts.map((part, i) => (i % 2 === 0 ? valuesAsCode(part, value) : part && inlineCode(part))).join('');
}

function valuesAsCode(text: string, value: string | undefined): string {
  let out = '';
  for (const span of codeSpans(text, value)) {
    out += span.code ? inlineCode(span.text) : inertMarks(escapeMrkdwn(span.text));
  }
  return out;
}

/** For plain_text fields (header, button labels): no entities, angle brackets swapped for look-alikes. */
export function safePlain(text: string): string {
  let out = text;
  if (ANGLE.test(out)) out = out.replaceAll('<', '‹').replaceAll('>', '›');
  return out.includes('@') ? out.replace(BROADCAST, '@\u2060$1') : out;
}

/** Clips to `max` characters with an ellipsis, never inside an `&…;` entity. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const amp = text.lastIndexOf('&', cut);
  if (amp !== -1 && cut - amp < 6 && !text.slice(amp, cut).includes(';')) cut = amp;
  return `${text.slice(0, cut)}…`;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line breaks, then spaces, never inside an entity.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) {
      cut = max;
      const amp = rest.lastIndexOf('&', cut);
      if (amp !== -1 && cut - amp < 6 && !rest.slice(amp, cut).includes(';')) cut = amp;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

const PLAIN_URL = /^https?:\/\/[^\s<>|]+$/i;

/** A link in mrkdwn, or just the label when the URL is not a plain http(s) URL. */
export function mrkdwnLink(url: string, label: string): string {
  const escaped = inertMarks(escapeMrkdwn(label));
  const safeLabel = escaped.includes('|') ? escaped.replaceAll('|', '¦') : escaped;
  if (!PLAIN_URL.test(url)) return safeLabel;
  return `<${url.includes('&') ? url.replaceAll('&', '&amp;') : url}|${safeLabel}>`;
}

/** Slack user ids we will mention ourselves (the sharer); anything else is refused. */
export function isSlackUserId(id: string | undefined): id is string {
  return typeof id === 'string' && /^[UW][A-Z0-9]{2,20}$/.test(id);
}
