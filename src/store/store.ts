/**
 * The one storage interface. SQLite (default), PostgreSQL (several replicas) and memory (tests) implement it, and
 * all pass `test/store-contract.ts`.
 */

export type Platform = 'slack' | 'teams';

/** Where a digest goes: a Slack channel or a Teams conversation. */
export interface ConversationKey {
  platform: Platform;
  /** Slack: team id; Teams: tenant id (or '' when unknown) */
  workspace: string;
  /** Slack channel id; Teams conversation id */
  conversation: string;
}

export interface Subscription extends ConversationKey {
  id: string;
  incident: string;
  /** croner pattern in `timeZone` (daily 09:00 → `0 9 * * *`) */
  cron: string;
  timeZone: string;
  /** how the person said it: "daily 09:00 Europe/Berlin" */
  label: string;
  kind: 'daily' | 'weekly' | 'cron';
  createdAt: string;
  createdBy?: string;
  /** last successfully posted period and its knowledge-base snapshot (fact id → content hash) */
  lastPostedAt?: string;
  lastPostedPeriod?: string;
  lastKbVersion?: string;
  lastError?: string;
  lastErrorAt?: string;
  consecutiveFailures: number;
  paused: boolean;
  /** JSON the scheduler keeps between posts (e.g. fact hashes at the last post, recommendation rotation) */
  state?: string;
}

export type DigestRunStatus = 'claimed' | 'posted' | 'failed' | 'skipped';

export interface DigestRun {
  subscriptionId: string;
  /** ISO instant the period starts */
  periodStart: string;
  claimedBy: string;
  claimedAt: string;
  status: DigestRunStatus;
  postedAt?: string;
  error?: string;
}

/** A Teams conversation reference (the serialized botbuilder ConversationReference) kept to post proactively. */
export interface ConversationReferenceRecord {
  conversationId: string;
  tenantId: string;
  /** JSON of the reference */
  reference: string;
  /** true once the bot was removed: nothing is sent there again */
  removed: boolean;
  updatedAt: string;
}

/** Why a question is in the log: the bot had no answer, or (later) a person voted its answer down. */
export type QuestionReason = 'unanswered' | 'downvoted';

/** One question as it was asked, for the log (no user ids, ever). */
export interface QuestionLogEntry {
  text: string;
  platform: string;
  at: string;
  reason: QuestionReason;
  /** unanswered: the bot said it did not know (`none`) or asked back (`clarify`) */
  kind?: 'none' | 'clarify';
}

/** A question in the log: the same words (case, spacing and end punctuation aside) count as one, with a count. */
export interface LoggedQuestion {
  /** as last asked */
  text: string;
  reason: QuestionReason;
  kind?: 'none' | 'clarify';
  /** where it was last asked */
  platform: string;
  /** every platform it was asked on */
  platforms: string[];
  count: number;
  firstSeen: string;
  lastSeen: string;
}

/** How much the question log keeps; passed when a store is created. */
export interface QuestionLogLimits {
  /** most distinct questions kept; the least recently asked go first */
  maxEntries: number;
  /** questions not asked for this many days are removed */
  retentionDays: number;
}

/** A person's rating of one answer. */
export type Vote = 'up' | 'down';

/** One vote as it is stored: what was asked and answered, where, and the vote. Never who voted. */
export interface FeedbackRecord {
  /** the question as asked (at most 500 characters) */
  question: string;
  /** the incident the answer came from, or null */
  incident: string | null;
  /** the ids of the facts the answer showed */
  factIds: string[];
  /** where the answer was shown: slack, teams, web */
  surface: string;
  vote: Vote;
  at: string;
}

/** A vote to record; `voteKey` makes it one per answer message per voter (see `src/chat/feedback.ts`). */
export interface FeedbackEntry extends FeedbackRecord {
  /** a hash of (surface, message id, voter): stored to refuse a second vote, while the voter is not */
  voteKey: string;
}

export interface Store {
  /** create tables / apply migrations; safe to call more than once */
  migrate(): Promise<void>;
  /** a cheap round trip, for /readyz */
  ping(): Promise<void>;
  close(): Promise<void>;

  // Subscriptions: one per conversation and incident; saving again replaces it.
  saveSubscription(sub: Subscription): Promise<void>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  findSubscriptions(key: ConversationKey): Promise<Subscription[]>;
  listSubscriptions(): Promise<Subscription[]>;
  deleteSubscription(id: string): Promise<boolean>;
  updateSubscription(id: string, patch: Partial<Omit<Subscription, 'id'>>): Promise<void>;

  // Digest ledger: exactly one claim per (subscription, period).
  /** true when this caller now owns the period (inserted), false when someone else has it */
  claimPeriod(subscriptionId: string, periodStart: string, claimedBy: string, now: string): Promise<boolean>;
  /** take over a claim left in 'claimed' since before `staleBefore`; true for exactly one caller */
  takeOverStaleClaim(
    subscriptionId: string,
    periodStart: string,
    claimedBy: string,
    staleBefore: string,
    now: string,
  ): Promise<boolean>;
  finishPeriod(
    subscriptionId: string,
    periodStart: string,
    status: Exclude<DigestRunStatus, 'claimed'>,
    at: string,
    error?: string,
  ): Promise<void>;
  getRun(subscriptionId: string, periodStart: string): Promise<DigestRun | undefined>;
  listRuns(subscriptionId: string): Promise<DigestRun[]>;

  // Teams conversation references.
  saveConversationReference(record: ConversationReferenceRecord): Promise<void>;
  getConversationReference(conversationId: string): Promise<ConversationReferenceRecord | undefined>;
  markConversationRemoved(conversationId: string, at: string): Promise<void>;

  // Slack event ids seen (retries are dropped).
  /** true the first time an event id is seen, false for every later call (also across restarts) */
  markEventSeen(eventId: string, at: string): Promise<boolean>;

  // Question log: questions that got no answer (and later, thumbs-down), de-duplicated with counts, capped at
  // `maxEntries` (least recently asked dropped) and kept `retentionDays` after they were last asked.
  /** counts one asking: a new entry, or count + 1 and last seen for a known one */
  logQuestion(entry: QuestionLogEntry): Promise<void>;
  /** most recently asked first; `since`: last asked at or after; `limit` default 1000 */
  listQuestions(options?: { since?: string; limit?: number }): Promise<LoggedQuestion[]>;
  /** removes the questions last asked before `before` (all without it); returns how many */
  purgeQuestions(options?: { before?: string }): Promise<number>;

  // Feedback: one vote per `voteKey`, kept `retentionDays` (the question log's) after it was cast.
  /** true when the vote was counted, false when a vote with this key was already counted (it is not changed) */
  recordFeedback(entry: FeedbackEntry): Promise<boolean>;
  /** newest first; `since`: cast at or after; `limit` default 1000 */
  listFeedback(options?: { since?: string; limit?: number }): Promise<FeedbackRecord[]>;
  /** removes the votes cast before `before` (all without it; their keys too, so those voters may vote again) */
  purgeFeedback(options?: { before?: string }): Promise<number>;

  // Secrets shared by every replica (e.g. the key that signs feedback buttons).
  /** the value stored under `name`; the first caller stores `make()`, every later one (any replica) reads it */
  sharedSecret(name: string, make: () => string): Promise<string>;
}
