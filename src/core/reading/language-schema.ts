/**
 * The zod schema of `data/language.yaml`. Kept apart from the compiled language so that answering a question never
 * needs zod: the loader validates, the core compiles what was validated.
 */
import { z } from 'zod';
import type { LanguageData } from './language.js';
import { QUESTION_KINDS } from './language.js';

const phrases = z.array(z.string().min(1));

export const languageSchema = z.object({
  noise: phrases.default([]),
  openers: phrases.default([]),
  acknowledgements: phrases.default([]),
  lists: z.record(z.string(), phrases),
  'key-dates': z.object({ start: phrases, detected: phrases, disclosed: phrases, end: phrases }),
  kinds: z.array(
    z.object({
      // `search`: patterns that keep a question out of every later kind (it is searched as typed)
      kind: z.enum([...QUESTION_KINDS, 'search']),
      patterns: z.array(z.string().min(1)).min(1),
    }),
  ),
  commands: z.record(z.string(), phrases).default({}),
  shorthand: z.record(z.string(), z.string().min(1)).default({}),
  'hunt-platforms': z.record(z.string(), phrases).default({}),
  'name-slots': z
    .object({ strong: z.array(z.string().min(1)).default([]), weak: z.array(z.string().min(1)).default([]) })
    .default({ strong: [], weak: [] }),
  'name-fillers': phrases.default([]),
  'user-agent-markers': z.array(z.string().min(2)).default([]),
  'indicator-types': z.record(z.string(), phrases).default({}),
  frames: z.record(z.string(), z.array(z.string().min(1))).default({}),
  'described-as': z.record(z.string().min(1), phrases).default({}),
});

export type LanguageInput = z.input<typeof languageSchema>;

/** Validated data as `compileLanguage` takes it (the compiler checks that the two shapes agree). */
export function toLanguageData(parsed: z.output<typeof languageSchema>): LanguageData {
  return parsed;
}
