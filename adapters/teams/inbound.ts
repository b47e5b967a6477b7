/**
 * Teams activity → the shared `Inbound` (text + where). Only the bot's own mention is removed (matched by the
 * recipient id); other people's mentions stay in the question as their names. A card button sends
 * `value: { ask }`, which is taken as typed text.
 *
 * @example
 * const inbound = activityToInbound(context.activity); // undefined: not for the bot
 */
import type { Activity } from 'botbuilder';
import type { Inbound } from '../../src/chat/handle-message.js';
import type { ConversationKey } from '../../src/store/store.js';

/** The part of a Teams conversation id that names the conversation, without a reply chain's `;messageid=`. */
export function baseConversationId(id: string): string {
  const cut = id.indexOf(';messageid=');
  return cut === -1 ? id : id.slice(0, cut);
}

/** The tenant of an activity ('' when the channel does not say). */
export function tenantOf(activity: Partial<Activity>): string {
  const fromConversation = activity.conversation?.tenantId;
  if (fromConversation) return fromConversation;
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  return typeof data?.tenant?.id === 'string' ? data.tenant.id : '';
}

/** Where digests asked for in this conversation would go. */
export function conversationKeyOf(activity: Partial<Activity>): ConversationKey {
  return {
    platform: 'teams',
    workspace: tenantOf(activity),
    conversation: baseConversationId(activity.conversation?.id ?? ''),
  };
}

interface MentionEntity {
  type: string;
  text?: unknown;
  mentioned?: { id?: unknown; name?: unknown };
}

const mentions = (activity: Partial<Activity>): MentionEntity[] =>
  (activity.entities ?? []).filter((e): e is MentionEntity => e.type === 'mention');

/** True when the activity @-mentions the bot itself. */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return botId !== undefined && mentions(activity).some((m) => m.mentioned?.id === botId);
}

/** Longest question text passed on; longer messages are cut. */
const MAX_TEXT_CHARS = 2_000;

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** Removes the bot's own `<at>…</at>` mention(s) and unwraps everyone else's to their plain names. */
export function stripBotMention(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const m of mentions(activity)) {
    if (m.mentioned?.id === botId && typeof m.text === 'string' && m.text !== '') text = text.split(m.text).join(' ');
  }
  return text
    .replace(/<at>(.*?)<\/at>/gi, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The `ask` text a card button sent, if this activity is a button press. */
export function submittedAsk(activity: Partial<Activity>): string | undefined {
  const value = activity.value as { ask?: unknown } | undefined;
  return value && typeof value === 'object' && typeof value.ask === 'string' ? value.ask.slice(0, 500) : undefined;
}

/** Teams gives bots ids that start with `28:` (people's start with `29:`); other channels mark them `role: bot`. */
const BOT_ID = /^28:/;

/** True when another bot (or an app posting as one) sent this: the bot answers people only. */
export function isFromBot(activity: Partial<Activity>): boolean {
  const from = activity.from;
  return from?.role === 'bot' || (typeof from?.id === 'string' && BOT_ID.test(from.id));
}

/** True for a one-to-one chat with the bot. */
export function isPersonal(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === undefined || type === 'personal';
}

/**
 * Turns a message activity into the shared inbound shape, or `undefined` when the bot should stay quiet
 * (its own message or another bot's, or a channel or group message that does not mention it).
 */
export function activityToInbound(activity: Partial<Activity>): Inbound | undefined {
  if (activity.from?.id !== undefined && activity.from.id === activity.recipient?.id) return undefined;
  if (isFromBot(activity)) return undefined;
  const ask = submittedAsk(activity);
  if (ask === undefined && !isPersonal(activity) && !mentionsBot(activity)) return undefined;
  return {
    platform: 'teams',
    text: ask ?? stripBotMention(activity).slice(0, MAX_TEXT_CHARS),
    conversation: conversationKeyOf(activity),
    userId: activity.from?.aadObjectId ?? activity.from?.id,
  };
}
