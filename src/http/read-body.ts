/**
 * The one request-body reader for every route. The limit is enforced while reading, chunked bodies included: the
 * moment a body (declared or received) passes it, reading stops and `readBody` rejects with `BodyTooLargeError`.
 * `refuseBody` then answers 413 with `Connection: close` and closes the connection. Before closing it throws
 * away what the client already has on the way (for at most `LINGER_MS` and `LINGER_MAX_BYTES`), so the client
 * reads the 413 instead of a connection reset.
 *
 * @example
 * let body: Buffer;
 * try {
 *   body = await readBody(req, { limit: 16 * 1024 });
 * } catch (error) {
 *   if (isBodyError(error)) return refuseBody(req, res, error);
 *   throw error;
 * }
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ReadBodyOptions {
  /** largest body accepted, in bytes */
  limit: number;
}

/** The body is larger than the route accepts (declared by `Content-Length` or counted while reading). */
export class BodyTooLargeError extends Error {
  readonly status = 413;
  constructor(readonly limit: number) {
    super(`the request body is larger than ${describeBytes(limit)}; send a smaller one`);
    this.name = 'BodyTooLargeError';
  }
}

/** The client went away (or the connection failed) before the whole body arrived; nobody is left to answer. */
export class BodyAbortedError extends Error {
  readonly status = 400;
  constructor() {
    super('the request was closed before its body was read; send it again');
    this.name = 'BodyAbortedError';
  }
}

export type BodyError = BodyTooLargeError | BodyAbortedError;

export function isBodyError(error: unknown): error is BodyError {
  return error instanceof BodyTooLargeError || error instanceof BodyAbortedError;
}

/** How long a refused connection keeps swallowing the rest of the upload before it is closed. */
export const LINGER_MS = 1000;
/** How much of the rest of the upload is swallowed at most before the connection is closed. */
export const LINGER_MAX_BYTES = 4 * 1024 * 1024;

/** `16 KB`, `1 MB`, or a byte count. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** The `Content-Length` the client declared, or undefined (chunked, missing or malformed). */
export function declaredLength(req: IncomingMessage): number | undefined {
  const raw = req.headers['content-length'];
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * Reads the whole body, at most `limit` bytes.
 * @throws BodyTooLargeError as soon as the body is known to be larger (the request is left paused)
 * @throws BodyAbortedError when the client closes the request before its end
 */
export function readBody(req: IncomingMessage, options: ReadBodyOptions): Promise<Buffer> {
  const { limit } = options;
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    if (declared !== undefined && declared > limit) {
      reject(new BodyTooLargeError(limit));
      return;
    }
    if (req.readableEnded) {
      resolve(Buffer.alloc(0));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onClose);
      req.off('close', onClose);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(new BodyTooLargeError(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onClose = () => finish(new BodyAbortedError());
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onClose);
    req.once('close', onClose);
  });
}

/** What a refusal says: JSON `{ "error": message }` unless the route speaks another type. */
export interface RefusalBody {
  contentType: string;
  text: string;
}

/**
 * Answers a body error: 413 (or 400) with `Connection: close`, then closes the connection once the client stopped
 * sending, or after `LINGER_MS` / `LINGER_MAX_BYTES` of swallowed upload. Nothing is written when the client
 * is already gone.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, error: BodyError, body?: RefusalBody): void {
  if (error instanceof BodyAbortedError || res.headersSent || res.destroyed) {
    if (!res.writableEnded) res.destroy();
    return;
  }
  const { contentType, text } = body ?? {
    contentType: 'application/json; charset=utf-8',
    text: JSON.stringify({ error: error.message }),
  };
  res.writeHead(error.status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    connection: 'close',
  });
  // The response is complete for the client (Content-Length); `end()` waits until the upload stops, so the
  // socket is not closed on unread data (which the client would see as a reset instead of this answer).
  res.write(text);
  let swallowed = 0;
  const close = () => {
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', close);
    req.off('close', close);
    if (!res.writableEnded) res.end();
  };
  const onData = (chunk: Buffer) => {
    swallowed += chunk.length;
    if (swallowed > LINGER_MAX_BYTES) close();
  };
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  if (req.readableEnded) {
    close();
    return;
  }
  req.on('data', onData);
  req.once('end', close);
  req.once('close', close);
  req.resume();
}
