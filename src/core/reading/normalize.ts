/**
 * Cleans chat text before anything else looks at it: truncates early, removes Slack/Teams markup, control
 * characters and emoji, and straightens quotes. Never throws.
 *
 * @example
 * cleanText('<@U123> timeline :tada:') // 'timeline'
 */

/** Longest text the core reads; anything after it is dropped before parsing. */
export const MAX_INPUT_CHARS = 1000;

const CHAT_LINK = /<((?:https?|mailto):[^>|]*)(?:\|([^>]*))?>/g;
const CHAT_MENTION = /<[@#!][^>]*>/g;
const AT_TAG = /<at>[^<]*<\/at>/gi;
const HTML_TAG = /<\/?[a-z][^>]*>/gi;
const EMOJI_CODE = /(^|\s):[a-z][a-z0-9_+-]{0,40}:(?=\s|$)/gi;
// Emoji, pictographs, flags, skin tones, variation selectors, zero-width joiners and keycap marks.
const PICTOGRAPHIC =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|\u200D|\u20E3/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this pattern's job
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B\u200C\u2028\u2029\uFEFF]/g;

/** Removes markup, control characters and emoji; returns single-spaced, trimmed text (at most MAX_INPUT_CHARS). */
export function cleanText(input: unknown): string {
  if (typeof input !== 'string') return '';
  let text = input.length > MAX_INPUT_CHARS * 2 ? input.slice(0, MAX_INPUT_CHARS * 2) : input;
  text = text
    .replace(CHAT_LINK, (_m, url: string, label?: string) => label ?? url.replace(/^mailto:/, ''))
    .replace(CHAT_MENTION, ' ')
    .replace(AT_TAG, ' ')
    .replace(HTML_TAG, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(CONTROL, ' ')
    .replace(EMOJI_CODE, '$1 ')
    .replace(PICTOGRAPHIC, ' ')
    .replace(/[\u2018\u2019\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > MAX_INPUT_CHARS) text = text.slice(0, MAX_INPUT_CHARS).trim();
  return text;
}
