/**
 * The owners' summary of a period (`/breach feedback`, `feedback` in Teams, `breachbot feedback`): votes up and
 * down, the questions voted down most, and the questions nobody could answer, each with counts. Votes are grouped
 * by question the way the question log groups askings (case, spacing and end punctuation aside).
 *
 * @example
 * const summary = await summarizeFeedback(store, { since: '2026-11-23T00:00:00.000Z' });
 * const answer = feedbackSummaryAnswer(summary, kb.version);
 */
import type { Answer, AnswerItem, AnswerSection } from '../core/answer.js';
import { questionLogKey } from '../store/question-log.js';
import type { Store } from '../store/store.js';

export interface DownVotedQuestion {
  question: string;
  /** votes down in the period */
  down: number;
  /** votes up on the same question in the period */
  up: number;
  incidents: string[];
  /** the fact ids the voted-down answers showed */
  factIds: string[];
  lastVoted: string;
}

export interface UnansweredQuestion {
  question: string;
  /** times asked since it was first logged */
  count: number;
  kind?: 'none' | 'clarify';
  lastAsked: string;
}

export interface FeedbackSummary {
  since: string;
  up: number;
  down: number;
  downVoted: DownVotedQuestion[];
  unanswered: UnansweredQuestion[];
}

export interface SummaryOptions {
  since: string;
  /** most questions in each list (default 10) */
  top?: number;
}

/** How many votes are read at most for one summary. */
const MAX_VOTES_READ = 100_000;

/** Reads the period's votes and unanswered questions from the store. */
export async function summarizeFeedback(store: Store, options: SummaryOptions): Promise<FeedbackSummary> {
  const top = options.top ?? 10;
  const votes = await store.listFeedback({ since: options.since, limit: MAX_VOTES_READ });
  const groups = new Map<string, DownVotedQuestion>();
  let up = 0;
  let down = 0;
  // newest first: the first vote seen of a question gives its wording and last-voted time
  for (const v of votes) {
    if (v.vote === 'up') up++;
    else down++;
    const key = questionLogKey(v.question);
    let group = groups.get(key);
    if (!group) {
      group = { question: v.question, down: 0, up: 0, incidents: [], factIds: [], lastVoted: v.at };
      groups.set(key, group);
    }
    if (v.vote === 'up') {
      group.up++;
      continue;
    }
    group.down++;
    if (v.incident && !group.incidents.includes(v.incident)) group.incidents.push(v.incident);
    for (const id of v.factIds) if (!group.factIds.includes(id)) group.factIds.push(id);
  }
  const downVoted = [...groups.values()]
    .filter((g) => g.down > 0)
    .sort((a, b) => b.down - a.down || b.lastVoted.localeCompare(a.lastVoted))
    .slice(0, top);
  const logged = await store.listQuestions({ since: options.since, limit: MAX_VOTES_READ });
  const unanswered = logged
    .filter((q) => q.reason === 'unanswered')
    .sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen))
    .slice(0, top)
    .map((q) => ({ question: q.text, count: q.count, ...(q.kind ? { kind: q.kind } : {}), lastAsked: q.lastSeen }));
  return { since: options.since, up, down, downVoted, unanswered };
}

/** The start of the period `days` days before `now`. */
export function periodStart(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The summary as an answer every chat surface renders. */
export function feedbackSummaryAnswer(summary: FeedbackSummary, kbVersion: string): Answer {
  const day = summary.since.slice(0, 10);
  const total = summary.up + summary.down;
  const sections: AnswerSection[] = [
    {
      text:
        total === 0
          ? `No votes on answers since ${day}.`
          : `Since ${day}: ${plural(total, 'vote')}, ${summary.up} 👍 and ${summary.down} 👎.`,
    },
  ];
  if (summary.downVoted.length > 0) {
    sections.push({
      heading: 'Voted down most',
      items: summary.downVoted.map(
        (q): AnswerItem => ({
          label: `${q.down}×`,
          text: q.question,
          ...(q.incidents.length > 0 || q.up > 0
            ? {
                note: [
                  q.incidents.length > 0 ? `incident ${q.incidents.join(', ')}` : '',
                  q.factIds.length > 0 ? `facts ${q.factIds.slice(0, 5).join(', ')}` : '',
                  q.up > 0 ? `${q.up} 👍 too` : '',
                ]
                  .filter(Boolean)
                  .join(' · '),
              }
            : {}),
        }),
      ),
    });
  }
  sections.push(
    summary.unanswered.length > 0
      ? {
          heading: 'Not answered',
          items: summary.unanswered.map((q): AnswerItem => ({ label: `${q.count}×`, text: q.question })),
        }
      : { heading: 'Not answered', text: `Every question asked since ${day} got an answer.` },
  );
  return {
    kind: 'answer',
    intent: 'status',
    incident: null,
    title: `Feedback since ${day}`,
    sections,
    facts: [],
    sources: [],
    suggestions: ['help'],
    confidence: 1,
    kbVersion,
  };
}

/** `feedback` where no votes are kept: where the owners' summary can be read instead. */
export function noFeedbackAnswer(kbVersion: string): Answer {
  return {
    kind: 'none',
    intent: 'status',
    incident: null,
    title: 'No votes are kept here',
    sections: [
      {
        text: 'The 👍 / 👎 summary lives with the server that posts the answers. Ask `feedback` in Slack or Teams, or run `breachbot feedback` where the server runs (with its DATA_DIR or DATABASE_URL).',
      },
    ],
    facts: [],
    sources: [],
    suggestions: ['help'],
    confidence: 1,
    kbVersion,
  };
}
