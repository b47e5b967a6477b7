/**
 * The one normal way from files to a knowledge base: `yaml` with line positions, then the zod schemas, every problem
 * as `FILE:LINE: PATH: message`. Used whenever no snapshot or cached result matches the files (load.ts).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { type Incident, incidentSchema, type KbProblem, type KnowledgeBaseData } from '../core/model.js';
import { EMPTY_LANGUAGE } from '../core/reading/language.js';
import type { IncidentInput, Inputs } from './inputs.js';
import { MARKDOWN } from './inputs.js';
import { parseNativeIncident } from './native.js';
import { type DocPath, isLoadable, ProblemList } from './problems.js';

/** The knowledge base made of some inputs, before the default incident is checked. */
export interface ParsedInputs {
  data: Omit<KnowledgeBaseData, 'defaultIncident'>;
  problems: KbProblem[];
}

interface Loaded {
  incident: Incident;
  file: string;
  lineOf(path: DocPath): number;
}

/** The Markdown reader (unified, remark), imported only when a folder holds write-ups. */
type MarkdownReader = typeof import('./breaches-cloud.js').parseBreachesCloud;

function readMarkdown(read: MarkdownReader, file: string, text: string, problems: KbProblem[]): Loaded | undefined {
  const result = read(file, text);
  problems.push(...result.problems);
  if (!result.incident || !isLoadable(result.problems)) return undefined;
  const parsed = incidentSchema.safeParse(result.incident);
  if (!parsed.success) {
    const list = new ProblemList(file);
    for (const issue of parsed.error.issues)
      list.error(1, issue.path as DocPath, `converted write-up: ${issue.message}`);
    problems.push(...list.items);
    return undefined;
  }
  return { incident: parsed.data, file, lineOf: () => 1 };
}

let markdown: MarkdownReader | undefined;

async function readIncident(input: IncidentInput, problems: KbProblem[]): Promise<Loaded | undefined> {
  if (MARKDOWN.test(input.name)) {
    markdown ??= (await import('./breaches-cloud.js')).parseBreachesCloud;
    return readMarkdown(markdown, input.file, input.text, problems);
  }
  const result = parseNativeIncident(input.file, input.text);
  problems.push(...result.problems);
  return result.incident ? { incident: result.incident, file: input.file, lineOf: result.lineOf } : undefined;
}

/**
 * Drops a write-up alias that is another incident's id or a curated incident's alias, so the curated incident keeps
 * its names.
 */
function dropAliasCollisions(loaded: Loaded[]): void {
  const taken = new Set<string>();
  for (const { incident } of loaded) {
    taken.add(incident.id.toLowerCase());
    if (incident.origin !== 'breaches.cloud') for (const alias of incident.aliases) taken.add(alias.toLowerCase());
  }
  for (const { incident } of loaded) {
    if (incident.origin !== 'breaches.cloud') continue;
    incident.aliases = incident.aliases.filter((a) => !taken.has(a.toLowerCase()));
  }
}

/** Warns when an incident's alias is another incident's id: a question naming it could mean either. */
function warnAliasesNamingOthers(loaded: Loaded[], problems: KbProblem[]): void {
  const byId = new Map(loaded.map((l) => [l.incident.id.toLowerCase(), l]));
  for (const item of loaded) {
    item.incident.aliases.forEach((alias, i) => {
      const other = byId.get(alias.toLowerCase());
      if (!other || other === item) return;
      problems.push({
        file: item.file,
        line: item.lineOf(['aliases', i]),
        path: `aliases[${i}]`,
        message: `"${alias}" is also the id of the incident in ${path.basename(other.file)}; a question naming it may select either`,
        severity: 'warning',
      });
    });
  }
}

/**
 * Runs one file's reader; whatever it throws (a parser limit, a bug) becomes that file's problem, so one file
 * never stops the others from loading nor crashes the process.
 */
async function guarded<T>(file: string, problems: KbProblem[], read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ file, line: 1, path: '', message: `cannot be loaded: ${message}`, severity: 'error' });
    return undefined;
  }
}

/** Parses and checks every input: incidents in folder order, then the data files. */
export async function parseInputs(inputs: Inputs): Promise<ParsedInputs> {
  const problems: KbProblem[] = [];
  const version = createHash('sha256');
  const loaded: Loaded[] = [];
  const byId = new Map<string, Loaded>();
  for (const input of inputs.incidents) {
    const item = await guarded(input.file, problems, () => readIncident(input, problems));
    if (!item) continue;
    const first = byId.get(item.incident.id);
    if (first) {
      problems.push({
        file: item.file,
        line: item.lineOf(['id']),
        path: 'id',
        message: `duplicate incident id "${item.incident.id}" (also in ${first.file}:${first.lineOf(['id'])})`,
        severity: 'error',
      });
      continue;
    }
    byId.set(item.incident.id, item);
    loaded.push(item);
    version.update(`${input.name}\0${input.text}\0`);
  }
  dropAliasCollisions(loaded);
  warnAliasesNamingOthers(loaded, problems);

  const data: ParsedInputs['data'] = {
    incidents: loaded.map((l) => l.incident),
    version: '',
    synonyms: [],
    language: EMPTY_LANGUAGE,
  };
  const fields = data as unknown as Record<string, unknown>;
  for (const input of inputs.data) {
    if (input.text === undefined) {
      fields[input.spec.key] = input.spec.empty();
      continue;
    }
    const read = await input.spec.read();
    const text = input.text;
    const result = await guarded(input.file, problems, async () => read(input.file, text));
    fields[input.spec.key] = result ? result.value : input.spec.empty();
    if (!result) continue;
    problems.push(...result.problems);
    version.update(`${input.spec.key}\0${input.text}`);
  }
  data.version = version.digest('hex').slice(0, 12);
  return { data, problems };
}
