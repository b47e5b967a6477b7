/**
 * Slack Connect and guests: may an answer be posted where everyone in the channel sees it? Only when the channel
 * is not shared with another organization and the asker is a full member of this workspace. When either cannot
 * be determined, the answer is no (fail closed), with the reason to show the person.
 *
 * @example
 * const verdict = await audience.check({ channelId: 'C1', teamId: 'T1', userId: 'U1', extShared: false });
 * if (!verdict.publicOk) postPrivately(verdict.reason);
 */
import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../src/logger.js';

type WebClient = webApi.WebClient;

export interface AudienceQuery {
  channelId?: string;
  teamId?: string;
  userId?: string;
  /** the payload's `is_ext_shared_channel`, when it carried one */
  extShared?: boolean;
  /** the asker's own team, when the payload says (`user_team`, `user.team_id`) */
  userTeam?: string;
}

export type AudienceVerdict = { publicOk: true } | { publicOk: false; reason: string };

/** What the person is told when an answer stays private, one reason per cause. */
export const PRIVATE_REASONS = {
  sharedChannel:
    'Only you can see this answer: this channel is shared with another organization (Slack Connect), so breachbot answers privately here.',
  external:
    'Only you can see this answer: you are a guest or from another organization, so breachbot answers privately.',
  unknownChannel:
    'Only you can see this answer: breachbot could not check whether this channel is shared outside your organization.',
  unknownUser: 'Only you can see this answer: breachbot could not check your account type in this workspace.',
} as const;

interface UserInfo {
  team_id?: string;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_stranger?: boolean;
  /** IANA zone from the person's Slack settings, e.g. `Europe/Berlin` */
  tz?: string;
}

/** What one `users.info` answer tells us about the asker. */
interface UserFacts {
  external: boolean;
  timeZone?: string;
}

export interface AudienceChecker {
  /** `log` (default: the checker's) is where a failed lookup is reported, e.g. a logger carrying the request id */
  check(query: AudienceQuery, log?: Logger): Promise<AudienceVerdict>;
  /** The asker's Slack time zone (from the same cached `users.info` as the guest check), or undefined. */
  timeZone(userId: string | undefined, teamId: string | undefined, log?: Logger): Promise<string | undefined>;
}

/** How long a failed `users.info` is not asked again (every slash command needs the asker's zone). */
const USER_FAILURE_TTL_MS = 30_000;
/** The most channels and people remembered at once; the least recently used are forgotten first. */
export const AUDIENCE_CACHE_MAX = 10_000;

/** What a `users.info` lookup leaves in the cache: the facts, or nothing after a failure (kept briefly). */
interface CachedUser {
  facts?: UserFacts;
}

interface LookupContext {
  teamId?: string;
  log: Logger;
}

/**
 * Creates a checker that asks Slack (`conversations.info`, `users.info`) and keeps each answer for `ttlMs` in an
 * LRU cache of at most `max` channels and `max` people; concurrent questions about one channel or person share a
 * single call.
 */
export function createAudienceChecker(
  client: WebClient,
  log: Logger,
  ttlMs = 5 * 60_000,
  max = AUDIENCE_CACHE_MAX,
): AudienceChecker {
  const channels = new LRUCache<string, { shared: boolean }, LookupContext>({
    max,
    ttl: ttlMs,
    fetchMethod: async (channelId, _stale, { context }) => {
      try {
        const res = await client.conversations.info({ channel: channelId });
        const channel = res.channel as { is_ext_shared?: boolean; is_pending_ext_shared?: boolean } | undefined;
        if (!channel) return undefined;
        return { shared: channel.is_ext_shared === true || channel.is_pending_ext_shared === true };
      } catch (error) {
        context.log.warn('conversations.info failed; answering privately', { error: String(error) });
        return undefined;
      }
    },
  });

  const users = new LRUCache<string, CachedUser, LookupContext & { userId: string }>({
    max,
    ttl: ttlMs,
    fetchMethod: async (_key, _stale, { context, options }) => {
      try {
        const res = await client.users.info({ user: context.userId });
        const user = res.user as UserInfo | undefined;
        if (!user) throw new Error('users.info returned no user');
        const { teamId } = context;
        const external =
          user.is_restricted === true ||
          user.is_ultra_restricted === true ||
          user.is_stranger === true ||
          (teamId !== undefined && user.team_id !== undefined && user.team_id !== teamId);
        return {
          facts: typeof user.tz === 'string' && user.tz !== '' ? { external, timeZone: user.tz } : { external },
        };
      } catch (error) {
        context.log.warn('users.info failed; answering privately and in UTC', { error: String(error) });
        options.ttl = USER_FAILURE_TTL_MS;
        return {};
      }
    },
  });

  const channelShared = async (channelId: string, requestLog: Logger): Promise<boolean | undefined> =>
    (await channels.fetch(channelId, { context: { log: requestLog } }))?.shared;

  const userFacts = async (userId: string, teamId: string | undefined, requestLog: Logger) =>
    (await users.fetch(`${teamId ?? ''}:${userId}`, { context: { userId, teamId, log: requestLog } }))?.facts;

  return {
    async timeZone(userId, teamId, requestLog = log) {
      if (!userId) return undefined;
      return (await userFacts(userId, teamId, requestLog))?.timeZone;
    },
    async check(query, requestLog = log) {
      if (query.extShared === true) return { publicOk: false, reason: PRIVATE_REASONS.sharedChannel };
      if (query.userTeam && query.teamId && query.userTeam !== query.teamId) {
        return { publicOk: false, reason: PRIVATE_REASONS.external };
      }
      if (!query.channelId) return { publicOk: false, reason: PRIVATE_REASONS.unknownChannel };
      if (query.extShared === undefined && !query.channelId.startsWith('D')) {
        const shared = await channelShared(query.channelId, requestLog);
        if (shared === undefined) return { publicOk: false, reason: PRIVATE_REASONS.unknownChannel };
        if (shared) return { publicOk: false, reason: PRIVATE_REASONS.sharedChannel };
      }
      if (!query.userId) return { publicOk: false, reason: PRIVATE_REASONS.unknownUser };
      const user = await userFacts(query.userId, query.teamId, requestLog);
      if (user === undefined) return { publicOk: false, reason: PRIVATE_REASONS.unknownUser };
      if (user.external) return { publicOk: false, reason: PRIVATE_REASONS.external };
      return { publicOk: true };
    },
  };
}
