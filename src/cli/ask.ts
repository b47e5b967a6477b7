/**
 * `breachbot ask [--json] [--all] [--incident ID] [--data DIR] [QUESTION…]` (CONTRACTS.md): answers one question,
 * or one question per line of standard input, in order. `--json` prints one `ask --json` object per line; `--all`
 * follows "More" to print every page. On a terminal the text is wrapped and styled (`terminal.ts`); piped, it is
 * the plain text. Exit 0 whatever the answer kind, 2 on a usage error. Loads only the core and the knowledge base,
 * never a chat SDK.
 */
import { ConfigError, loadConfig } from '../config.js';
import { toAnswerJson } from '../core/answer-json.js';
import { createKnowledgeBase, type KnowledgeBase } from '../core/knowledge-base.js';
import { parseCommand } from '../core/parse-command.js';
import { answerToPlainText } from '../core/plain-text.js';
import { respond } from '../core/respond.js';
import { incidentDirs } from '../kb/path-list.js';
import { type CliIo, parseFlags, UsageError } from './io.js';
import { answerForTerminal, terminalStyle } from './terminal.js';

const USAGE = `Usage: breachbot ask [--json] [--all] [--incident ID] [--data DIR] [QUESTION…]

Answers a question from the knowledge base. With no QUESTION, reads one question per line from standard input.
  --json          one JSON object per answer, one per line
  --all           every page of a long answer, not only the first
  --incident ID   ask about this incident (default: DEFAULT_INCIDENT, or Storm-0558)
  --data DIR      folder of incident files (default: INCIDENTS_DIR, or data/incidents)
`;

interface AskOptions {
  json: boolean;
  all: boolean;
  incident?: string;
  data?: string;
  question?: string;
}

function parseArgs(args: string[]): AskOptions | 'help' {
  const { flags, positional } = parseFlags(args, {
    json: 'boolean',
    all: 'boolean',
    incident: 'string',
    data: 'string',
    help: 'boolean',
  });
  if (flags.help) return 'help';
  const question = positional.join(' ').trim();
  return {
    json: flags.json === true,
    all: flags.all === true,
    incident: typeof flags.incident === 'string' ? flags.incident : undefined,
    data: typeof flags.data === 'string' ? flags.data : undefined,
    question: question === '' ? undefined : question,
  };
}

/** Runs `ask`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let options: AskOptions;
  try {
    const parsed = parseArgs(args);
    if (parsed === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`breachbot ask: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  let dirs: string[];
  let defaultIncident: string | undefined;
  let dataDir: string;
  try {
    const config = loadConfig(io.env, io.cwd);
    defaultIncident = config.defaultIncident;
    dataDir = config.dataDir;
    dirs = incidentDirs(options.data ?? config.incidentsDir, io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  // unchanged data is read from the build's snapshot or the cache; the parsers load only when files must be parsed
  const { cacheDirIn, loadKnowledgeBase } = await import('../kb/load.js');
  const loaded = await loadKnowledgeBase({ dir: dirs, defaultIncident, cacheDir: cacheDirIn(dataDir) });
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    io.stderr.write(
      `breachbot ask: the knowledge base has ${errors.length} error(s); answering from what loaded. Run \`breachbot validate\` for details.\n`,
    );
  }
  // lazy: a command such as `timeline` answers without building the search index
  const kb = createKnowledgeBase(loaded.data, { lazy: true });
  if (options.incident && !kb.incident(options.incident)) {
    const known = kb.incidents.map((i) => i.id).join(', ') || 'none';
    io.stderr.write(`breachbot ask: unknown incident "${options.incident}" (loaded: ${known})\n\n${USAGE}`);
    return 2;
  }
  const answerOne = (question: string) => writeAnswer(io, kb, question, options);
  if (options.question !== undefined) {
    answerOne(options.question);
    return 0;
  }
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  let first = true;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (!first && !options.json) io.stdout.write('\n');
    first = false;
    answerOne(line);
  }
  return 0;
}

/** Pages `--all` follows at most: a safeguard, far above the longest list in the knowledge base. */
const MAX_PAGES = 100;

function writeAnswer(io: CliIo, kb: KnowledgeBase, question: string, options: AskOptions): void {
  const style = options.json ? undefined : terminalStyle(io.stdout, io.env);
  let text: string | undefined = question;
  for (let page = 0; text !== undefined && page < (options.all ? MAX_PAGES : 1); page++) {
    const parsed = parseCommand(text, kb);
    const command = options.incident && !parsed.incident ? { ...parsed, incident: options.incident } : parsed;
    const answer = respond(kb, command, { now: new Date() });
    if (page > 0 && !options.json) io.stdout.write('\n');
    if (options.json) io.stdout.write(`${JSON.stringify(toAnswerJson(answer))}\n`);
    else io.stdout.write(`${style ? answerForTerminal(answer, style) : answerToPlainText(answer)}\n`);
    text = answer.more;
  }
}
