// Issue 12.7: the "You asked" echo of a public Slack reply. A signed app_mention goes through the real server on
// 127.0.0.1; its question holds a URL (as Slack sends it: `<http://…>`), `<!channel>` and *formatting*. The chat.postMessage the fake Slack Web API records must show the echo
// as inline code, carry `verbatim: true` on every mrkdwn text object, and hold no link markup and no broadcast.
import { describe, expect, it } from 'vitest';
import { appMention, postToSlackEndpoint } from '../fixtures/slack.js';
import { PING, useSlackBot } from './slack-harness.js';

const slack = useSlackBot();

/** The text of a mention as Slack delivers it: the URL auto-linked, the broadcast a token. */
const QUESTION = 'zzqx what about <http://evil.example/steal?x=1> <!channel> *urgent* _now_';

interface TextObject {
  type: string;
  text: string;
  verbatim?: boolean;
}

/** Every text object (`{ type: 'mrkdwn' | 'plain_text', text }`) anywhere in the blocks. */
function textObjects(node: unknown, out: TextObject[] = []): TextObject[] {
  if (Array.isArray(node)) for (const n of node) textObjects(n, out);
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if ((n.type === 'mrkdwn' || n.type === 'plain_text') && typeof n.text === 'string') out.push(n as never);
    for (const v of Object.values(n)) if (typeof v === 'object') textObjects(v, out);
  }
  return out;
}

describe('a public Slack reply to a mention with a URL, <!channel> and formatting', () => {
  it('echoes the question as inline code, every mrkdwn text verbatim, with no link and no broadcast', async () => {
    const res = await postToSlackEndpoint(slack.bot.url, appMention({ text: QUESTION, channel: 'C000ECHO12' }));
    expect(res.status).toBe(200);
    const [post] = await slack.fake.waitFor('chat.postMessage');
    expect(post?.params.channel).toBe('C000ECHO12');
    expect(post?.params.response_type).toBeUndefined();

    const texts = textObjects(post?.params.blocks);
    const echo = texts.find((t) => t.text.startsWith('You asked: '));
    expect(echo, 'the reply echoes the question').toBeDefined();
    // one code span around the whole question; inside it the URLs are plain text and the marks stay literal
    expect(echo?.text).toMatch(/^You asked: `[^`]+`$/);
    expect(echo?.text).toContain('http://evil.example/steal?x=1');
    expect(echo?.text).toContain('*urgent* _now_');

    const mrkdwn = texts.filter((t) => t.type === 'mrkdwn');
    expect(mrkdwn.length).toBeGreaterThan(1);
    for (const t of mrkdwn) expect(t, t.text).toMatchObject({ verbatim: true });

    const sent = JSON.stringify(post?.params);
    expect(sent).not.toContain('<http');
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toMatch(PING);
    expect(sent).not.toMatch(/@channel\b/);
  });
});
