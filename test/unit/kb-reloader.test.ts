// The reloader on a real folder, without a server: a clean change is put in place and counted; a knowledge base
// that would leave the default incident missing, or no incident at all, is refused with the reason and the old one
// stays; several reloads asked at once run one after the other.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKnowledgeHolder } from '../../src/chat/knowledge-holder.js';
import { createKnowledgeReloader, loadConfiguredKnowledge, watchedFolders } from '../../src/cli/kb-reload.js';
import { loadConfig } from '../../src/config.js';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { silentLogger } from '../../src/logger.js';

const FIXTURE = path.resolve('test/fixtures/kb/valid/incidents');
const dirs: string[] = [];

async function setup(env: Record<string, string> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'breachbot-reloader-'));
  dirs.push(root);
  const incidents = path.join(root, 'data', 'incidents');
  cpSync(FIXTURE, incidents, { recursive: true });
  const config = loadConfig({ INCIDENTS_DIR: incidents, DATA_DIR: path.join(root, 'var'), ...env });
  const holder = createKnowledgeHolder(createKnowledgeBase((await loadConfiguredKnowledge(config)).data));
  const reloader = createKnowledgeReloader({ config, holder, log: silentLogger });
  return { incidents, holder, reloader, config };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the knowledge reloader', () => {
  it('puts a clean change in place and says what changed', async () => {
    const { incidents, holder, reloader } = await setup();
    const before = holder.current().version;
    expect((await reloader.reload('test')).status).toBe('unchanged');
    unlinkSync(path.join(incidents, 'example-keys.json'));
    const outcome = await reloader.reload('test');
    expect(outcome).toMatchObject({
      status: 'reloaded',
      change: { fromVersion: before, incidentsRemoved: ['example-keys'] },
    });
    expect(holder.current().incident('example-keys')).toBeUndefined();
  });

  it('refuses a knowledge base without the default incident, or without any incident, and keeps the old one', async () => {
    const { incidents, holder, reloader } = await setup({ DEFAULT_INCIDENT: 'example-bucket' });
    const before = holder.current();
    unlinkSync(path.join(incidents, 'example-bucket.yaml'));
    const missing = await reloader.reload('test');
    expect(missing.status).toBe('refused');
    expect(JSON.stringify(missing)).toContain('DEFAULT_INCIDENT');
    unlinkSync(path.join(incidents, 'example-keys.json'));
    expect((await reloader.reload('test')).status).toBe('refused');
    expect(holder.current()).toBe(before);
  });

  it('refuses a file with an error, naming FILE:LINE', async () => {
    const { incidents, holder, reloader } = await setup();
    const before = holder.current();
    writeFileSync(path.join(incidents, 'example-keys.json'), '{ "id": "example-keys", ');
    const outcome = await reloader.reload('test');
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.problems.some((p) => /example-keys\.json:\d+:/.test(p))).toBe(true);
    expect(holder.current()).toBe(before);
  });

  it('runs reloads asked at once one after the other', async () => {
    const { incidents, reloader } = await setup();
    unlinkSync(path.join(incidents, 'example-keys.json'));
    const outcomes = await Promise.all([reloader.reload('a'), reloader.reload('b'), reloader.reload('c')]);
    expect(outcomes.map((o) => o.status)).toEqual(['reloaded', 'unchanged', 'unchanged']);
  });

  it('watches every incident folder and the data folder above the first', () => {
    const listed = watchedFolders({ incidentsDir: ['/srv/data/incidents', '/srv/write-ups'].join(path.delimiter) });
    expect(listed).toEqual(['/srv/data/incidents', '/srv/write-ups', '/srv/data']);
  });
});
