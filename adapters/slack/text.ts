/**
 * Text safety for Slack: escape what Slack would parse as markup or mentions, and clip to a limit without cutting
 * an escape sequence in half. Every piece of user or answer text goes through here before it reaches Slack.
 *
 * @example
 * escapeMrkdwn('<!channel> & <@U123>'); // '&lt;!channel&gt; &amp; &lt;@U123&gt;'
 */

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
  const escaped = escapeMrkdwn(label);
  const safeLabel = escaped.includes('|') ? escaped.replaceAll('|', '¦') : escaped;
  if (!PLAIN_URL.test(url)) return safeLabel;
  return `<${url.includes('&') ? url.replaceAll('&', '&amp;') : url}|${safeLabel}>`;
}

/** Slack user ids we will mention ourselves (the sharer); anything else is refused. */
export function isSlackUserId(id: string | undefined): id is string {
  return typeof id === 'string' && /^[UW][A-Z0-9]{2,20}$/.test(id);
}
