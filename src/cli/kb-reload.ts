/**
 * Change without restart: the server's knowledge base is loaded again when its files change (`fs.watch` on the
 * incident folders and the data folder above the first, debounced) and on SIGHUP (`serve.ts`). A knowledge base
 * that does not load cleanly (any error, no incident, the default incident gone) is not put in place: the one
 * loaded before keeps answering, and every problem is logged as `FILE:LINE: PATH: message`. Reloads run one at a
 * time; the swap itself is one reference (`src/chat/knowledge-holder.ts`).
 *
 * @example
 * const reloader = createKnowledgeReloader({ config, holder, log });
 * const watcher = reloader.watch();
 * await reloader.reload('SIGHUP');
 */
import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeChange, KnowledgeHolder } from '../chat/knowledge-holder.js';
import type { Config } from '../config.js';
import { createKnowledgeBase, type KnowledgeBase } from '../core/knowledge-base.js';
import type { KbProblem } from '../core/model.js';
import { cacheDirIn, incidentDirs, loadKnowledgeBase } from '../kb/load.js';
import { formatProblem } from '../kb/problems.js';
import type { Logger } from '../logger.js';

/** Quiet time after the last file event before a reload starts (an editor's save is several events). */
export const RELOAD_DEBOUNCE_MS = 300;

export type ReloadOutcome =
  | { status: 'reloaded'; change: KnowledgeChange }
  | { status: 'unchanged'; version: string }
  | { status: 'refused'; problems: string[] };

/** Settings that leave the knowledge base empty or pointing nowhere (start-up stops on them; a reload refuses). */
export async function knowledgeBaseProblems(config: Config, kb: KnowledgeBase, errors: number): Promise<string[]> {
  const problems: string[] = [];
  for (const dir of config.incidentsDir.split(path.delimiter)) {
    const found = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!found) problems.push(`INCIDENTS_DIR: ${dir} is not a folder (check the spelling; default data/incidents)`);
  }
  if (config.defaultIncident && !kb.incidents.some((i) => i.id === config.defaultIncident)) {
    const loaded = kb.incidents.map((i) => i.id).join(', ') || 'none';
    problems.push(`DEFAULT_INCIDENT: no loaded incident has the id "${config.defaultIncident}" (loaded: ${loaded})`);
  }
  if (kb.incidents.length === 0 && problems.length === 0) {
    problems.push(
      `INCIDENTS_DIR: no incident loaded from ${config.incidentsDir}${errors > 0 ? ` (${errors} problem(s))` : ''}; run \`breachbot validate --data ${config.incidentsDir}\` to see why`,
    );
  }
  return problems;
}

/** Loads the configured knowledge base: the data, its problems and where it came from. */
export async function loadConfiguredKnowledge(config: Config) {
  return loadKnowledgeBase({
    dir: config.incidentsDir,
    defaultIncident: config.defaultIncident,
    cacheDir: cacheDirIn(config.dataDir),
  });
}

/** The folders whose changes reload: every incident folder and the data folder above the first one. */
export function watchedFolders(config: Pick<Config, 'incidentsDir'>): string[] {
  const dirs = incidentDirs(config.incidentsDir).map((d) => path.resolve(d));
  const first = dirs[0];
  return [...new Set(first ? [...dirs, path.dirname(first)] : dirs)];
}

export interface KnowledgeReloaderOptions {
  config: Config;
  holder: KnowledgeHolder;
  log: Logger;
  /** how file paths are shown in problems (default: the process's working directory) */
  cwd?: string;
  debounceMs?: number;
}

export interface KnowledgeReloader {
  /** loads the knowledge base again and puts it in place when it loads cleanly; `reason` goes to the log */
  reload(reason: string): Promise<ReloadOutcome>;
  /** starts watching the folders; `close()` stops */
  watch(): { close(): void };
}

export function createKnowledgeReloader(options: KnowledgeReloaderOptions): KnowledgeReloader {
  const { config, holder, log } = options;
  const cwd = options.cwd ?? process.cwd();
  let queue: Promise<unknown> = Promise.resolve();

  const attempt = async (reason: string): Promise<ReloadOutcome> => {
    const started = Date.now();
    let problems: string[];
    try {
      const loaded = await loadConfiguredKnowledge(config);
      const errors = loaded.problems.filter((p: KbProblem) => p.severity === 'error');
      // paths inside the working directory are shown relative to it, others whole
      problems = errors.map((p) => formatProblem(p, p.file.startsWith(cwd + path.sep) ? cwd : undefined));
      if (problems.length === 0) {
        const kb = createKnowledgeBase(loaded.data);
        problems = await knowledgeBaseProblems(config, kb, 0);
        if (problems.length === 0) {
          if (kb.version === holder.current().version) {
            log.info('knowledge base unchanged', { reason, version: kb.version });
            return { status: 'unchanged', version: kb.version };
          }
          const change = holder.swap(kb);
          log.info('knowledge base reloaded', { reason, ...change, ms: Date.now() - started });
          return { status: 'reloaded', change };
        }
      }
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    log.error('knowledge base not reloaded: the one loaded before keeps answering', {
      reason,
      version: holder.current().version,
      problems,
    });
    return { status: 'refused', problems };
  };

  const reload = (reason: string): Promise<ReloadOutcome> => {
    const next = queue.then(() => attempt(reason));
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    reload,
    watch() {
      const debounceMs = options.debounceMs ?? RELOAD_DEBOUNCE_MS;
      let timer: NodeJS.Timeout | undefined;
      let changed = new Set<string>();
      const watchers: FSWatcher[] = [];
      const fire = () => {
        timer = undefined;
        const files = [...changed].slice(0, 20);
        changed = new Set();
        void reload(`files changed: ${files.join(', ')}`);
      };
      // the store and the knowledge-base cache may live under a watched folder: their writes are no change
      const own = path.resolve(config.dataDir) + path.sep;
      for (const dir of watchedFolders(config)) {
        try {
          const watcher = watch(dir, { persistent: false }, (_event, file) => {
            const where = file ? path.join(dir, String(file)) : dir;
            if ((where + path.sep).startsWith(own)) return;
            changed.add(where);
            if (timer) clearTimeout(timer);
            timer = setTimeout(fire, debounceMs);
          });
          watcher.on('error', (error) => log.warn('knowledge base folder not watched any more', { dir, error }));
          watchers.push(watcher);
        } catch (error) {
          log.warn('knowledge base folder not watched', {
            dir,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      log.info('watching the knowledge base for changes', { folders: watchers.length, debounceMs });
      return {
        close() {
          if (timer) clearTimeout(timer);
          for (const w of watchers) w.close();
        },
      };
    },
  };
}
