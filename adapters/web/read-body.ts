/**
 * Reads a request body up to a byte limit. A body over the limit is drained and discarded (so the client still
 * receives the answer instead of a reset connection) and reported as `tooLarge`.
 *
 * @example
 * const body = await readBody(req, 16 * 1024);
 * if (body.tooLarge) return sendError(res, 400, 'the request body is larger than 16 KB');
 */
import type { IncomingMessage } from 'node:http';

export interface BodyResult {
  text: string;
  tooLarge: boolean;
}

/** Drain at most this many times the limit before giving up and closing the connection. */
const DRAIN_FACTOR = 1024;

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) tooLarge = true;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (size > limit * DRAIN_FACTOR) {
        req.destroy();
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve({ text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge }));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('request closed before its body was read'));
    });
  });
}
