/**
 * The Teams bot: messages and card buttons are answered through the shared message handler, installs and
 * removals keep the conversation references current, compose-box queries go to the search extension, and
 * other invokes get a polite "not supported" instead of 501.
 *
 * @example
 * const bot = new BreachbotTeamsBot({ handle, kb, refs, log, now: () => new Date() });
 * await adapter.process(req, res, (context) => bot.run(context));
 */
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { type AnswerMemo, createAnswerMemo, questionKey } from '../../src/chat/answer-memo.js';
import type { Feedback } from '../../src/chat/feedback.js';
import type { MessageHandler } from '../../src/chat/handle-message.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Logger } from '../../src/logger.js';
import { answerWithFeedback, handleVote, voteInvokeResponse } from './feedback.js';
import { activityToInbound, conversationKeyOf } from './inbound.js';
import { unhandledInvokeResponse } from './invokes.js';
import type { ReferenceKeeper } from './references.js';
import { answerToActivity } from './render.js';
import { queryText, searchExtensionResponse } from './search-extension.js';

export interface TeamsBotDeps {
  handle: MessageHandler;
  kb: KnowledgeBase;
  refs: ReferenceKeeper;
  log: Logger;
  now: () => Date;
  /** how long a rendered answer may be reused for the same text (default 60 s; 0 turns the memo off) */
  answerCacheMs?: number;
  /** records 👍 / 👎 (`feedback.ts`) */
  feedback?: Feedback;
}

/** The first words the bot says in a conversation it was just added to. */
export const WELCOME_TEXT =
  'Hello! I answer questions about cloud security incidents from a sourced knowledge base. Ask me in plain words, or use one of the commands below. In a channel or group chat, @-mention me.';

type Reply = ReturnType<typeof answerWithFeedback>;

export class BreachbotTeamsBot extends TeamsActivityHandler {
  private readonly replies: AnswerMemo<Reply>;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.replies = createAnswerMemo<Reply>({
      ttlMs: deps.answerCacheMs,
      now: () => deps.now().getTime(),
      normalize: questionKey,
      version: () => deps.kb.version,
    });
    this.onMessage(async (context, next) => {
      if (!(await handleVote(context, this.deps.feedback, this.deps.log))) await this.answer(context);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      const action = context.activity.action ?? '';
      if (action.startsWith('remove')) await this.deps.refs.remove(context.activity);
      else if (action.startsWith('add')) {
        await this.deps.refs.save(context.activity, { force: true });
        if (action === 'add') await this.welcome(context);
      }
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      const removed = (context.activity.membersRemoved ?? []).some((m) => m.id === botId);
      if (removed) await this.deps.refs.remove(context.activity);
      else if (added) {
        await this.deps.refs.save(context.activity, { force: true });
        // Teams follows with an installationUpdate that welcomes; other channels (the Emulator) do not.
        if (context.activity.channelId !== 'msteams') await this.welcome(context);
      }
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const inbound = activityToInbound(context.activity);
    if (!inbound) return;
    try {
      await this.deps.refs.save(context.activity);
    } catch (error) {
      this.deps.log.warn('teams conversation reference not saved', { error });
    }
    let reply = this.replies.get(inbound.text);
    if (!reply) {
      const answer = await this.deps.handle(inbound);
      reply = this.replies.set(inbound.text, answer, answerWithFeedback(answer));
    }
    await context.sendActivity({ ...reply });
  }

  private async welcome(context: TurnContext): Promise<void> {
    const help = await this.deps.handle({
      platform: 'teams',
      text: 'help',
      conversation: conversationKeyOf(context.activity),
    });
    await context.sendActivity({ ...answerToActivity(help), text: WELCOME_TEXT });
  }

  /** Invokes without a handler get a polite 200 instead of botbuilder's 501 (`invokes.ts`). */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response?.status !== 501) return response;
    this.deps.log.info('teams invoke without a handler: answered that it is not supported', {
      name: context.activity.name,
    });
    return unhandledInvokeResponse(context.activity.name);
  }

  /** 👍 / 👎 sent as Universal Actions (`Action.Execute`); other actions get the polite "not supported". */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const vote = await voteInvokeResponse(context, invokeValue, this.deps.feedback, this.deps.log);
    return vote ?? super.onAdaptiveCardInvoke(context, invokeValue);
  }

  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return searchExtensionResponse(this.deps.handle, queryText(query));
  }
}
