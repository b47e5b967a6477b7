/**
 * Proactive delivery for digests: posts an answer into a Teams conversation through the reference stored when
 * the bot was installed there. A missing or removed reference fails permanently without calling the connector, and
 * so does one that points beyond this machine when there is no app id (the Emulator path is local only);
 * 403/404 are permanent (bot removed, conversation gone), 429 carries the wait Teams asked for.
 *
 * @example
 * const deliver = createTeamsDeliver({ adapter, store, appId, log });
 * const result = await deliver(subscription, answer);
 */
import type { CloudAdapter } from 'botbuilder';
import type { Answer } from '../../src/core/answer.js';
import type { Deliver, DeliveryResult } from '../../src/digest/deliver.js';
import type { Logger } from '../../src/logger.js';
import type { Store, Subscription } from '../../src/store/store.js';
import { serviceUrlRefusal } from './local-gate.js';
import type { StoredReference } from './references.js';
import { answerToActivity } from './render.js';

export interface TeamsDeliverDeps {
  adapter: CloudAdapter;
  store: Store;
  /** the bot's app id ('' or undefined when unauthenticated) */
  appId?: string;
  log: Logger;
}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  const value = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof value === 'number' ? value : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: unknown } } | null)?.response?.headers as
    | { get?: (name: string) => string | undefined | null }
    | Record<string, unknown>
    | undefined;
  if (!headers) return undefined;
  const raw =
    typeof headers.get === 'function'
      ? (headers.get as (name: string) => unknown)('retry-after')
      : (headers as Record<string, unknown>)['retry-after'];
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Maps a connector failure to a delivery result. */
export function classifyDeliveryError(error: unknown): DeliveryResult {
  const status = statusOf(error);
  if (status === 429) return { ok: false, error: '429', permanent: false, retryAfterMs: retryAfterMs(error) ?? 60_000 };
  if (status === 403) return { ok: false, error: '403 bot removed or blocked', permanent: true };
  if (status === 404) return { ok: false, error: '404 conversation not found', permanent: true };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: status ? `${status} ${message}`.slice(0, 200) : message.slice(0, 200), permanent: false };
}

export function createTeamsDeliver(deps: TeamsDeliverDeps): Deliver {
  return async (subscription: Subscription, answer: Answer): Promise<DeliveryResult> => {
    const record = await deps.store.getConversationReference(subscription.conversation);
    if (!record)
      return { ok: false, error: 'no conversation reference: breachbot is not installed there', permanent: true };
    if (record.removed) return { ok: false, error: 'breachbot was removed from this conversation', permanent: true };
    let reference: StoredReference;
    try {
      reference = JSON.parse(record.reference) as StoredReference;
    } catch {
      return { ok: false, error: 'stored conversation reference is not readable', permanent: true };
    }
    if (!deps.appId && serviceUrlRefusal(reference)) {
      deps.log.warn('teams proactive post refused: no app id and the stored serviceUrl is not on this machine', {
        conversation: subscription.conversation,
      });
      return {
        ok: false,
        error: 'without MICROSOFT_APP_ID breachbot posts only to a serviceUrl on this machine',
        permanent: true,
      };
    }
    let messageId: string | undefined;
    // botbuilder hands errors thrown inside the turn to onTurnError, so the send's failure is caught here.
    let failure: { error: unknown } | undefined;
    try {
      await deps.adapter.continueConversationAsync(deps.appId ?? '', reference, async (context) => {
        try {
          const sent = await context.sendActivity(answerToActivity(answer));
          messageId = sent?.id;
        } catch (error) {
          failure = { error };
        }
      });
    } catch (error) {
      failure = { error };
    }
    if (failure) {
      const result = classifyDeliveryError(failure.error);
      deps.log.warn('teams proactive post failed', { conversation: subscription.conversation, result });
      return result;
    }
    return { ok: true, messageId };
  };
}
