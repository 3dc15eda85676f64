import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface ProjectorThread {
  /** Lets the batch in hand finish (within `graceMs`), then ends the thread. */
  stop(graceMs: number): Promise<void>;
}

// Built, a .js beside this one; run from source (the tests' ts-register, inherited by the thread), the .ts.
const ENTRY = join(__dirname, '..', '..', 'projector', 'src', `projector-thread${__filename.endsWith('.ts') ? '.ts' : '.js'}`);

/**
 * The projector on a worker thread of this process (apps/projector/src/projector-thread.ts):
 * one process to run, as `npm start` promises, but the projector's batches no longer wait their
 * turn on the API's event loop. Resolves once it runs; `onExit` hears of a thread that ends
 * without being asked to (the process should then stop: its read models would go stale).
 */
export const startProjectorThread = (onExit: (reason: string) => void): Promise<ProjectorThread> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY);
    let running = false;
    let stopping = false;
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    worker.on('error', (error) => (running ? onExit(`the projector thread failed: ${error.stack ?? error.message}`) : reject(error)));
    worker.on('exit', (code) => {
      if (!running) reject(new Error(`the projector thread exited with ${code} before it ran`));
      else if (!stopping) onExit(`the projector thread exited with ${code}`);
    });
    worker.on('message', (message: { ready?: boolean; failed?: string }) => {
      if (message.failed) {
        reject(new Error(`the projector thread did not start: ${message.failed}`));
        void worker.terminate();
        return;
      }
      running = true;
      resolve({
        stop: async (graceMs) => {
          stopping = true;
          worker.postMessage('stop');
          const cut = setTimeout(() => void worker.terminate(), graceMs + 5_000);
          await exited;
          clearTimeout(cut);
        },
      });
    });
  });
