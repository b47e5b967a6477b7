/**
 * What a person asked for, parsed from chat text by `parseCommand` (same words on every surface; CONTRACTS.md).
 */

/** An inclusive ISO date range used by timeline filters. */
export interface DateRange {
  from: string;
  to: string;
  /** how the person said it ("July 2023") */
  label: string;
}

export type DigestCommand =
  | { action: 'daily'; time: string; timeZone?: string }
  | { action: 'weekly'; day: number; time: string; timeZone?: string }
  | { action: 'off' }
  | { action: 'status' }
  | { action: 'preview' }
  /** the words after `digest` did not parse; `error` says why, with an example */
  | { action: 'invalid'; error: string };

export type CommandBody =
  | { type: 'help' }
  | { type: 'timeline'; range?: DateRange; words?: string }
  | { type: 'victims' }
  | { type: 'logging' }
  | { type: 'indicators'; query?: string }
  | { type: 'actor' }
  | { type: 'technique' }
  | { type: 'status' }
  | { type: 'sources' }
  | { type: 'incidents' }
  /** hunting queries; `words` may name the query language or product (read by the hunt module, not the core) */
  | { type: 'hunt'; words?: string }
  | ({ type: 'digest' } & DigestCommand)
  | { type: 'question'; text: string };

export type Command = CommandBody & {
  /** incident explicitly named by the first word(s), if any */
  incident?: string;
  /** 1-based page of a long answer ("More") */
  page?: number;
  /** the text as typed, after mention stripping */
  raw: string;
};

export type CommandType = CommandBody['type'];
