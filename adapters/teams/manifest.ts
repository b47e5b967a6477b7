/**
 * The Teams app manifest (schema 1.22) and app package: `manifest.json`, `color.png` (192×192) and `outline.png`
 * (32×32) at the zip root, the bot and message-extension ids set to the Azure Bot's app id.
 *
 * @example
 * const { bytes, path } = await buildTeamsPackage({ appId: '1a2b…', out: 'breachbot-teams.zip' });
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { packageRoot } from '../../src/config.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The folder holding the committed manifest template and icons. */
export function teamsManifestDir(): string {
  return path.join(packageRoot(), 'manifest', 'teams');
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

interface ManifestShape {
  id: string;
  bots?: Array<{ botId: string }>;
  composeExtensions?: Array<{ botId: string }>;
  [key: string]: unknown;
}

/**
 * The manifest with `appId` as the app id, the bot id and the message extension's bot id.
 * @throws ManifestError when `appId` is not a GUID
 */
export async function renderTeamsManifest(appId: string): Promise<Record<string, unknown>> {
  if (!GUID.test(appId)) {
    throw new ManifestError(
      `--app-id must be a GUID (Azure portal → your Azure Bot → Configuration → Microsoft App ID), got "${appId}"`,
    );
  }
  const template = JSON.parse(await readFile(path.join(teamsManifestDir(), 'manifest.json'), 'utf8')) as ManifestShape;
  const id = appId.toLowerCase();
  return {
    ...template,
    id,
    bots: (template.bots ?? []).map((bot) => ({ ...bot, botId: id })),
    composeExtensions: (template.composeExtensions ?? []).map((ext) => ({ ...ext, botId: id })),
  };
}

export interface TeamsPackageOptions {
  appId: string;
  /** where to write the zip; nothing is written when absent */
  out?: string;
}

export interface TeamsPackage {
  bytes: Uint8Array;
  manifest: Record<string, unknown>;
  /** absolute path of the written zip, when `out` was given */
  path?: string;
}

/** Builds the app package to upload in Teams (Apps → Manage your apps → Upload an app). */
export async function buildTeamsPackage(options: TeamsPackageOptions): Promise<TeamsPackage> {
  const manifest = await renderTeamsManifest(options.appId);
  const dir = teamsManifestDir();
  const [color, outline] = await Promise.all([
    readFile(path.join(dir, 'color.png')),
    readFile(path.join(dir, 'outline.png')),
  ]);
  const bytes = zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': new Uint8Array(color),
    'outline.png': new Uint8Array(outline),
  });
  if (!options.out) return { bytes, manifest };
  const file = path.resolve(options.out);
  await writeFile(file, bytes);
  return { bytes, manifest, path: file };
}
