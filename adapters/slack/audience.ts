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

type WebClient = webApi.WebClient;

import type { Logger } from '../../src/logger.js';

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

/** Creates a checker that asks Slack (`conversations.info`, `users.info`) and caches the result for `ttlMs`. */
export function createAudienceChecker(client: WebClient, log: Logger, ttlMs = 5 * 60_000): AudienceChecker {
  const channels = new Map<string, { at: number; shared: boolean }>();
  const users = new Map<string, { until: number; facts: UserFacts | undefined }>();
  // concurrent questions from one person share a single users.info call
  const pendingUsers = new Map<string, Promise<UserFacts | undefined>>();

  const channelShared = async (channelId: string, requestLog: Logger): Promise<boolean | undefined> => {
    const hit = channels.get(channelId);
    if (hit && Date.now() - hit.at < ttlMs) return hit.shared;
    try {
      const res = await client.conversations.info({ channel: channelId });
      const channel = res.channel as { is_ext_shared?: boolean; is_pending_ext_shared?: boolean } | undefined;
      if (!channel) return undefined;
      const shared = channel.is_ext_shared === true || channel.is_pending_ext_shared === true;
      channels.set(channelId, { at: Date.now(), shared });
      return shared;
    } catch (error) {
      requestLog.warn('conversations.info failed; answering privately', { error: String(error) });
      return undefined;
    }
  };

  const fetchUser = async (userId: string, teamId: string | undefined, key: string, requestLog: Logger) => {
    try {
      const res = await client.users.info({ user: userId });
      const user = res.user as UserInfo | undefined;
      if (!user) throw new Error('users.info returned no user');
      const external =
        user.is_restricted === true ||
        user.is_ultra_restricted === true ||
        user.is_stranger === true ||
        (teamId !== undefined && user.team_id !== undefined && user.team_id !== teamId);
      const facts: UserFacts =
        typeof user.tz === 'string' && user.tz !== '' ? { external, timeZone: user.tz } : { external };
      users.set(key, { until: Date.now() + ttlMs, facts });
      return facts;
    } catch (error) {
      requestLog.warn('users.info failed; answering privately and in UTC', { error: String(error) });
      users.set(key, { until: Date.now() + USER_FAILURE_TTL_MS, facts: undefined });
      return undefined;
    } finally {
      pendingUsers.delete(key);
    }
  };

  const userFacts = (userId: string, teamId: string | undefined, requestLog: Logger) => {
    const key = `${teamId ?? ''}:${userId}`;
    const hit = users.get(key);
    if (hit && Date.now() < hit.until) return hit.facts;
    let pending = pendingUsers.get(key);
    if (!pending) {
      pending = fetchUser(userId, teamId, key, requestLog);
      pendingUsers.set(key, pending);
    }
    return pending;
  };

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
