import { createServer, type AddressInfo } from 'node:net';

/** A port the system has just handed out on loopback: free for the process the test starts next. */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
