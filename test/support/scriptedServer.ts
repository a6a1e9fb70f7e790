// A loopback HTTP server that answers as the test's script says and records what it was sent. Service
// behaviour (paging, errors, throttling, faults) comes from the emulator; a scripted server is for
// what happens on the wire around it: the exact headers sent, redirects, sockets that stall or die,
// malformed answers, and fronts that stand between a client and the emulator (a company gateway,
// a pass-through that notes whose token came).
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ScriptedServer {
  url: string;
  port: number;
  /** Every request, in the order its body was complete. */
  requests: RecordedCall[];
  close(): Promise<void>;
}

/** Called once a request's body has arrived; `index` counts the requests from 0. */
export type Script = (req: http.IncomingMessage, res: http.ServerResponse, body: string, index: number) => void;

/**
 * `record: false` keeps nothing of the requests (`requests` stays empty), for a server that sees
 * real-looking tokens it must not hold on to.
 */
export async function startScriptedServer(script: Script, { record = true }: { record?: boolean } = {}): Promise<ScriptedServer> {
  const requests: RecordedCall[] = [];
  let count = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (record) requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      script(req, res, body, count++);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/**
 * Passes a request on to `target` unchanged but for its Host, and its answer back as it came. If
 * the target drops the connection, so does this: the client sees what it would have seen.
 */
export function forward(target: string, req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  const { host: _host, connection: _connection, ...headers } = req.headers;
  const { hostname, port } = new URL(target);
  // The path as it came, dot segments and escapes included: what the client sent is what arrives.
  const upstream = http.request({ host: hostname, port, method: req.method, path: req.url, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}
