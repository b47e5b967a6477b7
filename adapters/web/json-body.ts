/**
 * The page's JSON API: one reader of a request's JSON body (size limit, content type, one JSON object) and one
 * writer of JSON responses, shared by `/api/ask`, `/api/feedback` and `/api/indicators`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, isBodyError, readBody, refuseBody } from '../../src/http/read-body.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/**
 * The request's body as text, or undefined once the request has been answered with a JSON error: too large (the
 * message ends with `tooLarge`, "ask one question"), unreadable, or not sent as JSON (`what`: "the question").
 */
export async function readJsonText(
  req: IncomingMessage,
  res: ServerResponse,
  options: { limit: number; tooLarge: string; what: string },
): Promise<string | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  let text: string;
  try {
    text = (await readBody(req, { limit: options.limit })).toString('utf8');
  } catch (error) {
    if (!isBodyError(error)) throw error;
    const message = error instanceof BodyTooLargeError ? `${error.message}: ${options.tooLarge}` : error.message;
    refuseBody(req, res, error, { contentType: JSON_TYPE, text: JSON.stringify({ error: message }) });
    return undefined;
  }
  if (type !== 'application/json') {
    sendJson(res, 400, { error: `send ${options.what} as JSON with content-type: application/json` });
    return undefined;
  }
  return text;
}

/** A JSON API body: one JSON object, or a message saying what to send instead (`example`). */
export function jsonObject(
  text: string,
  example: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `the request body is not valid JSON; send ${example}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: `the request body must be a JSON object: ${example}` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
