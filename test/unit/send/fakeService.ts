// A tiny stand-in for Partner Center when a test needs an answer the emulator never gives (a 500
// after commit, a 200 that carries an error): every request is recorded, and `answer` decides what
// comes back. Reads the test does not care about get an empty collection.
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface FakeRequest { method: string; path: string; requestId?: string; body: string }
export interface FakeAnswer { status: number; body?: unknown }

export interface FakeService {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export async function startFakeService(answer: (req: FakeRequest, index: number) => FakeAnswer | undefined): Promise<FakeService> {
  const requests: FakeRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const recorded: FakeRequest = { method: String(req.method), path: String(req.url), requestId: req.headers['ms-requestid'] as string | undefined, body };
      requests.push(recorded);
      const out = answer(recorded, requests.length - 1) ?? { status: 200, body: { totalCount: 0, items: [] } };
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(out.body === undefined ? '' : JSON.stringify(out.body));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
