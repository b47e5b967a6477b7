// Nothing in the project names the folders of the machines it is developed on: a question set, a comment or a doc
// names the shared folder relatively ("../shared/"), never by the absolute path of one machine. Each tracked kind of
// text file under the project's own folders is read; the check is proven able to fail on a planted line.
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
/** The development machines' work folder, spelled in parts so that this file does not hold it. */
const MACHINE_ROOT = ['', 'work', ''].join('/');
const FOLDERS = ['src', 'adapters', 'test', 'data', 'docs', 'bench', 'bin', 'manifest', '.ci'];
const TOP_FILES = ['README.md', 'package.json', 'vitest.config.ts', 'biome.json'];
const TEXT = /\.(ts|js|mjs|json|ya?ml|md|txt|sh)$|^run$/;

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (TEXT.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(root, folder));
  return out;
}

/** Lines of the text that name a machine's folder, as "line: text". */
function machinePaths(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (line.includes(MACHINE_ROOT) ? [`${i + 1}: ${line.trim().slice(0, 120)}`] : []));
}

describe("no machine's paths in the project", () => {
  it('the check finds a planted path', () => {
    expect(machinePaths(`# facts from ${MACHINE_ROOT}shared/corpus`)).toHaveLength(1);
    expect(machinePaths('# facts from ../shared/corpus')).toHaveLength(0);
  });

  it('no file names one', () => {
    const files = [...FOLDERS.flatMap(filesUnder), ...TOP_FILES.map((f) => path.join(root, f))];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) =>
      machinePaths(readFileSync(f, 'utf8')).map((hit) => `${path.relative(root, f)}:${hit}`),
    );
    expect(found).toEqual([]);
  });
});
