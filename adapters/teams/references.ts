/**
 * Keeps the Teams conversation references the digests post through: saved on install, when the bot is added and on
 * messages (only when they changed), marked removed when the bot is removed so nothing is sent there again.
 *
 * @example
 * const refs = createReferenceKeeper({ store, log, now: () => new Date() });
 * await refs.save(context.activity, { force: true });
 */
import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { baseConversationId, tenantOf } from './inbound.js';

/** What is stored as `ConversationReferenceRecord.reference`: a botbuilder reference plus the team it belongs to. */
export type StoredReference = Partial<ConversationReference> & { teamId?: string };

export interface ReferenceKeeperDeps {
  store: Store;
  log: Logger;
  now: () => Date;
}

export interface ReferenceKeeper {
  /** saves the activity's reference; without `force` only when it differs from the last one saved here */
  save(activity: Activity, options?: { force?: boolean }): Promise<void>;
  /** marks the activity's conversation (and, for a team, every conversation of that team with a digest) removed */
  remove(activity: Activity): Promise<void>;
}

const teamIdOf = (activity: Partial<Activity>): string | undefined => {
  const data = activity.channelData as { team?: { id?: unknown } } | undefined;
  return typeof data?.team?.id === 'string' ? data.team.id : undefined;
};

const teamOfRecord = (json: string): string | undefined => {
  try {
    return (JSON.parse(json) as StoredReference).teamId;
  } catch {
    return undefined;
  }
};

/** The reference for posting into this conversation later, without the message it came from. */
export function referenceOf(activity: Activity): StoredReference {
  const reference: StoredReference = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  if (reference.conversation) {
    reference.conversation = { ...reference.conversation, id: baseConversationId(reference.conversation.id) };
  }
  const teamId = teamIdOf(activity);
  if (teamId) reference.teamId = teamId;
  return reference;
}

export function createReferenceKeeper(deps: ReferenceKeeperDeps): ReferenceKeeper {
  // the reference last written per conversation, to skip writing it again; the most recent 10,000 conversations
  const saved = new LRUCache<string, string>({ max: 10_000 });
  return {
    async save(activity, options = {}) {
      const reference = referenceOf(activity);
      const conversationId = reference.conversation?.id;
      if (!conversationId) return;
      const json = JSON.stringify(reference);
      if (!options.force && saved.get(conversationId) === json) return;
      await deps.store.saveConversationReference({
        conversationId,
        tenantId: tenantOf(activity),
        reference: json,
        removed: false,
        updatedAt: deps.now().toISOString(),
      });
      saved.set(conversationId, json);
    },
    async remove(activity) {
      const at = deps.now().toISOString();
      const ids = new Set([baseConversationId(activity.conversation?.id ?? '')]);
      const teamId = teamIdOf(activity);
      if (teamId) {
        ids.add(teamId);
        for (const sub of await deps.store.listSubscriptions()) {
          if (sub.platform !== 'teams' || ids.has(sub.conversation)) continue;
          const record = await deps.store.getConversationReference(sub.conversation);
          if (record && teamOfRecord(record.reference) === teamId) ids.add(sub.conversation);
        }
      }
      for (const id of ids) {
        if (id === '') continue;
        await deps.store.markConversationRemoved(id, at);
        saved.delete(id);
      }
      deps.log.info('teams bot removed; conversation references marked', { conversations: ids.size });
    },
  };
}
