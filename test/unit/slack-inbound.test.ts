// Slack payloads become plain text for the core: entities decoded, mentions and links unwrapped, the bot's own
// mention removed; the adapter picks Socket Mode only when an app token is set.
import { describe, expect, it } from 'vitest';
import { decodeSlackText, fromMessageEvent, fromSlashCommand, stripMention } from '../../adapters/slack/inbound.js';
import { selectSlackMode } from '../../adapters/slack/index.js';
import { clip, escapeMrkdwn, splitText } from '../../adapters/slack/text.js';

describe('inbound text', () => {
  it('decodes entities, mentions, channels and links', () => {
    expect(decodeSlackText('a &lt;b&gt; &amp; c')).toBe('a <b> & c');
    expect(decodeSlackText('<@U123> and <@U456|bob>')).toBe('@U123 and @bob');
    expect(decodeSlackText('<!channel> <!here|here> <!subteam^S1|@sec>')).toBe('@channel @here @@sec');
    expect(decodeSlackText('<#C1|general> <https://evil.example|evil.example> <mailto:a@b.c|a@b.c>')).toBe(
      '#general evil.example a@b.c',
    );
    expect(decodeSlackText('<https://x.example/a>')).toBe('https://x.example/a');
  });

  it('removes the bot mention wherever it is, and leading mentions', () => {
    expect(stripMention('<@UBOT> timeline', 'UBOT')).toBe('timeline');
    expect(stripMention('hey <@UBOT> victims', 'UBOT')).toBe('hey   victims');
    expect(stripMention('<@UOTHER> <@UBOT> status')).toBe('status');
  });

  it('maps a slash command and a mention to an Inbound with its conversation', () => {
    expect(fromSlashCommand({ text: ' timeline &amp; more ', team_id: 'T1', channel_id: 'C1', user_id: 'U1' })).toEqual(
      {
        platform: 'slack',
        text: 'timeline & more',
        conversation: { platform: 'slack', workspace: 'T1', conversation: 'C1' },
        userId: 'U1',
      },
    );
    const mention = fromMessageEvent({ text: '<@UBOT> victims', channel: 'C2', user: 'U2' }, 'T2', 'UBOT');
    expect(mention.text).toBe('victims');
    expect(mention.conversation).toEqual({ platform: 'slack', workspace: 'T2', conversation: 'C2' });
  });
});

describe('text safety', () => {
  it('escapes markup and defuses broadcast words', () => {
    expect(escapeMrkdwn('<!channel> & @here')).toBe('&lt;!channel&gt; &amp; @\u2060here');
  });

  it('never cuts an entity in half when clipping or splitting', () => {
    expect(clip('abc &amp; def', 6)).toBe('abc …');
    for (const piece of splitText('&amp;'.repeat(1000), 3000)) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect(piece).toMatch(/^(&amp;)+$/);
    }
  });
});

describe('mode selection', () => {
  it('uses HTTP with a signing secret and Socket Mode when an app token is set', () => {
    expect(selectSlackMode({ signingSecret: 's' })).toBe('http');
    expect(selectSlackMode({ appToken: 'xapp-1' })).toBe('socket');
    expect(selectSlackMode({ signingSecret: 's', appToken: 'xapp-1' })).toBe('socket');
  });
});
