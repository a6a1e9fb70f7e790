// A CONNECT proxy for tests that sends tunnels to ports on loopback: the way to make a non-loopback
// host (a "production" Partner Center URL, or a real cloud's sign-in authority) reach a local
// server, exactly as a corporate proxy would carry it. Given one port, every tunnel goes there,
// whatever host was asked. Given a table of `host:port` → loopback port, only those hosts are
// tunnelled and every other CONNECT is refused with 502, so nothing behind it can reach the real
// host by accident.
import * as http from 'node:http';
import * as net from 'node:net';

export interface TunnelProxy {
  url: string;
  /** Every CONNECT, refused ones included. */
  connects: { target: string; proxyAuthorization?: string; refused?: boolean }[];
  close(): Promise<void>;
}

export async function startTunnelProxy(target: number | Readonly<Record<string, number>>): Promise<TunnelProxy> {
  const connects: TunnelProxy['connects'] = [];
  const sockets = new Set<net.Socket>();
  const portFor = (requested: string): number | undefined =>
    typeof target === 'number' ? target : target[requested.toLowerCase()];
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const requested = req.url ?? '';
    const port = portFor(requested);
    connects.push({
      target: requested,
      proxyAuthorization: req.headers['proxy-authorization'],
      ...(port === undefined ? { refused: true } : {}),
    });
    client.on('error', () => client.destroy());
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(port, '127.0.0.1', () => {
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
