/**
 * The one reading of a path list such as `INCIDENTS_DIR=data/incidents:../write-ups`: split at the platform's
 * delimiter (`:`, `;` on Windows), trimmed, empty parts dropped, each resolved against `cwd` when one is given.
 *
 * @example
 * incidentDirs(' a: :b ', '/srv') // ['/srv/a', '/srv/b']
 */
import path from 'node:path';

/** The folders a path list (or several) names, in order. */
export function incidentDirs(list: string | readonly string[], cwd?: string): string[] {
  const parts = (typeof list === 'string' ? [list] : list).flatMap((d) => d.split(path.delimiter));
  const dirs = parts.map((d) => d.trim()).filter((d) => d !== '');
  return cwd === undefined ? dirs : dirs.map((d) => path.resolve(cwd, d));
}
