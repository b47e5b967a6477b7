/**
 * `breachbot manifest slack --url https://HOST` prints the Slack app manifest; `breachbot manifest teams --app-id
 * GUID [--website URL --privacy URL --terms URL] [--version X.Y.Z] [--out FILE.zip]` builds the Teams app package,
 * and says on stderr which values are still placeholders.
 */
import path from 'node:path';
import { type CliIo, parseFlags, UsageError } from './io.js';

const USAGE = `Usage:
  breachbot manifest slack --url https://HOST [--command /breach]
  breachbot manifest teams --app-id GUID [--website https://URL] [--privacy https://URL] [--terms https://URL]
                           [--version X.Y.Z] [--out FILE.zip]
`;

async function slack(args: string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseFlags(args, { url: 'string', command: 'string' });
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  if (typeof flags.url !== 'string') throw new UsageError('manifest slack needs --url https://HOST');
  const { renderSlackManifest, SlackManifestError } = await import('../../adapters/slack/manifest.js');
  const command = typeof flags.command === 'string' ? flags.command : io.env.SLACK_COMMAND;
  try {
    io.stdout.write(await renderSlackManifest({ url: flags.url, command: command || undefined }));
    return 0;
  } catch (error) {
    if (error instanceof SlackManifestError) {
      io.stderr.write(`breachbot manifest slack: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function teams(args: string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseFlags(args, {
    'app-id': 'string',
    out: 'string',
    website: 'string',
    privacy: 'string',
    terms: 'string',
    version: 'string',
  });
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
  if (typeof flags['app-id'] !== 'string') throw new UsageError('manifest teams needs --app-id GUID');
  const { buildTeamsPackage, ManifestError, placeholderFlags } = await import('../../adapters/teams/manifest.js');
  const text = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const out = text('out') === undefined ? undefined : path.resolve(io.cwd, text('out') as string);
  try {
    const built = await buildTeamsPackage({
      appId: flags['app-id'],
      out,
      websiteUrl: text('website'),
      privacyUrl: text('privacy'),
      termsOfUseUrl: text('terms'),
      version: text('version'),
    });
    if (built.path) io.stdout.write(`wrote ${built.path}\n`);
    else io.stdout.write(`${JSON.stringify(built.manifest, null, 2)}\n`);
    const placeholders = placeholderFlags(built.manifest);
    if (placeholders.length > 0) {
      io.stderr.write(
        `breachbot manifest teams: note: ${placeholders.join(', ')} not given, so the package carries example.com ` +
          "placeholders. That is fine to sideload your own copy; your organization's app catalog and the Teams Store " +
          `need real pages (${placeholders.map((f) => `${f} https://…`).join(' ')}).\n`,
      );
    }
    if (text('version') === undefined) {
      io.stderr.write(
        `breachbot manifest teams: note: version ${String(built.manifest.version)}; to update an app already ` +
          'uploaded, pass a higher --version X.Y.Z.\n',
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof ManifestError) {
      io.stderr.write(`breachbot manifest teams: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Dispatches `manifest slack` and `manifest teams`; 2 on a usage error. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [platform, ...rest] = args;
  try {
    if (platform === 'slack') return await slack(rest, io);
    if (platform === 'teams') return await teams(rest, io);
    throw new UsageError(platform ? `unknown platform "${platform}"` : 'which manifest: slack or teams?');
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`breachbot manifest: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
