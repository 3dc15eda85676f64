import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { shutDownGracefully } from '@lib/host';
import { validateConfig } from '@lib/platform';
import { startProjectorApp } from './start-projector-app';

/**
 * `npm start` with a PostgreSQL server runs the projector here, on a thread of its own
 * (apps/api/src/projector-thread-host.ts): on the API's event loop every await of a batch
 * queued behind the requests in flight, and under load an intake took 1.5–2 s to reach the
 * read models. The parent has already checked the settings and migrated the database.
 * Messages: `ready` once running (or `failed` and the reason), `stop` in, then this thread ends.
 */
const port = parentPort!;
const main = async () => {
  const config = validateConfig(process.env);
  const app = await startProjectorApp(config);
  port.on('message', (message) => {
    if (message !== 'stop') return;
    shutDownGracefully(app, config.SHUTDOWN_GRACE_MS).finally(() => port.close());
  });
  port.postMessage({ ready: true });
};

main().catch((error) => port.postMessage({ failed: String((error as Error)?.stack ?? error) }));
