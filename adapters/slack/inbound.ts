/**
 * Slack payloads → `Inbound` for the shared message handler. Slack encodes `&`, `<`, `>` and wraps mentions and
 * links in angle brackets; we decode them to plain words so the core sees what the person typed.
 *
 * @example
 * fromSlashCommand({ text: 'timeline july 2023', team_id: 'T1', channel_id: 'C1', user_id: 'U1' });
 */
import type { Inbound } from '../../src/chat/handle-message.js';

/** The fields of a slash command payload we read. */
export interface SlashCommandLike {
  text?: string;
  team_id?: string;
  channel_id?: string;
  user_id?: string;
}

/** The fields of a message or app_mention event we read. */
export interface MessageEventLike {
  text?: string;
  team?: string;
  channel?: string;
  user?: string;
}

/**
 * Slack-encoded text → plain text: `<@U1>` → `@U1`, `<!here>` → `@here`, `<https://x|label>` → `label`,
 * `<#C1|name>` → `#name`, entities decoded.
 */
export function decodeSlackText(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const [target = '', label] = inner.split('|');
      if (target.startsWith('@')) return label ? `@${label}` : target;
      if (target.startsWith('!')) return `@${(label ?? target.slice(1)).replace(/^subteam\^\w+$/, 'group')}`;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      return label ?? target.replace(/^mailto:/, '');
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Removes the bot's own mention (and any leading mentions) from an app_mention text. */
export function stripMention(text: string, botUserId?: string): string {
  let out = text;
  if (botUserId) out = out.split(`<@${botUserId}>`).join(' ');
  return out.replace(/^(\s*<@[A-Z0-9]+(\|[^>]*)?>\s*)+/, '').trim();
}

/** A slash command → Inbound. */
export function fromSlashCommand(body: SlashCommandLike): Inbound {
  return {
    platform: 'slack',
    text: decodeSlackText(body.text ?? '').trim(),
    conversation:
      body.team_id && body.channel_id
        ? { platform: 'slack', workspace: body.team_id, conversation: body.channel_id }
        : undefined,
    userId: body.user_id,
  };
}

/** An app_mention or direct message → Inbound (mention stripped). */
export function fromMessageEvent(event: MessageEventLike, teamId: string | undefined, botUserId?: string): Inbound {
  const workspace = teamId ?? event.team;
  return {
    platform: 'slack',
    text: decodeSlackText(stripMention(event.text ?? '', botUserId)).trim(),
    conversation:
      workspace && event.channel ? { platform: 'slack', workspace, conversation: event.channel } : undefined,
    userId: event.user,
  };
}

/** Button click → Inbound with the question the button carries. */
export function fromButton(value: string, teamId?: string, channelId?: string, userId?: string): Inbound {
  return {
    platform: 'slack',
    text: value.trim(),
    conversation: teamId && channelId ? { platform: 'slack', workspace: teamId, conversation: channelId } : undefined,
    userId,
  };
}
