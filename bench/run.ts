/**
 * `npm run bench`: runs every benchmark section in order and prints each as a table. Sections are modules
 * `bench/<name>.ts` exporting `run(): Promise<BenchSection>`. Name sections on the command line to run only those:
 * `npm run bench -- search kb` (benchmarks are compiled into dist-bench/, apart from the server in dist/).
 */
import { type BenchSection, formatSection } from './report.js';

type Section = () => Promise<BenchSection>;

const SECTIONS: Array<[string, () => Promise<Section>]> = [
  ['search', async () => (await import('./search.js')).run],
  ['kb', async () => (await import('./kb.js')).run],
  ['slack', async () => (await import('./slack.js')).run],
  ['teams', async () => (await import('./teams.js')).run],
  ['digest', async () => (await import('./digest.js')).run],
];

const wanted = process.argv.slice(2);
let failed = 0;
for (const [name, load] of SECTIONS) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  try {
    const section = await (await load())();
    console.log(`${formatSection(section)}\n`);
  } catch (error) {
    failed++;
    console.log(`## ${name}\n\n- FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
