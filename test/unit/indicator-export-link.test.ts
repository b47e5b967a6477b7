// Issue 15.3: in chat, an indicator answer ends with a link to the export where the server has a public URL.
import { describe, expect, it } from 'vitest';
import { createMessageHandler } from '../../src/chat/handle-message.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { Answer } from '../../src/core/answer.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const texts = (answer: Answer) => answer.sections.map((s) => s.text ?? '').join('\n');
const exportUrl = (incident: string) => `https://bot.example.org/api/indicators?incident=${incident}`;

describe('the indicator export link', () => {
  it('ends an indicator answer with the STIX, CSV and JSON downloads of its incident', async () => {
    const handle = createMessageHandler({ kb: fixtureKb(), indicatorExport: exportUrl });
    const answer = await handle({ platform: 'slack', text: 'indicators' });
    expect(answer.intent).toBe('indicators');
    const last = answer.sections.at(-1)?.text ?? '';
    expect(last).toContain(`${exportUrl(answer.incident as string)}&format=stix`);
    expect(last).toContain('&format=csv');
    expect(last).toContain('&format=json');
  });

  it('is not given without a public URL, nor on other answers', async () => {
    const plain = createMessageHandler({ kb: fixtureKb() });
    expect(texts(await plain({ platform: 'slack', text: 'indicators' }))).not.toContain('/api/indicators');
    const linked = createMessageHandler({ kb: fixtureKb(), indicatorExport: exportUrl });
    expect(texts(await linked({ platform: 'slack', text: 'timeline' }))).not.toContain('/api/indicators');
  });

  it('PUBLIC_URL must be an http(s) URL; a trailing slash is dropped', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://bot.example.org/' }, '/tmp').publicUrl).toBe('https://bot.example.org');
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' }, '/tmp')).toThrow(ConfigError);
    expect(loadConfig({}, '/tmp').publicUrl).toBeUndefined();
  });
});
