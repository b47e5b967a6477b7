/**
 * `POST /api/ask`: `{ "question": "…", "incident"?: "…" }` in, the `ask --json` object plus the three renderings
 * (`render.slack.blocks`, `render.teams.card`, `render.text`) out. Bad input gets 400 with `{ error }`, a body over
 * 16 KB gets 413 (and the connection is closed).
 *
 * @example
 * curl -s localhost:3978/api/ask -H 'content-type: application/json' -d '{"question":"timeline"}'
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MessageHandler } from '../../src/chat/handle-message.js';
import type { Answer, AnswerJson } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Logger } from '../../src/logger.js';
import { jsonObject, readJsonText, sendJson } from './json-body.js';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Longest question accepted, in characters after trimming. */
export const MAX_QUESTION_CHARS = 500;

/** The platform renderings the page shows; injected by the composition so this adapter imports no other. */
export interface WebRenderers {
  slack(answer: Answer): { blocks: unknown[]; text: string };
  teams(answer: Answer): { card: unknown; text: string };
}

export interface AskApiDeps {
  kb: KnowledgeBase;
  handle: MessageHandler;
  render: WebRenderers;
  toJson(answer: Answer): AnswerJson;
  log: Logger;
}

/** The response body of `POST /api/ask`. */
export type AskResponse = AnswerJson & {
  render: { slack: { blocks: unknown[] }; teams: { card: unknown }; text: string };
};

type Parsed = { question: string; incident?: string } | { error: string };

function parseRequest(text: string, kb: KnowledgeBase): Parsed {
  if (text.trim() === '') return { error: 'the request body is empty; send {"question": "…"}' };
  const body = jsonObject(text, '{"question": "…"}');
  if (!body.ok) return { error: body.error };
  const { question, incident } = body.value;
  if (typeof question !== 'string') return { error: '"question" must be a string' };
  const trimmed = question.trim();
  if (trimmed === '') return { error: '"question" is empty' };
  if (trimmed.length > MAX_QUESTION_CHARS) {
    return { error: `"question" is longer than ${MAX_QUESTION_CHARS} characters (${trimmed.length})` };
  }
  if (incident === undefined || incident === null || incident === '') return { question: trimmed };
  if (typeof incident !== 'string') return { error: '"incident" must be a string' };
  if (!kb.incident(incident)) {
    const known = kb.incidents.map((i) => i.id).join(', ');
    return { error: `unknown incident "${incident.slice(0, 80)}"; loaded: ${known || 'none'}` };
  }
  return { question: trimmed, incident };
}

/** Creates the request handler for `POST /api/ask`. */
export function createAskHandler(deps: AskApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const text = await readJsonText(req, res, {
      limit: MAX_BODY_BYTES,
      tooLarge: 'ask one question',
      what: 'the question',
    });
    if (text === undefined) return;
    const parsed = parseRequest(text, deps.kb);
    if ('error' in parsed) {
      sendJson(res, 400, { error: parsed.error });
      return;
    }
    try {
      const text = parsed.incident ? `${parsed.incident} ${parsed.question}` : parsed.question;
      const answer = await deps.handle({ platform: 'web', text, source: req.socket.remoteAddress });
      const slack = deps.render.slack(answer);
      const teams = deps.render.teams(answer);
      const json = deps.toJson(answer);
      const response: AskResponse = {
        ...json,
        render: { slack: { blocks: slack.blocks }, teams: { card: teams.card }, text: json.text },
      };
      sendJson(res, 200, response);
    } catch (error) {
      const id = randomUUID();
      deps.log.error('web ask failed', { error, correlationId: id });
      sendJson(res, 500, { error: `something went wrong answering that question (reference ${id})` });
    }
  };
}
