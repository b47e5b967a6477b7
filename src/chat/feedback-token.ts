/**
 * The token a 👍 / 👎 button carries: what was asked and answered (question, incident, fact ids), signed with a key
 * the store keeps for every replica, so a vote can only be cast on an answer the bot gave and a changed or made-up
 * payload is refused. Compact enough for a Slack button value (2,000 characters).
 *
 * @example
 * const token = signFeedbackToken(key, { question: 'timeline', incident: 'storm-0558', factIds: ['tl-1'] });
 * verifyFeedbackToken(key, token); // { question: 'timeline', … }
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a vote is about. */
export interface RatedContent {
  question: string;
  incident: string | null;
  factIds: string[];
}

/** Longest question a token carries (characters); the question log keeps what it gets. */
export const TOKEN_QUESTION_CHARS = 200;
/** Most fact ids a token carries: the lead and its first supporting facts. */
export const TOKEN_MAX_FACTS = 12;
/** Longest fact id or incident id a token carries. */
export const TOKEN_ID_CHARS = 64;
/** Longest token accepted (a Slack button value holds 2,000 characters). */
export const MAX_TOKEN_CHARS = 2000;
/** Bytes of HMAC-SHA256 kept in a token (128 bits). */
const SIGNATURE_BYTES = 16;
const CONTEXT = 'breachbot-feedback-v1.';

const sign = (key: string, payload: string) =>
  createHmac('sha256', key)
    .update(CONTEXT + payload)
    .digest()
    .subarray(0, SIGNATURE_BYTES);

/**
 * The signed token for `content` (question and ids clipped to the limits above); fact ids are dropped from the end,
 * then the question shortened, until it fits in `MAX_TOKEN_CHARS`.
 */
export function signFeedbackToken(key: string, content: RatedContent): string {
  let question = content.question.trim().slice(0, TOKEN_QUESTION_CHARS);
  const incident = content.incident ? content.incident.slice(0, TOKEN_ID_CHARS) : null;
  const facts = content.factIds.slice(0, TOKEN_MAX_FACTS).map((id) => id.slice(0, TOKEN_ID_CHARS));
  for (;;) {
    const payload = Buffer.from(JSON.stringify({ q: question, i: incident, f: facts }), 'utf8').toString('base64url');
    const token = `${payload}.${sign(key, payload).toString('base64url')}`;
    if (token.length <= MAX_TOKEN_CHARS || (facts.length === 0 && question === '')) return token;
    if (facts.length > 0) facts.pop();
    else question = question.slice(0, Math.floor(question.length / 2));
  }
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The content of a token signed with `key`, or undefined for anything else (malformed, changed, forged). */
export function verifyFeedbackToken(key: string, token: unknown): RatedContent | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return undefined;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return undefined;
  const [, payload = '', signature = ''] = match;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const { q, i, f } = body as Record<string, unknown>;
  if (typeof q !== 'string' || !(i === null || typeof i === 'string') || !isStringArray(f)) return undefined;
  return { question: q, incident: i, factIds: f };
}
