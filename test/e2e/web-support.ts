/**
 * Starts `breachbot serve` (or `npm start`) as a child process in its own process group, waits for the start-up
 * block to print the web page's URL, and stops the whole group afterwards. Used by the web and local-mode tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/e2e/web-support.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The line of the start-up block that carries the page's URL, e.g. `  Web page:  http://127.0.0.1:3978/`. */
export const PAGE_URL_LINE = /Web page:\s+(http:\/\/\S+)/;
/** The line that gives the HTTP server's base URL, printed in every mode. */
export const LISTEN_URL_LINE = /Listening on:?\s+(http:\/\/\S+)/i;

export interface ServeProcess {
  /** base URL the server printed (always 127.0.0.1 or another loopback address in tests) */
  url: string;
  /** the page URL, when the page is on */
  pageUrl?: string;
  child: ChildProcess;
  /** everything printed so far (stdout and stderr) */
  output(): string;
  /** what was printed on stderr alone */
  errorOutput(): string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** default: `node bin/breachbot.js serve` */
  command?: string[];
  cwd?: string;
  /** the whole environment of the child (nothing is inherited) */
  env: Record<string, string>;
  /** how long to wait for the URL to be printed */
  timeoutMs?: number;
}

/** A minimal environment: PATH and HOME only, plus what the test adds. */
export function bareEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.tmpdir(), ...extra };
}

/** A fresh empty directory for DATA_DIR. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Stops a process started with `detached: true` and its children: SIGTERM to its group, SIGKILL after 5 s, and
 * resolves once it exited (at once when it already has).
 */
export async function stopGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-(child.pid as number), 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts the server and resolves once it printed where it listens. */
export async function startServe(options: ServeOptions): Promise<ServeProcess> {
  const [cmd, ...args] = options.command ?? [process.execPath, 'bin/breachbot.js', 'serve'];
  const child = spawn(cmd as string, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  let errors = '';
  const exited = once(child, 'exit');
  const stop = () => stopGroup(child, exited);
  const found = new Promise<{ url: string; pageUrl?: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server printed no URL within ${options.timeoutMs ?? 60_000} ms:\n${text}`)),
      options.timeoutMs ?? 60_000,
    );
    const check = () => {
      const listen = LISTEN_URL_LINE.exec(text);
      const page = PAGE_URL_LINE.exec(text);
      if (listen?.[1]) {
        clearTimeout(timer);
        resolve({ url: listen[1].replace(/\/$/, ''), pageUrl: page?.[1] });
      }
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      check();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      errors += chunk.toString('utf8');
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before printing its URL:\n${text}`));
    });
  });
  try {
    const { url, pageUrl } = await found;
    return { url, pageUrl, child, output: () => text, errorOutput: () => errors, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
