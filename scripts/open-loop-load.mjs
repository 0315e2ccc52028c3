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
//
// It shares the machine with the service it measures, so it is kept light, like autocannon: plain
// keep-alive sockets, requests written as one buffer, and a response parser that reads the status line
// and Content-Length only (enough for the service's answers; any other framing counts as an error).
import { Buffer } from 'node:buffer';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval, setTimeout } from 'node:timers';

/**
 * Sends `amount` requests at `rate` per second over at most `connections` keep-alive connections.
 * `request(i)` gives the i-th request: { path, method, headers, body }.
 * Resolves with { latencies (ms, in send order; failed requests included), statuses (Map status → count),
 * errors, seconds }.
 */
export async function openLoopLoad({ url, rate, amount, connections, request, timeoutMs = 30_000 }) {
  const target = new URL(url);
  const port = Number(target.port || 80);
  const latencies = new Array(amount);
  const statuses = new Map();
  let errors = 0;
  let settled = 0;
  const intervalMs = 1000 / rate;
  const waiting = []; // indexes of due requests with no free connection
  const idle = [];
  const all = [];
  let start;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));

  function finish(i, status) {
    latencies[i] = performance.now() - (start + i * intervalMs);
    if (status === undefined) errors++;
    else statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (++settled === amount) resolveDone();
  }

  function encode(i) {
    const { path, method = 'POST', headers = {}, body = '' } = request(i);
    const payload = Buffer.from(body);
    const head = [`${method} ${path} HTTP/1.1`, `host: ${target.host}`, 'connection: keep-alive', `content-length: ${payload.length}`];
    for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
    return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), payload]);
  }

  function connection() {
    const conn = { socket: undefined, current: undefined, sentAt: 0, received: undefined };
    const open = () => {
      conn.socket = net.connect({ host: target.hostname, port, noDelay: true });
      conn.socket.on('data', (chunk) => receive(conn, chunk));
      conn.socket.on('error', () => undefined);
      conn.socket.on('close', () => {
        conn.socket = undefined;
        if (conn.current !== undefined) fail(conn);
      });
    };
    conn.send = (i) => {
      if (!conn.socket) open();
      conn.current = i;
      conn.sentAt = performance.now();
      conn.received = undefined;
      conn.socket.write(encode(i));
    };
    all.push(conn);
    return conn;
  }

  function release(conn) {
    conn.current = undefined;
    if (waiting.length > 0) conn.send(waiting.shift());
    else idle.push(conn);
  }

  function fail(conn) {
    const i = conn.current;
    conn.current = undefined;
    conn.socket?.destroy();
    conn.socket = undefined;
    finish(i, undefined);
    release(conn);
  }

  function receive(conn, chunk) {
    if (conn.current === undefined) return;
    const data = (conn.received = conn.received ? Buffer.concat([conn.received, chunk]) : chunk);
    const end = data.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = data.subarray(0, end).toString('latin1');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1]);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
    if (!status || length === undefined) return fail(conn);
    if (data.length < end + 4 + Number(length)) return;
    const close = /\r\nconnection:\s*close/i.test(head);
    const i = conn.current;
    conn.current = undefined;
    if (close) {
      conn.socket.destroy();
      conn.socket = undefined;
    }
    finish(i, status);
    release(conn);
  }

  for (let c = 0; c < connections; c++) idle.push(connection());
  const watchdog = setInterval(() => {
    const now = performance.now();
    for (const conn of all) if (conn.current !== undefined && now - conn.sentAt > timeoutMs) fail(conn);
  }, 1000);

  // Each request is sent when it comes due: one timer for the next one (a late timer sends every request
  // that came due meanwhile; they keep their due times, so the lateness is measured, not hidden).
  start = performance.now();
  let next = 0;
  const tick = () => {
    const now = performance.now();
    while (next < amount && start + next * intervalMs <= now) {
      const conn = idle.pop();
      if (conn) conn.send(next);
      else waiting.push(next);
      next++;
    }
    if (next < amount) setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
  };
  tick();
  await done;
  const seconds = (performance.now() - start) / 1000;
  clearInterval(watchdog);
  for (const conn of all) conn.socket?.destroy();
  return { latencies, statuses, errors, seconds };
}

/** The q-quantile (0–1) of `values`, by the nearest-rank method. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
