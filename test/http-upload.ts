/**
 * A raw HTTP upload for body-limit tests: writes `total` bytes (Infinity: without end) in 64 KB chunks, chunked
 * unless `declare` sets `Content-Length`, and reports the status, the `Connection` header, the text and how much
 * was written before the server closed the connection.
 *
 * @example
 * const sent = await upload(`${url}/api/ask`, 2 * 1024 * 1024);
 * expect(sent).toMatchObject({ status: 413, connection: 'close' });
 */
import { type IncomingMessage, request } from 'node:http';

export interface Upload {
  status?: number;
  connection?: string;
  text: string;
  /** bytes the client wrote before the server closed the connection */
  written: number;
  error?: string;
}

/** Resolves once the response is read and the connection is closed (or the request failed). */
export function upload(
  url: string,
  total: number,
  options: { declare?: boolean; headers?: Record<string, string> } = {},
): Promise<Upload> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', ...options.headers };
    if (options.declare) headers['content-length'] = String(total);
    const req = request(url, { method: 'POST', headers, agent: false });
    const result: Upload = { text: '', written: 0 };
    let done = false;
    let closed = false;
    let responded = false;
    const settle = () => {
      if (!done && closed && (responded || result.error)) {
        done = true;
        resolve(result);
      }
    };
    req.on('response', (res: IncomingMessage) => {
      result.status = res.statusCode;
      result.connection = res.headers.connection;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        result.text += chunk;
      });
      res.on('end', () => {
        responded = true;
        settle();
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!responded && result.status === undefined) result.error = error.code ?? error.message;
      settle();
    });
    req.on('close', () => {
      closed = true;
      settle();
    });
    req.on('socket', (socket) => {
      socket.on('close', () => {
        closed = true;
        settle();
      });
    });
    const chunk = Buffer.alloc(64 * 1024, 97);
    const pump = () => {
      while (!done && !req.destroyed && result.written < total) {
        const piece = total - result.written >= chunk.length ? chunk : chunk.subarray(0, total - result.written);
        result.written += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (result.written >= total && !req.writableEnded) req.end();
    };
    pump();
  });
}
