// The shared body reader on a real loopback server: bodies within the limit arrive whole; a body over the limit
// (declared or chunked) is answered 413 with `Connection: close` and the connection is closed, also when the
// client keeps sending; a client that goes away mid-body leaves nothing behind.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BodyAbortedError,
  BodyTooLargeError,
  describeBytes,
  isBodyError,
  LINGER_MAX_BYTES,
  readBody,
  refuseBody,
} from '../../src/http/read-body.js';
import { upload } from '../http-upload.js';

const LIMIT = 16 * 1024;
let server: Server;
let url: string;
const outcomes: Array<'ok' | 'too-large' | 'aborted'> = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    try {
      const body = await readBody(req, { limit: LIMIT });
      outcomes.push('ok');
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`read ${body.length} bytes`);
    } catch (error) {
      if (!isBodyError(error)) throw error;
      outcomes.push(error instanceof BodyTooLargeError ? 'too-large' : 'aborted');
      refuseBody(req, res, error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('readBody', () => {
  it('returns a body within the limit, chunked or declared', async () => {
    expect(await upload(url, 1000)).toMatchObject({ status: 200, text: 'read 1000 bytes' });
    expect(await upload(url, LIMIT, { declare: true })).toMatchObject({ status: 200, text: `read ${LIMIT} bytes` });
  });

  it('refuses a declared Content-Length over the limit with 413 and Connection: close', async () => {
    const sent = await upload(url, LIMIT + 1, { declare: true });
    expect(sent.status).toBe(413);
    expect(sent.connection).toBe('close');
    expect(JSON.parse(sent.text)).toEqual({ error: new BodyTooLargeError(LIMIT).message });
  });

  it('stops a chunked body at the limit: 413, Connection: close, connection closed', async () => {
    const sent = await upload(url, 2 * 1024 * 1024);
    expect(sent).toMatchObject({ status: 413, connection: 'close' });
    expect(sent.text).toContain('larger than 16 KB');
  });

  it('closes the connection of a client that never stops sending, after a bounded amount', async () => {
    const sent = await upload(url, Number.POSITIVE_INFINITY);
    expect(sent).toMatchObject({ status: 413, connection: 'close' });
    // what the client pushed before the close: the limit, the swallowed rest, and what sat in socket buffers
    expect(sent.written).toBeLessThan(LIMIT + LINGER_MAX_BYTES + 16 * 1024 * 1024);
  });

  it('rejects with BodyAbortedError when the client goes away mid-body', async () => {
    const before = outcomes.length;
    await new Promise<void>((resolve) => {
      const req = request(url, { method: 'POST', headers: { 'content-length': '5000' }, agent: false });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(100));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    for (let i = 0; i < 50 && outcomes.length === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(outcomes.slice(before)).toEqual(['aborted']);
    expect(new BodyAbortedError().status).toBe(400);
  });
});

describe('describeBytes', () => {
  it('says KB and MB for whole multiples', () => {
    expect(describeBytes(16 * 1024)).toBe('16 KB');
    expect(describeBytes(1024 * 1024)).toBe('1 MB');
    expect(describeBytes(1500)).toBe('1500 bytes');
  });
});
