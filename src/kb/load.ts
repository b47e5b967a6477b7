/**
 * Loads a folder of incident files into core data. Native `*.yaml|*.yml|*.json` files follow `incidentSchema`;
 * `*.md` files are breaches.cloud write-ups. Every problem is reported as `FILE:LINE: PATH: message`.
 *
 * (Minimal first version: the knowledge-loading work replaces the internals, keeping this signature.)
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import {
  type Incident,
  incidentSchema,
  type KbProblem,
  type KnowledgeBaseData,
  synonymsSchema,
} from '../core/model.js';

export interface LoadOptions {
  /** folder of incident files */
  dir: string;
  /** synonyms file; default: `synonyms.yaml` in the folder above `dir`, if it exists */
  synonymsFile?: string;
  defaultIncident?: string;
}

export interface LoadResult {
  data: KnowledgeBaseData;
  problems: KbProblem[];
  /** true when no problem is an error */
  ok: boolean;
}

export async function loadKnowledgeBase(options: LoadOptions): Promise<LoadResult> {
  const problems: KbProblem[] = [];
  const incidents: Incident[] = [];
  const hash = createHash('sha256');
  const names = (await readdir(options.dir)).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
  for (const name of names) {
    const file = path.join(options.dir, name);
    const text = await readFile(file, 'utf8');
    hash.update(text);
    const parsed = incidentSchema.safeParse(parse(text));
    if (parsed.success) incidents.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        problems.push({ file, line: 1, path: issue.path.join('.'), message: issue.message, severity: 'error' });
      }
    }
  }
  const synonymsFile = options.synonymsFile ?? path.join(path.dirname(options.dir), 'synonyms.yaml');
  let synonyms: string[][] = [];
  try {
    const text = await readFile(synonymsFile, 'utf8');
    hash.update(text);
    synonyms = synonymsSchema.parse(parse(text)).groups;
  } catch {
    synonyms = [];
  }
  return {
    data: {
      incidents,
      synonyms,
      version: hash.digest('hex').slice(0, 12),
      defaultIncident: options.defaultIncident,
    },
    problems,
    ok: problems.every((p) => p.severity !== 'error'),
  };
}
