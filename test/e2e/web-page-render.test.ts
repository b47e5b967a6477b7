/**
 * @vitest-environment jsdom
 */
// The page's own renderers (plain browser modules in adapters/web/static) in jsdom: Slack mrkdwn is laid out as
// Slack shows it, every piece of answer text stays text (no markup gets through), and only http(s) links become links.
import { describe, expect, it } from 'vitest';

interface SlackModule {
  mrkdwn(text: string): HTMLElement;
  renderSlackMessage(blocks: unknown[], options: { onAsk(text: string): void }): HTMLElement;
}
interface TeamsModule {
  markdownToHtml(text: string): string;
}
interface PlainModule {
  renderPlainText(text: string, correcting?: string[]): HTMLElement;
}

const load = async <T>(name: string): Promise<T> =>
  (await import(new URL(`../../adapters/web/static/${name}`, import.meta.url).href)) as T;

describe('Slack mrkdwn in the Slack pane', () => {
  it('draws bold, italic, strike, code and links, and decodes Slack entities', async () => {
    const { mrkdwn } = await load<SlackModule>('slack-blocks.js');
    const node = mrkdwn(
      '*Key* _dates_ ~old~ `MailItemsAccessed` <https://example.com/a?b=1&amp;c=2|the source> a &lt;b&gt; &amp; c',
    );
    expect(node.querySelector('strong')?.textContent).toBe('Key');
    expect(node.querySelector('em')?.textContent).toBe('dates');
    expect(node.querySelector('s')?.textContent).toBe('old');
    expect(node.querySelector('code')?.textContent).toBe('MailItemsAccessed');
    const link = node.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/a?b=1&c=2');
    expect(link?.textContent).toBe('the source');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(node.textContent).toContain('a <b> & c');
    expect(node.querySelector('b')).toBeNull();
  });

  it('leaves marks inside words alone, as Slack does', async () => {
    const { mrkdwn } = await load<SlackModule>('slack-blocks.js');
    const node = mrkdwn('snake_case_name and 2*3*4');
    expect(node.querySelector('em, strong')).toBeNull();
    expect(node.textContent).toBe('snake_case_name and 2*3*4');
  });

  it('never turns a javascript: URL into a link', async () => {
    const { mrkdwn } = await load<SlackModule>('slack-blocks.js');
    const node = mrkdwn('<javascript:alert(1)|click me>');
    expect(node.querySelector('a')).toBeNull();
    expect(node.textContent).toBe('click me');
  });

  it('draws header, section, context, divider and buttons that ask their value', async () => {
    const { renderSlackMessage } = await load<SlackModule>('slack-blocks.js');
    const asked: string[] = [];
    const message = renderSlackMessage(
      [
        { type: 'header', text: { type: 'plain_text', text: 'Title <img src=x onerror=alert(1)>' } },
        { type: 'section', text: { type: 'mrkdwn', text: '• *2023-07-11* disclosed' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '*Sources:* <https://example.com|Example>' }] },
        { type: 'divider' },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'a:0', text: { type: 'plain_text', text: 'victims' }, value: 'victims' },
          ],
        },
        { type: 'mystery' },
      ],
      { onAsk: (text) => asked.push(text) },
    );
    expect(message.querySelector('.sl-header')?.textContent).toBe('Title <img src=x onerror=alert(1)>');
    expect(message.querySelector('img[src=x]')).toBeNull();
    expect(message.querySelector('.sl-section strong')?.textContent).toBe('2023-07-11');
    expect(message.querySelector('.sl-context a')?.getAttribute('href')).toBe('https://example.com/');
    expect(message.querySelector('hr.sl-divider')).not.toBeNull();
    expect(message.querySelector('.sl-unsupported')?.textContent).toContain('mystery');
    message.querySelector<HTMLButtonElement>('.sl-actions button')?.click();
    expect(asked).toEqual(['victims']);
  });
});

describe('Teams markdown for the Adaptive Cards renderer', () => {
  it('escapes everything before adding its own few tags', async () => {
    const { markdownToHtml } = await load<TeamsModule>('teams-card.js');
    const html = markdownToHtml(
      '**Bold** <script>alert(1)</script> [src](https://example.com/x) [bad](javascript:alert(1))\n- one\n- two',
    );
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="https://example.com/x" target="_blank" rel="noopener noreferrer">src</a>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
  });
});

describe('the plain-text pane', () => {
  it('puts dated lines in rows, keeps notes with their row, and marks corrections', async () => {
    const { renderPlainText } = await load<PlainModule>('plain-text.js');
    const node = renderPlainText(
      [
        'Storm-0558 timeline',
        '',
        '2023-05-15  Forged tokens first used',
        '2023-05-15 to 2023-06-16  A mailbox is read',
        '2023-06-27  The key is blocked in OWA',
        '    Corrects an earlier claim (2023-06-16).',
        '2023-07  Logging made free',
        'Sources:',
        '- Example, "Post" https://example.com/post',
      ].join('\n'),
      ['Logging made free'],
    );
    const dates = Array.from(node.querySelectorAll('.pt-date'), (d) => d.firstChild?.textContent);
    expect(dates).toEqual(['2023-05-15', '2023-05-15', '2023-06-27', '2023-07']);
    expect(node.querySelector('.pt-end')?.textContent).toBe('→ 2023-06-16');
    const corrected = Array.from(
      node.querySelectorAll('.pt-row.is-correction .pt-text'),
      (t) => t.firstChild?.textContent,
    );
    expect(corrected).toEqual(['The key is blocked in OWA', 'Logging made free']);
    expect(node.querySelector('.pt-note')?.textContent).toBe('Corrects an earlier claim (2023-06-16).');
    expect(node.querySelector('a')?.getAttribute('href')).toBe('https://example.com/post');
  });
});
