import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

/**
 * SIGTERM: fail readiness, stop accepting connections, let the requests in flight finish
 * (cutting those still open after `graceMs`), then close the app: the projector finishes the
 * batch in hand (a batch and its checkpoint commit together), and the pools close last. An
 * append commits whole or not at all, so nothing is ever half-written, whenever the process stops.
 */
export const shutDownGracefully = async (app: INestApplication, graceMs: number, log: (message: string) => void = () => undefined): Promise<void> => {
  app.get(ShutdownState).begin();
  const server = app.getHttpServer() as Server;
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections that go idle once their response is sent are closed as they do.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const cut = setTimeout(() => {
    log(`requests still running after ${graceMs} ms: closing their connections`);
    server.closeAllConnections();
  }, graceMs);
  server.closeIdleConnections();
  try {
    await drained;
  } finally {
    clearInterval(idle);
    clearTimeout(cut);
  }
  await app.close();
};
