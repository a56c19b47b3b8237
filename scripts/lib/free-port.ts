import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, to hand to a child process. Chosen at random
 * BELOW the kernel's ephemeral range: a port the OS picks (listen on 0) comes from that range, which
 * every outgoing connection also draws from, so a port reserved early (a five-app cluster picks all
 * its ports before starting apps one by one over ~30 s) was sometimes taken by a connection before
 * its app bound it (EADDRINUSE). Below the range only explicit binds compete; the bind check and the
 * per-process memory of handed-out ports cover those.
 */
const handedOut = new Set<number>();

function ephemeralStart(): number {
  try {
    const [lo] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return lo && Number.isInteger(lo) ? lo : 32768;
  } catch {
    return 32768;
  }
}

const bindable = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const osPicked = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('freePort: the OS returned no TCP address'));
        return;
      }
      server.close((err) => (err ? reject(err) : resolve(address.port)));
    });
  });

export async function freePort(): Promise<number> {
  const top = ephemeralStart();
  const bottom = Math.max(10_000, top - 12_000);
  for (let attempt = 0; top - bottom > 1000 && attempt < 50; attempt++) {
    const port = bottom + Math.floor(Math.random() * (top - bottom));
    if (handedOut.has(port) || !(await bindable(port))) continue;
    handedOut.add(port);
    return port;
  }
  return osPicked();
}
