/**
 * The load generator for the chat benchmarks (`bench/slack.ts`, `bench/teams.ts`), run in its own process so it
 * does not share the servers' event loop: `concurrency` keep-alive clients POST bodies to one URL on loopback for a
 * fixed time, after a warm-up, and report throughput, latencies and errors. Slack requests are signed when the job
 * carries a signing secret; otherwise the bodies go out as JSON.
 *
 * @example
 * const result = await load({ url, bodies, concurrency: 50, warmupMs: 400, durationMs: 1000 });
 * const row = { server: 'bot', ...summarize(result) };
 */
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

export interface LoadJob {
  url: string;
  /** bodies to cycle through */
  bodies: string[];
  /** Slack signing secret: bodies are signed form posts; without it they are JSON */
  secret?: string;
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

const LOAD_FLAG = '--bench-load';

function headersFor(body: string, secret: string | undefined): Record<string, string> {
  const length = String(Buffer.byteLength(body));
  if (secret === undefined) return { 'content-type': 'application/json', 'content-length': length };
  const ts = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': length,
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
          headers: headersFor(body, job.secret),
        },
        (res) => {
          const chunks: Buffer[] = [];
          if (job.expect) res.on('data', (c: Buffer) => chunks.push(c));
          else res.resume();
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

/** Runs `job` in a child process, so the caller's CPU time (`process.cpuUsage()`) is its servers' alone. */
export function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [LOAD_FLAG], { serialization: 'advanced', stdio: 'inherit' });
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator exited with ${code}`));
    });
    child.send(job);
  });
}

/** Adds up the rounds of one server. */
export function mergeResults(parts: LoadResult[]): LoadResult {
  return {
    requests: parts.reduce((n, r) => n + r.requests, 0),
    errors: parts.reduce((n, r) => n + r.errors, 0),
    seconds: parts.reduce((n, r) => n + r.seconds, 0),
    latencies: parts.flatMap((r) => r.latencies),
    completed: parts.reduce((n, r) => n + r.completed, 0),
    firstError: parts.find((r) => r.firstError)?.firstError,
  };
}

/** The `p`th percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Requests per measured second. */
export const rps = (r: LoadResult): number => r.requests / r.seconds;

/** The columns every load table starts with after the server name. */
export function summarize(r: LoadResult) {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return {
    'req/s': Math.round(rps(r)),
    'p50 ms': Number(percentile(sorted, 50).toFixed(2)),
    'p99 ms': Number(percentile(sorted, 99).toFixed(2)),
    errors: r.errors,
  };
}

if (process.argv[2] === LOAD_FLAG && process.send) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send?.(result, () => process.disconnect()),
      (error: unknown) => process.send?.(failed(error), () => process.disconnect()),
    );
  });
}
