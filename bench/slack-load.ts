/**
 * The load generator for `bench/slack.ts`, run in its own process so it does not share the server's event loop:
 * `concurrency` keep-alive clients POST signed Slack requests to one URL on loopback for a fixed time, after a
 * warm-up, and report throughput, latencies and errors.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

export interface LoadJob {
  url: string;
  /** form bodies to cycle through */
  bodies: string[];
  secret: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** a response body must contain this to count as a success */
  expect?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  /** milliseconds, measured requests only */
  latencies: number[];
  /** every request answered, warm-up included */
  completed: number;
  firstError?: string;
}

function signed(body: string, secret: string) {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
}

async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const target = new URL(job.url);
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const stopAt = measureFrom + job.durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let seq = 0;
  let completed = 0;

  const once = (body: string) =>
    new Promise<{ ok: boolean; why?: string }>((resolve) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: signed(body, job.secret),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) resolve({ ok: false, why: `HTTP ${res.statusCode}` });
            else if (job.expect && !text.includes(job.expect))
              resolve({ ok: false, why: `unexpected body ${text.slice(0, 80)}` });
            else resolve({ ok: true });
          });
        },
      );
      req.on('error', (e) => resolve({ ok: false, why: e.message }));
      req.end(body);
    });

  const client = async () => {
    while (performance.now() < stopAt) {
      const body = job.bodies[seq++ % job.bodies.length] as string;
      const t0 = performance.now();
      const result = await once(body);
      const t1 = performance.now();
      completed += 1;
      if (t0 < measureFrom) continue;
      if (result.ok) latencies.push(t1 - t0);
      else {
        errors += 1;
        firstError ??= result.why;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, client));
  const seconds = (performance.now() - measureFrom) / 1000;
  agent.destroy();
  return { requests: latencies.length, errors, seconds, latencies, completed, firstError };
}

const failed = (error: unknown): LoadResult => ({
  requests: 0,
  errors: 1,
  seconds: 0,
  latencies: [],
  completed: 0,
  firstError: String(error),
});

if (process.send) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send?.(result, () => process.disconnect()),
      (error: unknown) => process.send?.(failed(error), () => process.disconnect()),
    );
  });
}
