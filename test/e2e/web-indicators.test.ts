// GET /api/indicators against the real server in local mode: the same exports as `breachbot indicators` (JSON by
// default, CSV, a STIX 2.1 bundle) with their media types, and 400 with a message for a bad format or incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareEnv, type ServeProcess, startServe, tempDir } from './web-support.js';

let server: ServeProcess;

beforeAll(async () => {
  server = await startServe({
    env: bareEnv({ PORT: '0', DATA_DIR: tempDir('breachbot-web-indicators-'), LOG_LEVEL: 'warn' }),
  });
});

afterAll(async () => {
  await server?.stop();
});

const get = (query: string) => fetch(`${server.url}/api/indicators${query}`);

describe('GET /api/indicators', () => {
  it('gives every indicator of the default incident as JSON, values plain', async () => {
    const response = await get('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const rows = (await response.json()) as Array<{ type: string; value: string; sources: string[] }>;
    expect(rows.find((r) => r.value === '195.26.87.219')).toMatchObject({ type: 'ip', sources: ['ms-0714'] });
  });

  it('gives CSV and a STIX 2.1 bundle for the named incident', async () => {
    const csv = await get('?incident=storm-0558&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toBe('type,value,firstSeen,lastSeen,role,sources');
    const stix = await get('?incident=storm-0558&format=stix');
    expect(stix.headers.get('content-type')).toBe('application/stix+json;version=2.1');
    const bundle = (await stix.json()) as { type: string; objects: Array<{ type: string; pattern?: string }> };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.some((o) => o.pattern === "[ipv4-addr:value = '195.26.87.219']")).toBe(true);
  });

  it('refuses an unknown format or incident with 400 and a message', async () => {
    const format = await get('?format=pdf');
    expect(format.status).toBe(400);
    expect(((await format.json()) as { error: string }).error).toMatch(/unknown format "pdf"/);
    const incident = await get('?incident=no-such-incident');
    expect(incident.status).toBe(400);
    expect(((await incident.json()) as { error: string }).error).toMatch(/unknown incident "no-such-incident"/);
  });
});
