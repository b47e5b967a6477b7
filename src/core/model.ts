/**
 * The incident model. Every fact cites at least one source id; the TypeScript types come from these zod schemas.
 *
 * Dates are ISO strings whose length gives their precision: `2023-07-11` (day), `2023-07` (month), `2023` (year).
 */
import { z } from 'zod';
import { isRealDate } from './calendar.js';
import type { LanguageData } from './reading/language.js';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day. */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');

export type IsoDate = z.infer<typeof isoDate>;
export type DatePrecision = 'day' | 'month' | 'year';

/** The precision an ISO date string carries. */
export function datePrecision(date: string): DatePrecision {
  if (date.length >= 10) return 'day';
  if (date.length >= 7) return 'month';
  return 'year';
}

const id = z
  .string()
  .min(1)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, dot, dash or underscore');
const sourceIds = z.array(z.string().min(1)).min(1, 'cite at least one source');
const text = z.string().trim().min(1);

/** Links a fact to the facts it corrects, or to the fact that replaced it. */
const correctionLinks = {
  /** ids of earlier facts (anywhere in the incident) that this one corrects */
  corrects: z.array(z.string()).optional(),
  /** id of the later, better-sourced fact that replaces this one */
  supersededBy: z.string().optional(),
  /** one sentence on what was corrected and why, shown with the fact */
  correctionNote: z.string().optional(),
};

export const sourceSchema = z.object({
  id,
  publisher: text,
  /** the source's own title; one rebuilt from its URL or written by us says so in the title itself */
  title: text,
  /** an `http` or `https` address */
  url: z.url({ protocol: /^https?$/ }),
  date: isoDate.optional(),
  kind: z.enum(['vendor', 'government', 'research', 'press', 'legislature', 'reference', 'other']),
  /** primary: the organization's own words; secondary: a report by someone else; quoted-in: read only as quoted */
  reliability: z.enum(['primary', 'secondary', 'quoted-in']).optional(),
  /**
   * How much weight the source carries, whatever copy was read. primary: the affected company, the investigating
   * agency, the official report, a researcher on their own research; secondary: reporting about it; repost: a
   * reprint, mirror, aggregator or feed redirect of someone else's text, listed only when nothing better supports a
   * fact.
   */
  tier: z.enum(['primary', 'secondary', 'repost']).optional(),
  /** for the knowledge base's maintainers only, never shown to users: anything a user should read goes in a fact */
  note: z.string().optional(),
});

export const timelineEventSchema = z.object({
  id,
  date: isoDate,
  /** last day of a period (`2021-04` .. `2021-08`) */
  endDate: isoDate.optional(),
  /** the date as the source wrote it, when it was vaguer than `date` ("Late November, 2023") */
  dateText: z.string().optional(),
  title: text,
  detail: z.string().default(''),
  /** free words for search; `milestone` marks a turning point, `related` a fact about something outside the incident */
  tags: z.array(z.string()).default([]),
  sources: sourceIds,
  ...correctionLinks,
});

export const victimSchema = z.object({
  id,
  /** organization, person, or figure (a count as one source gave it) */
  kind: z.enum(['organization', 'person', 'figure']),
  name: text,
  aliases: z.array(z.string()).default([]),
  /** role or title at the time ("US Secretary of Commerce") */
  role: z.string().optional(),
  /** what happened to them */
  impact: text,
  date: isoDate.optional(),
  /** for figures: the number as given ("about 25", "503") */
  count: z.string().optional(),
  sources: sourceIds,
  ...correctionLinks,
});

/** A dated or undated statement with sources: attribution details, technique steps, lessons, aftermath. */
export const statementSchema = z.object({
  id,
  title: z.string().optional(),
  text,
  date: isoDate.optional(),
  /** free words for search; `related` marks a fact about something outside the incident, cited for context */
  tags: z.array(z.string()).default([]),
  sources: sourceIds,
  ...correctionLinks,
});

/**
 * One period in the history of a recommendation's prerequisites: what held then (the licence it needed, the default
 * retention, the baseline policy ids). Entries are in date order; every entry but the last has `until`, and the last
 * one, without `until`, is what holds as of the incident's `status.asOf`.
 *
 * @example
 * { period: '2023', until: '2023-10', text: 'MailboxRead was a premium audit event.', sources: […] }
 */
export const recommendationPeriodSchema = z.object({
  /** a short label for the period, shown as it is: "2023", "2023–2024", "Now" */
  period: text,
  /** when it started to hold, as precise as the sources allow */
  from: isoDate.optional(),
  /** when it stopped holding; absent on the last entry, which still holds */
  until: isoDate.optional(),
  text,
  sources: sourceIds,
});

export const recommendationSchema = z.object({
  id,
  title: text,
  /** why it matters, tied to this incident */
  why: text,
  /** what to enable, collect or watch */
  action: text,
  /** licence tier, retention, roles needed, as they hold as of the incident's `status.asOf` (history: `history`) */
  prerequisites: z.string().optional(),
  /** an event name or query to look for */
  lookFor: z.string().optional(),
  /**
   * Then and now: how the prerequisites changed over time, oldest first, the last entry (no `until`) being current.
   * Lets an answer about licences or retention be right for today and say what was true in 2023.
   */
  history: z.array(recommendationPeriodSchema).optional(),
  tags: z.array(z.string()).default([]),
  sources: sourceIds,
  ...correctionLinks,
});

export const indicatorSchema = z.object({
  id,
  type: z.enum(['ip', 'thumbprint', 'user-agent', 'hash', 'jarm', 'certificate', 'uri', 'pattern', 'domain']),
  /** stored plain (IPs without brackets); renderers defang */
  value: text,
  /** what it was ("token web panel", "SoftEther proxy") */
  role: z.string().optional(),
  firstSeen: isoDate.optional(),
  lastSeen: isoDate.optional(),
  note: z.string().optional(),
  sources: sourceIds,
});

/**
 * "Were we affected? How do I check my tenant?": what the sources say, for a defender to act on. It describes how
 * victims were told and what a tenant can check in its own logs; it never says whether any given organization was
 * affected.
 */
export const defenderSchema = z.object({
  /** what the sources say about who was told, by whom and how */
  notification: z.array(z.object({ id, text, date: isoDate.optional(), sources: sourceIds })).default([]),
  /** the period a tenant should search, and why those dates */
  window: z.object({ from: isoDate, to: isoDate, text, sources: sourceIds }).optional(),
  /** what a tenant can check itself */
  checks: z
    .array(
      z.object({
        id,
        title: text,
        /** what to do and why, tied to the sources */
        text,
        /** the licence the log needs, then and now */
        licence: z.string().optional(),
        /** the log or table to search */
        log: z.string().optional(),
        /** the event, field or value to look for */
        lookFor: z.string().optional(),
        /** the retention needed to look back that far */
        retention: z.string().optional(),
        /** ids of this incident's indicators the check searches for (values come from the indicator data) */
        indicators: z.array(z.string()).optional(),
        sources: sourceIds,
      }),
    )
    .default([]),
});

/** A log field a detection can test; each query generator maps it to its platform's column (`src/hunt`). */
export const DETECTION_FIELDS = [
  'operation',
  'application',
  'clientApplication',
  'clientIp',
  'userAgent',
  'keyword',
] as const;

/** One condition of a detection: the field holds any of the values (literal, or taken from the indicators). */
export const detectionConditionSchema = z.object({
  field: z.enum(DETECTION_FIELDS),
  /** literal values, any of which matches */
  values: z.array(text).optional(),
  /** take the values from this incident's indicators of these types, so they are never copied by hand */
  indicators: z.array(indicatorSchema.shape.type).optional(),
  /** the forms of each indicator value to search: `value` as stored, `base64url` of a hex value (a token's `kid`) */
  forms: z.array(z.enum(['value', 'base64url'])).optional(),
});

/**
 * A hunting detection, defined once and generated for each platform (KQL, SPL, PowerShell, Sigma): what to look for,
 * in which log, why, and the source its logic follows.
 */
export const detectionSchema = z.object({
  id,
  title: text,
  /** why this finds the activity, tied to the incident */
  why: text,
  /** the logs it reads: mailbox audit (Unified Audit Log), sign-ins, Graph activity, or any log (a text search) */
  logs: z.array(z.enum(['mailbox-audit', 'sign-in', 'graph-activity', 'any'])).min(1),
  /** every condition must hold; the values within one condition are alternatives */
  where: z.array(detectionConditionSchema).min(1),
  /** alert on combinations of these fields that the tenant's own recent history never saw (a baseline) */
  newValues: z.array(z.enum(DETECTION_FIELDS)).optional(),
  /** the period to search; default: the referenced indicators' first to last seen, else no time limit */
  window: z.object({ from: isoDate, to: isoDate }).optional(),
  sources: sourceIds,
});

export const glossaryTermSchema = z.object({
  id,
  term: text,
  aliases: z.array(z.string()).default([]),
  definition: text,
  sources: sourceIds,
});

export const incidentSchema = z.object({
  id,
  title: text,
  aliases: z.array(z.string()).default([]),
  /** the organization(s) hit, in a few words */
  victim: z.string().optional(),
  summary: text,
  status: z.object({
    text,
    asOf: isoDate,
    sources: z.array(z.string()).default([]),
  }),
  dates: z
    .object({
      start: isoDate.optional(),
      end: isoDate.optional(),
      detected: isoDate.optional(),
      disclosed: isoDate.optional(),
    })
    .default({}),
  /**
   * What each of `dates` measures, in a few words, for answers that give the date or a duration from it
   * (`end: "the day the vendor blocked the stolen key for the last affected accounts"`). Set one where the date is a
   * choice between several candidates, so a duration can say which end it measures.
   */
  dateNotes: z
    .object({
      start: z.string().optional(),
      end: z.string().optional(),
      detected: z.string().optional(),
      disclosed: z.string().optional(),
    })
    .optional(),
  tags: z.array(z.string()).default([]),
  /** example questions the local page offers as chips for this incident */
  examples: z.array(z.string().min(1).max(120)).max(12).default([]),
  timeline: z.array(timelineEventSchema).default([]),
  victims: z.array(victimSchema).default([]),
  attribution: z
    .object({
      actor: text,
      aliases: z.array(z.string()).default([]),
      summary: text,
      details: z.array(statementSchema).default([]),
    })
    .optional(),
  technique: z
    .object({
      summary: text,
      details: z.array(statementSchema).default([]),
    })
    .optional(),
  aftermath: z.array(statementSchema).default([]),
  recommendations: z.array(recommendationSchema).default([]),
  indicators: z.array(indicatorSchema).default([]),
  /** notification, search window and self-checks for defenders ("were we affected?") */
  glossary: z.array(glossaryTermSchema).default([]),
  lessons: z.array(statementSchema).default([]),
  defender: defenderSchema.optional(),
  /** hunting detections generated into each platform's query language (`breachbot hunt`) */
  detections: z.array(detectionSchema).default([]),
  sources: z.array(sourceSchema).min(1, 'an incident needs at least one source'),
  /** where the incident came from: curated native file or a breaches.cloud write-up */
  origin: z.enum(['native', 'breaches.cloud']).default('native'),
  /** when the file was last changed (front matter `lastmod`, or the native file's `updated`) */
  updated: isoDate.optional(),
});

export const synonymsSchema = z.object({
  /** each group lists words and phrases that mean the same for search */
  groups: z.array(z.array(z.string().min(1)).min(2)),
});

export type Source = z.infer<typeof sourceSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type Victim = z.infer<typeof victimSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type RecommendationPeriod = z.infer<typeof recommendationPeriodSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type Detection = z.infer<typeof detectionSchema>;
export type DetectionCondition = z.infer<typeof detectionConditionSchema>;
export type DetectionField = (typeof DETECTION_FIELDS)[number];
export type Incident = z.infer<typeof incidentSchema>;
export type Defender = z.infer<typeof defenderSchema>;
export type IncidentInput = z.input<typeof incidentSchema>;
export type Synonyms = z.infer<typeof synonymsSchema>;

/** A logistic model of the chance that an answer's lead is right (src/core/compose/confidence.ts). */
export const confidenceModelSchema = z.object({
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  /** below this probability a search answer becomes `clarify` */
  threshold: z.number().min(0).max(1),
  /** what it was fitted on and how well it did there: for people reading the file */
  fitted: z.record(z.string(), z.unknown()).optional(),
});
export type ConfidenceModel = z.infer<typeof confidenceModelSchema>;

/** A loading problem, reported as `FILE:LINE: PATH: message`. */
export interface KbProblem {
  file: string;
  line: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * The loaded knowledge base: incidents plus what search needs. Built once at start-up by `src/kb`,
 * then indexed by the core (`createKnowledgeBase`).
 */
export interface KnowledgeBaseData {
  incidents: Incident[];
  synonyms: string[][];
  /** how questions are read: `data/language.yaml`, validated by `languageSchema` (src/core/reading/language.ts) */
  language: LanguageData;
  /** how confidence is estimated: `data/confidence.yaml`, fitted by `breachbot eval --fit` (absent: unfitted) */
  confidence?: ConfidenceModel;
  /** a short hash of everything loaded; answers and digests record it */
  version: string;
  /** incident used when a question names none */
  defaultIncident?: string;
}
