/**
 * Loads one or more folders of incident files into core data. Native `*.yaml|*.yml|*.json` files follow
 * `incidentSchema`; `*.md` files are breaches.cloud write-ups. Every problem is reported as
 * `FILE:LINE: PATH: message`, all of them at once; warnings do not stop loading.
 *
 * @example
 * const { data, problems, ok } = await loadKnowledgeBase({ dir: 'data/incidents:../corpus' });
 *
 * A file that is valid is checked without zod (quick-check.ts); zod, with its schemas, is imported only to report the
 * problems of a file that is not, so a clean knowledge base loads without it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Incident, KbProblem, KnowledgeBaseData } from '../core/model.js';
import { EMPTY_LANGUAGE, type LanguageData } from '../core/reading/language.js';
import { bundledDataFile, parseLanguage, readConfidenceModel } from './language.js';
import type { NativeResult } from './native.js';
import { readNativeQuick, readSynonymsQuick } from './native-quick.js';
import { type DocPath, isLoadable, ProblemList } from './problems.js';
import { INCIDENT, quickParse } from './quick-check.js';

export interface LoadOptions {
  /** folder(s) of incident files; a string may list several separated by the platform's path delimiter (`:`) */
  dir: string | string[];
  /** synonyms file; default: `synonyms.yaml` in the folder above the first folder, if it exists */
  synonymsFile?: string;
  /** how questions are read; default: the bundled `data/language.yaml` */
  languageFile?: string;
  /** the fitted confidence model; default: the bundled `data/confidence.yaml`, if there is one */
  confidenceFile?: string;
  defaultIncident?: string;
}

export interface LoadResult {
  data: KnowledgeBaseData;
  problems: KbProblem[];
  /** true when no problem is an error */
  ok: boolean;
}

const NATIVE = /\.(ya?ml|json)$/i;
const MARKDOWN = /\.(md|markdown)$/i;

/** The folders named by `dir`, split at the path delimiter, empty parts dropped. */
export function incidentDirs(dir: string | string[]): string[] {
  const parts = (Array.isArray(dir) ? dir : [dir]).flatMap((d) => d.split(path.delimiter));
  return parts.map((d) => d.trim()).filter((d) => d !== '');
}

interface Loaded {
  incident: Incident;
  file: string;
  lineOf(path: DocPath): number;
}

/** The incident files of a folder, sorted. Files are read synchronously: it is one pass at start-up. */
function listFiles(dir: string, problems: KbProblem[]): string[] {
  try {
    const names = readdirSync(dir);
    return names
      .filter((n) => !n.startsWith('.') && (NATIVE.test(n) || MARKDOWN.test(n)))
      .sort()
      .map((n) => path.join(dir, n));
  } catch (error) {
    const code = (error as { code?: string }).code;
    problems.push({
      file: dir,
      line: 0,
      path: '',
      message: code === 'ENOENT' ? 'folder not found' : `cannot read the folder (${code ?? String(error)})`,
      severity: 'error',
    });
    return [];
  }
}

/** The Markdown reader (unified, remark), imported only when a folder holds write-ups. */
type MarkdownReader = typeof import('./breaches-cloud.js').parseBreachesCloud;

async function loadMarkdown(
  read: MarkdownReader,
  file: string,
  text: string,
  problems: KbProblem[],
): Promise<Loaded | undefined> {
  const result = read(file, text);
  problems.push(...result.problems);
  if (!result.incident || !isLoadable(result.problems)) return undefined;
  const quick = quickParse<Incident>(INCIDENT, result.incident);
  if (quick) return { incident: quick.value, file, lineOf: () => 1 };
  const [{ incidentSchema }, { ONE_SHOT }] = await Promise.all([import('../core/model.js'), import('./native.js')]);
  const parsed = incidentSchema.safeParse(result.incident, ONE_SHOT);
  if (!parsed.success) {
    const list = new ProblemList(file);
    for (const issue of parsed.error.issues)
      list.error(1, issue.path as DocPath, `converted write-up: ${issue.message}`);
    problems.push(...list.items);
    return undefined;
  }
  return { incident: parsed.data, file, lineOf: () => 1 };
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

/** Loads every incident file of the folder(s), the synonyms, and checks the default incident. */
export async function loadKnowledgeBase(options: LoadOptions): Promise<LoadResult> {
  const problems: KbProblem[] = [];
  const hash = createHash('sha256');
  const dirs = incidentDirs(options.dir);
  const loaded: Loaded[] = [];
  const byId = new Map<string, Loaded>();
  let markdown: MarkdownReader | undefined;

  for (const dir of dirs) {
    for (const file of listFiles(dir, problems)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        const code = (error as { code?: string }).code ?? String(error);
        problems.push({ file, line: 0, path: '', message: `cannot read the file (${code})`, severity: 'error' });
        continue;
      }
      let item: Loaded | undefined;
      if (MARKDOWN.test(file)) {
        markdown ??= (await import('./breaches-cloud.js')).parseBreachesCloud;
        item = await loadMarkdown(markdown, file, text, problems);
      } else {
        const result: NativeResult =
          readNativeQuick(file, text) ?? (await import('./native.js')).parseNativeIncident(file, text);
        problems.push(...result.problems);
        if (result.incident) item = { incident: result.incident, file, lineOf: result.lineOf };
      }
      if (!item) continue;
      const first = byId.get(item.incident.id);
      if (first) {
        problems.push({
          file,
          line: item.lineOf(['id']),
          path: 'id',
          message: `duplicate incident id "${item.incident.id}" (also in ${first.file}:${first.lineOf(['id'])})`,
          severity: 'error',
        });
        continue;
      }
      byId.set(item.incident.id, item);
      loaded.push(item);
      hash.update(`${path.basename(file)}\0${text}\0`);
    }
  }
  dropAliasCollisions(loaded);
  warnAliasesNamingOthers(loaded, problems);

  let synonyms: string[][] = [];
  const first = dirs[0];
  const synonymsFile =
    options.synonymsFile ?? (first ? path.join(path.dirname(path.resolve(first)), 'synonyms.yaml') : undefined);
  if (synonymsFile) {
    let text: string | undefined;
    try {
      text = readFileSync(synonymsFile, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (options.synonymsFile || code !== 'ENOENT') {
        problems.push({
          file: synonymsFile,
          line: 0,
          path: '',
          message: `cannot read (${code})`,
          severity: 'error',
        });
      }
    }
    if (text !== undefined) {
      const result =
        readSynonymsQuick(synonymsFile, text) ?? (await import('./synonyms.js')).parseSynonyms(synonymsFile, text);
      problems.push(...result.problems);
      synonyms = result.groups;
      hash.update(`synonyms\0${text}`);
    }
  }

  const languageFile = options.languageFile ?? bundledDataFile('language.yaml');
  let language: LanguageData | undefined;
  try {
    const text = readFileSync(languageFile, 'utf8');
    const result = parseLanguage(languageFile, text);
    problems.push(...result.problems);
    language = result.language;
    hash.update(`language\0${text}`);
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    problems.push({ file: languageFile, line: 0, path: '', message: `cannot read (${code})`, severity: 'error' });
  }

  const confidenceFile = options.confidenceFile ?? bundledDataFile('confidence.yaml');
  const confidence = readConfidenceModel(confidenceFile, problems, options.confidenceFile !== undefined);

  const defaultIncident = options.defaultIncident;
  if (defaultIncident && !byId.has(defaultIncident)) {
    problems.push({
      file: 'DEFAULT_INCIDENT',
      line: 0,
      path: '',
      message: `no loaded incident has the id "${defaultIncident}" (loaded: ${[...byId.keys()].join(', ') || 'none'})`,
      severity: 'error',
    });
  }

  return {
    data: {
      incidents: loaded.map((l) => l.incident),
      synonyms,
      language: language ?? EMPTY_LANGUAGE,
      ...(confidence ? { confidence } : {}),
      version: hash.digest('hex').slice(0, 12),
      defaultIncident,
    },
    problems,
    ok: isLoadable(problems),
  };
}
