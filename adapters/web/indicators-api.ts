/**
 * `GET /api/indicators?incident=ID&format=csv|json|stix` (CONTRACTS.md): what `breachbot indicators` prints, for a
 * SIEM or TIP to fetch. Default: the default incident, JSON. Bad input gets 400 with `{ error }`.
 *
 * @example
 * curl -s 'http://127.0.0.1:3978/api/indicators?format=stix' > storm-0558.stix.json
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Route } from '../../src/http/types.js';
import { INDICATOR_FORMATS, type IndicatorFormat, renderIndicators } from '../../src/hunt/indicator-formats.js';
import { sendJson } from './json-body.js';

const MAX_SHOWN = 80;

function handle(kb: KnowledgeBase, req: IncomingMessage, res: ServerResponse): void {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const format = (query.get('format') ?? 'json').toLowerCase();
  if (!(INDICATOR_FORMATS as readonly string[]).includes(format)) {
    sendJson(res, 400, {
      error: `unknown format "${format.slice(0, MAX_SHOWN)}"; use ${INDICATOR_FORMATS.join(', ')}`,
    });
    return;
  }
  const id = query.get('incident');
  const incident = id ? kb.incident(id) : kb.defaultIncident;
  if (!incident) {
    const known = kb.incidents.map((i) => i.id).join(', ') || 'none';
    sendJson(res, 400, {
      error: id
        ? `unknown incident "${id.slice(0, MAX_SHOWN)}"; loaded: ${known}`
        : `several incidents are loaded; add ?incident=ID (loaded: ${known})`,
    });
    return;
  }
  const out = renderIndicators(incident, format as IndicatorFormat);
  res.writeHead(200, {
    'content-type': out.contentType,
    'content-length': Buffer.byteLength(out.body),
    'content-disposition': `inline; filename="${out.fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(out.body);
}

/** The route, mounted by the web adapter next to `/api/ask`. */
export function createIndicatorsRoute(kb: KnowledgeBase): Route {
  return { method: 'GET', path: '/api/indicators', handle: (req, res) => handle(kb, req, res) };
}
