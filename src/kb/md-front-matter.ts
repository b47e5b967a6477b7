/**
 * The YAML front matter of a breaches.cloud write-up: `title`, `victim`, `incident_start_date`, `incident_end_date`,
 * `disclosure_date`, `final_status`, `tags`, `author`, `date`, `lastmod`, `draft`. Dates may be YAML dates or
 * strings such as `2022-03-26 (approx)`, `ongoing` or `N/A`.
 */
import type { Root } from 'mdast';
import { isMap, isScalar } from 'yaml';
import { type LooseDateResult, parseLooseDate } from './loose-date.js';
import type { ProblemList } from './problems.js';
import { parsePositioned } from './yaml-lines.js';

/** The front matter, read leniently. Dates keep their parse result so the caller can warn about them. */
export interface FrontMatter {
  title?: string;
  victim?: string;
  description?: string;
  start: LooseDateResult;
  end: LooseDateResult;
  disclosed: LooseDateResult;
  finalStatus?: string;
  tags: string[];
  author?: string;
  /** publication date (`date`), as ISO day */
  published?: string;
  /** `lastmod`, as ISO day */
  lastmod?: string;
  draft: boolean;
  /** line of each key in the file */
  lines: Record<string, number>;
  /** the front matter block was there */
  present: boolean;
}

const DATE_KEYS: ReadonlyArray<[keyof FrontMatter & ('start' | 'end' | 'disclosed'), string]> = [
  ['start', 'incident_start_date'],
  ['end', 'incident_end_date'],
  ['disclosed', 'disclosure_date'],
];

/** A template's instruction left in place of a value ("Update this with a synopsis"). */
const TEMPLATE_TEXT = /^(?:update|replace|change|fill in|add|write|put) (?:this|here)\b|^(?:todo|tbd|lorem ipsum)\b/i;

const text = (value: unknown): string | undefined => {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

function dayOf(value: unknown): string | undefined {
  const parsed = parseLooseDate(value);
  return parsed.ok && parsed.precision === 'day' ? parsed.date : undefined;
}

/** Reads the front matter of a parsed write-up, reporting YAML errors and odd values into `problems`. */
export function readFrontMatter(root: Root, problems: ProblemList): FrontMatter {
  const node = root.children.find((child) => child.type === 'yaml');
  const empty: FrontMatter = {
    start: parseLooseDate(undefined),
    end: parseLooseDate(undefined),
    disclosed: parseLooseDate(undefined),
    tags: [],
    draft: false,
    lines: {},
    present: false,
  };
  if (node?.type !== 'yaml') return empty;
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const positioned = parsePositioned(node.value, firstLine, true);
  for (const error of positioned.doc.errors) {
    problems.error(positioned.lineAt(error.pos[0]), 'front matter', `syntax: ${error.message.split('\n')[0]}`);
  }
  for (const warning of positioned.doc.warnings) {
    problems.warn(positioned.lineAt(warning.pos[0]), 'front matter', warning.message.split('\n')[0] ?? '');
  }
  const contents = positioned.doc.contents;
  if (isMap(contents)) {
    const seen = new Set<string>();
    for (const pair of contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      if (seen.has(key)) {
        const at = pair.key && 'range' in pair.key && pair.key.range ? positioned.lineAt(pair.key.range[0]) : firstLine;
        problems.warn(at, key, `"${key}" is given twice; the last one is used`);
      }
      seen.add(key);
    }
  }
  const data = positioned.doc.errors.length > 0 ? undefined : (positioned.doc.toJS() as unknown);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ...empty, present: true };
  const fm = data as Record<string, unknown>;
  const lines: Record<string, number> = {};
  for (const key of Object.keys(fm)) lines[key] = positioned.lineOf([key]);

  const rawTags = fm.tags;
  const tags = Array.isArray(rawTags)
    ? rawTags.map(text).filter((t): t is string => t !== undefined)
    : typeof rawTags === 'string'
      ? rawTags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : [];
  const draft = fm.draft === true || (typeof fm.draft === 'string' && /^(true|yes)$/i.test(fm.draft.trim()));

  const result: FrontMatter = {
    title: text(fm.title),
    victim: text(fm.victim),
    description: text(fm.description),
    start: parseLooseDate(fm.incident_start_date),
    end: parseLooseDate(fm.incident_end_date),
    disclosed: parseLooseDate(fm.disclosure_date),
    finalStatus: text(fm.final_status),
    tags,
    author: text(fm.author),
    published: dayOf(fm.date),
    lastmod: dayOf(fm.lastmod),
    draft,
    lines,
    present: true,
  };
  if (result.description && TEMPLATE_TEXT.test(result.description)) {
    problems.warn(
      lines.description ?? firstLine,
      'description',
      "the description is the template's instruction; left out",
    );
    result.description = undefined;
  }
  for (const [field, key] of DATE_KEYS) {
    const parsed = result[field];
    if (!parsed.ok && parsed.kind === 'unreadable') {
      problems.warn(lines[key] ?? firstLine, key, `cannot read the date "${parsed.text}" (${parsed.reason}); left out`);
    }
  }
  for (const key of ['date', 'lastmod'] as const) {
    if (fm[key] !== undefined && dayOf(fm[key]) === undefined) {
      problems.warn(lines[key] ?? firstLine, key, `cannot read the date "${String(fm[key])}"; left out`);
    }
  }
  return result;
}
