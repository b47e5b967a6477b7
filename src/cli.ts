/**
 * The `breachbot` command line (CONTRACTS.md). Each subcommand lives in `src/cli/<name>.ts` and is imported only
 * when used, so `ask` never loads Bolt or botbuilder. Only `main` decides the exit code.
 */
import type { CliIo } from './cli/io.js';

const USAGE = `breachbot — answers questions about cloud security incidents, in Slack, Teams, the terminal and a local page

Usage:
  breachbot serve                                   run the bot (HTTP server, adapters, digest scheduler)
  breachbot ask [--json] [--incident ID] [--data DIR] [QUESTION…]
                                                    answer a question (no QUESTION: one per line from stdin)
  breachbot validate [--data DIR]                   check the knowledge base; FILE:LINE: PATH: message
  breachbot eval FILE                               score a question file (expect/any/all); N passed, N failed
  breachbot digest run-due [--now ISO-8601]         post the digests due at that instant, once
  breachbot digest preview [--incident ID] [--since ISO-8601]
                                                    print the digest that would be posted
  breachbot manifest slack --url https://HOST       print the Slack app manifest
  breachbot manifest teams --app-id GUID [--out FILE.zip] [--version X.Y.Z]
           [--website https://URL] [--privacy https://URL] [--terms https://URL]
                                                    build the Teams app package
  breachbot hunt [--incident ID] [--format kql|spl|powershell|sigma|json]
                                                    print the incident's hunting queries
  breachbot indicators [--incident ID] [--format csv|json|stix]
                                                    export the incident's indicators
  breachbot new incident ID [--data DIR]            write a skeleton incident file that validates
  breachbot questions [--since ISO-8601] [--json] [--purge]
                                                    questions nobody could answer or voted down, with counts
                                                    (--purge empties the log)
  breachbot feedback [--since 7d|ISO-8601] [--json] the week's votes on answers, for the knowledge base's owners
`;

type Subcommand = (args: string[], io: CliIo) => Promise<number>;

const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  serve: async () => (await import('./cli/serve.js')).run,
  ask: async () => (await import('./cli/ask.js')).run,
  validate: async () => (await import('./cli/validate.js')).run,
  eval: async () => (await import('./cli/eval.js')).run,
  digest: async () => (await import('./cli/digest.js')).run,
  manifest: async () => (await import('./cli/manifest.js')).run,
  hunt: async () => (await import('./cli/hunt.js')).run,
  indicators: async () => (await import('./cli/indicators.js')).run,
  new: async () => (await import('./cli/new.js')).run,
  questions: async () => (await import('./cli/questions.js')).run,
  feedback: async () => (await import('./cli/feedback.js')).run,
};

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], io?: CliIo): Promise<number> {
  const { defaultIo } = await import('./cli/io.js');
  const streams = io ?? defaultIo();
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    streams.stdout.write(USAGE);
    return name ? 0 : 0;
  }
  const load = SUBCOMMANDS[name];
  if (!load) {
    streams.stderr.write(`breachbot: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const run = await load();
  return run(rest, streams);
}
