import { MessageChannel, Worker, type MessagePort, type Transferable } from 'node:worker_threads';
import { threadEntry } from './thread-entry.js';

/** An answer from a request thread: to the request `id`, an error (rejects it) or a result. */
export type ThreadAnswer = { id: number; error?: { name?: string; message: string; code?: string } };

/** Sends a request (the message carries `id`) and resolves with its answer, or rejects with its error. */
export type RequestThread<Answer extends ThreadAnswer> = (message: (id: number) => object, transfer?: readonly Transferable[]) => Promise<Answer>;

type Pending<Answer> = { resolve: (answer: Answer) => void; reject: (error: Error) => void };
type Running<Answer> = { worker: Worker; port: MessagePort; pending: Map<number, Pending<Answer>> };

/**
 * A worker thread running the module `moduleName` beside `callerUrl`, answering requests by id on a
 * message port it gets as `workerData.port` (an answer, or an array of answers sent together). Started
 * at the first request. It keeps the process alive while a request is pending, not while it idles. If it
 * dies, its pending requests fail and the next request starts a new one.
 */
export function requestThread<Answer extends ThreadAnswer>(callerUrl: string, moduleName: string, description: string): RequestThread<Answer> {
  let running: Running<Answer> | undefined;
  let nextId = 0;

  function start(): Running<Answer> {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(threadEntry(callerUrl, moduleName), { eval: true, workerData: { port: port2 }, transferList: [port2] });
    worker.unref();
    const started: Running<Answer> = { worker, port: port1, pending: new Map() };
    port1.on('message', (message: Answer | Answer[]) => {
      for (const answer of Array.isArray(message) ? message : [message]) {
        const pending = started.pending.get(answer.id);
        if (!pending) continue;
        started.pending.delete(answer.id);
        if (answer.error) {
          const { name, message: text, code } = answer.error;
          pending.reject(Object.assign(new Error(text), name ? { name } : {}, code ? { code } : {}));
        } else pending.resolve(answer);
      }
      if (started.pending.size === 0) started.worker.unref();
    });
    port1.unref();
    const fail = (error: Error) => {
      if (running === started) running = undefined;
      for (const pending of started.pending.values()) pending.reject(error);
      started.pending.clear();
      port1.close();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The ${description} stopped (exit code ${code})`)));
    return started;
  }

  return (message, transfer = []) => {
    const thread = (running ??= start());
    const id = nextId++;
    return new Promise<Answer>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      if (thread.pending.size === 1) thread.worker.ref();
      thread.port.postMessage(message(id), transfer);
    });
  };
}
