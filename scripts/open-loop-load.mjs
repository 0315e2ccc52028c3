// An open-loop load generator: sends requests at a fixed rate, evenly spaced in time, whatever the server's
// answers are doing, and measures each request's latency from the moment it was due to be sent.
//
// Why not autocannon's `overallRate`: autocannon gives each connection a quota of requests per wall-clock
// second and sends them back to back from the second's start, so every second begins with a closed-loop
// burst of all connections and ends idle (200 req/s over 20 connections: the whole second's 200 requests in
// its first 100–400 ms). Its latencies then measure a burst at saturation, not a steady rate; and its
// correction for coordinated omission assumes one request per millisecond per connection, adding made-up
// samples. Here request i is due at start + i / rate; if no connection is free it waits, and that wait
// counts in its latency (no coordinated omission).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Sends `amount` requests at `rate` per second over at most `connections` keep-alive connections.
 * `request(i)` gives the i-th request: { path, method, headers, body }.
 * Resolves with { latencies (ms, in send order), statuses, errors, seconds }.
 */
export async function openLoopLoad({ url, rate, amount, connections, request, timeoutMs = 30_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const latencies = new Array(amount);
  const statuses = new Map();
  let errors = 0;
  let settled = 0;
  const start = performance.now();
  const intervalMs = 1000 / rate;

  const done = new Promise((resolve) => {
    const send = (i) => {
      const due = start + i * intervalMs;
      const { path, method = 'POST', headers = {}, body } = request(i);
      const finish = (status) => {
        latencies[i] = performance.now() - due;
        if (status === undefined) errors++;
        else statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (++settled === amount) resolve();
      };
      const req = http.request(
        { host: target.hostname, port: target.port, path, method, agent, timeout: timeoutMs, headers: { ...headers, 'content-length': Buffer.byteLength(body ?? '') } },
        (res) => {
          res.resume();
          res.once('end', () => finish(res.statusCode));
          res.once('error', () => finish(undefined));
        },
      );
      req.once('timeout', () => req.destroy(new Error('timeout')));
      req.once('error', () => finish(undefined));
      req.end(body);
    };
    // A tick every millisecond sends whatever has come due (a late tick catches up: the requests keep their
    // due times, so the lateness is measured, not hidden).
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < amount && start + next * intervalMs <= now) send(next++);
      if (next < amount) setTimeout(tick, Math.max(0, Math.min(1, start + next * intervalMs - performance.now())));
    };
    tick();
  });
  await done;
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { latencies, statuses, errors, seconds };
}

/** The q-quantile (0–1) of `values`, by the nearest-rank method. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
