// A CONNECT proxy for tests that sends every tunnel to one port on loopback, whatever host was
// asked: the way to make a non-loopback Partner Center host (a "production" or "sandbox" URL) reach
// the emulator, exactly as a corporate proxy would carry it.
import * as http from 'node:http';
import * as net from 'node:net';

export interface TunnelProxy {
  url: string;
  connects: { target: string; proxyAuthorization?: string }[];
  close(): Promise<void>;
}

export async function startTunnelProxy(targetPort: number): Promise<TunnelProxy> {
  const connects: TunnelProxy['connects'] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push({ target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'] });
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
