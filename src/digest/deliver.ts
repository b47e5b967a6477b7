/**
 * The port the scheduler posts through. Each chat adapter provides one (`adapters/slack/deliver.ts`,
 * `adapters/teams/deliver.ts`); the composition picks by `subscription.platform`.
 */
import type { Answer } from '../core/answer.js';
import type { Subscription } from '../store/store.js';

export type DeliveryResult =
  | { ok: true; messageId?: string }
  | {
      ok: false;
      /** platform error code or short reason: `not_in_channel`, `channel_not_found`, `403 bot removed`, `429` */
      error: string;
      /** true when retrying cannot help until someone acts (bot removed, channel gone) */
      permanent: boolean;
      /** for rate limits: wait this long before retrying */
      retryAfterMs?: number;
    };

export type Deliver = (subscription: Subscription, answer: Answer) => Promise<DeliveryResult>;
