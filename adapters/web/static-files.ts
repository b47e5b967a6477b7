/**
 * Serves the page's own files (`adapters/web/static/`) and the Adaptive Cards browser bundle straight from
 * `node_modules/adaptivecards/dist`. Only known names are served, so no path ever reaches the file system
 * from a URL. Files are read once and kept in memory.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The page may load its own scripts and styles only; Adaptive Cards sets inline styles, so those are allowed. */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** The folder holding this package's `adapters/web/static`, from source (vitest) or from `dist/`. */
export function defaultStaticDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'adapters', 'web', 'static');
    dir = path.dirname(dir);
  }
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');
}

function vendorFiles(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const bundle = require.resolve('adaptivecards/dist/adaptivecards.min.js');
  return {
    'vendor/adaptivecards.min.js': bundle,
    'vendor/adaptivecards.css': path.join(path.dirname(bundle), 'adaptivecards.css'),
  };
}

export interface StaticFiles {
  /** serves `name` (relative to `/static/`, or `index.html`); false when the name is unknown */
  serve(name: string, req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

export function createStaticFiles(staticDir = defaultStaticDir()): StaticFiles {
  const vendor = vendorFiles();
  const cache = new Map<string, Buffer>();
  const resolve = (name: string): string | undefined => {
    if (vendor[name]) return vendor[name];
    if (/^[a-z0-9][a-z0-9-]*\.(html|js|css|svg|png|ico)$/.test(name)) return path.join(staticDir, name);
    return undefined;
  };
  return {
    async serve(name, req, res) {
      const file = resolve(name);
      if (!file) return false;
      let body = cache.get(file);
      if (!body) {
        try {
          body = await readFile(file);
        } catch {
          return false;
        }
        cache.set(file, body);
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
        ...PAGE_SECURITY_HEADERS,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}
