/**
 * The local web page: ask a question and see the answer as Slack, Teams and plain text will show it.
 * Routes: `GET /` (the page), `GET /static/*` (its script, styles and the Adaptive Cards bundle),
 * `GET /api/info` (loaded incidents), `POST /api/ask` (the `ask --json` object plus the renderings).
 *
 * @example
 * const web = createWebAdapter({ kb, handle, render: { slack, teams }, log });
 * // the composition mounts web.routes on its node:http server
 */
import type { MessageHandler } from '../../src/chat/handle-message.js';
import type { Answer, AnswerJson } from '../../src/core/answer.js';
import { toAnswerJson } from '../../src/core/answer-json.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { AdapterHandle } from '../../src/http/types.js';
import { type Logger, silentLogger } from '../../src/logger.js';
import { createAskHandler, type WebRenderers } from './ask-api.js';
import { createIndicatorsRoute } from './indicators-api.js';
import { sendJson } from './json-body.js';
import { createStaticFiles } from './static-files.js';

export { type AskResponse, MAX_BODY_BYTES, MAX_QUESTION_CHARS, type WebRenderers } from './ask-api.js';

export interface WebAdapterDeps {
  kb: KnowledgeBase;
  handle: MessageHandler;
  render: WebRenderers;
  log?: Logger;
  /** `Answer` → `ask --json` object; default: the core's `toAnswerJson` */
  toJson?: (answer: Answer) => AnswerJson;
  /** folder of the page's files; default: this package's `adapters/web/static` */
  staticDir?: string;
}

export function createWebAdapter(deps: WebAdapterDeps): AdapterHandle {
  const log = deps.log ?? silentLogger;
  const files = createStaticFiles(deps.staticDir);
  const notFound = (res: Parameters<typeof sendJson>[0]) => sendJson(res, 404, { error: 'not found' });
  const ask = createAskHandler({
    kb: deps.kb,
    handle: deps.handle,
    render: deps.render,
    toJson: deps.toJson ?? toAnswerJson,
    log,
  });
  return {
    name: 'web',
    routes: [
      {
        method: 'GET',
        path: '/',
        handle: async (req, res) => {
          if (!(await files.serve('index.html', req, res))) notFound(res);
        },
      },
      {
        method: 'GET',
        path: '/static/*',
        handle: async (req, res) => {
          let name: string;
          try {
            name = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).slice('/static/'.length);
          } catch {
            notFound(res);
            return;
          }
          if (!(await files.serve(name, req, res))) notFound(res);
        },
      },
      {
        method: 'GET',
        path: '/api/info',
        handle: (_req, res) => {
          sendJson(res, 200, {
            version: deps.kb.version,
            defaultIncident: deps.kb.defaultIncident?.id ?? null,
            incidents: deps.kb.incidents.map((i) => ({ id: i.id, title: i.title, examples: i.examples })),
          });
        },
      },
      { method: 'POST', path: '/api/ask', handle: ask },
      createIndicatorsRoute(deps.kb),
    ],
  };
}
