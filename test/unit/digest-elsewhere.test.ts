// A digest command on the local page or the command line, where there is no channel to post into: the answer
// says digests are set up in a Slack or Teams channel and offers `help`, never the digest command again (which
// sent the page round in a loop).
import { describe, expect, it } from 'vitest';
import { createMessageHandler } from '../../src/chat/handle-message.js';
import { createDigestCommandHandler } from '../../src/digest/commands.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { fixtureKb } from './digest-fixture.js';

const kb = fixtureKb();
const store = createMemoryStore();
const handle = createMessageHandler({ kb, store, digest: createDigestCommandHandler({ store, kb }) });

describe('digest commands without a conversation', () => {
  it.each(['digest daily 09:00 Europe/Berlin', 'digest weekly monday 09:00', 'digest off', 'digest status'])(
    '"%s" on the page explains where digests live and offers help',
    async (text) => {
      const answer = await handle({ platform: 'web', text });
      expect(answer.kind).toBe('answer');
      expect(answer.title).toBe('Digests are set up in a Slack or Teams channel');
      expect(answer.suggestions).toContain('help');
      expect(answer.suggestions.filter((s) => /^digest (daily|weekly|off|status)/.test(s))).toEqual([]);
      expect(await store.listSubscriptions()).toEqual([]);
    },
  );

  it('still previews a digest', async () => {
    const answer = await handle({ platform: 'web', text: 'digest preview' });
    expect(answer.title).not.toContain('set up in');
  });
});
