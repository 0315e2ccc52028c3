import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One request as the receiver saw it. */
export type ReceivedRequest = { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer };

/** A real HTTP(S) server on 127.0.0.1 that records requests and answers with the test's handler. */
export type Receiver = { url: string; requests: ReceivedRequest[]; close(): Promise<void> };

/** Answers a recorded request; it may also leave the response open or destroy the socket. */
export type ReceiverHandler = (request: ReceivedRequest, res: ServerResponse) => void;

/** Starts a receiver; with `tls` it speaks HTTPS with those server options (certificates, client auth). */
export async function startReceiver(handler: ReceiverHandler, tls?: ServerOptions): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(request);
      handler(request, res);
    });
  };
  const server: Server = tls === undefined ? createHttpServer(onRequest) : createHttpsServer(tls, onRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
